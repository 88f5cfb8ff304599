/**
 * Signed reply tokens carried in the recipient address: `<local>+<token>@<domain>`.
 *
 * A reply to `soporte+<token>@climatiza.example` proves which incident (and, for service orders, which
 * technician) the mail we sent was about, even when the client drops In-Reply-To and References.
 * Pure: node:crypto only.
 *
 * Format (bytes, then RFC 4648 base32 in lower case, no padding):
 *   [0]      version (3 high bits) | has technician (bit 4) | has expiry (bit 3) | purpose (3 low bits)
 *   [1..16]  incident id (a UUID, 16 bytes)
 *   [+4]     technician tag: the first 4 bytes of SHA-256 of the technician id (when bound to one)
 *   [+2]     expiry: days since 2020-01-01 UTC; the token is good until the end of that day (when set)
 *   [last10] HMAC-SHA256 of everything before it, truncated to 80 bits
 *
 * Why this shape:
 * - base32 (a-z, 2-7) survives mail systems that lower-case (or upper-case) local parts, and holds
 *   no character that needs quoting in an address or escaping in a URL.
 * - The whole local part must stay within 64 octets (RFC 5321), so the token is 44 to 53 characters.
 *   That leaves no room for a second UUID: the technician is bound by a 32-bit tag instead. The tag is
 *   covered by the MAC, so it cannot be forged; the caller also checks that the sender's address belongs
 *   to that technician, which is what really authorises an accept or a decline.
 * - The MAC key is derived from the secret with a fixed label, so the same application secret can sign
 *   other things (one-click links) without a token of one kind ever passing for another.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const REPLY_TOKEN_PURPOSES = ['reply', 'service-order'] as const;
export type ReplyTokenPurpose = (typeof REPLY_TOKEN_PURPOSES)[number];

export interface ReplyTokenInput {
  incidentId: string;
  /** Binds the token to the technician a service order was sent to. */
  technicianId?: string;
  purpose: ReplyTokenPurpose;
  /** Rounded up to the end of that UTC day: a token never expires earlier than asked. */
  expiresAt?: Date;
}

export interface ReplyTokenPayload {
  incidentId: string;
  purpose: ReplyTokenPurpose;
  /** Present when the token was bound to a technician: compare with replyTokenIsForTechnician. */
  technicianTag?: string;
  expiresAt?: Date;
}

export type ReplyTokenFailure = 'malformed' | 'bad-signature' | 'unsupported-version' | 'expired';
export type ReplyTokenResult = { ok: true; payload: ReplyTokenPayload } | { ok: false; reason: ReplyTokenFailure };

const VERSION = 1;
const MAC_BYTES = 10;
const TECH_BYTES = 4;
const EXPIRY_BYTES = 2;
const EPOCH_MS = Date.UTC(2020, 0, 1);
const DAY_MS = 86_400_000;
const MIN_BYTES = 1 + 16 + MAC_BYTES;
const MAX_BYTES = MIN_BYTES + TECH_BYTES + EXPIRY_BYTES;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A token as it may appear in a local part (any case). */
const TOKEN_RE = new RegExp(`^[a-z2-7]{${b32Length(MIN_BYTES)},${b32Length(MAX_BYTES)}}$`, 'i');
/** RFC 5321: the local part of an address is at most 64 octets. */
export const MAX_LOCAL_PART = 64;

export function signReplyToken(input: ReplyTokenInput, secret: string | Buffer): string {
  const purpose = REPLY_TOKEN_PURPOSES.indexOf(input.purpose);
  if (purpose < 0) throw new TypeError(`unknown reply-token purpose "${input.purpose}"`);
  if (!UUID_RE.test(input.incidentId)) throw new TypeError('incidentId must be a UUID');
  const parts: Buffer[] = [Buffer.alloc(1), Buffer.from(input.incidentId.replace(/-/g, ''), 'hex')];
  let header = (VERSION << 5) | purpose;
  if (input.technicianId !== undefined) {
    if (!input.technicianId) throw new TypeError('technicianId must not be empty');
    header |= 0x10;
    parts.push(technicianTagBytes(input.technicianId));
  }
  if (input.expiresAt !== undefined) {
    const day = Math.floor((input.expiresAt.getTime() - EPOCH_MS) / DAY_MS);
    if (!Number.isFinite(day) || day < 0 || day > 0xffff) throw new RangeError('expiresAt is out of range (2020-01-01 .. 2199)');
    header |= 0x08;
    const b = Buffer.alloc(EXPIRY_BYTES);
    b.writeUInt16BE(day);
    parts.push(b);
  }
  parts[0][0] = header;
  const body = Buffer.concat(parts);
  return base32Encode(Buffer.concat([body, mac(body, secret)]));
}

