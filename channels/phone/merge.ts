/**
 * A call's state from its events, whatever order they arrive in (webhooks race, Twilio retries, a CTI
 * hangup can outrun its newCall). Pure.
 *
 * Every field has one rule that does not depend on arrival order:
 * - startedAt: the earliest newCall; until one is merged, the earliest event of any kind;
 * - answeredAt: the earliest answer; endedAt: the latest hangup;
 * - direction: of the earliest event that knew it (else 'in', directionKnown false);
 * - from/fromRaw, to/toRaw (each pair from one event), user, queue, answeringNumber, recordingUrl: the first
 *   non-null by time;
 * - cause/causeRaw and durationSeconds: of the latest hangup that has them.
 * "By time" is by (at, idempotencyKey), so two events at the same instant still have one order. To apply
 * those rules one event at a time the state keeps, per field, which event its value came from (provenance):
 * store it with the state. A state without provenance (built by hand) keeps its values, and its startedAt is
 * taken as not coming from a newCall.
 */
import type { CallDirection, CallEvent } from './call-event.js';

export type CallOutcome = 'ringing' | 'in-progress' | 'answered' | 'missed' | 'busy' | 'failed';

/** The fields whose value came from one chosen event. */
export const PROVENANCE_FIELDS = ['startedAt', 'direction', 'from', 'to', 'user', 'queue', 'answeringNumber', 'recordingUrl', 'cause', 'durationSeconds'] as const;
export type ProvenanceField = (typeof PROVENANCE_FIELDS)[number];
/** Per field, `${at ISO}|${idempotencyKey}` of the event its value came from (startedAt: only when that was a newCall). */
export type CallProvenance = Partial<Record<ProvenanceField, string>>;

export interface CallState {
  callId: string;
  direction: CallDirection;
  from: string | null;
  fromRaw: string | null;
  to: string | null;
  toRaw: string | null;
  user: string | null;
  queue: string | null;
  startedAt: Date | null;
  answeredAt: Date | null;
  endedAt: Date | null;
  cause: string | null;
  answeringNumber: string | null;
  recordingUrl: string | null;
  /** Twilio's own duration if it said so */
  durationSeconds: number | null;
  /** false while no event said the direction (always set by mergeCall) */
  directionKnown?: boolean;
  /** the cause as sent, lower-cased (always set by mergeCall) */
  causeRaw?: string | null;
  /** which event each value came from (always set by mergeCall); keep it to keep later merges exact */
  provenance?: CallProvenance;
}

/** The state of a call nothing is known of yet (what mergeCall starts from). */
export function emptyCallState(callId: string): CallState {
  return {
    callId,
    direction: 'in',
    from: null,
    fromRaw: null,
    to: null,
    toRaw: null,
    user: null,
    queue: null,
    startedAt: null,
    answeredAt: null,
    endedAt: null,
    cause: null,
    answeringNumber: null,
    recordingUrl: null,
    durationSeconds: null,
    directionKnown: false,
    causeRaw: null,
  };
}

