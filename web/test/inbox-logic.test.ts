import { describe, expect, it } from 'vitest';
import type { IncidentSummaryDto } from '@contracts';
import {
  applyCreated,
  applyRemoved,
  applyUpdated,
  compareByActivity,
  emptyCounts,
  emptyFilters,
  matchesFilters,
  mergePage,
  toListQuery,
  totalCount,
  type InboxFilters,
  type ListState,
} from '../src/stores/inbox-logic';
import { at, incident } from './fixtures';

const ME = 'u-me';
const sales = { id: 'd-sales', name: 'Sales' };
const repairs = { id: 'd-repairs', name: 'Repairs' };
const me = { id: ME, name: 'Me' };
const bob = { id: 'u-bob', name: 'Bob' };
const f = (patch: Partial<InboxFilters> = {}): InboxFilters => ({ ...emptyFilters(), ...patch });

describe('matchesFilters', () => {
  const base = incident({ status: 'open', department: sales, assignee: bob, subject: 'Broken heater', reference: 'SB-7' });
  const cases: [string, Partial<IncidentSummaryDto>, Partial<InboxFilters>, boolean][] = [
    ['no filters', {}, {}, true],
    ['status matches', {}, { status: 'open' }, true],
    ['status differs', {}, { status: 'new' }, false],
    ['department id matches', {}, { departmentId: 'd-sales' }, true],
    ['department id differs', {}, { departmentId: 'd-repairs' }, false],
    ['department none vs set', {}, { departmentId: 'none' }, false],
    ['department none vs null', { department: null }, { departmentId: 'none' }, true],
    ['department id vs null', { department: null }, { departmentId: 'd-sales' }, false],
    ['assignee id matches', {}, { assigneeId: 'u-bob' }, true],
    ['assignee id differs', {}, { assigneeId: 'u-ana' }, false],
    ['assignee me, assigned to me', { assignee: me }, { assigneeId: 'me' }, true],
    ['assignee me, assigned to bob', {}, { assigneeId: 'me' }, false],
    ['assignee me, unassigned', { assignee: null }, { assigneeId: 'me' }, false],
    ['assignee none, unassigned', { assignee: null }, { assigneeId: 'none' }, true],
    ['assignee none, assigned', {}, { assigneeId: 'none' }, false],
    ['text in subject, any case', {}, { q: 'HEATER' }, true],
    ['text in reference', {}, { q: 'sb-7' }, true],
    ['text in contact name', {}, { q: 'maria' }, true],
    ['text in contact email', {}, { q: 'example.com' }, true],
    ['text in customer name', {}, { q: 'acme' }, true],
    ['text in preview', {}, { q: 'boiler' }, true],
    ['text nowhere', {}, { q: 'printer' }, false],
    ['whitespace-only text is no filter', {}, { q: '   ' }, true],
    ['all filters together', {}, { status: 'open', departmentId: 'd-sales', assigneeId: 'u-bob', q: 'heater' }, true],
    ['all but one', {}, { status: 'open', departmentId: 'd-sales', assigneeId: 'u-bob', q: 'nope' }, false],
  ];
  it.each(cases)('%s', (_name, patch, filters, expected) => {
    expect(matchesFilters({ ...base, ...patch }, f(filters), ME)).toBe(expected);
  });
});

describe('toListQuery', () => {
  it.each([
    [f(), {}, {}],
    [f({ status: 'pending' }), {}, { status: 'pending' }],
    [f({ departmentId: 'none', assigneeId: 'me', q: '  gas  ' }), { limit: 50 }, { departmentId: 'none', assigneeId: 'me', q: 'gas', limit: 50 }],
    [f({ status: 'all' }), { cursor: 'abc', limit: 10 }, { cursor: 'abc', limit: 10 }],
  ] as const)('%o %o', (filters, extra, expected) => {
    expect(toListQuery(filters, extra)).toEqual(expected);
  });
});

function listOf(items: IncidentSummaryDto[], counts: Partial<ListState['counts']> = {}, nextCursor: string | null = null): ListState {
  return { items, counts: { ...emptyCounts(), ...counts }, nextCursor };
}

