/**
 * The incident list: filters, loaded pages, counts per status, keyboard selection, and the live
 * events applied through the pure functions of inbox-logic.ts.
 */
import { markRaw, reactive } from 'vue';
import type { IncidentSummaryDto } from '@contracts';
import { endpoints } from '../api/endpoints';
import { session } from './session';
import {
  applyCreated,
  applyRemoved,
  applyUpdated,
  emptyCounts,
  emptyFilters,
  mergePage,
  toListQuery,
  type ApplyResult,
  type InboxFilters,
  type ListState,
  type StatusCounts,
} from './inbox-logic';

export const PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;
const COUNTS_DEBOUNCE_MS = 400;
const HIGHLIGHT_MS = 4000;

const state = reactive({
  filters: emptyFilters(),
  /** What the search box shows; copied into filters.q after a pause in typing. */
  searchText: '',
  items: [] as IncidentSummaryDto[],
  counts: emptyCounts() as StatusCounts,
  nextCursor: null as string | null,
  loading: false,
  /** A load the agent asked for (filters): the list dims. Catch-up reloads stay quiet. */
  busy: false,
  loadingMore: false,
  loaded: false,
  error: null as Error | null,
  /** Recently created incidents, briefly highlighted. */
  highlighted: new Set<string>(),
  /** Keyboard cursor in the list (follows the open incident). */
  selectedId: null as string | null,
});

let listSeq = 0;
let countsSeq = 0;
let searchTimer: ReturnType<typeof setTimeout> | null = null;
let countsTimer: ReturnType<typeof setTimeout> | null = null;
const highlightTimers = new Map<string, ReturnType<typeof setTimeout>>();

const meId = () => session.user?.id ?? null;

function summaryOf(incident: IncidentSummaryDto): IncidentSummaryDto {
  const { timeline: _t, allowedTransitions: _a, reply: _r, ...summary } = incident as IncidentSummaryDto & {
    timeline?: unknown;
    allowedTransitions?: unknown;
    reply?: unknown;
  };
  return summary;
}

type LiveEvent = { kind: 'created' | 'updated'; incident: IncidentSummaryDto };
/** Events that arrive while the first page loads; replayed on top of it (they are idempotent). */
let eventsDuringLoad: LiveEvent[] = [];

function listState(): ListState {
  return { items: state.items, counts: state.counts, nextCursor: state.nextCursor };
}

function applyEvent(event: LiveEvent): ApplyResult {
  const apply = event.kind === 'created' ? applyCreated : applyUpdated;
  return apply(listState(), event.incident, state.filters, meId());
}

function commit(result: ApplyResult): void {
  state.items = result.items;
  state.counts = result.counts;
  if (!result.countsExact) scheduleCountsRefresh();
}

function highlight(id: string): void {
  state.highlighted.add(id);
  clearTimeout(highlightTimers.get(id));
  highlightTimers.set(
    id,
    setTimeout(() => {
      state.highlighted.delete(id);
      highlightTimers.delete(id);
    }, HIGHLIGHT_MS),
  );
}

function scheduleCountsRefresh(): void {
  if (countsTimer) clearTimeout(countsTimer);
  countsTimer = setTimeout(() => {
    countsTimer = null;
    void refreshCounts();
  }, COUNTS_DEBOUNCE_MS);
}

async function refreshCounts(): Promise<void> {
  const seq = ++countsSeq;
  const listAtStart = listSeq;
  try {
    const page = await endpoints.incidents(toListQuery(state.filters, { limit: 1 }));
    if (seq === countsSeq && listAtStart === listSeq) state.counts = page.counts;
  } catch (err) {
    console.warn('[inbox] counts refresh failed', err);
  }
}

