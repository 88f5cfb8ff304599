/**
 * The workflow rules an admin manages: the list in run order, and the changes to it (create, edit, switch
 * on/off, delete, reorder, try). Every change answers an Outcome, so the button or form that asked shows
 * what failed; the list itself changes at once where it is safe (on/off, order) and goes back on failure.
 */
import { reactive } from 'vue';
import type { DryRunDto, DryRunRequest, RuleDto, RuleInput } from '@contracts';
import { ApiRequestError } from '../api/client';
import { createRule, deleteRule, dryRunRules, listRules, reorderRules, updateRule } from '../api/rules';
import type { Outcome } from '../lib/submission';

export type SaveOutcome = { ok: true; rule: RuleDto } | { ok: false; error: Error; stale: boolean };
export type DryRunOutcome = { ok: true; result: DryRunDto } | { ok: false; error: Error };

const state = reactive({
  rules: [] as RuleDto[],
  loading: false,
  loaded: false,
  /** Why the list could not be loaded. */
  loadError: null as Error | null,
});

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
const isStatus = (err: unknown, status: number) => err instanceof ApiRequestError && err.status === status;
const byPosition = (a: RuleDto, b: RuleDto) => a.position - b.position;

function put(rule: RuleDto): void {
  const i = state.rules.findIndex((r) => r.id === rule.id);
  if (i >= 0) state.rules.splice(i, 1, rule);
  else state.rules.push(rule);
  state.rules.sort(byPosition);
}

export const rules = {
  state,

  find(id: string): RuleDto | null {
    return state.rules.find((r) => r.id === id) ?? null;
  },

  async load(): Promise<Outcome> {
    state.loading = true;
    try {
      state.rules = [...(await listRules())].sort(byPosition);
      state.loaded = true;
      state.loadError = null;
      return { ok: true };
    } catch (err) {
      state.loadError = asError(err);
      return { ok: false, error: state.loadError };
    } finally {
      state.loading = false;
    }
  },

  /**
   * Creates the rule, or (with an id) replaces the stored one's fields, sending the version of the list.
   * A 409 (changed meanwhile) reloads the list: saving again then replaces what the other admin saved.
   */
  async save(input: RuleInput, id?: string): Promise<SaveOutcome> {
    try {
      let saved: RuleDto;
      if (id) {
        const current = rules.find(id);
        if (!current) throw new ApiRequestError({ statusCode: 404, error: 'Not Found', message: 'This rule no longer exists.' });
        saved = await updateRule(id, { ...input, version: current.version });
      } else {
        saved = await createRule(input);
      }
      put(saved);
      return { ok: true, rule: saved };
    } catch (err) {
      const stale = isStatus(err, 409);
      if (stale) await rules.load();
      return { ok: false, error: asError(err), stale };
    }
  },

  /** Switches a rule on or off (shown at once; back on failure). */
  async setActive(id: string, active: boolean): Promise<Outcome> {
    const current = rules.find(id);
    if (!current) return { ok: true };
    put({ ...current, active });
    try {
      put(await updateRule(id, { active, version: current.version }));
      return { ok: true };
    } catch (err) {
      put(current);
      if (isStatus(err, 409) || isStatus(err, 404)) await rules.load();
      return { ok: false, error: asError(err) };
    }
  },

  async remove(id: string): Promise<Outcome> {
    try {
      await deleteRule(id);
    } catch (err) {
      // Already gone: the list was out of date.
      if (isStatus(err, 404)) {
        await rules.load();
        return { ok: true };
      }
      return { ok: false, error: asError(err) };
    }
    state.rules = state.rules.filter((r) => r.id !== id);
    return { ok: true };
  },

  /** Moves a rule `delta` places (−1 up, +1 down): the new order shows at once and is sent whole. */
  async move(id: string, delta: number): Promise<Outcome> {
    const before = [...state.rules];
    const from = before.findIndex((r) => r.id === id);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= before.length) return { ok: true };
    const next = [...before];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    state.rules = next;
    try {
      const answer = await reorderRules(next.map((r) => r.id));
      state.rules = [...answer].sort(byPosition);
      return { ok: true };
    } catch (err) {
      state.rules = before;
      // Someone added or removed a rule meanwhile: the ids sent were not all of them.
      if (isStatus(err, 400) || isStatus(err, 409)) await rules.load();
      return { ok: false, error: asError(err) };
    }
  },

  async dryRun(request: DryRunRequest): Promise<DryRunOutcome> {
    try {
      return { ok: true, result: await dryRunRules(request) };
    } catch (err) {
      return { ok: false, error: asError(err) };
    }
  },

  reset(): void {
    state.rules = [];
    state.loaded = false;
    state.loading = false;
    state.loadError = null;
  },
};
