/**
 * The phone channel's one event shape: a CTI webhook (a PBX's generic call API) and a Twilio Voice callback
 * both become CallEvents, and a call's events fold into its CallState (merge.ts). Pure: libphonenumber-js
 * (through the SMS channel's e164), node:crypto for hashes, no I/O.
 */
import { createHash } from 'node:crypto';
import { e164 } from '../twilio-sms/twilio-webhook.js';

export type CallDirection = 'in' | 'out';
export type CallEventKind = 'newCall' | 'answer' | 'hangup' | 'recording';

/**
 * Why a call ended, one word whoever reported it (see HANGUP_CAUSES):
 * - normalClearing: someone hung up after a conversation, or a hangup that says nothing else;
 * - busy: the line was busy or the callee declined;
 * - cancel: the caller gave up before anyone answered;
 * - noAnswer: it rang out;
 * - congestion: the network had no room (try again later);
 * - notFound: the number does not exist / no route to it;
 * - forwarded: the PBX sent the call elsewhere (voicemail, a mobile) and stopped following it;
 * - failed: a real failure (Twilio `failed`, a PBX `failed`/`error`, a network or destination fault).
 * A cause nobody knows is not guessed: cause null, the text kept in causeRaw.
 */
export type HangupCause = 'normalClearing' | 'busy' | 'cancel' | 'noAnswer' | 'congestion' | 'notFound' | 'forwarded' | 'failed';

export interface CallEvent {
  source: 'cti' | 'twilio';
  /** CTI callId or Twilio CallSid */
  callId: string;
  event: CallEventKind;
  /** Unique per real-world event: `${source}:${callId}:${event}` (recording: + ':' + a short sha256 of the URL); max 255 chars */
  idempotencyKey: string;
  /** when it happened: the payload's timestamp if it has one, else `receivedAt` */
  at: Date;
  direction: CallDirection;
  /** false when the payload did not say (CTI answer/hangup without `direction`, a Twilio recording callback): direction is then 'in' */
  directionKnown: boolean;
  /** E.164 when it parses as a valid number, else null */
  from: string | null;
  /** what the payload said, trimmed ('anonymous', an extension '201', ...), null if absent */
  fromRaw: string | null;
  to: string | null;
  toRaw: string | null;
  /** the agent as the PBX names them (first of a list; an e-mail lower-cased) */
  user: string | null;
  queue: string | null;
  /** a HangupCause on hangups whose cause is known, else null */
  cause: string | null;
  /** the cause as sent, trimmed and lower-cased (Twilio: the CallStatus), null if none */
  causeRaw: string | null;
  /** E.164 (or raw) number that answered (CTI answeringNumber) */
  answeringNumber: string | null;
  /** Twilio CallDuration in seconds on completed, else null */
  durationSeconds: number | null;
  recordingUrl: string | null;
  /** true on an answer that no callback reported but a completed call with CallDuration > 0 implies */
  inferred?: boolean;
}

export interface PhoneConfig {
  /** ISO country assumed for numbers written without a country code */
  defaultCountry: string;
}

/** The longest call id taken: keeps every idempotency key under 255 characters. */
export const MAX_CALL_ID = 250;

/** What a payload says about one event: left out is null (direction: 'in', not known; numbers as written). */
export interface CallEventInput {
  source: CallEvent['source'];
  callId: string;
  event: CallEventKind;
  at: Date;
  direction?: CallDirection;
  fromRaw?: string | null;
  toRaw?: string | null;
  user?: string | null;
  queue?: string | null;
  cause?: HangupCause | null;
  causeRaw?: string | null;
  answeringNumber?: string | null;
  durationSeconds?: number | null;
  recordingUrl?: string | null;
  inferred?: boolean;
}

/** The CallEvent for it: its key, numbers in E.164 where they parse (the answering number: else as written). */
export function callEvent(input: CallEventInput, config: PhoneConfig): CallEvent {
  const { direction, fromRaw = null, toRaw = null, answeringNumber = null, recordingUrl = null, inferred, ...rest } = input;
  return {
    ...rest,
    idempotencyKey: eventKey(input.source, input.callId, input.event, recordingUrl ?? undefined),
    direction: direction ?? 'in',
    directionKnown: direction !== undefined,
    from: phoneNumber(fromRaw, config.defaultCountry),
    fromRaw,
    to: phoneNumber(toRaw, config.defaultCountry),
    toRaw,
    user: input.user ?? null,
    queue: input.queue ?? null,
    cause: input.cause ?? null,
    causeRaw: input.causeRaw ?? null,
    answeringNumber: answeringNumber && (phoneNumber(answeringNumber, config.defaultCountry) ?? answeringNumber),
    durationSeconds: input.durationSeconds ?? null,
    recordingUrl,
    ...(inferred ? { inferred } : {}),
  };
}

