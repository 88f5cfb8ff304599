/**
 * Is this mail from a person, or automatic? Automatic mail is still stored and shown, but never answered
 * automatically (that is how mail loops start), and a bounce marks the recipient undeliverable.
 *
 * Checked in this order, the first match wins:
 * 1. bounce: a multipart/report with report-type=delivery-status (RFC 3464), or a mailer-daemon /
 *    postmaster / null-sender message with a delivery-failure subject (MTAs that send plain text);
 * 2. loop: our own mail came back: X-Loop naming one of our addresses, a Message-ID from our own
 *    Message-ID domain, or a From that is one of our addresses;
 * 3. auto-reply: RFC 3834 Auto-Submitted other than "no", X-Autoreply, X-Autorespond,
 *    X-Auto-Response-Suppress (All / OOF / AutoReply), Precedence: auto_reply, a read receipt, or an
 *    out-of-office / automatic-reply subject in es/en/ro;
 * 4. mailing-list: List-Id, List-Unsubscribe, List-Post, Precedence: list;
 * 5. bulk: Precedence bulk or junk, or a no-reply sender;
 * 6. human.
 */
import { originalMessageId, parseDeliveryStatus, recipientsFromBounceText, type BounceRecipient } from './dsn.js';
import { messageIdDomain } from './message-id.js';
import type { ParsedEmail } from './parse.js';

export type { BounceRecipient } from './dsn.js';

export interface AutomaticOptions {
  /** Our mailbox addresses; a `+tag` in a From is ignored when comparing. */
  ownAddresses?: readonly string[];
  /** Domains of the Message-IDs Switchboard generates for the mail it sends. */
  ownMessageIdDomains?: readonly string[];
}

export type AutomaticClassification =
  | { kind: 'human' }
  | {
      kind: 'bounce';
      /** true for an RFC 3464 report, false when guessed from a plain-text bounce. */
      report: boolean;
      recipients: BounceRecipient[];
      /** Recipients that could not be reached (any failure, permanent or not). */
      failedRecipients: string[];
      /** A 5.x.x failure: mark those recipients undeliverable. */
      permanent: boolean;
      /** The Message-ID of our message that bounced, to attach the bounce to it. */
      originalMessageId?: string;
    }
  | { kind: 'loop'; reason: 'x-loop' | 'own-message-id' | 'from-own-address' }
  | { kind: 'auto-reply'; outOfOffice: boolean; reason: string }
  | { kind: 'mailing-list'; listId?: string; reason: string }
  | { kind: 'bulk'; reason: string };

export type AutomaticKind = AutomaticClassification['kind'];

export type ClassifiableEmail = Pick<ParsedEmail, 'headers' | 'subject' | 'from' | 'messageId' | 'inReplyTo' | 'contentType' | 'report' | 'text'>;

const OOO_SUBJECT =
  /(^|:\s*|\[)\s*(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|auto:|respuesta autom[áa]tica|fuera de (la )?oficina|r[ăa]spuns automat|absent (de la|din) birou|[îi]n afara biroului|[îi]n concediu)/i;
const BOUNCE_SUBJECT =
  /(undeliver|undelivered mail|delivery status notification|delivery (has )?failed|delivery failure|returned mail|failure notice|mail delivery (failed|system)|could not be delivered|no se (ha )?pu(do|ede) entregar|error de entrega|mensaje no entregado|nu (a )?(putut fi|poate fi) (livrat|trimis)|mesaj nelivrat|eroare de livrare)/i;
const DAEMON = /^(mailer-daemon|postmaster|mail-daemon|mailer_daemon)@/i;
const NO_REPLY = /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply)(\+[^@]*)?@/i;

