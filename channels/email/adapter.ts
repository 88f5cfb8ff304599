/**
 * E-mail channel: one raw message fetched from an IMAP mailbox -> one InboundMessage.
 *
 * Two pure steps:
 *   parseEmail(raw)                          async: bytes -> ParsedEmail (channels/email/parse.ts)
 *   buildInboundEmail(parsed, envelope, cfg) sync: ParsedEmail -> InboundMessage (this file)
 * and `normalize` (asynchronous, as ChannelAdapter allows) runs both.
 */
import { createHash } from 'node:crypto';
import { InvalidPayloadError, type ChannelAdapter, type InboundMessage } from '../core/index.js';
import { classifyAutomatic, type AutomaticClassification } from './automatic.js';
import { DEFAULT_MAX_EMAIL_BYTES, MessageTooLargeError, parseEmail, type ParsedEmail } from './parse.js';
import { visibleReplyText } from './quotes.js';

export interface EmailConfig {
  /** Our mailbox addresses (the channel's address and aliases), for loop detection. */
  ownAddresses?: string[];
  /** Domains of the Message-IDs we generate (e.g. sb.climatiza.example), for loop detection. */
  ownMessageIdDomains?: string[];
  /** Default 25 MB. */
  maxBytes?: number;
}

/** What the IMAP sync hands over, stored as the raw inbound event (JSON). */
export interface EmailEnvelope {
  /** The RFC 5322 message, base64. */
  raw: string;
  /** Which mailbox (channel and folder) it was fetched from: scopes the idempotency key. */
  mailbox: string;
  /** The IMAP folder it was fetched from (a message kept in quarantine is fetched again from there). */
  folder?: string;
  uidValidity: number;
  uid: number;
  /** IMAP INTERNALDATE (ISO 8601): the arrival time, used when the message has no usable Date header. */
  receivedAt?: string;
  /** The size the server gave; with `truncated`, `raw` holds only the header of a message too large to fetch. */
  size?: number;
  truncated?: boolean;
}

export interface EmailAttachmentMeta {
  filename?: string;
  contentType: string;
  size: number;
  sha256: string;
  cid?: string;
  inline: boolean;
}

/** The JSON-serialisable meta of an e-mail InboundMessage. */
export interface EmailMeta {
  mailbox: string;
  uidValidity: number;
  uid: number;
  to: string[];
  cc: string[];
  deliveredTo: string[];
  replyTo: string[];
  /** Sanitised HTML (remote images blocked); absent for plain-text mail. */
  html?: string;
  /** Why the HTML part was left out (see ParsedEmail.htmlOmitted). */
  htmlOmitted?: string;
  hasBlockedImages: boolean;
  attachments: EmailAttachmentMeta[];
  automatic: AutomaticClassification;
  /** The whole text, quoted history included ("show full message"). */
  fullText: string;
  /** true when `text` is the visible reply and differs from fullText. */
  quotedHistoryStripped: boolean;
  size: number;
  /** When our mail server took it (IMAP INTERNALDATE), ISO 8601; the Date header can be anything. */
  receivedAt?: string;
}

