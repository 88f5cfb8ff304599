/**
 * The open incident: its detail with timeline, the PATCH/notes/replies it sends, who else views it,
 * and the live events that concern it.
 */
import { markRaw, reactive } from 'vue';
import {
  type DuplicateSuggestionDto,
  type ManualCallRequest,
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
import type { Outcome } from '../lib/submission';
import { inbox } from './inbox';

export type Notice =
  | { kind: 'conflict'; message: string }
  | { kind: 'invalid'; message: string; fields?: Record<string, string> }
  | { kind: 'error'; error: Error };

/** What became of a reply: the reply box shows the error itself and keeps the text. */
export type ReplyResult = Outcome;
/** "Send again": queued false when the server did not count the mail as failed (nothing was sent). */
export type ResendOutcome = { ok: true; queued: boolean } | { ok: false; error: Error };

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

/**
 * Messages of the open incident that we learnt of one by one (pushed, or answered to our POST), each
 * with the tick at which it arrived. An incident fetched (or PATCHed) before that tick may predate
 * it: the known copy wins over the answer, so a delivery status pushed while a refetch was in flight
 * is not set back to an older one, and a new message does not vanish until the next refetch.
 */
let tick = 0;
const known = new Map<string, { message: MessageDto; at: number }>();

const raw = (err: unknown): Error => markRaw(err instanceof Error ? err : new Error(String(err)));

function dedupeViewers(viewers: UserRefDto[]): UserRefDto[] {
  const seen = new Set<string>();
  return viewers.filter((v) => v && !seen.has(v.id) && seen.add(v.id));
}

/** The incident as answered by a request sent at `requestedAt`, with the messages known since then. */
function withKnown(incident: IncidentDetailDto, requestedAt: number): IncidentDetailDto {
  const newer = new Map<string, MessageDto>();
  for (const { message, at } of known.values()) if (at > requestedAt && message.incidentId === incident.id) newer.set(message.id, message);
  if (newer.size === 0) return incident;
  const timeline = incident.timeline.map((entry): TimelineEntry => {
    const message = entry.type === 'message' ? newer.get(entry.id) : undefined;
    if (!message) return entry;
    newer.delete(entry.id);
    return { type: 'message', ...message };
  });
  for (const message of newer.values()) timeline.push({ type: 'message', ...message });
  return { ...incident, timeline };
}

/** Shows an answer requested at `requestedAt`; false when it is older than what is shown. */
function accept(incident: IncidentDetailDto, requestedAt: number): boolean {
  const current = state.incident;
  if (current && current.id === incident.id && incident.version < current.version) return false;
  state.incident = withKnown(incident, requestedAt);
  // What the answer shows is at least as new as what was known before it was requested.
  for (const [id, entry] of known) if (entry.at <= requestedAt) known.delete(id);
  inbox.onUpdated(incident); // the list row shows what the detail shows (also without live push)
  return true;
}

async function fetchDetail(id: string): Promise<void> {
  const seq = ++loadSeq;
  const requestedAt = tick;
  try {
    const incident = await endpoints.incident(id);
    if (seq !== loadSeq || state.id !== id) return;
    accept(incident, requestedAt);
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

/**
 * A message of the open incident learnt of one by one. 'add' (created: push or our POST's answer)
 * never replaces a copy already shown, whichever of the two came first; 'replace' (updated) does, in
 * place, and adds the message when its creation was not seen. While the incident is still loading it
 * is only remembered: the answer being fetched shows it (see withKnown).
 */
function putMessage(message: MessageDto, mode: 'add' | 'replace'): void {
  if (message.incidentId !== state.id) return;
  const incident = state.incident?.id === message.incidentId ? state.incident : null;
  const index = incident ? incident.timeline.findIndex((entry) => entry.type === 'message' && entry.id === message.id) : -1;
  if (mode === 'add' && (index >= 0 || known.has(message.id))) return;
  known.set(message.id, { message, at: ++tick });
  if (!incident) return;
  const entry: TimelineEntry = { type: 'message', ...message };
  incident.timeline = index >= 0 ? incident.timeline.map((e, i) => (i === index ? entry : e)) : [...incident.timeline, entry];
}

function forgetMessages(): void {
  known.clear();
}

/** PATCH with the version we show. A conflict refetches the incident, so the next try has the new version. */
async function sendPatch(changes: Omit<IncidentPatch, 'version'>): Promise<Outcome> {
  const incident = state.incident;
  if (!incident) return { ok: false, error: raw(new Error('No incident is open')) };
  if (state.saving) return { ok: false, error: raw(new Error('Another change is being saved')) };
  state.saving = true;
  const requestedAt = tick;
  try {
    const updated = await endpoints.patchIncident(incident.id, { ...changes, version: incident.version });
    if (state.id === updated.id) {
      loadSeq++; // an older refetch in flight must not overwrite this answer
      accept(updated, requestedAt);
    } else inbox.onUpdated(updated);
    return { ok: true };
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 409) void refresh();
    return { ok: false, error: raw(err) };
  } finally {
    state.saving = false;
  }
}

function noticeFor(err: Error): Notice {
  if (err instanceof ApiRequestError && err.status === 409) return { kind: 'conflict', message: err.message };
  if (err instanceof ApiRequestError && (err.status === 400 || err.status === 422)) return { kind: 'invalid', message: err.message, fields: err.fields };
  return { kind: 'error', error: err };
}

/**
 * The server queued a failed mail again: show it queued, unless a push about it arrived since the
 * request left (the server announces 'queued', and maybe 'sent', before it answers).
 */
function markQueued(messageId: string, requestedAt: number): void {
  const pushed = known.get(messageId);
  if (pushed && pushed.at > requestedAt) return;
  const entry = state.incident?.timeline.find((e) => e.type === 'message' && e.id === messageId);
  if (entry?.type !== 'message') return;
  const { type: _type, ...message } = entry;
  putMessage({ ...message, delivery: { status: 'queued', error: null } }, 'replace');
}

/** A change that is not a PATCH (merge, unmerge, dismiss): then the incident is fetched; the error is the caller's to show. */
async function actOnOpenIncident(act: (incidentId: string) => Promise<unknown>): Promise<Outcome> {
  const incident = state.incident;
  if (!incident) return { ok: false, error: raw(new Error('No incident is open')) };
  try {
    await act(incident.id);
    void refresh();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: raw(err) };
  }
}

/**
 * Something an agent sends on the open incident (a reply, a template, a call log). A message it answers
 * shows at once (once, whether its push comes first or later); then the incident is fetched, since it
 * changed (last message, maybe status, version). The error is for the form that sent it to show.
 */
async function sendOnOpenIncident(send: (incidentId: string) => Promise<MessageDto | void>): Promise<Outcome> {
  const incident = state.incident;
  if (!incident) return { ok: false, error: raw(new Error('No incident is open')) };
  try {
    const message = await send(incident.id);
    if (message) putMessage(message, 'add');
    void refresh();
    return { ok: true };
  } catch (err) {
    return { ok: false, error: raw(err) };
  }
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
    forgetMessages();
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
    forgetMessages();
    Object.assign(state, { id: null, incident: null, loading: false, error: null, notice: null, saving: false, viewers: [] });
  },

  dismissNotice(): void {
    state.notice = null;
  },

  /** Sends one change with the version we show; false when the server refused it (the notice says why). */
  async patch(changes: Omit<IncidentPatch, 'version'>): Promise<boolean> {
    if (!state.incident || state.saving) return false;
    state.notice = null;
    const outcome = await sendPatch(changes);
    if (!outcome.ok) state.notice = noticeFor(outcome.error);
    return outcome.ok;
  },

  /** The same change, its error handed back for the form that sent it to show (the service order). */
  savePatch(changes: Omit<IncidentPatch, 'version'>): Promise<Outcome> {
    return sendPatch(changes);
  },

  async addNote(body: string): Promise<boolean> {
    const incident = state.incident;
    const text = body.trim();
    if (!incident || !text) return false;
    state.notice = null;
    try {
      const message = await endpoints.addNote(incident.id, { body: text });
      putMessage(message, 'add');
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

  /**
   * Answers the customer on the incident's channel (e-mail). The created message shows at once, once
   * even when the push of it comes first or later; the error is the reply box's to show.
   */
  async sendReply(body: string): Promise<ReplyResult> {
    const text = body.trim();
    if (!state.incident || !text) return { ok: false, error: raw(new Error('Nothing to send')) };
    return sendOnOpenIncident((id) => endpoints.reply(id, text));
  },

  /** Sends an approved WhatsApp template on the open incident; the message shows at once. */
  sendTemplate(contentSid: string, variables: Record<string, string>): Promise<ReplyResult> {
    return sendOnOpenIncident((id) => endpoints.replyTemplate(id, contentSid, variables));
  },

  /** Logs a call by hand on the open incident; its timeline entry arrives live (and with the refetch). */
  logCall(call: Omit<ManualCallRequest, 'incidentId' | 'contactId'>): Promise<Outcome> {
    return sendOnOpenIncident(async (id) => void (await endpoints.logCall({ ...call, incidentId: id })));
  },

  /** "Send again" on a failed outbound mail; the live message.updated moves it on from queued. */
  async resend(messageId: string): Promise<ResendOutcome> {
    const requestedAt = tick;
    try {
      const { queued } = await endpoints.resend(messageId);
      if (queued) markQueued(messageId, requestedAt);
      else void refresh(); // not failed (any more): show where it stands
      return { ok: true, queued };
    } catch (err) {
      return { ok: false, error: raw(err) };
    }
  },

  onMessage(payload: { incidentId: string; message: MessageDto }): void {
    if (payload.incidentId === state.id) putMessage(payload.message, 'add');
  },

  /** A message changed (an outbound mail's delivery status): replace it in place. */
  onMessageUpdated(payload: { incidentId: string; message: MessageDto }): void {
    if (payload.incidentId === state.id) putMessage(payload.message, 'replace');
  },

  onUpdated(summary: IncidentSummaryDto): void {
    const current = state.incident;
    if (!current || summary.id !== current.id) return;
    if (summary.version < current.version) return;
    // Same version: only its SLA clocks may have moved (computed after the change that set the policy).
    if (summary.version === current.version && summary.updatedAt === current.updatedAt && JSON.stringify(summary.sla) === JSON.stringify(current.sla)) return;
    // Show the new fields at once; the refetch brings audit entries and the server's transitions.
    const previousStatus = current.status;
    Object.assign(current, summary);
    if (summary.status !== previousStatus || !current.allowedTransitions) {
      current.allowedTransitions = [...INCIDENT_TRANSITIONS[summary.status]];
    }
    void refresh();
  },

  /** A possible duplicate found or decided: the open incident shows it (or stops showing it). */
  onDuplicate(payload: { suggestion: DuplicateSuggestionDto }): void {
    const s = payload.suggestion;
    if (state.id && (s.incident.id === state.id || s.candidate.id === state.id)) void refresh();
  },

  /** Merges the open incident into another one (from a suggestion: its score and reasons are recorded). */
  mergeInto(targetId: string, suggestionId?: string): Promise<Outcome> {
    return actOnOpenIncident((id) => endpoints.merge(id, { targetId, ...(suggestionId ? { suggestionId } : {}) }));
  },

  /** Merges another incident (a suggested duplicate) into the open one. */
  mergeHere(sourceId: string, suggestionId?: string): Promise<Outcome> {
    return actOnOpenIncident((id) => endpoints.merge(sourceId, { targetId: id, ...(suggestionId ? { suggestionId } : {}) }));
  },

  /** Merges the open incident into the one with this reference ("SB-1042"). */
  async mergeIntoReference(reference: string): Promise<Outcome> {
    const wanted = reference.trim().toUpperCase();
    try {
      const found = (await endpoints.incidents({ q: wanted, limit: 5 })).items.find((i) => i.reference.toUpperCase() === wanted);
      if (!found) return { ok: false, error: raw(new Error(`No incident ${wanted} that you can see.`)) };
      return await detail.mergeInto(found.id);
    } catch (err) {
      return { ok: false, error: raw(err) };
    }
  },

  unmerge(mergeId: string): Promise<Outcome> {
    return actOnOpenIncident(() => endpoints.unmerge(mergeId));
  },

  dismissDuplicate(suggestionId: string): Promise<Outcome> {
    return actOnOpenIncident(() => endpoints.dismissDuplicate(suggestionId));
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
