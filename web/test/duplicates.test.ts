import { describe, expect, it, vi } from 'vitest';
import { mount, RouterLinkStub } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { AuditEntryDto, DuplicateSuggestionDto, IncidentMergeDto } from '@contracts';
import DuplicateBanner, { type DuplicateActions } from '../src/components/DuplicateBanner.vue';
import MergePanel from '../src/components/MergePanel.vue';
import { ApiRequestError } from '../src/api/client';
import { describeAudit } from '../src/lib/audit';
import { reasonLabel } from '../src/lib/duplicates';
import type { Outcome } from '../src/lib/submission';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { detail } from './fixtures';

const i18n = (locale = 'en') => createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
const ref = (id: string, reference: string, subject = 'Boiler') => ({ id, reference, subject });
const suggestion = (o: Partial<DuplicateSuggestionDto> = {}): DuplicateSuggestionDto => ({
  id: 's1',
  incident: ref('i1', 'SB-12', 'Water on the floor'),
  candidate: ref('i9', 'SB-9', 'Air conditioning leaks'),
  score: 0.52,
  reasons: ['same sender', 'similar wording'],
  status: 'open',
  createdAt: new Date().toISOString(),
  ...o,
});
const merge = (o: Partial<IncidentMergeDto> = {}): IncidentMergeDto => ({
  id: 'g1',
  source: null,
  target: ref('i1', 'SB-12'),
  automatic: true,
  score: 0.71,
  reasons: ['same equipment (boiler)'],
  note: null,
  messages: 1,
  by: null,
  createdAt: new Date().toISOString(),
  undoneAt: null,
  ...o,
});
function actions() {
  const ok = async (..._: unknown[]): Promise<Outcome> => ({ ok: true });
  return { mergeInto: vi.fn(ok), mergeHere: vi.fn(ok), mergeIntoReference: vi.fn(ok), unmerge: vi.fn(ok), dismiss: vi.fn(ok) } satisfies DuplicateActions;
}
const mountBanner = (incident: ReturnType<typeof detail>, a: DuplicateActions | null, locale = 'en') =>
  mount(DuplicateBanner, { props: { incident, actions: a }, global: { plugins: [i18n(locale)], stubs: { RouterLink: RouterLinkStub } } });

describe('possible duplicate banner', () => {
  it('on the newer incident: offers to merge it into the older one, with the score and reasons in the agent language', async () => {
    const a = actions();
    const w = mountBanner(detail({ id: 'i1', duplicates: [suggestion()] }), a, 'es');
    const banner = w.get('[data-testid="duplicate-suggestion"]');
    expect(banner.text()).toContain('Posible duplicado de');
    expect(banner.text()).toContain('SB-9');
    expect(banner.text()).toMatch(/52\s?%/);
    expect(banner.text()).toContain('mismo remitente · redacción parecida');
    await w.get('[data-testid="duplicate-merge"]').trigger('click');
    expect(a.mergeInto).toHaveBeenCalledWith('i9', 's1');
  });

  it('on the older incident: offers to merge the newer one into it', async () => {
    const a = actions();
    const w = mountBanner(detail({ id: 'i9', duplicates: [suggestion()] }), a);
    expect(w.text()).toContain('May be the same problem:');
    expect(w.get('[data-testid="duplicate-merge"]').text()).toBe('Merge SB-12 into this one');
    await w.get('[data-testid="duplicate-merge"]').trigger('click');
    expect(a.mergeHere).toHaveBeenCalledWith('i1', 's1');
    await w.get('[data-testid="duplicate-dismiss"]').trigger('click');
    expect(a.dismiss).toHaveBeenCalledWith('s1');
  });

  it('shows what failed, and shows suggestions without buttons to whom may not act', async () => {
    const a = actions();
    a.mergeInto.mockResolvedValueOnce({ ok: false, error: new ApiRequestError({ statusCode: 409, error: 'CONFLICT', message: 'SB-9 is closed: a closed incident cannot be merged.' }) });
    const w = mountBanner(detail({ id: 'i1', duplicates: [suggestion()] }), a);
    await w.get('[data-testid="duplicate-merge"]').trigger('click');
    await vi.waitFor(() => expect(w.get('[data-testid="duplicate-error"]').text()).toContain('closed'));
    const readOnly = mountBanner(detail({ id: 'i1', duplicates: [suggestion()] }), null);
    expect(readOnly.find('[data-testid="duplicate-merge"]').exists()).toBe(false);
  });

  it('says where a merged incident went, and hides decided suggestions', () => {
    const w = mountBanner(detail({ id: 'i1', status: 'closed', mergedInto: ref('i9', 'SB-9'), duplicates: [suggestion({ status: 'merged' })] }), actions());
    expect(w.get('[data-testid="merged-into"]').text()).toContain('Merged into');
    expect(w.get('[data-testid="merged-into"]').findComponent(RouterLinkStub).props('to')).toBe('/incidents/i9');
    expect(w.find('[data-testid="duplicate-suggestion"]').exists()).toBe(false);
  });
});