export interface NormalizedEmail {
  message: InboundMessage;
  /** The parsed message, with attachment contents, for the caller to store attachments without parsing again. */
  parsed: ParsedEmail;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const emailAdapter: ChannelAdapter<EmailConfig> = {
  kind: 'email',
  async normalize(raw, config) {
    return [(await normalizeEmail(raw as EmailEnvelope, config)).message];
  },
};

export async function normalizeEmail(envelope: EmailEnvelope, config: EmailConfig = {}): Promise<NormalizedEmail> {
  const bytes = decodeEnvelope(envelope, config.maxBytes ?? DEFAULT_MAX_EMAIL_BYTES);
  const parsed = await parseEmail(bytes, { maxBytes: config.maxBytes });
  const message = buildInboundEmail(parsed, bytes, envelope, config);
  message.attachments = parsed.attachments.map((a) => ({ filename: a.filename, declaredType: a.contentType, content: a.content, inline: a.inline, cid: a.cid }));
  return { message, parsed };
}

/** Checks the envelope and decodes the raw message, refusing an oversized one before decoding it. */
export function decodeEnvelope(envelope: EmailEnvelope, maxBytes: number): Buffer {
  if (!envelope || typeof envelope !== 'object') throw new InvalidPayloadError('The e-mail envelope is empty.', { raw: 'required' });
  const errors: Record<string, string> = {};
  const raw = typeof envelope.raw === 'string' ? envelope.raw.replace(/\s+/g, '') : '';
  if (!raw) errors.raw = 'required (the message, base64)';
  else if (raw.length % 4 !== 0 || !BASE64.test(raw)) errors.raw = 'must be base64';
  if (typeof envelope.mailbox !== 'string' || !envelope.mailbox.trim()) errors.mailbox = 'required';
  for (const k of ['uidValidity', 'uid'] as const) {
    const v = envelope[k];
    if (!Number.isInteger(v) || v < 1 || v > 0xffffffff) errors[k] = 'must be an integer from 1 to 4294967295';
  }
  if (envelope.receivedAt !== undefined && Number.isNaN(Date.parse(envelope.receivedAt))) errors.receivedAt = 'is not a date';
  if (Object.keys(errors).length > 0) {
    throw new InvalidPayloadError(`The e-mail envelope has errors: ${Object.entries(errors).map(([k, v]) => `${k} ${v}`).join('; ')}.`, errors);
  }
  if (envelope.truncated) throw new MessageTooLargeError(Number(envelope.size) || 0, maxBytes);
  const size = (raw.length / 4) * 3 - (raw.endsWith('==') ? 2 : raw.endsWith('=') ? 1 : 0);
  if (size > maxBytes) throw new MessageTooLargeError(size, maxBytes);
  return Buffer.from(raw, 'base64');
}

/** Pure and synchronous: the InboundMessage for a parsed message. */
export function buildInboundEmail(parsed: ParsedEmail, bytes: Buffer, envelope: EmailEnvelope, config: EmailConfig = {}): InboundMessage {
  if (!parsed.from) throw new InvalidPayloadError('The message has no sender address (From or Sender).', { from: 'required' });
  const sentAt = parsed.date ?? receivedDate(parsed) ?? (envelope.receivedAt ? new Date(envelope.receivedAt) : undefined);
  if (!sentAt) throw new InvalidPayloadError('The message has no Date or Received date, and the envelope no receivedAt.', { date: 'required' });

  const visible = visibleReplyText(parsed.text, { subject: parsed.subject });
  const fullText = parsed.text.trim();
  const automatic = classifyAutomatic(parsed, { ownAddresses: config.ownAddresses, ownMessageIdDomains: config.ownMessageIdDomains });
  const meta: EmailMeta = {
    mailbox: envelope.mailbox,
    uidValidity: envelope.uidValidity,
    uid: envelope.uid,
    to: parsed.to.map((a) => a.address),
    cc: parsed.cc.map((a) => a.address),
    deliveredTo: parsed.deliveredTo,
    replyTo: parsed.replyTo.map((a) => a.address),
    html: parsed.html,
    htmlOmitted: parsed.htmlOmitted,
    hasBlockedImages: parsed.hasBlockedImages,
    attachments: parsed.attachments.map(({ filename, contentType, size, sha256, cid, inline }) => ({ filename, contentType, size, sha256, cid, inline })),
    automatic,
    fullText,
    quotedHistoryStripped: Boolean(visible) && visible !== fullText,
    size: parsed.size,
    receivedAt: envelope.receivedAt,
  };
  return {
    kind: 'email',
    idempotencyKey: idempotencyKey(parsed, bytes, envelope.mailbox),
    sentAt,
    from: parsed.from.name ? { email: parsed.from.address, name: parsed.from.name } : { email: parsed.from.address },
    subject: parsed.subject || undefined,
    // A reply that is only quoted history (or an inline answer we could not separate) keeps everything.
    text: visible || fullText,
    locale: parsed.language && ['es', 'en', 'ro'].includes(parsed.language) ? parsed.language : undefined,
    threading: { messageId: parsed.messageId, inReplyTo: parsed.inReplyTo, references: parsed.references },
    meta: JSON.parse(JSON.stringify(meta)) as Record<string, unknown>,
  };
}

/**
 * Not mailbox+UIDVALIDITY+UID: when the server resets UIDVALIDITY (mailbox rebuilt, migrated, restored)
 * every message gets new UIDs and the sync fetches them all again; a UID-based key would import each one a
 * second time. The Message-ID survives that, and so do the raw bytes.
 *
 * With a Message-ID: the mailbox, the id, the sender and the Date header as written. The id alone would let
 * a broken or hostile sender that reuses Message-IDs make a different message vanish as a "duplicate";
 * a re-fetch or a redelivery of the same message has the same sender and Date. Scoped to the mailbox,
 * because the same message sent to two of our mailboxes is delivered to each.
 * Without one: a SHA-256 of the raw bytes (identical on every fetch of the stored message).
 * Hashed either way, so the key stays well under 255 characters whatever the Message-ID's length.
 */
function idempotencyKey(parsed: ParsedEmail, bytes: Buffer, mailbox: string): string {
  return messageIdKey(parsed, mailbox) ?? `raw:${createHash('sha256').update(mailbox).update('\0').update(bytes).digest('hex')}`;
}

function messageIdKey(parsed: Pick<ParsedEmail, 'messageId' | 'from' | 'dateHeader'>, mailbox: string): string | null {
  if (!parsed.messageId) return null;
  return `mid:${createHash('sha256').update(mailbox).update('\0').update(`${parsed.messageId}\0${parsed.from?.address ?? ''}\0${parsed.dateHeader ?? ''}`).digest('hex')}`;
}

/**
 * The key a message will be stored under, from its header alone (a message over the size limit, of which only
 * the header was fetched), when its Message-ID makes it: kept in quarantine under that key, it is the same event
 * before and after an admin's replay, and a re-read of the folder finds it stored. null: no Message-ID (the key
 * is the whole bytes' hash) or a header that does not parse.
 */
export async function keyFromHeader(header: Buffer, mailbox: string): Promise<string | null> {
  const parsed = await parseHeader(header);
  return parsed ? messageIdKey(parsed, mailbox) : null;
}

/** The Message-ID of a message's header alone (a message kept header-only, looked for again in its folder). */
export async function messageIdFromHeader(header: Buffer): Promise<string | null> {
  return (await parseHeader(header))?.messageId ?? null;
}

/** A header block parsed as a message without a body; null when it does not parse. */
async function parseHeader(header: Buffer): Promise<ParsedEmail | null> {
  try {
    return await parseEmail(header);
  } catch {
    return null;
  }
}

/** The time the first (topmost) Received header gives: when our server took the message. */
function receivedDate(parsed: ParsedEmail): Date | undefined {
  const received = parsed.headers.received?.[0];
  const when = received?.slice(received.lastIndexOf(';') + 1).trim();
  const d = when ? new Date(when.replace(/\s*\([^)]*\)\s*$/, '')) : undefined;
  return d && !Number.isNaN(d.getTime()) ? d : undefined;
}

/** Our own mail coming back, or robots answering each other: stored, never an incident. */
export function isMailLoop(m: InboundMessage): boolean {
  return m.kind === 'email' && (m.meta as EmailMeta | undefined)?.automatic?.kind === 'loop';
}