describe('applyCreated', () => {
  const older = incident({ id: 'old', updatedAt: at(1), status: 'open' });
  const newest = (patch: Partial<IncidentSummaryDto> = {}) => incident({ id: 'fresh', updatedAt: at(30), ...patch });

  const cases: {
    name: string;
    state: ListState;
    event: IncidentSummaryDto;
    filters: Partial<InboxFilters>;
    ids: string[];
    change: string;
    counts: Partial<ListState['counts']>;
    exact: boolean;
  }[] = [
    { name: 'matching: inserted on top, counted', state: listOf([older], { open: 1 }), event: newest(), filters: {}, ids: ['fresh', 'old'], change: 'inserted', counts: { open: 1, new: 1 }, exact: true },
    { name: 'other status tab: not listed but counted', state: listOf([older], { open: 1 }), event: newest(), filters: { status: 'open' }, ids: ['old'], change: 'ignored', counts: { open: 1, new: 1 }, exact: true },
    { name: 'other department: ignored, not counted', state: listOf([older], { open: 1 }), event: newest({ department: repairs }), filters: { departmentId: 'd-sales' }, ids: ['old'], change: 'ignored', counts: { open: 1 }, exact: true },
    { name: 'assigned to me with "me" filter', state: listOf([]), event: newest({ assignee: me }), filters: { assigneeId: 'me' }, ids: ['fresh'], change: 'inserted', counts: { new: 1 }, exact: true },
    { name: 'unassigned with "me" filter', state: listOf([]), event: newest(), filters: { assigneeId: 'me' }, ids: [], change: 'ignored', counts: {}, exact: true },
    { name: 'text not matching locally: counts unknown', state: listOf([]), event: newest(), filters: { q: 'zzz' }, ids: [], change: 'ignored', counts: {}, exact: false },
    { name: 'older than a page with more pages: not inserted', state: listOf([newest({ id: 'x', updatedAt: at(40) })], {}, 'cur'), event: incident({ id: 'ancient', updatedAt: at(0) }), filters: {}, ids: ['x'], change: 'ignored', counts: { new: 1 }, exact: true },
    { name: 'older but list complete: appended', state: listOf([newest({ id: 'x', updatedAt: at(40) })]), event: incident({ id: 'ancient', updatedAt: at(0) }), filters: {}, ids: ['x', 'ancient'], change: 'inserted', counts: { new: 1 }, exact: true },
  ];

  it.each(cases)('$name', ({ state, event, filters, ids, change, counts, exact }) => {
    const result = applyCreated(state, event, f(filters), ME);
    expect(result.items.map((i) => i.id)).toEqual(ids);
    expect(result.change).toBe(change);
    expect(result.counts).toEqual({ ...emptyCounts(), ...counts });
    expect(result.countsExact).toBe(exact);
  });

  it('a duplicate created event does not add the incident twice', () => {
    const state = listOf([newest()], { new: 1 });
    const result = applyCreated(state, newest(), f(), ME);
    expect(result.items).toHaveLength(1);
    expect(totalCount(result.counts)).toBe(1);
  });
});

