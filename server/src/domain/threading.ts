/**
 * Which incident an inbound e-mail belongs to: the pure half (what to look for, in which order).
 * IngestService's thread resolver does the lookups, in this order, each scoped to the receiving mailbox:
 *   1. a signed reply token in a recipient address of this mailbox (`soporte+<token>@…`);
 *   2. In-Reply-To / References against Message-IDs we stored or sent on this mailbox;
 *   3. an incident tag in the subject (`[SB-1234]`), only when the sender already takes part in it;
 *   4. otherwise none: a new incident.
 */

/**
 * `[SB-1234]`, `[#SB-1234]`, `[#1234]`, `(SB-1234)`: the tag we put in subjects, and what clients do to it.
 * A bare number in brackets ("Unit (2)", "[2024]") is not a tag.
 */
const SUBJECT_TAG = /[[(]\s*(?:#\s*(?:SB-)?|SB-)(\d{1,12})\s*[\])]/i;

/** The incident reference a subject carries (e.g. 'SB-1234'), or null. */
export function subjectReference(subject: string | undefined | null): string | null {
  const m = subject ? SUBJECT_TAG.exec(subject) : null;
  return m ? `SB-${m[1]}` : null;
}

/** The subject of a mail we send about an incident: its own subject, a prefix, and the tag once. */
export function taggedSubject(subject: string, reference: string, prefix = ''): string {
  const plain = subject.replace(/\s*\[#?SB-\d+\]\s*/gi, ' ').trim();
  const withPrefix = prefix && !plain.toLowerCase().startsWith(prefix.toLowerCase()) ? `${prefix} ${plain}` : plain;
  return `${withPrefix} [${reference}]`.trim();
}

/**
 * Recipient addresses that may carry a reply token for this mailbox, best first: Delivered-To (what the
 * server really delivered to), then To, then Cc; only addresses whose local part (before '+') and domain
 * are this mailbox's.
 */
export function tokenAddresses(mailbox: string, recipients: { deliveredTo?: string[]; to?: string[]; cc?: string[] }): string[] {
  const [local, domain] = splitAddress(mailbox);
  return [...(recipients.deliveredTo ?? []), ...(recipients.to ?? []), ...(recipients.cc ?? [])].filter((a) => {
    const [l, d] = splitAddress(a);
    return d === domain && l.split('+')[0] === local;
  });
}

/** Message-IDs to look up, most telling first: In-Reply-To, then References from the newest back. */
export function referencedMessageIds(threading: { inReplyTo?: string[]; references?: string[] } | undefined): string[] {
  const ids = [...(threading?.inReplyTo ?? []), ...[...(threading?.references ?? [])].reverse()];
  return [...new Set(ids.filter(Boolean))].slice(0, 50);
}

function splitAddress(address: string): [string, string] {
  const a = address.trim().toLowerCase();
  const at = a.lastIndexOf('@');
  return at < 0 ? [a, ''] : [a.slice(0, at), a.slice(at + 1)];
}
