import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadDataset, pairScores, replay, type Dataset, type Rule } from '../evaluate.js';

const dir = join(__dirname, '..');

describe('the labelled duplicate sets', () => {
  // Every set in the folder, the sealed one too: only its shape is checked here, no figure is computed.
  const sets = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it('are all there', () => expect(sets).toEqual(expect.arrayContaining(['dataset.json', 'holdout.json', 'holdout2.json', 'sealed.json'])));
  it.each(sets)('%s passes the loader’s checks', (file) => {
    expect(() => loadDataset(join(dir, file))).not.toThrow();
  });
});

const customers = [
  { id: 'cus-1', contacts: [{ id: 'ct-1', email: 'a@example.com', locale: 'en' }, { id: 'ct-2', phone: '+447700900001', locale: 'en' }] },
  { id: 'cus-2', contacts: [{ id: 'ct-3', phone: '+447700900002', locale: 'en' }] },
];
const request = (id: string, incident: string, customer: string, contact: string, channel: string, at: string, extra: Record<string, unknown> = {}) =>
  ({ id, incident, customer, contact, channel, locale: 'en', at, text: `text of ${id}`, ...extra });

describe('checkDataset', () => {
  it('accepts a well-formed set', () => {
    const ok = { version: 1, customers, requests: [request('r1', 'i1', 'cus-1', 'ct-1', 'email', '2027-07-01T08:00:00Z', { subject: 'Boiler' })] };
    expect(checkDataset(ok)).toEqual([]);
  });

  it('names every problem of a broken set', () => {
    const broken = {
      version: 1,
      customers,
      requests: [
        request('r1', 'i1', 'cus-1', 'ct-3', 'sms', '2027-07-01T08:00:00Z'),
        request('r2', 'i1', 'cus-2', 'ct-3', 'sms', '2027-07-01 09:00'),
        request('r3', 'i2', 'cus-1', 'ct-2', 'email', '2027-07-01T10:00:00Z'),
        request('r4', 'i3', 'cus-1', 'ct-1', 'webform', '2027-07-01T11:00:00Z'),
        request('r4', 'i3', 'cus-1', 'ct-2', 'sms', '2027-07-01T12:00:00Z', { subject: 'Hi' }),
      ],
    };
    const problems = checkDataset(broken);
    expect(problems).toEqual([
      'request r1: contact ct-3 belongs to cus-2, not cus-1',
      'request r2: at "2027-07-01 09:00" is not an ISO 8601 UTC time',
      'request r2: incident i1 spans customers cus-1 and cus-2',
      'request r3: email from contact ct-2, who has no e-mail address',
      'request r4: web form without a subject',
      'request r4: id missing or repeated',
      'request r4: a subject on a channel without subjects',
    ]);
  });

  it('refuses a set of another version or without requests', () => {
    expect(checkDataset({ version: 2, customers, requests: [] })).toEqual(['version is 2, expected 1', 'customers and requests must be arrays, requests not empty']);
  });
});

describe('replay and pairScores', () => {
  const set: Dataset = {
    customers,
    requests: [
      request('r1', 'i1', 'cus-1', 'ct-1', 'email', '2027-07-01T08:00:00Z'),
      request('r2', 'i1', 'cus-1', 'ct-2', 'sms', '2027-07-01T09:00:00Z'),
      request('r3', 'i2', 'cus-1', 'ct-2', 'sms', '2027-07-01T10:00:00Z'),
      request('r4', 'i3', 'cus-2', 'ct-3', 'sms', '2027-07-01T11:00:00Z'),
    ],
  };
  // Joins the customer's latest incident: r1, r2 and r3 end together, r4 alone.
  const sameCustomer: Rule = (req, open) => open.filter((c) => c.customerId === req.customer).at(-1) ?? null;
  const never: Rule = () => null;

  it('scores pairs: joining too much costs precision, never joining costs recall', () => {
    const joined = replay(set, sameCustomer);
    expect(new Set([joined.get('r1'), joined.get('r2'), joined.get('r3')]).size).toBe(1);
    expect(pairScores(set, joined)).toMatchObject({ truePairs: 1, predictedPairs: 3, correctPairs: 1, precision: 1 / 3, recall: 1, f1: 0.5, incidents: 2 });
    expect(pairScores(set, replay(set, never))).toMatchObject({ truePairs: 1, predictedPairs: 0, correctPairs: 0, precision: 1, recall: 0, f1: 0, incidents: 4 });
  });

  it('replays in time order whatever the file order, and a joined incident takes the sender', () => {
    const seen: string[] = [];
    const rule: Rule = (req, open) => {
      seen.push(req.id);
      return open[0] ?? null;
    };
    const shuffled = { ...set, requests: [...set.requests].reverse() };
    replay(shuffled, rule, (c, req) => {
      if (req.id === 'r2') expect(c.contactIds).toEqual(['ct-1', 'ct-2']);
    });
    expect(seen).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
