/**
 * Mail we send, as stored in the outbox (JSON) and handed to nodemailer, and what an SMTP failure means.
 * Pure: no I/O.
 */
import { randomUUID } from 'node:crypto';
import { replyAddress, signReplyToken, type ReplyTokenInput } from '../domain/reply-token.js';
import { taggedSubject } from '../domain/threading.js';
import { messageIdDomain } from './email-settings.js';

/** The outbox row's `mail` column: everything needed to send it again, identically. */
export interface OutboundMail {
  from: { name: string; address: string };
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  /** Normalised `<id@domain>`; also stored on the message, so replies thread back to it. */
  messageId: string;
  inReplyTo?: string;
  references: string[];
  /** Auto-Submitted and the like. */
  headers: Record<string, string>;
}

export interface ThreadContext {
  incidentId: string;
  reference: string;
  subject: string;
  /** Message-IDs of the incident's mail, oldest first (inbound and outbound). */
  threadIds: string[];
  /** The Message-ID of the mail this one answers (the customer's last), if any. */
  inReplyTo?: string;
}

export interface Mailbox {
  address: string;
  displayName: string;
}

export const newMessageId = (mailboxAddress: string) => `<${randomUUID()}@${messageIdDomain(mailboxAddress)}>`;

/**
 * A mail about an incident: the incident tag in the subject, In-Reply-To/References of the thread (the last
 * 20 ids, as mail clients do), and a Reply-To carrying a signed token so the answer finds its way back even
 * when a client drops the headers.
 */
export function composeIncidentMail(
  input: { mailbox: Mailbox; to: string; text: string; thread: ThreadContext; subjectPrefix?: string; automatic?: 'auto-generated' | 'auto-replied'; token?: Omit<ReplyTokenInput, 'incidentId'> },
  replyTokenKey: Buffer,
): OutboundMail {
  const token = signReplyToken({ purpose: 'reply', ...input.token, incidentId: input.thread.incidentId }, replyTokenKey);
  const headers: Record<string, string> = {};
  if (input.automatic) {
    headers['Auto-Submitted'] = input.automatic;
    // Exchange: do not answer this with out-of-office or other automatic replies.
    headers['X-Auto-Response-Suppress'] = 'All';
  }
  const inReplyTo = input.thread.inReplyTo ?? input.thread.threadIds.at(-1);
  return {
    from: { name: input.mailbox.displayName, address: input.mailbox.address },
    to: input.to,
    replyTo: replyAddress(input.mailbox.address, token),
    subject: taggedSubject(input.thread.subject, input.thread.reference, input.subjectPrefix ?? 'Re:'),
    text: input.text,
    messageId: newMessageId(input.mailbox.address),
    inReplyTo,
    references: input.thread.threadIds.slice(-20),
    headers,
  };
}

/** nodemailer's message options for a stored mail. */
export function toNodemailer(mail: OutboundMail) {
  return {
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references.length ? mail.references : undefined,
    headers: mail.headers,
  };
}

/**
 * After a failed send, may we try again?
 * - 'retry': the server said "not now" (4xx), or we never got as far as the mail transaction (connect,
 *   greeting, TLS, login);
 * - 'permanent': the server refused it (5xx): retrying will not help;
 * - 'unknown': the connection broke during the mail transaction without an answer: the message may have
 *   gone out. Never retried automatically (a customer must not get it twice); an agent decides.
 * `smtpPhase` is set by EmailSender ('connect' or 'transaction').
 */
export function smtpFailureKind(err: unknown): 'retry' | 'permanent' | 'unknown' {
  const e = err as { responseCode?: number; smtpPhase?: string };
  if (typeof e.responseCode === 'number' && e.responseCode >= 400) return e.responseCode >= 500 ? 'permanent' : 'retry';
  return e.smtpPhase === 'transaction' ? 'unknown' : 'retry';
}