describe('merge panel', () => {
  it('lists merges still in place with an Unmerge each, and merges by reference', async () => {
    const a = actions();
    const w = mount(MergePanel, { props: { incident: detail({ id: 'i1', merges: [merge(), merge({ id: 'g2', undoneAt: new Date().toISOString() })] }), actions: a }, global: { plugins: [i18n()] } });
    const entries = w.findAll('[data-testid="merge-entry"]');
    expect(entries).toHaveLength(1);
    expect(entries[0]!.text()).toContain('A request joined this incident by itself');
    expect(entries[0]!.text()).toContain('same equipment (boiler)');
    await w.get('[data-testid="unmerge"]').trigger('click');
    expect(a.unmerge).toHaveBeenCalledWith('g1');
    await w.get('[data-testid="merge-reference"]').setValue(' sb-9 ');
    await w.get('[data-testid="merge-form"]').trigger('submit');
    expect(a.mergeIntoReference).toHaveBeenCalledWith('sb-9');
  });

  it('offers no merge-into on an incident that is merged already', () => {
    const w = mount(MergePanel, { props: { incident: detail({ status: 'closed', mergedInto: ref('i9', 'SB-9') }), actions: actions() }, global: { plugins: [i18n()] } });
    expect(w.find('[data-testid="merge-form"]').exists()).toBe(false);
  });
});

describe('merge sentences in the timeline', () => {
  const t = i18n('ro').global.t as (k: string, p?: Record<string, unknown>) => string;
  const lookups = { userName: () => null, departmentName: () => null };
  const entry = (action: string, changes: Record<string, unknown>): AuditEntryDto => ({
    id: 'a',
    actor: { id: 'u', name: 'Ana' },
    action,
    changes: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, { from: null, to: v }])),
    createdAt: new Date().toISOString(),
  });
  it.each([
    [entry('duplicate.joined', { sender: 'Bogdan', channel: 'sms', score: 0.72 }), 'O solicitare de la Bogdan prin SMS s-a alăturat singură (72 %)'],
    [entry('merged', { into: 'SB-9' }), 'Ana a unit acest incident cu SB-9'],
    [entry('merged-in', { from: 'SB-12', messages: 2, released: 'Radu' }), 'Ana a unit SB-12 cu acest incident (2 mesaje)'],
    [entry('unmerged-out', { into: 'SB-12' }), 'Ana a separat SB-12 din acest incident'],
    [entry('duplicate.dismissed', { candidate: 'SB-9' }), 'Ana: nu este duplicat al SB-9'],
  ])('%#', (e, first) => expect(describeAudit(e, t, lookups)[0]).toBe(first));

  it('says the status an unmerge gave back (a joined request had reopened the incident)', () => {
    const e: AuditEntryDto = { ...entry('unmerged-out', { into: 'SB-12' }), changes: { into: { from: null, to: 'SB-12' }, status: { from: 'open', to: 'pending' } } };
    expect(describeAudit(e, t, lookups)).toEqual(['Ana a separat SB-12 din acest incident', 'Ana: stare Deschis → În așteptare']);
  });

  it('says who was released', () => {
    expect(describeAudit(entry('merged-in', { from: 'SB-12', messages: 1, released: 'Radu' }), t, lookups)[1]).toBe('Radu a fost eliberat de SB-12');
  });

  it('translates reasons and keeps their details', () => {
    expect(reasonLabel('same equipment (boiler, hotwater)', t)).toBe('același echipament (boiler, hotwater)');
    expect(reasonLabel('something new', t)).toBe('something new');
    expect(reasonLabel('another staircase (staircase:a vs staircase:b)', t)).toBe('altă scară (staircase:a vs staircase:b)');
    expect(reasonLabel('the only open incident', t)).toBe('singurul incident deschis');
  });
});
