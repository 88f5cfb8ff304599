/**
 * Replays the labelled requests in time order through a duplicate rule, as the desk would meet them, and
 * scores the incidents it made against the labels: pairwise precision (of the pairs it put together, how
 * many belong together), recall (of the pairs that belong together, how many it put together) and F1.
 */
import { readFileSync } from 'node:fs';
import { gistOf, mergeGist, siteKeyOf, type DedupIncident, type DedupRequest, type RequestGist } from '../../server/src/domain/dedup/index.js';

export interface Dataset {
  customers: { id: string; contacts: { id: string }[] }[];
  requests: { id: string; incident: string; customer: string; contact: string; channel: string; locale: string; at: string; subject?: string; text: string; siteAddress?: string }[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  incidents: number;
}

/** A rule: the incident (of those made so far) a request joins, or null for a new one. */
export type Rule = (req: Dataset['requests'][number], open: readonly Cluster[]) => Cluster | null;

export interface Cluster {
  id: string;
  customerId: string;
  contactIds: string[];
  lastAt: Date;
  requestIds: string[];
  /**
   * Its service address as compared (siteKeyOf), as the desk keeps it: that of its first request carrying
   * one (a web form's address, one the agent captured), null until then.
   */
  siteKey: string | null;
  gist?: RequestGist;
}

/** What the rule reads of a request: its subject and text. */
export const textOf = (r: Dataset['requests'][number]) => `${r.subject ?? ''}\n${r.text}`;
/** A cluster's gist grown by a request, as the desk merges the gists of an incident's requests (replay's onJoin). */
export const grow = (c: Cluster, r: Dataset['requests'][number]) => void (c.gist = c.gist ? mergeGist(c.gist, gistOf(textOf(r))) : gistOf(textOf(r)));
/** A request as the desk's rule takes it; `sites` false leaves its service address out. */
export const requestOf = (r: Dataset['requests'][number], sites = true): DedupRequest => ({ contactId: r.contact, customerId: r.customer, siteKey: sites ? siteKeyOf(r.siteAddress) : null, at: new Date(r.at), text: textOf(r) });
/** The clusters made so far as the rule's open incidents; `sites` false leaves their service addresses out. */
export const candidatesOf = (open: readonly Cluster[], sites = true): DedupIncident[] =>
  open.map((c) => ({ id: c.id, contactIds: c.contactIds, customerId: c.customerId, siteKey: sites ? c.siteKey : null, lastAt: c.lastAt, gist: c.gist! }));

export function replay(data: Dataset, rule: Rule, onJoin: (c: Cluster, req: Dataset['requests'][number]) => void = () => {}): Map<string, string> {
  const clusters: Cluster[] = [];
  const assigned = new Map<string, string>();
  for (const req of [...data.requests].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))) {
    const target = rule(req, clusters);
    const at = new Date(req.at);
    if (target) {
      target.requestIds.push(req.id);
      if (!target.contactIds.includes(req.contact)) target.contactIds.push(req.contact);
      target.lastAt = at > target.lastAt ? at : target.lastAt;
      target.siteKey ??= siteKeyOf(req.siteAddress);
      onJoin(target, req);
      assigned.set(req.id, target.id);
    } else {
      const c: Cluster = { id: `p${clusters.length + 1}`, customerId: req.customer, contactIds: [req.contact], lastAt: at, requestIds: [req.id], siteKey: siteKeyOf(req.siteAddress) };
      clusters.push(c);
      onJoin(c, req);
      assigned.set(req.id, c.id);
    }
  }
  return assigned;
}

export function pairScores(data: Dataset, assigned: Map<string, string>): Scores {
  const truth = new Map(data.requests.map((r) => [r.id, r.incident]));
  const ids = data.requests.map((r) => r.id);
  let truePairs = 0;
  let predictedPairs = 0;
  let correctPairs = 0;
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const same = truth.get(ids[i]!) === truth.get(ids[j]!);
      const together = assigned.get(ids[i]!) === assigned.get(ids[j]!);
      if (same) truePairs++;
      if (together) predictedPairs++;
      if (same && together) correctPairs++;
    }
  }
  const precision = predictedPairs ? correctPairs / predictedPairs : 1;
  const recall = truePairs ? correctPairs / truePairs : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, truePairs, predictedPairs, correctPairs, incidents: new Set(assigned.values()).size };
}

/** Reads a labelled set (schema in DATASET.md) and checks it: a broken set throws, naming its problems. */
export function loadDataset(file: string): Dataset {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const problems = checkDataset(data);
  if (problems.length > 0) throw new Error(`${file}: ${problems.length} problem(s)\n  ${problems.slice(0, 40).join('\n  ')}`);
  return data as Dataset;
}

const CHANNELS = ['email', 'sms', 'whatsapp', 'phone', 'webform'];
const LOCALES = ['es', 'en', 'ro'];