describe('applyUpdated', () => {
  const a = incident({ id: 'a', updatedAt: at(10), status: 'new', version: 1 });
  const b = incident({ id: 'b', updatedAt: at(5), status: 'new', version: 1 });
  const c = incident({ id: 'c', updatedAt: at(1), status: 'open', version: 3 });
  const state = listOf([a, b, c], { new: 2, open: 1 });

  const cases: {
    name: string;
    state?: ListState;
    event: IncidentSummaryDto;
    filters: Partial<InboxFilters>;
    ids: string[];
    change: string;
    counts: Partial<ListState['counts']>;
    exact?: boolean;
  }[] = [
    { name: 'replaced in place and moved to the top', event: { ...c, priority: 'high', updatedAt: at(20), version: 4 }, filters: {}, ids: ['c', 'a', 'b'], change: 'replaced', counts: { new: 2, open: 1 } },
    { name: 'status change within "all": counts move', event: { ...b, status: 'open', updatedAt: at(20), version: 2 }, filters: {}, ids: ['b', 'a', 'c'], change: 'replaced', counts: { new: 1, open: 2 } },
    { name: 'leaves the status tab: removed', state: listOf([a, b], { new: 2, open: 1 }), event: { ...b, status: 'open', updatedAt: at(20), version: 2 }, filters: { status: 'new' }, ids: ['a'], change: 'removed', counts: { new: 1, open: 2 } },
    { name: 'assigned away under "me": removed and uncounted', state: listOf([{ ...a, assignee: me }], { new: 1 }), event: { ...a, assignee: bob, updatedAt: at(20), version: 2 }, filters: { assigneeId: 'me' }, ids: [], change: 'removed', counts: { new: 0 } },
    { name: 'stale version: ignored', event: { ...c, status: 'closed', version: 2, updatedAt: at(30) }, filters: {}, ids: ['a', 'b', 'c'], change: 'ignored', counts: { new: 2, open: 1 } },
    { name: 'loaded text match stays although the text no longer matches locally', state: listOf([a], { new: 1 }), event: { ...a, subject: 'other', lastMessagePreview: '', updatedAt: at(20), version: 2 }, filters: { q: 'needle' }, ids: ['a'], change: 'replaced', counts: { new: 1 } },
    { name: 'not loaded, now matches the tab: inserted, counts unknown', state: listOf([a], { open: 0, pending: 3 }, 'cur'), event: incident({ id: 'z', status: 'open', updatedAt: at(50), version: 5 }), filters: { status: 'open' }, ids: ['z', 'a'], change: 'inserted', counts: { open: 0, pending: 3 }, exact: false },
    { name: 'not loaded, complete "all" list: inserted and counted exactly', state: listOf([a], { new: 1 }), event: incident({ id: 'z', status: 'pending', updatedAt: at(50), assignee: me }), filters: { assigneeId: 'me' }, ids: ['z', 'a'], change: 'inserted', counts: { new: 1, pending: 1 }, exact: true },
    { name: 'not loaded and not matching: ignored', state: listOf([a], { new: 1 }), event: incident({ id: 'z', status: 'closed', updatedAt: at(50) }), filters: { status: 'new' }, ids: ['a'], change: 'ignored', counts: { new: 1 }, exact: false },
  ];

  it.each(cases)('$name', ({ state: s, event, filters, ids, change, counts, exact }) => {
    const result = applyUpdated(s ?? state, event, f(filters), ME);
    expect(result.items.map((i) => i.id)).toEqual(ids);
    expect(result.change).toBe(change);
    expect(result.counts).toEqual({ ...emptyCounts(), ...counts });
    if (exact !== undefined) expect(result.countsExact).toBe(exact);
  });

  it('does not mutate the given state', () => {
    const before = JSON.stringify(state);
    applyUpdated(state, { ...a, status: 'closed', version: 2, updatedAt: at(40) }, f({ status: 'new' }), ME);
    expect(JSON.stringify(state)).toBe(before);
  });

  it('never counts below zero', () => {
    const result = applyUpdated(listOf([a], { new: 0 }), { ...a, status: 'open', version: 2, updatedAt: at(40) }, f(), ME);
    expect(result.counts.new).toBe(0);
    expect(result.counts.open).toBe(1);
  });
});

describe('ordering and pages', () => {
  it('sorts by updatedAt desc, id as tie-breaker', () => {
    const list = [incident({ id: 'a', updatedAt: at(1) }), incident({ id: 'c', updatedAt: at(5) }), incident({ id: 'b', updatedAt: at(5) })];
    expect([...list].sort(compareByActivity).map((i) => i.id)).toEqual(['c', 'b', 'a']);
  });

  it('mergePage drops incidents already loaded', () => {
    const a = incident({ id: 'a' });
    const b = incident({ id: 'b' });
    const c = incident({ id: 'c' });
    expect(mergePage([a, b], [b, c]).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('applyRemoved', () => {
  it('drops a loaded incident and its count, and ignores one that is not loaded', () => {
    const a = incident({ id: 'i-a', status: 'open' });
    const b = incident({ id: 'i-b', status: 'new' });
    const state: ListState = { items: [a, b], counts: { ...emptyCounts(), open: 1, new: 1 }, nextCursor: null };
    const removed = applyRemoved(state, 'i-a');
    expect(removed.items.map((i) => i.id)).toEqual(['i-b']);
    expect(removed.counts).toEqual({ ...emptyCounts(), new: 1 });
    expect(removed.change).toBe('removed');
    expect(applyRemoved(state, 'i-x').change).toBe('ignored');
  });
});