/** `${source}:${callId}:${event}`, a recording also `:` + the first 16 hex digits of its URL's sha256. */
export function eventKey(source: CallEvent['source'], callId: string, event: CallEventKind, recordingUrl?: string): string {
  const base = `${source}:${callId}:${event}`;
  return recordingUrl ? `${base}:${createHash('sha256').update(recordingUrl).digest('hex').slice(0, 16)}` : base;
}

/** Normalised token of a cause: lower case without separators ('NORMAL_CLEARING' -> 'normalclearing'). */
const token = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Cause words and codes as PBXs send them, by token. The generic CTI words (Zammad's, sipgate's), Asterisk /
 * FreeSWITCH hangup cause names, Q.850 cause numbers (1–2 digits) and SIP final responses (3 digits).
 */
export const HANGUP_CAUSES: Readonly<Record<string, HangupCause>> = {
  normalclearing: 'normalClearing', normal: 'normalClearing', completed: 'normalClearing', normalunspecified: 'normalClearing', '16': 'normalClearing', '31': 'normalClearing',
  busy: 'busy', userbusy: 'busy', callrejected: 'busy', rejected: 'busy', declined: 'busy', '17': 'busy', '21': 'busy', '486': 'busy', '600': 'busy', '603': 'busy',
  cancel: 'cancel', canceled: 'cancel', cancelled: 'cancel', originatorcancel: 'cancel', abandoned: 'cancel', '487': 'cancel',
  noanswer: 'noAnswer', nouserresponse: 'noAnswer', timeout: 'noAnswer', '18': 'noAnswer', '19': 'noAnswer', '408': 'noAnswer', '480': 'noAnswer',
  congestion: 'congestion', switchcongestion: 'congestion', normalcircuitcongestion: 'congestion', '34': 'congestion', '42': 'congestion', '503': 'congestion',
  notfound: 'notFound', unallocatednumber: 'notFound', noroutedestination: 'notFound', invalidnumberformat: 'notFound', '1': 'notFound', '3': 'notFound', '28': 'notFound', '404': 'notFound', '484': 'notFound',
  forwarded: 'forwarded', callforwarded: 'forwarded', redirected: 'forwarded',
  failed: 'failed', failure: 'failed', error: 'failed', normaltemporaryfailure: 'failed', networkoutoforder: 'failed', destinationoutoforder: 'failed', '27': 'failed', '38': 'failed', '41': 'failed', '500': 'failed', '502': 'failed',
};

export function normalizeHangupCause(raw: string | null | undefined): { cause: HangupCause | null; causeRaw: string | null } {
  const causeRaw = raw?.trim().toLowerCase() || null;
  return { cause: causeRaw ? (HANGUP_CAUSES[token(causeRaw)] ?? null) : null, causeRaw };
}

/**
 * E.164 of a number as a PBX or Twilio writes it: `+34…`, `0034…`, national in the default country, or the
 * international digits without `+` that some PBX APIs send (`40722123456`, tried only when the national
 * reading is not a valid number). Null for 'anonymous', extensions, `client:` and `sip:` addresses.
 */
export function phoneNumber(raw: string | null, defaultCountry: string): string | null {
  if (!raw || /^(client|sip):/i.test(raw)) return null;
  const direct = e164(raw, defaultCountry);
  if (direct) return direct;
  const digits = raw.replace(/[\s().-]/g, '');
  return /^[1-9]\d{9,14}$/.test(digits) ? e164(`+${digits}`, defaultCountry) : null;
}

/** Twilio's stand-ins for a withheld number (ANONYMOUS, RESTRICTED, UNAVAILABLE, UNKNOWN, BLOCKED) and the words PBXs use. */
const ANONYMOUS = /^(anonymous|anonym|anonimo|anónimo|restricted|unknown|unavailable|private|privado|withheld|blocked|unbekannt|\+266696687|\+7378742833|\+8656696|\+86282452253|\+2562533)$/i;

/** The caller withheld their number (an absent number is not anonymous: it is unknown). */
export function isAnonymousNumber(raw: string | null): boolean {
  return raw !== null && ANONYMOUS.test(raw.trim());
}

/** A trimmed text field (numbers as text), null when absent or blank. */
export function textField(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  return v.trim() || null;
}
