/**
 * Who is who: the addresses and numbers a contact is recognised by, normalised so the same one written two
 * ways is one identity, and the contacts that are probably one person (suggested to an agent, never merged
 * by themselves). Pure.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type IdentityKind = 'email' | 'phone';

export interface Identity {
  kind: IdentityKind;
  value: string;
}

/** An e-mail address as it is stored: trimmed, without "mailto:" or angle brackets, lower case. null: not an address. */
export function normalizeEmail(raw: string): string | null {
  const s = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[a-z0-9-]{2,}$/.test(s) && s.length <= 254 ? s : null;
}

/** A phone number in E.164 ("+34600111222"), read in the default country when it has no prefix. null: not a number. */
export function normalizePhone(raw: string, defaultCountry: string): string | null {
  const cleaned = raw.trim().replace(/^whatsapp:/i, '').replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, defaultCountry.toUpperCase() as CountryCode);
  return parsed && parsed.isPossible() ? parsed.number : null;
}

/** An identity of either kind, or a reason it is not one. */
export function normalizeIdentity(kind: IdentityKind, raw: string, defaultCountry: string): { ok: true; identity: Identity } | { ok: false; error: string } {
  const value = kind === 'email' ? normalizeEmail(raw) : normalizePhone(raw, defaultCountry);
  if (value) return { ok: true, identity: { kind, value } };
  return { ok: false, error: kind === 'email' ? `"${raw}" is not an e-mail address.` : `"${raw}" is not a phone number (write it with its country prefix, e.g. +34 600 111 222).` };
}

/** A name as contacts are compared by it: no accents, lower case, words separated by one space. */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Mail providers whose domain says nothing about who the person works for. */
const PUBLIC_MAIL = new Set(['gmail.com', 'googlemail.com', 'hotmail.com', 'hotmail.es', 'outlook.com', 'outlook.es', 'live.com', 'yahoo.com', 'yahoo.es', 'icloud.com', 'me.com', 'gmx.com', 'gmx.net', 'proton.me', 'protonmail.com', 'yandex.com', 'mail.com', 'aol.com']);

/** The mailbox an address delivers to: "Ana.Ruiz+work@gmail.com" and "anaruiz@gmail.com" are one. */
export function mailboxOf(email: string): string {
  const [local = '', domain = ''] = email.toLowerCase().split('@');
  const base = local.split('+')[0]!;
  return `${domain === 'googlemail.com' || domain === 'gmail.com' ? base.replace(/\./g, '') : base}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

export const domainOfEmail = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

export interface ContactFacts {
  id: string;
  name: string;
  customerId: string | null;
  identities: readonly Identity[];
}

export interface LikelySame {
  contactId: string;
  /** 0..1: how sure; shown as the order of suggestions. */
  score: number;
  reasons: string[];
}

/**
 * The other contacts that are probably the same person: the same mailbox written another way, or the
 * same full name with something else in common (customer, company mail domain, number but for its country
 * prefix). A shared first name alone, or a name alone, is never enough.
 */
export function likelySameContacts(contact: ContactFacts, others: readonly ContactFacts[]): LikelySame[] {
  const key = nameKey(contact.name);
  const emails = contact.identities.filter((i) => i.kind === 'email').map((i) => i.value);
  const phones = contact.identities.filter((i) => i.kind === 'phone').map((i) => i.value);
  const found: LikelySame[] = [];
  for (const o of others) {
    if (o.id === contact.id) continue;
    const reasons: string[] = [];
    let score = 0;
    const theirEmails = o.identities.filter((i) => i.kind === 'email').map((i) => i.value);
    const theirPhones = o.identities.filter((i) => i.kind === 'phone').map((i) => i.value);
    if (emails.some((e) => theirEmails.some((t) => mailboxOf(t) === mailboxOf(e)))) {
      score += 0.7;
      reasons.push('same mailbox written another way');
    }
    const sameName = key.length > 0 && key.includes(' ') && nameKey(o.name) === key;
    if (sameName) {
      const companyDomain = emails.map(domainOfEmail).find((d) => !PUBLIC_MAIL.has(d) && theirEmails.map(domainOfEmail).includes(d));
      const national = (p: string) => p.slice(-9);
      const samePhone = phones.some((p) => theirPhones.some((t) => t !== p && national(t) === national(p)));
      const sameCustomer = contact.customerId !== null && contact.customerId === o.customerId;
      if (sameCustomer) reasons.push('same name, same customer');
      if (companyDomain) reasons.push(`same name, same mail domain (${companyDomain})`);
      if (samePhone) reasons.push('same name, same number but for its country prefix');
      if (sameCustomer || companyDomain || samePhone) score += 0.5 + (sameCustomer ? 0.2 : 0) + (companyDomain ? 0.15 : 0) + (samePhone ? 0.15 : 0);
    }
    if (score > 0) found.push({ contactId: o.id, score: Math.min(1, Math.round(score * 100) / 100), reasons });
  }
  return found.sort((a, b) => b.score - a.score || a.contactId.localeCompare(b.contactId));
}
