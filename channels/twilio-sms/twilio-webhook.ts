/**
 * Twilio Messaging webhooks (SMS and WhatsApp share the shape): signature check and normalisation. Pure:
 * the twilio library's own signature function, libphonenumber-js, no I/O.
 *
 * The signature covers the URL Twilio called (as configured in the Console: the PUBLIC address, before any
 * TLS-terminating proxy) and the POSTed parameters; the caller must rebuild that URL from the configured
 * public base. Pooled numbers: a Messaging Service sends from and receives on any number of its pool, so the
 * `To` of a genuine webhook need not be the channel's number — the check that matters is the signature and
 * the account (a helpdesk that required To == its number silently dropped pooled messages).
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import twilio from 'twilio';
import { InvalidPayloadError, IgnoredPayloadError, type InboundMessage, type VerifyResult } from '../core/index.js';

export interface TwilioChannelConfig {
  accountSid: string;
  /** Only for verification here; stored encrypted by the server. */
  authToken: string;
  /** The channel's own number (E.164), if it has one. */
  phoneNumber?: string;
  /** MG…: a pool of numbers. */
  messagingServiceSid?: string;
  defaultCountry: string;
}

/** Twilio's POST parameters (form-encoded: every value a string). */
export type TwilioParams = Record<string, string>;

const MAX_MEDIA = 10;

export function verifyTwilioSignature(signature: string | undefined, publicUrl: string, params: TwilioParams, authToken: string): VerifyResult {
  if (!signature) return { ok: false, reason: 'missing X-Twilio-Signature' };
  if (!twilio.validateRequest(authToken, signature, publicUrl, params)) return { ok: false, reason: 'X-Twilio-Signature does not match (wrong auth token, tampered body, or a URL other than the public one Twilio called)' };
  return { ok: true };
}

/**
 * The webhook is about this channel's account and its pool or number (To for an incoming message, From for
 * a status callback of one we sent): anything else is refused.
 */
export function belongsToChannel(params: TwilioParams, config: TwilioChannelConfig): VerifyResult {
  if (params.AccountSid !== config.accountSid) return { ok: false, reason: `AccountSid ${params.AccountSid ?? '(none)'} is not this channel's account` };
  if (config.messagingServiceSid && params.MessagingServiceSid === config.messagingServiceSid) return { ok: true };
  if (config.phoneNumber && [params.To, params.From].some((a) => stripWhatsApp(a ?? '') === config.phoneNumber)) return { ok: true };
  if (!config.messagingServiceSid && !config.phoneNumber) return { ok: true };
  return { ok: false, reason: `To ${params.To ?? '(none)'} is neither this channel's number nor in its Messaging Service` };
}

/** +E.164 of a Twilio address (`+34…`, `whatsapp:+34…`, or a national number in the default country). */
export function e164(address: string, defaultCountry: string): string | null {
  const raw = stripWhatsApp(address).trim();
  const parsed = parsePhoneNumberFromString(raw, defaultCountry.toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

const stripWhatsApp = (a: string) => a.replace(/^whatsapp:/i, '');

/** One inbound SMS or WhatsApp message. Delivery-status-only payloads (no Body, no media, no location) are ignored. */
export function normalizeTwilioMessage(params: TwilioParams, config: TwilioChannelConfig, kind: 'sms' | 'whatsapp'): InboundMessage[] {
  if (!params || typeof params !== 'object') throw new InvalidPayloadError('The webhook payload is empty.', { _: 'required' });
  const errors: Record<string, string> = {};
  const sid = params.MessageSid ?? params.SmsMessageSid;
  if (!sid || !/^(SM|MM)[0-9a-f]{32}$/i.test(sid)) errors.MessageSid = 'required (SM… or MM…)';
  const from = params.From ? e164(params.From, config.defaultCountry) : null;
  if (!from) errors.From = 'required (a phone number)';
  const media = Math.min(MAX_MEDIA, Number.parseInt(params.NumMedia ?? '0', 10) || 0);
  const location = params.Latitude && params.Longitude ? { latitude: Number(params.Latitude), longitude: Number(params.Longitude), address: params.Address, label: params.Label } : null;
  if (Object.keys(errors).length) throw new InvalidPayloadError(`The Twilio webhook has errors: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join('; ')}.`, errors);
  const body = (params.Body ?? '').trim();
  if (!body && media === 0 && !location) throw new IgnoredPayloadError('no text, media or location (a status-only payload)');
  const mediaItems = Array.from({ length: media }, (_, i) => ({ url: params[`MediaUrl${i}`], contentType: params[`MediaContentType${i}`] })).filter((m) => m.url);
  const text = body || (location ? `📍 ${location.label ?? location.address ?? `${location.latitude}, ${location.longitude}`}` : mediaItems.length ? `(${mediaItems.length} attachment${mediaItems.length > 1 ? 's' : ''})` : '');
  return [
    {
      kind,
      idempotencyKey: `sid:${sid}`,
      sentAt: new Date(),
      from: { phone: from!, ...(params.ProfileName ? { name: params.ProfileName } : {}) },
      text,
      meta: {
        messageSid: sid,
        identity: kind === 'whatsapp' ? `whatsapp:${from}` : from,
        to: params.To ?? null,
        messagingServiceSid: params.MessagingServiceSid ?? null,
        profileName: params.ProfileName ?? null,
        waId: params.WaId ?? null,
        media: mediaItems,
        location,
        fromCountry: params.FromCountry ?? null,
      },
    },
  ];
}

export type TwilioDelivery = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

/** Later states win: a callback arriving out of order never moves a message back. */
const RANK: Record<TwilioDelivery, number> = { queued: 0, sending: 1, sent: 2, failed: 3, undelivered: 3, delivered: 4, read: 5 };

const REASONS: Record<string, string> = {
  '21211': 'the number is not valid',
  '21610': 'the recipient has opted out (replied STOP)',
  '21614': 'the number cannot receive SMS',
  '30003': 'the phone is unreachable (off or out of coverage)',
  '30004': 'the message was blocked by the recipient',
  '30005': 'the number is unknown to the carrier',
  '30006': 'a landline or an unreachable carrier',
  '30007': 'the carrier filtered the message',
  '30008': 'unknown delivery error',
  '63016': "outside WhatsApp's 24-hour window: only a template can be sent",
};

/** A status callback: which message, its new state, and why it failed (Twilio's code and a readable reason). */
export function readTwilioStatus(params: TwilioParams): { providerId: string; status: TwilioDelivery; error: string | null } | null {
  const providerId = params.MessageSid ?? params.SmsSid;
  const raw = (params.MessageStatus ?? params.SmsStatus ?? '').toLowerCase();
  const status: TwilioDelivery | undefined =
    raw === 'accepted' || raw === 'scheduled' || raw === 'queued' ? 'queued' : raw === 'sending' ? 'sending' : (['sent', 'delivered', 'read', 'failed', 'undelivered'] as const).find((s) => s === raw);
  if (!providerId || !status) return null;
  const code = params.ErrorCode;
  const error = code ? `${code}: ${REASONS[code] ?? params.ErrorMessage ?? 'see the Twilio error dictionary'}` : null;
  return { providerId, status, error };
}

/** Whether a status may replace the current one. */
export function movesForward(current: string | null | undefined, next: TwilioDelivery): boolean {
  const from = current && current in RANK ? RANK[current as TwilioDelivery] : -1;
  return RANK[next] > from;
}
