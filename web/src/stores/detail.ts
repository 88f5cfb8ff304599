/**
 * The open incident: its detail with timeline, the PATCH/notes it sends, who else views it, and
 * the live events that concern it.
 */
import { markRaw, reactive } from 'vue';
import {
  INCIDENT_TRANSITIONS,
  type IncidentDetailDto,
  type IncidentPatch,
  type IncidentSummaryDto,
  type MessageDto,
  type TimelineEntry,
  type UserRefDto,
} from '@contracts';
import { ApiRequestError } from '../api/client';
import { endpoints } from '../api/endpoints';
import { unviewIncident, viewIncident } from '../api/socket';
import { inbox } from './inbox';

export type Notice =
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; message: string; fields?: Record<string, string> }
  | { kind: 'error'; error: Error };

const state = reactive({
  id: null as string | null,
  incident: null as IncidentDetailDto | null,
  loading: false,
  /** Loading the incident failed (404, network...). */
  error: null as Error | null,
  /** A change or a note failed; shown above the timeline. */
  notice: null as Notice | null,
  saving: false,
  viewers: [] as UserRefDto[],
});

let loadSeq = 0;
let refreshing: Promise<void> | null = null;
let refreshAgain = false;

const raw = (err: unknown): Error => markRaw(err instanceof Error ? err : new Error(String(err)));

function dedupeViewers(viewers: UserRefDto[]): UserRefDto[] {
  const seen = new Set<string>();
  return viewers.filter((v) => v && !seen.has(v.id) && seen.add(v.id));
}

function accept(incident: IncidentDetailDto): void {
  const current = state.incident;
  if (current && current.id === incident.id && incident.version < current.version) return;
  state.incident = incident;
  inbox.onUpdated(incident); // the list row shows what the detail shows (also without live push)
}

async function fetchDetail(id: string): Promise<void> {
  const seq = ++loadSeq;
  try {
    const incident = await endpoints.incident(id);
    if (seq !== loadSeq || state.id !== id) return;
    accept(incident);
    state.error = null;
  } catch (err) {
    if (seq === loadSeq && state.id === id) state.error = raw(err);
  }
}

/** Refetch the open incident; calls during a refetch coalesce into one more. */
function refresh(): Promise<void> {
  if (!state.id) return Promise.resolve();
  if (refreshing) {
    refreshAgain = true;
    return refreshing;
  }
  refreshing = (async () => {
    do {
      refreshAgain = false;
      const id = state.id;
      if (!id) break;
      await fetchDetail(id);
    } while (refreshAgain);
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function announceView(): Promise<void> {
  const id = state.id;
  if (!id) return;
  const viewers = await viewIncident(id);
  if (viewers && state.id === id) state.viewers = dedupeViewers(viewers);
}

function appendMessage(message: MessageDto): void {
  const incident = state.incident;
  if (!incident || incident.id !== message.incidentId) return;
  if (incident.timeline.some((entry) => entry.type === 'message' && entry.id === message.id)) return;
  const entry: TimelineEntry = { type: 'message', ...message };
  incident.timeline = [...incident.timeline, entry];
}

export const detail = {
  state,
  refresh,
  announceView,

  async open(id: string): Promise<void> {
    if (state.id === id) return;
    if (state.id) unviewIncident(state.id);
    state.id = id;
    state.incident = null;
    state.error = null;
    state.notice = null;
    state.viewers = [];
    state.loading = true;
    void announceView();
    await fetchDetail(id);
    if (state.id === id) state.loading = false;
  },

  close(): void {
    if (state.id) unviewIncident(state.id);
    loadSeq++;
    Object.assign(state, { id: null, incident: null, loading: false, error: null, notice: null, saving: false, viewers: [] });
  },

  dismissNotice(): void {
    state.notice = null;
  },

  /** Sends one change with the version we show; false when the server refused it. */
  async patch(changes: Omit<IncidentPatch, 'version'>): Promise<boolean> {
    const incident = state.incident;
    if (!incident || state.saving) return false;
    state.saving = true;
    state.notice = null;
    try {
      const updated = await endpoints.patchIncident(incident.id, { ...changes, version: incident.version });
      if (state.id === updated.id) {
        loadSeq++; // an older refetch in flight must not overwrite this answer
        accept(updated);
      } else inbox.onUpdated(updated);
      return true;
    } catch (err) {
      if (err instanceof ApiRequestError && err.status === 409) {
        state.notice = { kind: 'conflict', message: err.message };
        void refresh();
      } else if (err instanceof ApiRequestError && (err.status === 400 || err.status === 422)) {
        state.notice = { kind: 'invalid', message: err.message, fields: err.fields };
      } else {
        state.notice = { kind: 'error', error: raw(err) };
      }
      return false;
    } finally {
      state.saving = false;
    }
  },

  async addNote(body: string): Promise<boolean> {
    const incident = state.incident;
    const text = body.trim();
    if (!incident || !text) return false;
    state.notice = null;
    try {
      const message = await endpoints.addNote(incident.id, { body: text });
      appendMessage(message);
      void refresh(); // a note bumps the incident's version: fetch it so the next change is not refused
      return true;
    } catch (err) {
      state.notice =
        err instanceof ApiRequestError && err.status === 400
          ? { kind: 'invalid', message: err.message, fields: err.fields }
          : { kind: 'error', error: raw(err) };
      return false;
    }
  },

  onMessage(payload: { incidentId: string; message: MessageDto }): void {
    if (payload.incidentId === state.id) appendMessage(payload.message);
  },

  onUpdated(summary: IncidentSummaryDto): void {
    const current = state.incident;
    if (!current || summary.id !== current.id) return;
    if (summary.version < current.version) return;
    if (summary.version === current.version && summary.updatedAt === current.updatedAt) return;
    // Show the new fields at once; the refetch brings audit entries and the server's transitions.
    const previousStatus = current.status;
    Object.assign(current, summary);
    if (summary.status !== previousStatus || !current.allowedTransitions) {
      current.allowedTransitions = [...INCIDENT_TRANSITIONS[summary.status]];
    }
    void refresh();
  },

  /** It left our sight: refetching shows the server's answer (no longer visible) instead of stale data. */
  onRemoved(incidentId: string): void {
    if (incidentId === state.id) void refresh();
  },

  onViewers(payload: { incidentId: string; viewers: UserRefDto[] }): void {
    if (payload.incidentId === state.id) state.viewers = dedupeViewers(payload.viewers ?? []);
  },

  reset(): void {
    detail.close();
  },
};