export function classifyAutomatic(mail: ClassifiableEmail, opts: AutomaticOptions = {}): AutomaticClassification {
  const h = (name: string) => mail.headers[name] ?? [];
  const first = (name: string) => h(name)[0]?.trim() ?? '';
  const from = mail.from?.address ?? '';
  const subject = mail.subject ?? '';

  // 1. bounce
  const isDsn = mail.contentType === 'multipart/report' && mail.report?.type === 'delivery-status';
  const nullSender = h('return-path').some((v) => v.replace(/\s/g, '') === '<>');
  if (isDsn || ((DAEMON.test(from) || nullSender) && BOUNCE_SUBJECT.test(subject))) {
    const recipients = isDsn ? parseDeliveryStatus(mail.report?.deliveryStatus ?? '') : [];
    if (recipients.length === 0) recipients.push(...fromTextReport(mail.text));
    const failed = recipients.filter((r) => r.failed);
    return {
      kind: 'bounce',
      report: isDsn,
      recipients,
      failedRecipients: failed.map((r) => r.address),
      permanent: failed.some((r) => r.permanent),
      originalMessageId: originalMessageId(mail.report?.originalHeaders) ?? mail.inReplyTo[0],
    };
  }

  // 2. loop
  const own = new Set((opts.ownAddresses ?? []).map(withoutTag));
  const ownDomains = new Set((opts.ownMessageIdDomains ?? []).map((d) => d.toLowerCase()));
  if (h('x-loop').some((v) => v.toLowerCase().split(/[\s,;<>]+/).some((a) => own.has(withoutTag(a))))) return { kind: 'loop', reason: 'x-loop' };
  const idDomain = messageIdDomain(mail.messageId);
  if (idDomain && ownDomains.has(idDomain)) return { kind: 'loop', reason: 'own-message-id' };
  if (from && own.has(withoutTag(from))) return { kind: 'loop', reason: 'from-own-address' };

  // 3. auto-reply
  const outOfOffice = OOO_SUBJECT.test(subject);
  const autoSubmitted = first('auto-submitted').toLowerCase().split(/[;\s]/)[0];
  const suppress = first('x-auto-response-suppress');
  const precedence = first('precedence').toLowerCase();
  const autoReason =
    (autoSubmitted && autoSubmitted !== 'no' && `auto-submitted: ${autoSubmitted}`) ||
    (h('x-autoreply').length > 0 && 'x-autoreply') ||
    (h('x-autorespond').length > 0 && 'x-autorespond') ||
    (/\b(all|oof|autoreply)\b/i.test(suppress) && `x-auto-response-suppress: ${suppress}`) ||
    (precedence === 'auto_reply' && 'precedence: auto_reply') ||
    (mail.contentType === 'multipart/report' && `report: ${mail.report?.type || 'unknown'}`) ||
    (outOfOffice && 'subject');
  if (autoReason) return { kind: 'auto-reply', outOfOffice, reason: autoReason };

  // 4. mailing list
  const listId = first('list-id');
  if (listId) return { kind: 'mailing-list', listId: listId.match(/<([^<>]+)>/)?.[1] ?? listId, reason: 'list-id' };
  for (const name of ['list-unsubscribe', 'list-post']) if (h(name).length > 0) return { kind: 'mailing-list', reason: name };
  if (precedence === 'list') return { kind: 'mailing-list', reason: 'precedence: list' };

  // 5. bulk
  if (precedence === 'bulk' || precedence === 'junk') return { kind: 'bulk', reason: `precedence: ${precedence}` };
  if (NO_REPLY.test(from)) return { kind: 'bulk', reason: 'no-reply sender' };

  return { kind: 'human' };
}

/** Never answer these automatically (RFC 3834 section 2). */
export function isAutomatic(c: AutomaticClassification): boolean {
  return c.kind !== 'human';
}

function fromTextReport(text: string): BounceRecipient[] {
  // Some MTAs put the RFC 3464 fields in the text itself.
  const inline = parseDeliveryStatus(text);
  return inline.length > 0 ? inline : recipientsFromBounceText(text);
}

function withoutTag(address: string): string {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  if (at < 0) return a;
  return `${a.slice(0, at).split('+')[0]}@${a.slice(at + 1)}`;
}
