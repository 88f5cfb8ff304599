/**
 * CTI webhooks: the generic call API of a PBX (as Zammad's and sipgate's: form or JSON fields event =
 * newCall | answer | hangup, callId, from, to, direction = in | out, user, queue, cause, answeringNumber,
 * timestamp). Each request is one event. Pure.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { InvalidPayloadError, type VerifyResult } from '../core/index.js';
import { callEvent, MAX_CALL_ID, normalizeHangupCause, textField, type CallDirection, type CallEvent, type PhoneConfig } from './call-event.js';

const CTI_EVENTS = { newcall: 'newCall', answer: 'answer', hangup: 'hangup' } as const;
const DIRECTIONS: Record<string, CallDirection> = { in: 'in', inbound: 'in', out: 'out', outbound: 'out' };
const TEXT_FIELDS = ['event', 'callId', 'from', 'to', 'direction', 'queue', 'cause', 'answeringNumber'] as const;
const CALL_ID_RE = /^[\x21-\x7e]+$/;

/**
 * One CTI event. `newCall` needs from, to and direction; answer and hangup need only event and callId (a
 * missing direction gives 'in' with directionKnown false). Timestamp: `timestamp` or `time`, ISO 8601 (no
 * offset = UTC) or epoch seconds (a number above 1e11 is taken as milliseconds); else receivedAt.
 */
export function normalizeCtiEvent(raw: unknown, config: PhoneConfig, receivedAt: Date = new Date()): CallEvent {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new InvalidPayloadError('The CTI payload is empty.', { _: 'required' });
  const p = raw as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const f of TEXT_FIELDS) if (p[f] !== undefined && p[f] !== null && typeof p[f] !== 'string' && typeof p[f] !== 'number') errors[f] = 'must be text';

  const eventText = textField(p.event);
  const event = eventText ? CTI_EVENTS[eventText.toLowerCase() as keyof typeof CTI_EVENTS] : undefined;
  if (!event) errors.event ??= 'must be newCall, answer or hangup';

  const callId = textField(p.callId);
  if (!callId) errors.callId ??= 'required';
  else if (callId.length > MAX_CALL_ID || !CALL_ID_RE.test(callId)) errors.callId = `must be at most ${MAX_CALL_ID} printable characters without spaces`;

  const directionText = textField(p.direction);
  const direction = directionText ? DIRECTIONS[directionText.toLowerCase()] : undefined;
  if (directionText && !direction) errors.direction ??= 'must be in or out';
  if (!directionText && event === 'newCall') errors.direction ??= 'must be in or out';

  const fromRaw = textField(p.from);
  const toRaw = textField(p.to);
  if (event === 'newCall' && !fromRaw) errors.from ??= 'required';
  if (event === 'newCall' && !toRaw) errors.to ??= 'required';

  const user = readUser(p.user ?? p['user[]']);
  if (user === undefined) errors.user = 'must be text or a list of text';

  const at = readTimestamp(p.timestamp ?? p.time);
  if (at === undefined) errors[p.timestamp !== undefined ? 'timestamp' : 'time'] = 'must be an ISO 8601 date or epoch seconds';

  if (Object.keys(errors).length) throw new InvalidPayloadError(`The CTI event has errors: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join('; ')}.`, errors);

  const { cause, causeRaw } = event === 'hangup' ? normalizeHangupCause(textField(p.cause)) : { cause: null, causeRaw: null };
  const input = { source: 'cti', callId: callId!, event: event!, at: at ?? receivedAt, direction, fromRaw, toRaw, user, queue: textField(p.queue), cause, causeRaw, answeringNumber: textField(p.answeringNumber) } as const;
  return callEvent(input, config);
}

/** The first non-empty name of `user` (a string, a comma list or an array, as `user[]=` forms give); undefined when it is not text. */
function readUser(v: unknown): string | null | undefined {
  if (v === undefined || v === null) return null;
  const items = Array.isArray(v) ? v : [v];
  if (!items.every((x) => typeof x === 'string' || typeof x === 'number')) return undefined;
  const first = items.flatMap((x) => String(x).split(',')).map((s) => s.trim()).find(Boolean);
  if (!first) return null;
  return first.includes('@') ? first.toLowerCase() : first;
}

/** The payload's time: null when it has none, undefined when it is unreadable. */
function readTimestamp(v: unknown): Date | null | undefined {
  if (v === undefined || v === null || v === '') return null;
  let ms: number;
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+(\.\d+)?$/.test(v.trim()))) {
    const n = Number(v);
    ms = n > 1e11 ? n : n * 1000;
  } else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.test(v.trim())) {
    const s = v.trim().replace(' ', 'T');
    ms = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(s) || !s.includes('T') ? s : `${s}Z`);
  } else return undefined;
  return Number.isFinite(ms) && !Number.isNaN(new Date(ms).getTime()) ? new Date(ms) : undefined;
}

/** The CTI channel's shared token, compared in constant time (sha256 of both sides, so lengths leak nothing). */
export function verifyCtiToken(provided: string | undefined, expected: string): VerifyResult {
  if (!expected) return { ok: false, reason: 'no CTI token is configured for this channel' };
  if (!provided) return { ok: false, reason: 'missing CTI token' };
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  if (!timingSafeEqual(digest(provided), digest(expected))) return { ok: false, reason: 'the CTI token does not match' };
  return { ok: true };
}
