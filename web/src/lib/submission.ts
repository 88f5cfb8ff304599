/**
 * A request started from a form or a button (send a reply, add a note, save the service order, send a
 * mail again): busy while it runs, one at a time, and the error to show next to it when it fails.
 */
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiRequestError } from '../api/client';
import { describeErrorWithFields } from './errors';

/** What became of a request whose error the caller shows itself. */
export type Outcome = { ok: true } | { ok: false; error: Error };

/**
 * `action` answers an Outcome (its error is shown here), or a boolean: false means refused, with the
 * error shown elsewhere (the detail's notice banner), so nothing is shown here. `notFound`: what a 404
 * says (see describeError). `explain`: the caller's own words for a failure it knows (null: the usual ones).
 */
export function useSubmission<A extends unknown[]>(action: (...args: A) => Promise<boolean | Outcome>, notFound?: string, explain?: (err: unknown) => string | null) {
  const { t } = useI18n();
  const busy = ref(false);
  const error = ref<string | null>(null);
  /** The server's per-field messages of the last failure (to mark the inputs). */
  const fields = ref<Record<string, string>>({});

  /** Runs the action unless one is running; true when it succeeded. */
  async function run(...args: A): Promise<boolean> {
    if (busy.value) return false;
    busy.value = true;
    error.value = null;
    fields.value = {};
    try {
      const outcome = await action(...args);
      if (typeof outcome === 'boolean') return outcome;
      if (outcome.ok) return true;
      error.value = explain?.(outcome.error) ?? describeErrorWithFields(outcome.error, t, notFound);
      fields.value = outcome.error instanceof ApiRequestError ? (outcome.error.fields ?? {}) : {};
      return false;
    } catch (err) {
      error.value = explain?.(err) ?? describeErrorWithFields(err, t, notFound);
      return false;
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    error.value = null;
    fields.value = {};
  }

  return { busy, error, fields, run, clear };
}