export function verifyReplyToken(token: string, secret: string | Buffer, opts: { now?: Date } = {}): ReplyTokenResult {
  if (typeof token !== 'string' || !TOKEN_RE.test(token)) return { ok: false, reason: 'malformed' };
  const bytes = base32Decode(token.toLowerCase());
  if (!bytes || bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) return { ok: false, reason: 'malformed' };
  const body = bytes.subarray(0, bytes.length - MAC_BYTES);
  // Constant-time: the comparison takes as long whichever byte differs.
  if (!timingSafeEqual(mac(body, secret), bytes.subarray(bytes.length - MAC_BYTES))) return { ok: false, reason: 'bad-signature' };

  const header = body[0];
  if (header >> 5 !== VERSION) return { ok: false, reason: 'unsupported-version' };
  const hasTech = (header & 0x10) !== 0;
  const hasExpiry = (header & 0x08) !== 0;
  const purpose = REPLY_TOKEN_PURPOSES[header & 0x07];
  if (!purpose || body.length !== 17 + (hasTech ? TECH_BYTES : 0) + (hasExpiry ? EXPIRY_BYTES : 0)) return { ok: false, reason: 'malformed' };

  const hex = body.subarray(1, 17).toString('hex');
  const payload: ReplyTokenPayload = {
    incidentId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    purpose,
  };
  let at = 17;
  if (hasTech) {
    payload.technicianTag = body.subarray(at, at + TECH_BYTES).toString('hex');
    at += TECH_BYTES;
  }
  if (hasExpiry) {
    payload.expiresAt = new Date(EPOCH_MS + (body.readUInt16BE(at) + 1) * DAY_MS);
    if ((opts.now ?? new Date()).getTime() >= payload.expiresAt.getTime()) return { ok: false, reason: 'expired' };
  }
  return { ok: true, payload };
}

/** Whether a verified token was issued for this technician (constant-time). */
export function replyTokenIsForTechnician(payload: ReplyTokenPayload, technicianId: string): boolean {
  if (!payload.technicianTag) return false;
  return timingSafeEqual(Buffer.from(payload.technicianTag, 'hex'), technicianTagBytes(technicianId));
}

/**
 * Every well-formed token found in `<local>+<token>@<domain>` addresses for one of our domains, in the
 * order given, lower-cased, without repeats. Pass Delivered-To first, then To, then Cc. A token found here
 * is only a candidate: verify each and use the first that verifies.
 */
export function extractTokensFromAddresses(addresses: Iterable<string>, domains: string | readonly string[]): string[] {
  const ours = new Set((typeof domains === 'string' ? [domains] : domains).map((d) => d.toLowerCase()));
  const found: string[] = [];
  for (const address of addresses) {
    const at = address.lastIndexOf('@');
    if (at < 0 || !ours.has(address.slice(at + 1).trim().toLowerCase())) continue;
    const local = address.slice(0, at).trim();
    const plus = local.indexOf('+');
    if (plus < 0) continue;
    const token = local.slice(plus + 1).toLowerCase();
    if (TOKEN_RE.test(token) && !found.includes(token)) found.push(token);
  }
  return found;
}

/** The first candidate of extractTokensFromAddresses. */
export function extractTokenFromAddresses(addresses: Iterable<string>, domains: string | readonly string[]): string | undefined {
  return extractTokensFromAddresses(addresses, domains)[0];
}

/** `soporte@x.example` + token -> `soporte+<token>@x.example`; throws when the local part would pass 64 octets. */
export function replyAddress(mailbox: string, token: string): string {
  const at = mailbox.lastIndexOf('@');
  if (at <= 0) throw new TypeError(`"${mailbox}" is not an address`);
  const local = `${mailbox.slice(0, at).split('+')[0]}+${token}`;
  if (Buffer.byteLength(local) > MAX_LOCAL_PART) {
    throw new RangeError(`"${local}" is ${Buffer.byteLength(local)} octets; a local part may have at most ${MAX_LOCAL_PART}: use a shorter mailbox name`);
  }
  return `${local}@${mailbox.slice(at + 1)}`;
}

function mac(body: Buffer, secret: string | Buffer): Buffer {
  const s = typeof secret === 'string' ? Buffer.from(secret) : secret;
  if (s.length < 16) throw new RangeError('the reply-token secret must be at least 16 bytes');
  const key = createHmac('sha256', s).update('switchboard/reply-token/v1').digest();
  return createHmac('sha256', key).update(body).digest().subarray(0, MAC_BYTES);
}

function technicianTagBytes(technicianId: string): Buffer {
  return createHash('sha256').update(`switchboard/technician\0${technicianId.toLowerCase()}`).digest().subarray(0, TECH_BYTES);
}

function b32Length(bytes: number): number {
  return Math.ceil((bytes * 8) / 5);
}

function base32Encode(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** null when a character is outside the alphabet or the unused trailing bits are not zero (one token, one spelling). */
function base32Decode(text: string): Buffer | null {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  if (bits >= 5 || (value & ((1 << bits) - 1)) !== 0) return null;
  return Buffer.from(out);
}
