/**
 * Raw RFC 5322 bytes -> the parts of a mail Switchboard uses, with mailparser. Pure (async only because
 * mailparser streams): no I/O, no clock.
 */
import { parseAddressHeader, simpleParser, type AddressObject, type EmailAddress, type HeaderLines, type StructuredHeader } from 'mailparser';
import { InvalidPayloadError } from '../core/index.js';
import { parseMessageIds } from './message-id.js';
import { sanitizeEmailHtml } from './sanitize.js';

export const DEFAULT_MAX_EMAIL_BYTES = 25 * 1024 * 1024;

export interface ParseEmailOptions {
  /** Larger messages throw MessageTooLargeError (default 25 MB). */
  maxBytes?: number;
}

/** The message is over the size limit: keep it raw in quarantine. */
export class MessageTooLargeError extends InvalidPayloadError {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`The message is ${size} bytes; the limit is ${limit} bytes.`, { raw: `must be at most ${limit} bytes` });
    this.name = 'MessageTooLargeError';
  }
}

/** mailparser gave up on the message: keep it raw in quarantine. */
export class UnparsableEmailError extends InvalidPayloadError {
  constructor(reason: string) {
    super(`The message cannot be parsed: ${reason}`, { raw: 'is not a parsable RFC 5322 message' });
    this.name = 'UnparsableEmailError';
  }
}

export interface Mailbox {
  /** lower-cased */
  address: string;
  name?: string;
}

export interface EmailAttachment {
  filename?: string;
  /** As declared by the sender (not checked against the content). */
  contentType: string;
  size: number;
  content: Buffer;
  sha256: string;
  /** Content-ID without angle brackets, to match `cid:` in the HTML. */
  cid?: string;
  /** Shown in the body (Content-Disposition inline, or referenced from multipart/related). */
  inline: boolean;
}

export interface DeliveryReport {
  /** report-type of a multipart/report, lower-cased (delivery-status, disposition-notification ...). */
  type: string;
  /** The message/delivery-status part, as text. */
  deliveryStatus?: string;
  /** The header block of the returned original (message/rfc822 or text/rfc822-headers part). */
  originalHeaders?: string;
}

export interface ParsedEmail {
  from?: Mailbox;
  replyTo: Mailbox[];
  to: Mailbox[];
  cc: Mailbox[];
  /** Envelope recipients the delivering server recorded: Delivered-To, X-Original-To, Envelope-To. */
  deliveredTo: string[];
  subject: string;
  /** The Date header; undefined when missing or unreadable (mailparser would say "now"). */
  date?: Date;
  /** The Date header as written, for keys that must not depend on parsing. */
  dateHeader?: string;
  messageId?: string;
  inReplyTo: string[];
  references: string[];
  /** Full plain text (quoted history included), newlines normalised. */
  text: string;
  /** Sanitised HTML, when the message has an HTML part. */
  html?: string;
  /** Why an HTML part was not kept (too large, or nested deep enough to stall the parser); the text stands in. */
  htmlOmitted?: string;
  hasBlockedImages: boolean;
  blockedImages: string[];
  attachments: EmailAttachment[];
  /** Raw header values by lower-cased name, unfolded, in order (encoded words not decoded). */
  headers: Record<string, string[]>;
  /** Top-level content type, lower-cased. */
  contentType: string;
  report?: DeliveryReport;
  /** Primary language subtag of Content-Language, lower-cased. */
  language?: string;
  size: number;
}

/** HTML beyond this is not sanitised or turned into text (no real message needs it). */
export const MAX_HTML_CHARS = 2_000_000;
/** htmlparser2 (under mailparser and sanitize-html) is quadratic in nesting depth: 100k open tags take seconds. */
const MAX_UNCLOSED_TAGS = 20_000;

const REPORT_PARTS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_PARTS = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);