/**
 * What is wrong with a labelled set: version, unique ids, every request's customer and contact known (the contact
 * the customer's, able to use the channel: an e-mail address for email/webform, a phone for sms/whatsapp/phone),
 * known channel and locale, an ISO `at` in UTC, a text, a subject only on email/webform (always on webform), and
 * consistent labels (an incident's requests all from one customer). Empty when all is well.
 */
export function checkDataset(raw: unknown): string[] {
  type Contact = { id?: unknown; email?: unknown; phone?: unknown; locale?: unknown };
  type Req = { id?: unknown; incident?: unknown; customer?: unknown; contact?: unknown; channel?: unknown; locale?: unknown; at?: unknown; subject?: unknown; text?: unknown; siteAddress?: unknown };
  const data = raw as { version?: unknown; customers?: { id?: unknown; contacts?: Contact[] }[]; requests?: Req[] };
  const problems: string[] = [];
  if (data?.version !== 1) problems.push(`version is ${JSON.stringify(data?.version)}, expected 1`);
  if (!Array.isArray(data?.customers) || !Array.isArray(data?.requests) || data.requests.length === 0) return [...problems, 'customers and requests must be arrays, requests not empty'];
  const customerIds = new Set<string>();
  const contacts = new Map<string, { customer: string; contact: Contact }>();
  for (const c of data.customers) {
    const id = String(c.id);
    if (typeof c.id !== 'string' || customerIds.has(id)) problems.push(`customer id ${JSON.stringify(c.id)} missing or repeated`);
    customerIds.add(id);
    if (!Array.isArray(c.contacts) || c.contacts.length === 0) problems.push(`customer ${id} has no contacts`);
    for (const ct of c.contacts ?? []) {
      const cid = String(ct.id);
      if (typeof ct.id !== 'string' || contacts.has(cid)) problems.push(`contact id ${JSON.stringify(ct.id)} (customer ${id}) missing or repeated`);
      if (typeof ct.email !== 'string' && typeof ct.phone !== 'string') problems.push(`contact ${cid} has neither e-mail nor phone`);
      if (!LOCALES.includes(ct.locale as string)) problems.push(`contact ${cid} has locale ${JSON.stringify(ct.locale)}`);
      contacts.set(cid, { customer: id, contact: ct });
    }
  }
  const requestIds = new Set<string>();
  const customerOf = new Map<string, string>();
  for (const r of data.requests) {
    const id = String(r.id);
    const bad = (what: string) => problems.push(`request ${id}: ${what}`);
    if (typeof r.id !== 'string' || requestIds.has(id)) bad('id missing or repeated');
    requestIds.add(id);
    if (typeof r.incident !== 'string' || r.incident === '') bad('no incident label');
    if (!customerIds.has(r.customer as string)) bad(`unknown customer ${JSON.stringify(r.customer)}`);
    const known = contacts.get(r.contact as string);
    if (!known) bad(`unknown contact ${JSON.stringify(r.contact)}`);
    else if (known.customer !== r.customer) bad(`contact ${String(r.contact)} belongs to ${known.customer}, not ${String(r.customer)}`);
    if (!CHANNELS.includes(r.channel as string)) bad(`unknown channel ${JSON.stringify(r.channel)}`);
    else if (known && (r.channel === 'email' || r.channel === 'webform') && typeof known.contact.email !== 'string') bad(`${String(r.channel)} from contact ${String(r.contact)}, who has no e-mail address`);
    else if (known && r.channel !== 'email' && r.channel !== 'webform' && typeof known.contact.phone !== 'string') bad(`${String(r.channel)} from contact ${String(r.contact)}, who has no phone`);
    if (!LOCALES.includes(r.locale as string)) bad(`unknown locale ${JSON.stringify(r.locale)}`);
    if (typeof r.at !== 'string' || !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(r.at) || Number.isNaN(Date.parse(r.at))) bad(`at ${JSON.stringify(r.at)} is not an ISO 8601 UTC time`);
    if (typeof r.text !== 'string' || r.text.trim() === '') bad('no text');
    if (r.subject !== undefined && (typeof r.subject !== 'string' || (r.channel !== 'email' && r.channel !== 'webform'))) bad('a subject on a channel without subjects');
    if (r.channel === 'webform' && typeof r.subject !== 'string') bad('web form without a subject');
    if (r.siteAddress !== undefined && typeof r.siteAddress !== 'string') bad('a siteAddress that is not text');
    if (typeof r.incident === 'string') {
      const first = customerOf.get(r.incident);
      if (first !== undefined && first !== r.customer) bad(`incident ${r.incident} spans customers ${first} and ${String(r.customer)}`);
      customerOf.set(r.incident, first ?? (r.customer as string));
    }
  }
  return problems;
}
