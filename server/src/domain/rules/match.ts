/**
 * Does a rule's condition list hold for an incident? One function per kind of condition; text is compared
 * the way the duplicate rules compare it (lower case, no accents, punctuation as spaces), keywords as
 * whole words or phrases, so "gas" does not match "gasket" but "calefac*" matches "calefacción". Pure.
 */
import { normalizeText } from '../dedup/text.js';
import { isBusinessTime, localTime, parseHhMm } from '../sla/index.js';
import type { Condition, Rule, RuleFacts } from './types.js';

/** Conditions combined by the rule's `match`; an empty list matches every incident. */
export function matches(rule: Pick<Rule, 'match' | 'conditions'>, facts: RuleFacts): boolean {
  if (rule.conditions.length === 0) return true;
  return rule.match === 'any' ? rule.conditions.some((c) => holds(c, facts)) : rule.conditions.every((c) => holds(c, facts));
}

export function holds(c: Condition, f: RuleFacts): boolean {
  switch (c.field) {
    case 'channel':
      return (c.in as string[]).includes(f.channel);
    case 'type':
      return f.type !== null && c.in.includes(f.type);
    case 'kind':
      return f.kind !== null && c.in.includes(f.kind);
    case 'priority':
      return c.in.includes(f.priority);
    case 'zone':
      return oneOf(f.customer?.zone ?? null, c.in);
    case 'branch':
      return oneOf(f.customer?.branch ?? null, c.in);
    case 'language':
      // 'ES' and 'es-ES' are Spanish as much as 'es' is: compare the primary subtag, any case.
      return f.language !== null && c.in.some((l) => primaryLanguage(l) === primaryLanguage(f.language!));
    case 'coverage':
      return oneOf(f.coverage, c.in);
    case 'department':
      return c.in.includes(f.departmentId);
    case 'tag': {
      const mine = new Set(f.tags.map((t) => t.toLowerCase()));
      return c.in.some((t) => mine.has(t.toLowerCase()));
    }
    case 'text':
      return textHolds(c, f);
    case 'sender':
      return senderMatches(c.matches, f.sender);
    case 'time':
      return isBusinessTime(f.at, c.calendar) === c.businessHours;
    case 'hour':
      return hourHolds(c, f.at);
  }
}

function oneOf(value: string | null, list: readonly string[]): boolean {
  return value !== null && list.includes(value);
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]!;
}

/** A keyword as it is looked for in normalised text: ' word ' (whole word/phrase) or ' stem' (prefix). */
export function keywordNeedle(keyword: string): string | null {
  const prefix = keyword.trimEnd().endsWith('*');
  const core = normalizeText(prefix ? keyword.trimEnd().slice(0, -1) : keyword).trim();
  if (core === '') return null;
  return prefix ? ` ${core}` : ` ${core} `;
}

// Compiled patterns by source; an invalid one is remembered as null and never matches.
const compiled = new Map<string, RegExp | null>();
export function compileRegex(source: string): RegExp | null {
  if (compiled.has(source)) return compiled.get(source)!;
  let re: RegExp | null;
  try {
    re = new RegExp(source, 'i');
  } catch {
    re = null;
  }
  if (compiled.size > 1_000) compiled.clear(); // admins edit a few dozen rules; this only bounds a leak
  compiled.set(source, re);
  return re;
}

function textHolds(c: Extract<Condition, { field: 'text' }>, f: RuleFacts): boolean {
  // Subject and body are searched apart, so a phrase never matches across the two.
  const texts = c.where === 'subject' ? [f.subject] : c.where === 'body' ? [f.body] : [f.subject, f.body];
  if (c.keywords?.length) {
    const needles = c.keywords.map(keywordNeedle).filter((n): n is string => n !== null);
    const normalised = texts.map(normalizeText);
    if (needles.some((n) => normalised.some((t) => t.includes(n)))) return true;
  }
  if (c.regex !== undefined) {
    const re = compileRegex(c.regex);
    if (re && texts.some((t) => re.test(t))) return true;
  }
  return false;
}

const digits = (phone: string) => phone.replace(/\D/g, '');

/** '@acme.com': any address at that domain; an address: that address (any case); else a phone number (digits compared). */
export function senderMatches(pattern: string, sender: RuleFacts['sender']): boolean {
  const p = pattern.trim().toLowerCase();
  const email = sender.email?.trim().toLowerCase() ?? null;
  if (p.startsWith('@')) return email !== null && email.slice(email.lastIndexOf('@')) === p;
  if (p.includes('@')) return email === p;
  const wanted = digits(p);
  return wanted !== '' && sender.phone !== null && digits(sender.phone) === wanted;
}

function hourHolds(c: Extract<Condition, { field: 'hour' }>, at: Date): boolean {
  const from = parseHhMm(c.from);
  const to = parseHhMm(c.to, true);
  if (from === null || to === null) return false;
  let minute: number;
  try {
    minute = localTime(at, c.timeZone).minuteOfDay;
  } catch {
    return false; // an unknown time zone (validated on the way in) never matches
  }
  // [from, to) in local time; from > to wraps past midnight (22:00 -> 06:00).
  return from < to ? from <= minute && minute < to : minute >= from || minute < to;
}