/** Merges one event into the state (null: the first). Order-independent, idempotent, does not mutate its inputs. */
export function mergeCall(state: CallState | null, e: CallEvent): CallState {
  if (state && state.callId !== e.callId) throw new RangeError(`an event of call ${e.callId} cannot be merged into call ${state.callId}`);
  const s: CallState = { ...(state ?? emptyCallState(e.callId)) };
  const prov: CallProvenance = { ...state?.provenance };
  const order = `${e.at.toISOString()}|${e.idempotencyKey}`;
  const at = new Date(e.at.getTime());

  /** Whether the event's value replaces the state's: a null loses, then the earliest (latest) event wins. */
  const takes = (field: ProvenanceField, stateHas: boolean, eventHas: boolean, latest = false): boolean => {
    if (!eventHas) return false;
    const current = prov[field];
    if (stateHas && (current === undefined || (latest ? order <= current : order >= current))) return false;
    prov[field] = order;
    return true;
  };

  if (e.event === 'newCall') {
    const current = prov.startedAt;
    if (s.startedAt === null || current === undefined || order < current) {
      s.startedAt = at;
      prov.startedAt = order;
    }
  } else if (prov.startedAt === undefined && (s.startedAt === null || at < s.startedAt)) s.startedAt = at;
  if (e.event === 'answer' && (s.answeredAt === null || at < s.answeredAt)) s.answeredAt = at;
  if (e.event === 'hangup' && (s.endedAt === null || at > s.endedAt)) s.endedAt = at;

  if (takes('direction', s.directionKnown !== false, e.directionKnown)) {
    s.direction = e.direction;
    s.directionKnown = true;
  }
  if (takes('from', s.fromRaw !== null || s.from !== null, e.fromRaw !== null || e.from !== null)) {
    s.from = e.from;
    s.fromRaw = e.fromRaw;
  }
  if (takes('to', s.toRaw !== null || s.to !== null, e.toRaw !== null || e.to !== null)) {
    s.to = e.to;
    s.toRaw = e.toRaw;
  }
  if (takes('user', s.user !== null, e.user !== null)) s.user = e.user;
  if (takes('queue', s.queue !== null, e.queue !== null)) s.queue = e.queue;
  if (takes('answeringNumber', s.answeringNumber !== null, e.answeringNumber !== null)) s.answeringNumber = e.answeringNumber;
  if (takes('recordingUrl', s.recordingUrl !== null, e.recordingUrl !== null)) s.recordingUrl = e.recordingUrl;
  const hangup = e.event === 'hangup';
  if (takes('cause', s.cause !== null || (s.causeRaw ?? null) !== null, hangup && (e.cause !== null || e.causeRaw !== null), true)) {
    s.cause = e.cause;
    s.causeRaw = e.causeRaw;
  }
  if (takes('durationSeconds', s.durationSeconds !== null, hangup && e.durationSeconds !== null, true)) s.durationSeconds = e.durationSeconds;

  s.directionKnown ??= true;
  s.causeRaw ??= null;
  // One key order whatever the merge order, so the stored JSON is the same too.
  s.provenance = Object.fromEntries(PROVENANCE_FIELDS.filter((f) => prov[f] !== undefined).map((f) => [f, prov[f]]));
  return s;
}

/** All of a call's events folded into its state (null for none). */
export function foldCall(events: readonly CallEvent[]): CallState | null {
  return events.reduce<CallState | null>(mergeCall, null);
}

/**
 * Derived, never stored. Not ended: ringing, or in-progress once answered. Ended: answered if it ever was;
 * else busy (cause busy), failed (failed, congestion, notFound), missed otherwise (cancel, noAnswer,
 * forwarded, normalClearing or no cause). An outbound call nobody answered is 'missed' too: the customer
 * missed the agent's call.
 */
export function callOutcome(s: CallState): CallOutcome {
  if (!s.endedAt) return s.answeredAt ? 'in-progress' : 'ringing';
  if (s.answeredAt) return 'answered';
  if (s.cause === 'busy') return 'busy';
  if (s.cause === 'failed' || s.cause === 'congestion' || s.cause === 'notFound') return 'failed';
  return 'missed';
}

/**
 * wait = (answeredAt ?? endedAt) - startedAt; talk = durationSeconds ?? (endedAt - answeredAt); null when
 * unknown (a call still going has no talk time yet); whole seconds (rounded), never negative.
 */
export function callDurations(s: CallState): { waitSeconds: number | null; talkSeconds: number | null } {
  const seconds = (from: Date | null, to: Date | null) => (from && to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);
  const talk = s.durationSeconds !== null ? Math.max(0, Math.round(s.durationSeconds)) : seconds(s.answeredAt, s.endedAt);
  return { waitSeconds: seconds(s.startedAt, s.answeredAt ?? s.endedAt), talkSeconds: talk };
}