export async function parseEmail(raw: Buffer, opts: ParseEmailOptions = {}): Promise<ParsedEmail> {
  const limit = opts.maxBytes ?? DEFAULT_MAX_EMAIL_BYTES;
  if (raw.length > limit) throw new MessageTooLargeError(raw.length, limit);
  if (raw.length === 0) throw new UnparsableEmailError('the message is empty');

  let m: Awaited<ReturnType<typeof simpleParser>>;
  try {
    m = await simpleParser(raw, {
      keepCidLinks: true, // the UI maps cid: to the stored attachment; no multi-megabyte data: URLs in the HTML
      keepDeliveryStatus: true, // the DSN part comes as an attachment we read, not mixed into the text
      skipTextToHtml: true,
      checksumAlgo: 'sha256',
      maxHtmlLengthToParse: MAX_HTML_CHARS,
    });
  } catch (err) {
    throw new UnparsableEmailError((err as Error).message);
  }

  const headers = rawHeaders(m.headerLines);
  if (Object.keys(headers).length === 0) throw new UnparsableEmailError('no header section');
  const contentType = (m.headers.get('content-type') as StructuredHeader | undefined) ?? { value: 'text/plain', params: {} };
  const htmlOmitted = typeof m.html === 'string' ? htmlProblem(m.html) : undefined;
  const sanitized = typeof m.html === 'string' && m.html.trim() && !htmlOmitted ? sanitizeEmailHtml(m.html) : undefined;
  const dateHeader = headers.date?.[0];

  const attachments: EmailAttachment[] = [];
  const report: DeliveryReport | undefined =
    contentType.value.toLowerCase() === 'multipart/report' ? { type: (contentType.params['report-type'] ?? '').toLowerCase() } : undefined;
  for (const a of m.attachments) {
    const type = a.contentType.toLowerCase();
    if (report && REPORT_PARTS.has(type)) {
      report.deliveryStatus = a.content.toString('utf8');
      continue; // machine-readable report: metadata, not something an agent opens
    }
    if (report && ORIGINAL_PARTS.has(type)) report.originalHeaders = headerBlock(a.content.toString('utf8'));
    attachments.push({
      filename: a.filename,
      contentType: type,
      size: a.size,
      content: a.content,
      sha256: a.checksum,
      cid: a.cid ?? (a.contentId ? a.contentId.replace(/[<>]/g, '') : undefined),
      inline: a.contentDisposition === 'inline' || Boolean(a.related),
    });
  }

  return {
    from: first(mailboxes(m.from)) ?? first(mailboxes(m.headers.get('sender') as AddressObject | undefined)),
    replyTo: mailboxes(m.replyTo),
    to: mailboxes(m.to),
    cc: mailboxes(m.cc),
    deliveredTo: [...new Set(['delivered-to', 'x-original-to', 'envelope-to'].flatMap((h) => headerAddresses(headers[h])))],
    subject: (m.subject ?? '').replace(/\s+/g, ' ').trim(),
    date: parseDateHeader(dateHeader),
    dateHeader,
    messageId: parseMessageIds(m.messageId)[0],
    inReplyTo: parseMessageIds(m.inReplyTo),
    references: parseMessageIds(m.references),
    text: (m.text ?? '').replace(/\r\n?/g, '\n'),
    html: sanitized?.html,
    htmlOmitted,
    hasBlockedImages: (sanitized?.blockedImages.length ?? 0) > 0,
    blockedImages: sanitized?.blockedImages ?? [],
    attachments,
    headers,
    contentType: contentType.value.toLowerCase(),
    report,
    language: headers['content-language']?.[0]?.split(/[,\s]/)[0]?.split('-')[0]?.toLowerCase() || undefined,
    size: raw.length,
  };
}

function rawHeaders(lines: HeaderLines): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { key, line } of lines) {
    const colon = line.indexOf(':');
    if (!key || colon < 0) continue;
    const value = line.slice(colon + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
    (out[key] ??= []).push(value);
  }
  return out;
}

function mailboxes(value: AddressObject | AddressObject[] | undefined): Mailbox[] {
  const flat = (list: EmailAddress[]): EmailAddress[] => list.flatMap((a) => (a.group ? flat(a.group) : [a]));
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap((o) => flat(o.value));
  const out: Mailbox[] = [];
  for (const a of all) {
    const address = a.address?.trim().toLowerCase();
    if (!address || out.some((x) => x.address === address)) continue;
    out.push(a.name?.trim() ? { address, name: a.name.trim() } : { address });
  }
  return out;
}

function headerAddresses(values: string[] | undefined): string[] {
  if (!values?.length) return [];
  return parseAddressHeader(values, { flatten: true }).value.map((a) => a.address?.trim().toLowerCase() ?? '').filter(Boolean);
}

function htmlProblem(html: string): string | undefined {
  if (html.length > MAX_HTML_CHARS) return `larger than ${MAX_HTML_CHARS} characters`;
  const opened = html.match(/<[a-z]/gi)?.length ?? 0;
  const closed = html.match(/<\//g)?.length ?? 0;
  return opened - closed > MAX_UNCLOSED_TAGS ? 'too deeply nested' : undefined;
}

/** Deterministic: undefined when unreadable (mailparser would answer "now", which a replay would change). */
function parseDateHeader(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value.replace(/\s*\([^()]*\)\s*$/, ''));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const first = <T>(list: T[]): T | undefined => list[0];

/** The header section of a message (up to the first empty line). */
function headerBlock(message: string): string {
  const end = message.search(/\r?\n\r?\n/);
  return (end < 0 ? message : message.slice(0, end)).replace(/\r\n?/g, '\n');
}
