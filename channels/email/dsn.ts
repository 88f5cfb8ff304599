/**
 * Reading delivery-status reports (RFC 3464): who could not be reached, and why.
 */
import { parseMessageIds } from './message-id.js';

export interface BounceRecipient {
  /** lower-cased */
  address: string;
  /** failed, delayed, delivered, relayed, expanded (lower-cased); undefined when the report gave none. */
  action?: string;
  /** Enhanced status code, e.g. 5.1.1 */
  status?: string;
  /** The remote server's words, e.g. "550 5.1.1 ... User unknown" */
  diagnostic?: string;
  /** The delivery failed (action failed, or a 5.x.x status without an action). */
  failed: boolean;
  /** A 5.x.x failure: the address should be marked undeliverable (4.x.x may still succeed). */
  permanent: boolean;
}

/** The per-recipient blocks of a message/delivery-status body. */
export function parseDeliveryStatus(body: string): BounceRecipient[] {
  const blocks = body.replace(/\r\n?/g, '\n').split(/\n\s*\n/);
  const out: BounceRecipient[] = [];
  for (const block of blocks) {
    const fields = parseFields(block);
    const recipient = fields['final-recipient'] ?? fields['original-recipient'];
    if (!recipient) continue; // the per-message block, or noise
    const address = stripType(recipient).replace(/^<|>$/g, '').trim().toLowerCase();
    if (!address || out.some((r) => r.address === address)) continue;
    const action = fields.action?.toLowerCase().split(/\s/)[0];
    const status = fields.status?.match(/\b[245]\.\d{1,3}\.\d{1,3}\b/)?.[0];
    const failed = action ? action === 'failed' : status?.startsWith('5') === true;
    out.push({
      address,
      action,
      status,
      diagnostic: fields['diagnostic-code'] ? stripType(fields['diagnostic-code']) : undefined,
      failed,
      permanent: failed && (status ? status.startsWith('5') : true),
    });
  }
  return out;
}

/**
 * For bounces that are not RFC 3464 reports (old or odd MTAs): recipients named on a line of their own,
 * as Postfix, Exim and qmail write them ("<a@b>: host ... said: 550 ...", "  a@b" after "failed:").
 */
export function recipientsFromBounceText(text: string): BounceRecipient[] {
  const out: BounceRecipient[] = [];
  for (const m of text.matchAll(/^\s*<([^<>\s@]+@[^<>\s]+)>:?\s*(.*)$/gm)) {
    const address = m[1].toLowerCase();
    if (out.some((r) => r.address === address)) continue;
    const status = m[2].match(/\b([245]\.\d{1,3}\.\d{1,3})\b/)?.[1];
    const permanent = status ? status.startsWith('5') : /\b5\d\d\b/.test(m[2]) || !/\b4\d\d\b/.test(m[2]);
    out.push({ address, status, diagnostic: m[2].trim() || undefined, failed: true, permanent });
  }
  return out;
}

/** The Message-ID in the header block of the returned original. */
export function originalMessageId(headerBlock: string | undefined): string | undefined {
  if (!headerBlock) return undefined;
  const fields = parseFields(headerBlock);
  return parseMessageIds(fields['message-id'])[0];
}

/** `Name: value` lines of one block, continuation lines unfolded; first occurrence wins. */
function parseFields(block: string): Record<string, string> {
  const fields: Record<string, string> = {};
  let last: string | undefined;
  for (const line of block.split('\n')) {
    if (/^[ \t]/.test(line) && last) {
      fields[last] += ` ${line.trim()}`;
      continue;
    }
    const m = line.match(/^([A-Za-z0-9-]+)\s*:\s*(.*)$/);
    if (!m) continue;
    last = m[1].toLowerCase();
    if (fields[last] === undefined) fields[last] = m[2].trim();
    else last = undefined;
  }
  return fields;
}

/** `rfc822; a@b` -> `a@b`, `smtp; 550 ...` -> `550 ...` */
function stripType(value: string): string {
  const semi = value.indexOf(';');
  return (semi >= 0 && semi < 12 ? value.slice(semi + 1) : value).trim();
}