async function load(options: { quiet?: boolean } = {}): Promise<void> {
  const seq = ++listSeq;
  countsSeq++; // a pending counts answer is older than this list
  state.busy = options.quiet ? state.loading && state.busy : true;
  state.loading = true;
  state.error = null;
  eventsDuringLoad = [];
  try {
    const page = await endpoints.incidents(toListQuery(state.filters, { limit: PAGE_SIZE }));
    if (seq !== listSeq) return;
    state.items = page.items;
    state.counts = { ...emptyCounts(), ...page.counts };
    state.nextCursor = page.nextCursor;
    state.loaded = true;
    const replay = eventsDuringLoad;
    eventsDuringLoad = [];
    for (const event of replay) commit(applyEvent(event));
    if (replay.length > 0) scheduleCountsRefresh();
  } catch (err) {
    if (seq === listSeq) state.error = markRaw(err instanceof Error ? err : new Error(String(err)));
  } finally {
    if (seq === listSeq) state.loading = state.busy = false;
  }
}

async function loadMore(): Promise<void> {
  if (!state.nextCursor || state.loadingMore || state.loading) return;
  const seq = listSeq;
  state.loadingMore = true;
  try {
    const page = await endpoints.incidents(toListQuery(state.filters, { cursor: state.nextCursor, limit: PAGE_SIZE }));
    if (seq !== listSeq) return;
    state.items = mergePage(state.items, page.items);
    state.nextCursor = page.nextCursor;
    state.counts = { ...emptyCounts(), ...page.counts };
  } catch (err) {
    if (seq === listSeq) state.error = markRaw(err instanceof Error ? err : new Error(String(err)));
  } finally {
    state.loadingMore = false;
  }
}

export const inbox = {
  state,
  load,
  loadMore,

  setFilters(patch: Partial<InboxFilters>): void {
    const next = { ...state.filters, ...patch };
    const same = (Object.keys(next) as (keyof InboxFilters)[]).every((k) => next[k] === state.filters[k]);
    if (same) return;
    state.filters = next;
    if (patch.q !== undefined) state.searchText = patch.q;
    void load();
  },

  /** Typing in the search box: the list follows after a short pause. */
  setSearchText(text: string): void {
    state.searchText = text;
    if (searchTimer) clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      searchTimer = null;
      inbox.setFilters({ q: text.trim() });
    }, SEARCH_DEBOUNCE_MS);
  },

  onCreated(incident: IncidentSummaryDto): void {
    const event: LiveEvent = { kind: 'created', incident: summaryOf(incident) };
    if (state.loading) eventsDuringLoad.push(event);
    const result = applyEvent(event);
    commit(result);
    if (result.change === 'inserted') highlight(incident.id);
  },

  /** Also used with our own PATCH answers, so the list does not wait for the echo. */
  onUpdated(incident: IncidentSummaryDto): void {
    const event: LiveEvent = { kind: 'updated', incident: summaryOf(incident) };
    if (state.loading) eventsDuringLoad.push(event);
    commit(applyEvent(event));
  },

  onRemoved(incidentId: string): void {
    commit(applyRemoved(listState(), incidentId));
    if (state.selectedId === incidentId) state.selectedId = null;
  },

  moveSelection(delta: number): string | null {
    const items = state.items;
    if (items.length === 0) return null;
    const index = items.findIndex((item) => item.id === state.selectedId);
    const next = index === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, index + delta));
    state.selectedId = items[next]!.id;
    return state.selectedId;
  },

  select(id: string | null): void {
    state.selectedId = id;
  },

  reset(): void {
    listSeq++;
    countsSeq++;
    for (const timer of [searchTimer, countsTimer, ...highlightTimers.values()]) if (timer) clearTimeout(timer);
    searchTimer = countsTimer = null;
    highlightTimers.clear();
    eventsDuringLoad = [];
    Object.assign(state, {
      filters: emptyFilters(),
      searchText: '',
      items: [],
      counts: emptyCounts(),
      nextCursor: null,
      loading: false,
      busy: false,
      loadingMore: false,
      loaded: false,
      error: null,
      selectedId: null,
    });
    state.highlighted.clear();
  },
};
