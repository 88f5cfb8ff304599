/**
 * The workload screen's data: every technician's load, offers and availability (GET /api/workload), kept
 * live while the screen watches — a 'workload.changed' from the server, a change of an incident on it, a
 * reconnect, or the moment someone's availability changes by the clock fetch it again, bursts coalesced
 * into one request — plus the editors' calls (profile, absences, service types saved and deleted), each
 * answering a Result the form that asked shows.
 */
import { reactive } from 'vue';
import type { AbsenceDto, ServiceTypeDto, TechnicianProfileDto, WorkloadDto } from '@contracts';
import { ApiRequestError } from '../api/client';
import * as http from '../api/workload';
import { onConnected, onInboxEvent } from '../api/socket';
import { concernsWorkload, nextAvailabilityChange } from '../lib/workload';

export type Result<T> = { ok: true; value: T } | { ok: false; error: Error };

/** Events arriving within this long of the first one are answered by one fetch. */
export const REFRESH_DELAY_MS = 300;
/** After an availability change is due, fetch this much later (the server counts it by its own clock). */
const CLOCK_SLACK_MS = 1000;
const MAX_TIMER_MS = 24 * 3600_000;

const state = reactive({
  items: [] as WorkloadDto[],
  loading: false,
  loaded: false,
  loadError: null as Error | null,
  serviceTypes: [] as ServiceTypeDto[],
  /** When the workload was last fetched: the time left on offers counts from no earlier than this. */
  fetchedAt: 0,
});

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
async function attempt<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: asError(err) };
  }
}

let inFlight: Promise<Result<WorkloadDto[]>> | null = null;
/** Something changed while a fetch was on its way: its answer may predate it, so fetch once more. */
let again = false;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
let clockTimer: ReturnType<typeof setTimeout> | null = null;
let watching: (() => void)[] | null = null;

function scheduleClock(): void {
  if (clockTimer) clearTimeout(clockTimer);
  clockTimer = null;
  if (!watching) return;
  const next = nextAvailabilityChange(state.items, Date.now());
  if (next !== null) clockTimer = setTimeout(() => workload.refreshSoon(), Math.min(next - Date.now() + CLOCK_SLACK_MS, MAX_TIMER_MS));
}

const shows = (incidentId: string) => state.items.some((w) => w.incidents.some((i) => i.id === incidentId));

export const workload = {
  state,

  find(technicianId: string): WorkloadDto | null {
    return state.items.find((w) => w.technician.id === technicianId) ?? null;
  },

  /** Fetches the workload (one request at a time; a call during one gets another right after it). */
  load(): Promise<Result<WorkloadDto[]>> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    state.loading = true;
    inFlight = attempt(http.getWorkload).then((result) => {
      if (result.ok) {
        state.items = result.value;
        state.fetchedAt = Date.now();
        state.loaded = true;
        state.loadError = null;
      } else {
        state.loadError = result.error;
      }
      state.loading = false;
      inFlight = null;
      if (again) {
        again = false;
        void workload.load();
      }
      scheduleClock();
      return result;
    });
    return inFlight;
  },

  /** Fetches again shortly: everything that asks meanwhile shares that one fetch. */
  refreshSoon(): void {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void workload.load();
    }, REFRESH_DELAY_MS);
  },

  /** Keeps the workload live (the screen is open); `unwatch` when it closes. */
  watch(): void {
    if (watching) return;
    watching = [
      onInboxEvent('workload.changed', () => workload.refreshSoon()),
      onInboxEvent('incident.updated', ({ incident }) => {
        if (concernsWorkload(state.items, incident)) workload.refreshSoon();
      }),
      onInboxEvent('incident.removed', ({ incidentId }) => {
        if (shows(incidentId)) workload.refreshSoon();
      }),
      // Whatever was pushed while the connection was down.
      onConnected(() => workload.refreshSoon()),
    ];
    scheduleClock();
  },

  unwatch(): void {
    for (const stop of watching ?? []) stop();
    watching = null;
    if (refreshTimer) clearTimeout(refreshTimer);
    if (clockTimer) clearTimeout(clockTimer);
    refreshTimer = clockTimer = null;
  },

  /** A technician's profile and absences, for the editor. */
  openProfile(id: string): Promise<Result<{ profile: TechnicianProfileDto; absences: AbsenceDto[] }>> {
    return attempt(async () => {
      const [profile, absences] = await Promise.all([http.getProfile(id), http.getAbsences(id)]);
      return { profile, absences };
    });
  },

  async saveProfile(id: string, body: TechnicianProfileDto): Promise<Result<TechnicianProfileDto>> {
    const result = await attempt(() => http.saveProfile(id, body));
    if (result.ok) workload.refreshSoon();
    return result;
  },

  async addAbsence(id: string, body: { from: string; to: string; reason?: string }): Promise<Result<AbsenceDto[]>> {
    const result = await attempt(() => http.addAbsence(id, body));
    if (result.ok) workload.refreshSoon();
    return result;
  },

  /** Answers the absences left. */
  async removeAbsence(id: string, absenceId: string): Promise<Result<AbsenceDto[]>> {
    const result = await attempt(async () => {
      await http.removeAbsence(id, absenceId);
      return http.getAbsences(id);
    });
    if (result.ok) workload.refreshSoon();
    return result;
  },

  async loadServiceTypes(): Promise<Result<ServiceTypeDto[]>> {
    const result = await attempt(http.getServiceTypes);
    if (result.ok) state.serviceTypes = result.value;
    return result;
  },

  async saveServiceType(name: string, requiredSkills: Record<string, number>): Promise<Result<ServiceTypeDto[]>> {
    const result = await attempt(() => http.saveServiceType(name, requiredSkills));
    if (result.ok) state.serviceTypes = result.value;
    return result;
  },

  /**
   * Deletes it; once it is gone it leaves the list. Gone already (404: another admin deleted it) is gone
   * too. A refusal (409) carries what still uses it.
   */
  async removeServiceType(name: string): Promise<Result<void>> {
    const result = await attempt(() => http.deleteServiceType(name));
    const gone = result.ok || (result.error instanceof ApiRequestError && result.error.status === 404);
    if (gone) state.serviceTypes = state.serviceTypes.filter((t) => t.name !== name);
    return gone ? { ok: true, value: undefined } : result;
  },

  reset(): void {
    workload.unwatch();
    state.items = [];
    state.serviceTypes = [];
    state.loaded = false;
    state.loading = false;
    state.loadError = null;
    state.fetchedAt = 0;
  },
};
