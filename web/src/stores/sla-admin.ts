/**
 * The SLA admin screen's data: the policies and the business calendars (fetched together), and saving
 * either — an answer replaces or adds the one saved, and the call answers an Outcome the form that asked
 * shows (its error carries the server's field messages).
 */
import { reactive } from 'vue';
import type { CalendarDto, SlaPolicyDto } from '@contracts';
import * as http from '../api/sla';
import { directory } from './directory';
import type { Outcome } from '../lib/submission';

const state = reactive({
  policies: [] as SlaPolicyDto[],
  calendars: [] as CalendarDto[],
  loading: false,
  loaded: false,
  loadError: null as Error | null,
});

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
function put<T extends { id: string; name: string }>(list: T[], item: T): T[] {
  return [...list.filter((x) => x.id !== item.id), item].sort(byName);
}

export const slaAdmin = {
  state,

  calendarName(id: string | null): string | null {
    return id ? (state.calendars.find((c) => c.id === id)?.name ?? null) : null;
  },

  async load(): Promise<void> {
    if (state.loading) return;
    state.loading = true;
    try {
      const [policies, calendars] = await Promise.all([http.listPolicies(), http.listCalendars()]);
      state.policies = [...policies].sort(byName);
      state.calendars = [...calendars].sort(byName);
      state.loaded = true;
      state.loadError = null;
    } catch (err) {
      state.loadError = asError(err);
    } finally {
      state.loading = false;
    }
  },

  /** Creates (no id) or replaces a policy. */
  async savePolicy(id: string | null, input: http.PolicyInput): Promise<Outcome & { saved?: SlaPolicyDto }> {
    try {
      const saved = id ? await http.updatePolicy(id, input) : await http.createPolicy(input);
      state.policies = put(state.policies, saved);
      // The incident's SLA picker offers it at once (other sessions: at their next load).
      directory.state.slaPolicies = put(directory.state.slaPolicies, saved);
      return { ok: true, saved };
    } catch (err) {
      return { ok: false, error: asError(err) };
    }
  },

  /** Creates (no id) or replaces a calendar. */
  async saveCalendar(id: string | null, input: http.CalendarInput): Promise<Outcome & { saved?: CalendarDto }> {
    try {
      const saved = id ? await http.updateCalendar(id, input) : await http.createCalendar(input);
      state.calendars = put(state.calendars, saved);
      return { ok: true, saved };
    } catch (err) {
      return { ok: false, error: asError(err) };
    }
  },

  /** Deletes on the server; the lists keep it until forget (the screen leaves its editor first). */
  async remove(kind: 'policy' | 'calendar', id: string): Promise<Outcome> {
    try {
      await (kind === 'policy' ? http.deletePolicy(id) : http.deleteCalendar(id));
      return { ok: true };
    } catch (err) {
      return { ok: false, error: asError(err) };
    }
  },

  /** A deleted policy or calendar leaves the lists (and the incident's SLA picker). */
  forget(kind: 'policy' | 'calendar', id: string): void {
    if (kind === 'policy') {
      state.policies = state.policies.filter((p) => p.id !== id);
      directory.state.slaPolicies = directory.state.slaPolicies.filter((p) => p.id !== id);
    } else state.calendars = state.calendars.filter((c) => c.id !== id);
  },

  reset(): void {
    Object.assign(state, { policies: [], calendars: [], loading: false, loaded: false, loadError: null });
  },
};
