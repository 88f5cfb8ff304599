/**
 * The incoming requests a size is measured with, all from existing contacts of existing customers, made from
 * a seeded generator so both sizes get the same mix: 35% the same problem told again about one of the
 * customer's incidents open and active in the last 4 days (by the same contact, or 30% of the time the
 * customer's other contact), 10% a follow-up naming no problem on one, 10% another problem from a customer
 * with one, 45% any contact with any problem of their language. Picked before measuring (not timed).
 */
import type pg from 'pg';
import type { ChannelKind } from '../../server/src/domain/rules/index.js';
import { FOLLOW_UPS, PROBLEMS, fill, type Locale, type Problem } from './texts.js';

export type RequestKind = 'again' | 'follow-up' | 'other-problem' | 'any';

export interface IncomingRequest {
  kind: RequestKind;
  contactId: string;
  customerId: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  channel: ChannelKind;
  /** E-mail and web form only. */
  subject: string | null;
  body: string;
}

interface Sender {
  contactId: string;
  customerId: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
}

interface RecentOpen {
  subject: string;
  contact: Sender;
  other: Sender | null;
}

/** mulberry32: small, fast, good enough to pick texts. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENDER = (alias: string) =>
  `json_build_object('contactId', ${alias}.id, 'customerId', ${alias}.customer_id, 'email', ${alias}.email, 'phone', ${alias}.phone, 'locale', ${alias}.locale)`;

export async function makeRequests(c: pg.Client, n: number, seed: number): Promise<IncomingRequest[]> {
  const recent = (
    await c.query<{ subject: string; contact: Sender; other: Sender | null }>(
      `select i.subject, ${SENDER('c')} as contact,
         (select ${SENDER('o')} from contacts o where o.customer_id = i.customer_id and o.id <> i.contact_id order by o.id limit 1) as other
       from incidents i join contacts c on c.id = i.contact_id
       where i.status in ('new', 'open', 'pending') and i.merged_into_id is null and i.last_message_at > now() - interval '96 hours'
       order by random() limit 2000`,
    )
  ).rows as RecentOpen[];
  const anyone = (await c.query<{ s: Sender }>(`select ${SENDER('c')} as s from contacts c order by random() limit 3000`)).rows.map((r) => r.s);
  if (anyone.length === 0) throw new Error('no contacts to send requests from');
  const rand = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const problemsOf = (l: Locale) => PROBLEMS.filter((p) => p.locale === l);
  const bySubject = new Map(PROBLEMS.map((p) => [p.subject, p]));
  const out: IncomingRequest[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const base = recent.length > 0 && r < 0.55 ? pick(recent) : null;
    let kind: RequestKind;
    let sender: Sender;
    let problem: Problem;
    let body: string;
    if (base && r < 0.35) {
      kind = 'again';
      sender = base.other && rand() < 0.3 ? base.other : base.contact;
      problem = bySubject.get(base.subject) ?? pick(problemsOf(base.contact.locale));
      body = fill(problem.again, rand);
    } else if (base && r < 0.45) {
      kind = 'follow-up';
      sender = base.contact;
      problem = bySubject.get(base.subject) ?? pick(problemsOf(sender.locale));
      body = pick(FOLLOW_UPS[sender.locale]);
    } else if (base) {
      kind = 'other-problem';
      sender = base.contact;
      const others = problemsOf(sender.locale).filter((p) => p.subject !== base.subject);
      problem = pick(others);
      body = fill(problem.body, rand);
    } else {
      kind = 'any';
      sender = pick(anyone);
      problem = pick(problemsOf(sender.locale));
      body = fill(problem.body, rand);
    }
    const ch = rand();
    const channel: ChannelKind = ch < 0.35 ? 'email' : ch < 0.6 ? 'webform' : ch < 0.8 ? 'phone' : ch < 0.92 ? 'whatsapp' : 'sms';
    const subject = channel === 'email' || channel === 'webform' ? (kind === 'follow-up' ? `Re: ${problem.subject}` : problem.subject) : null;
    out.push({ kind, ...sender, channel, subject, body });
  }
  return out;
}
