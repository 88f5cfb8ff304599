/**
 * The phone channel as a ChannelAdapter: one InboundMessage per call event, for the ingest pipeline and the
 * conformance suite. A raw object with CallSid is a Twilio Voice callback, anything else a CTI webhook.
 */
import { IgnoredPayloadError, type ChannelAdapter, type InboundMessage, type Party } from '../core/index.js';
import { isAnonymousNumber, type CallEvent, type PhoneConfig } from './call-event.js';
import { normalizeCtiEvent } from './cti.js';
import { normalizeTwilioVoice } from './twilio-voice.js';

/**
 * What ingest stores for a webhook: its parameters and when they arrived, so a replay gives events the same
 * time as the first delivery did (a payload without its own timestamp takes receivedAt).
 */
export interface PhoneEnvelope {
  params: unknown;
  receivedAt: string;
  /** Which door it came through (a CTI body is never read as a Twilio callback, whatever its fields). */
  source?: 'cti' | 'twilio';
}

const isEnvelope = (raw: unknown): raw is PhoneEnvelope =>
  !!raw && typeof raw === 'object' && 'params' in raw && typeof (raw as PhoneEnvelope).receivedAt === 'string' && !Number.isNaN(Date.parse((raw as PhoneEnvelope).receivedAt));

export const phoneAdapter: ChannelAdapter<PhoneConfig> = {
  kind: 'phone',
  /** `raw`: a PhoneEnvelope, or the webhook's parameters alone (received now). */
  normalize(input, config) {
    const { params: raw, receivedAt, source } = isEnvelope(input) ? { params: input.params, receivedAt: new Date(input.receivedAt), source: input.source } : { params: input, receivedAt: new Date(), source: undefined };
    const isTwilio = source ? source === 'twilio' : !!raw && typeof raw === 'object' && 'CallSid' in raw;
    const events = isTwilio ? normalizeTwilioVoice(raw as Record<string, string>, config, receivedAt) : [normalizeCtiEvent(raw, config, receivedAt)];
    if (!events.length) throw new IgnoredPayloadError('a recording callback for a recording that is not completed');
    return events.map(callMessage);
  },
};

/** The message for one call event: from the customer's side, a one-line summary, the event itself in meta.call. */
export function callMessage(e: CallEvent): InboundMessage {
  return {
    kind: 'phone',
    idempotencyKey: e.idempotencyKey,
    sentAt: e.at,
    from: callParty(e),
    text: callSummary(e),
    meta: { call: { ...e, at: e.at.toISOString() } },
  };
}

/**
 * The customer's end of the call: the caller of an inbound call, the callee of an outbound one (the agent's
 * extension is not a contact). Its E.164 number; else what the payload said ('201', 'client:ana'); a withheld
 * number is 'anonymous', none at all 'unknown'.
 */
export function callParty(e: CallEvent): Party {
  const [phone, raw] = e.direction === 'out' && e.directionKnown ? [e.to, e.toRaw] : [e.from, e.fromRaw];
  if (phone) return { phone };
  if (raw === null) return { name: 'unknown' };
  return { name: isAnonymousNumber(raw) ? 'anonymous' : raw };
}

/** e.g. 'newCall in +34600111222 -> +34910000001', 'hangup in +34600111222 -> +34910000001 (noAnswer)'. */
export function callSummary(e: CallEvent): string {
  const parties = e.fromRaw || e.toRaw ? `${e.from ?? e.fromRaw ?? '?'} -> ${e.to ?? e.toRaw ?? '?'}` : e.callId;
  const details = [e.user && `user ${e.user}`, e.cause ?? e.causeRaw, e.durationSeconds !== null && `${e.durationSeconds} s`, e.recordingUrl].filter(Boolean);
  return `${e.event} ${e.directionKnown ? e.direction : '?'} ${parties}${details.length ? ` (${details.join(', ')})` : ''}`;
}
