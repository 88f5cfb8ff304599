/**
 * Deleting something an admin made (an SLA policy or calendar, a service type): one request at a time, busy
 * while it runs. The server refuses (409) what is still used and says what uses it (`inUse`); that is said
 * here in the user's language, with the messages under an i18n prefix of the thing's own:
 *   `${prefix}.inUse`             the sentence it starts with ("This policy is in use and stays:")
 *   `${prefix}.usedByIncidents`   {n}, one | many: what its incidents count means for this thing
 *   `${prefix}.usedByRules`       {names}
 *   `${prefix}.usedByPolicies`    {names}
 * Only the ones its server can answer need to exist.
 */
import { useI18n } from 'vue-i18n';
import type { InUseDto } from '@contracts';
import { ApiRequestError } from '../api/client';
import { useSubmission, type Outcome } from './submission';

type Translate = (key: string, params: Record<string, unknown>, plural?: number) => string;

/** The refusal of a delete that is still used, in words; null for any other failure. */
export function describeInUse(err: unknown, prefix: string, t: Translate): string | null {
  if (!(err instanceof ApiRequestError) || err.status !== 409 || !err.body.inUse) return null;
  const u: InUseDto = err.body.inUse;
  const parts = [
    u.incidents ? t(`${prefix}.usedByIncidents`, { n: u.incidents }, u.incidents) : null,
    u.rules?.length ? t(`${prefix}.usedByRules`, { names: u.rules.join(', ') }) : null,
    u.policies?.length ? t(`${prefix}.usedByPolicies`, { names: u.policies.join(', ') }) : null,
  ].filter(Boolean);
  return `${t(`${prefix}.inUse`, {})} ${parts.join(' · ')}`;
}

/**
 * `remove` deletes (answering an Outcome, as the stores do); `onDeleted` runs once it is gone, with the
 * same arguments. `error`: why it was refused, or what else failed. One at a time, as any submission.
 */
export function useRemoval<A extends unknown[]>(remove: (...args: A) => Promise<Outcome>, prefix: string, onDeleted?: (...args: A) => void) {
  const { t } = useI18n();
  const submission = useSubmission(
    async (...args: A): Promise<Outcome> => {
      const outcome = await remove(...args);
      if (outcome.ok) onDeleted?.(...args);
      return outcome;
    },
    undefined,
    (err) => describeInUse(err, prefix, t),
  );
  return { busy: submission.busy, error: submission.error, remove: async (...args: A): Promise<void> => void (await submission.run(...args)) };
}
