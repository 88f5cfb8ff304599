/**
 * Twilio Voice callbacks: the call status callback (StatusCallback, CallbackSource=call-progress-events) and
 * the recording status callback (RecordingStatusCallback). Form-encoded, every value a string. The signature
 * is checked as for messaging (verifyTwilioSignature in channels/twilio-sms). Pure.
 */
import { InvalidPayloadError } from '../core/index.js';
import { callEvent, textField, type CallDirection, type CallEvent, type CallEventKind, type HangupCause, type PhoneConfig } from './call-event.js';

/** What each CallStatus stands for. */
const STATUSES: Record<string, { event: CallEventKind; cause?: HangupCause }> = {
  queued: { event: 'newCall' },
  initiated: { event: 'newCall' },
  ringing: { event: 'newCall' },
  'in-progress': { event: 'answer' },
  completed: { event: 'hangup', cause: 'normalClearing' },
  busy: { event: 'hangup', cause: 'busy' },
  'no-answer': { event: 'hangup', cause: 'noAnswer' },
  failed: { event: 'hangup', cause: 'failed' },
  canceled: { event: 'hangup', cause: 'cancel' },
};

/** Twilio's Direction; Elastic SIP Trunking: originating = from the PBX out, terminating = into the PBX. */
const DIRECTIONS: Record<string, CallDirection> = {
  inbound: 'in',
  'trunking-terminating': 'in',
  'outbound-api': 'out',
  'outbound-dial': 'out',
  outbound: 'out',
  'trunking-originating': 'out',
};

const CALL_SID_RE = /^CA[0-9a-f]{32}$/i;

/**
 * The events one callback stands for, in time order: queued/initiated/ringing -> newCall; in-progress ->
 * answer; completed -> hangup (normalClearing, durationSeconds from CallDuration, else Duration) preceded by
 * an inferred answer at `at - CallDuration` when CallDuration > 0 (the in-progress callback is optional);
 * busy / no-answer / failed / canceled -> hangup busy / noAnswer / failed / cancel; RecordingUrl with
 * RecordingStatus completed (or none) -> recording. A recording callback for a recording not completed
 * (in-progress, absent, failed) stands for nothing: []. `at`: Timestamp (RFC 2822); a recording without it:
 * RecordingStartTime + RecordingDuration; else receivedAt.
 */
export function normalizeTwilioVoice(params: Record<string, string>, config: PhoneConfig, receivedAt: Date = new Date()): CallEvent[] {
  if (!params || typeof params !== 'object' || Array.isArray(params)) throw new InvalidPayloadError('The Twilio Voice callback is empty.', { _: 'required' });
  const p = (k: string) => textField(params[k]);
  const errors: Record<string, string> = {};

  const callSid = p('CallSid');
  if (!callSid || !CALL_SID_RE.test(callSid)) errors.CallSid = 'required (CA followed by 32 hex digits)';

  const recordingUrl = p('RecordingUrl');
  const recordingStatus = p('RecordingStatus')?.toLowerCase() ?? null;
  if (recordingUrl && !/^https:\/\/\S+$/i.test(recordingUrl)) errors.RecordingUrl = 'must be an https URL';

  const statusText = p('CallStatus')?.toLowerCase() ?? null;
  const status = statusText ? STATUSES[statusText] : undefined;
  if (statusText && !status) errors.CallStatus = `must be one of ${Object.keys(STATUSES).join(', ')}`;
  else if (!statusText && !recordingUrl) errors.CallStatus = 'required (or RecordingUrl for a recording callback)';

  const directionText = p('Direction')?.toLowerCase() ?? null;
  const direction = directionText ? DIRECTIONS[directionText] : undefined;
  if (directionText && !direction) errors.Direction = 'must be inbound, outbound-api or outbound-dial';

  const timestamp = readRfc2822(p('Timestamp'));
  if (timestamp === undefined) errors.Timestamp = 'must be an RFC 2822 date';

  const durationText = p('CallDuration') ?? p('Duration');
  const duration = durationText === null ? null : /^\d+$/.test(durationText) ? Number(durationText) : undefined;
  if (duration === undefined) errors[p('CallDuration') !== null ? 'CallDuration' : 'Duration'] = 'must be whole seconds';

  if (Object.keys(errors).length) throw new InvalidPayloadError(`The Twilio Voice callback has errors: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join('; ')}.`, errors);

  const fromRaw = p('From');
  const toRaw = p('To');
  const at = timestamp ?? receivedAt;
  const events: CallEvent[] = [];

  const parentSid = p('ParentCallSid');
  if (parentSid && CALL_SID_RE.test(parentSid)) {
    // A leg Twilio dialled for the call (<Dial> to an agent's number or client): its answer is the agent
    // picking up the customer's call. Its other states (an agent who did not answer, their leg ending) are
    // not the call's: the parent's own callbacks say how the call went.
    if (statusText === 'in-progress') {
      events.push(callEvent({ source: 'twilio', callId: parentSid, event: 'answer', at, answeringNumber: toRaw, user: clientIdentity(toRaw) }, config));
    }
    return events.concat(recordingEvents(p, parentSid, recordingUrl, recordingStatus, timestamp, receivedAt, config));
  }

  const call = { source: 'twilio', callId: callSid!, direction, fromRaw, toRaw, user: clientIdentity(fromRaw) ?? clientIdentity(toRaw) } as const;
  // An inbound call is 'in-progress' once Twilio itself answers it (to run the TwiML: a menu, a queue, a
  // <Dial>); it is answered by a person when a dialled leg is (above). An outbound call is answered when the
  // callee picks up.
  const inbound = direction === 'in';
  if (status?.event === 'hangup') {
    const seconds = statusText === 'completed' && !inbound ? duration! : null;
    if (seconds) events.push(callEvent({ ...call, event: 'answer', at: new Date(at.getTime() - seconds * 1000), inferred: true }, config));
    events.push(callEvent({ ...call, event: 'hangup', at, cause: status.cause, causeRaw: statusText, durationSeconds: seconds }, config));
  } else if (status && !(inbound && status.event === 'answer')) events.push(callEvent({ ...call, event: status.event, at }, config));
  return events.concat(recordingEvents(p, callSid!, recordingUrl, recordingStatus, timestamp, receivedAt, config));
}

/** A recording callback (its URL, once the recording is completed). */
function recordingEvents(
  p: (k: string) => string | null,
  callSid: string,
  recordingUrl: string | null,
  recordingStatus: string | null,
  timestamp: Date | null | undefined,
  receivedAt: Date,
  config: PhoneConfig,
): CallEvent[] {
  const events: CallEvent[] = [];
  const call = { source: 'twilio', callId: callSid } as const;

  if (recordingUrl && (recordingStatus === null || recordingStatus === 'completed')) {
    const started = readRfc2822(p('RecordingStartTime'));
    const recordingSeconds = Number(p('RecordingDuration'));
    const recordedAt = timestamp ?? (started && Number.isFinite(recordingSeconds) ? new Date(started.getTime() + recordingSeconds * 1000) : receivedAt);
    events.push(callEvent({ ...call, event: 'recording', at: recordedAt, recordingUrl }, config));
  }
  return events;
}

/** A Twilio date: null when absent, undefined when unreadable. */
function readRfc2822(v: string | null): Date | null | undefined {
  if (!v) return null;
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** The agent of a Twilio Client leg (`client:maria`). */
function clientIdentity(address: string | null): string | null {
  const m = address?.match(/^client:(.+)$/i);
  return m ? m[1].trim() || null : null;
}
