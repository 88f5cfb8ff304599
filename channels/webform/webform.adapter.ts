/**
 * Web form channel: a public form (JSON, urlencoded or the plain /forms/{key} page) posts here.
 * Pure: validation, normalisation, idempotency key. No I/O.
 */
import { createHash } from 'node:crypto';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { IgnoredPayloadError, InvalidPayloadError, type ChannelAdapter, type InboundMessage } from '../core/index.js';

export interface WebformConfig {
  /** Country assumed for phone numbers written without +prefix. */
  defaultCountry?: CountryCode;
}

/** What the HTTP door hands over: the submitted fields as they came, and when they came. */
export interface WebformEnvelope {
  fields: Record<string, unknown>;
  receivedAt: string;
}

/** The hidden field bots fill in. */
export const HONEYPOT_FIELD = 'website';
export const WEBFORM_LIMITS = { name: 200, email: 254, phone: 40, address: 300, subject: 200, message: 10_000, submissionId: 100 } as const;
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;
const SUBMISSION_ID_RE = /^[A-Za-z0-9._:-]+$/;
/** Identical content posted again within this window is the same submission (double click, resend). */
const CONTENT_DEDUP_WINDOW_MS = 10 * 60_000;

export const webformAdapter: ChannelAdapter<WebformConfig> = {
  kind: 'webform',
  normalize(raw, config) {
    return [normalizeWebform(raw as WebformEnvelope, config)];
  },
};

function text(fields: Record<string, unknown>, name: string): string {
  const v = fields[name];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' && typeof v !== 'number') return '\u0000invalid';
  return String(v).replace(/\r\n?/g, '\n').trim();
}

export function normalizeWebform(envelope: WebformEnvelope, config: WebformConfig = {}): InboundMessage {
  if (!envelope || typeof envelope !== 'object' || !envelope.fields || typeof envelope.fields !== 'object') {
    throw new InvalidPayloadError('The form submission is empty.', { message: 'required' });
  }
  const f = envelope.fields;
  if (text(f, HONEYPOT_FIELD) !== '') throw new IgnoredPayloadError('honeypot field filled');

  const errors: Record<string, string> = {};
  const name = text(f, 'name');
  const emailRaw = text(f, 'email').toLowerCase();
  const phoneRaw = text(f, 'phone');
  const address = text(f, 'address').replace(/\s+/g, ' ');
  const subject = text(f, 'subject').replace(/\s+/g, ' ');
  const message = text(f, 'message');
  const submissionId = text(f, 'submissionId');
  const locale = text(f, 'locale');

  const tooLong = (field: keyof typeof WEBFORM_LIMITS, v: string) => {
    if (v.length > WEBFORM_LIMITS[field]) errors[field] = `must be at most ${WEBFORM_LIMITS[field]} characters`;
  };
  const bad = (field: string, v: string) => v.includes('\u0000') && (errors[field] = 'must be text');

  if (!name) errors.name = 'required';
  if (!subject) errors.subject = 'required';
  if (!message) errors.message = 'required';
  for (const [k, v] of [['name', name], ['email', emailRaw], ['phone', phoneRaw], ['address', address], ['subject', subject], ['message', message], ['submissionId', submissionId]] as const) {
    tooLong(k, v);
    bad(k, v);
  }
  if (emailRaw && !errors.email && !EMAIL_RE.test(emailRaw)) errors.email = 'is not a valid e-mail address';
  let phone: string | undefined;
  if (phoneRaw && !errors.phone) {
    const parsed = parsePhoneNumberFromString(phoneRaw, config.defaultCountry);
    if (parsed?.isValid()) phone = parsed.number;
    else errors.phone = 'is not a valid phone number (use the international format, e.g. +34 600 111 222)';
  }
  if (!emailRaw && !phoneRaw) errors.email = 'an e-mail address or a phone number is required';
  if (submissionId && !errors.submissionId && !SUBMISSION_ID_RE.test(submissionId)) {
    errors.submissionId = 'may contain only letters, digits and . _ : -';
  }
  if (locale && !['es', 'en', 'ro'].includes(locale)) errors.locale = 'must be es, en or ro';

  const receivedAt = new Date(envelope.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) errors.receivedAt = 'is not a date';

  if (Object.keys(errors).length > 0) {
    const list = Object.entries(errors).map(([k, v]) => `${k} ${v}`).join('; ');
    throw new InvalidPayloadError(`The form has errors: ${list}.`, errors);
  }

  const email = emailRaw || undefined;
  return {
    kind: 'webform',
    // The client's id plus the content: a retry of the same submission is recognised, while a client that
    // reuses an id for a different message does not lose that message into the first one.
    idempotencyKey: submissionId
      ? `sub:${submissionId}:${contentHash(email ?? phone ?? '', subject, message).slice(0, 16)}`
      : `content:${contentHash(email ?? phone ?? '', subject, message, receivedAt)}`,
    // The window is fixed: a repeat just after its boundary is in the next one, so it also looks for the previous one's.
    ...(submissionId
      ? {}
      : {
          sameAs: {
            lock: `content:${contentHash(email ?? phone ?? '', subject, message)}`,
            keys: [`content:${contentHash(email ?? phone ?? '', subject, message, new Date(receivedAt.getTime() - CONTENT_DEDUP_WINDOW_MS))}`],
            since: new Date(receivedAt.getTime() - CONTENT_DEDUP_WINDOW_MS),
          },
        }),
    sentAt: receivedAt,
    from: { name, email, phone },
    subject,
    text: message,
    locale: locale || undefined,
    ...(address ? { siteAddress: address } : {}),
  };
}

/** With `at`, the hash also carries the ten-minute window it falls in (fixed windows: see `sameAs`). */
function contentHash(who: string, subject: string, message: string, at?: Date): string {
  const bucket = at ? `\n${Math.floor(at.getTime() / CONTENT_DEDUP_WINDOW_MS)}` : '';
  return createHash('sha256').update(`${who}\n${subject}\n${message}${bucket}`).digest('hex').slice(0, 40);
}
