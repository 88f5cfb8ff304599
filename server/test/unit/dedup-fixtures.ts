/** What the duplicate-rule tests share: open incidents and requests of one customer by default, and a table row judged by decide. */
import { expect } from 'vitest';
import { decide, gistOf, mergeGist, siteKeyOf, type DedupIncident } from '../../src/domain/dedup/index.js';

export const at = (h: number) => new Date(Date.UTC(2026, 10, 10, 8) + h * 3_600_000);

export function incident(id: string, texts: string[], o: { contact?: string; customer?: string | null; lastAt?: Date; site?: string; technicianConfirmed?: boolean } = {}): DedupIncident {
  return {
    id,
    contactIds: [o.contact ?? 'ct-1'],
    customerId: o.customer === undefined ? 'cu-1' : o.customer,
    siteKey: siteKeyOf(o.site),
    lastAt: o.lastAt ?? at(0),
    gist: texts.map(gistOf).reduce(mergeGist),
    ...(o.technicianConfirmed ? { technicianConfirmed: true } : {}),
  };
}

export const req = (text: string, o: { contact?: string; customer?: string | null; hours?: number; site?: string } = {}) => ({
  contactId: o.contact ?? 'ct-1',
  customerId: o.customer === undefined ? 'cu-1' : o.customer,
  siteKey: siteKeyOf(o.site),
  at: at(o.hours ?? 3),
  text,
});

export type Case = { name: string; request: ReturnType<typeof req>; open: DedupIncident[]; action: 'join' | 'suggest' | 'new'; best?: string; because?: RegExp };

export const judge = ({ request, open, action, best, because }: Case) => {
  const d = decide(request, open);
  expect(d.action).toBe(action);
  if (best) expect(d.best?.incidentId).toBe(best);
  if (because) expect(d.best?.reasons.join('; ')).toMatch(because);
};
