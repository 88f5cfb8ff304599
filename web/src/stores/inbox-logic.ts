/**
 * Pure list logic of the inbox: which incidents match the filters, and how a live
 * 'incident.created' / 'incident.updated' event changes a loaded list and its counts.
 * No Vue, no I/O: unit tested table by table.
 */
import {
  INCIDENT_STATUSES,
  type IncidentListQuery,
  type IncidentStatus,
  type IncidentSummaryDto,
} from '@contracts';

export type StatusFilter = IncidentStatus | 'all';

export interface InboxFilters {
  status: StatusFilter;
  /** '' any department, 'none' without department, or a department id */
  departmentId: string;
  /** '' anyone, 'me', 'none' unassigned, or a user id */
  assigneeId: string;
  q: string;
}

export type StatusCounts = Record<IncidentStatus, number>;

export interface ListState {
  items: IncidentSummaryDto[];
  counts: StatusCounts;
  nextCursor: string | null;
}

export type ChangeKind = 'inserted' | 'replaced' | 'removed' | 'ignored';

export interface ApplyResult extends ListState {
  change: ChangeKind;
  /** false when the counts could not be derived locally and must be fetched again. */
  countsExact: boolean;
}

export function emptyFilters(): InboxFilters {
  return { status: 'all', departmentId: '', assigneeId: '', q: '' };
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export function totalCount(counts: StatusCounts): number {
  return INCIDENT_STATUSES.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
}

/** The query string parameters for GET /api/incidents. */
export function toListQuery(filters: InboxFilters, extra: { cursor?: string | null; limit?: number } = {}): IncidentListQuery {
  const query: IncidentListQuery = {};
  if (filters.status !== 'all') query.status = filters.status;
  if (filters.departmentId) query.departmentId = filters.departmentId;
  if (filters.assigneeId) query.assigneeId = filters.assigneeId;
  const q = filters.q.trim();
  if (q) query.q = q;
  if (extra.cursor) query.cursor = extra.cursor;
  if (extra.limit) query.limit = extra.limit;
  return query;
}

export function matchesStatus(incident: IncidentSummaryDto, filters: InboxFilters): boolean {
  return filters.status === 'all' || incident.status === filters.status;
}

/** Department and assignee filters. `meId` resolves assigneeId "me". */
export function matchesScope(incident: IncidentSummaryDto, filters: InboxFilters, meId: string | null): boolean {
  const dept = filters.departmentId;
  if (dept === 'none' ? incident.department !== null : dept && incident.department?.id !== dept) return false;
  const who = filters.assigneeId;
  if (!who) return true;
  if (who === 'none') return incident.assignee === null;
  const id = who === 'me' ? meId : who;
  return id !== null && incident.assignee?.id === id;
}

/** Best local approximation of the server's text search (case-insensitive substring). */
export function matchesText(incident: IncidentSummaryDto, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return true;
  const c = incident.contact;
  const haystack = [
    incident.reference,
    incident.subject,
    incident.lastMessagePreview,
    c?.name,
    c?.email,
    c?.phone,
    c?.customerName,
  ];
  return haystack.some((text) => typeof text === 'string' && text.toLocaleLowerCase().includes(needle));
}

export function matchesFilters(incident: IncidentSummaryDto, filters: InboxFilters, meId: string | null): boolean {
  return matchesStatus(incident, filters) && matchesScope(incident, filters, meId) && matchesText(incident, filters.q);
}

/** Most recent activity first (updatedAt desc), id as a stable tie-breaker. */
export function compareByActivity(a: IncidentSummaryDto, b: IncidentSummaryDto): number {
  const diff = Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Insert keeping the order. When more pages exist and the incident sorts after the last loaded
 * item, it belongs to a later page: returns null (not inserted).
 */
function insertSorted(items: IncidentSummaryDto[], incident: IncidentSummaryDto, hasMore: boolean): IncidentSummaryDto[] | null {
  const index = items.findIndex((item) => compareByActivity(incident, item) < 0);
  if (index === -1) return hasMore ? null : [...items, incident];
  return [...items.slice(0, index), incident, ...items.slice(index)];
}

function isStale(incoming: IncidentSummaryDto, current: IncidentSummaryDto): boolean {
  if (incoming.version !== current.version) return incoming.version < current.version;
  return Date.parse(incoming.updatedAt) < Date.parse(current.updatedAt);
}

function bump(counts: StatusCounts, status: IncidentStatus, delta: number): StatusCounts {
  return { ...counts, [status]: Math.max(0, (counts[status] ?? 0) + delta) };
}

function unchanged(state: ListState, countsExact = true): ApplyResult {
  return { ...state, change: 'ignored', countsExact };
}

export function applyCreated(state: ListState, incident: IncidentSummaryDto, filters: InboxFilters, meId: string | null): ApplyResult {
  if (state.items.some((item) => item.id === incident.id)) return applyUpdated(state, incident, filters, meId);
  if (!matchesScope(incident, filters, meId)) return unchanged(state);
  if (!matchesText(incident, filters.q)) return unchanged(state, false);
  const counts = bump(state.counts, incident.status, 1);
  if (!matchesStatus(incident, filters)) return { ...state, counts, change: 'ignored', countsExact: true };
  const items = insertSorted(state.items, incident, state.nextCursor !== null);
  return items
    ? { ...state, items, counts, change: 'inserted', countsExact: true }
    : { ...state, counts, change: 'ignored', countsExact: true };
}

export function applyUpdated(state: ListState, incident: IncidentSummaryDto, filters: InboxFilters, meId: string | null): ApplyResult {
  const index = state.items.findIndex((item) => item.id === incident.id);
  if (index === -1) {
    // Not loaded: we do not know whether it was counted before, so counts need a refetch.
    const fullyKnown = filters.status === 'all' && state.nextCursor === null;
    if (!matchesScope(incident, filters, meId) || !matchesText(incident, filters.q)) return unchanged(state, fullyKnown);
    const counts = fullyKnown ? bump(state.counts, incident.status, 1) : state.counts;
    if (!matchesStatus(incident, filters)) return unchanged({ ...state, counts }, fullyKnown);
    const items = insertSorted(state.items, incident, state.nextCursor !== null);
    if (!items) return unchanged({ ...state, counts }, fullyKnown);
    return { ...state, items, counts, change: 'inserted', countsExact: fullyKnown };
  }

  const current = state.items[index]!;
  if (isStale(incident, current)) return unchanged(state);
  // It is loaded, so the server matched its text: only status and scope can make it leave.
  const rest = [...state.items.slice(0, index), ...state.items.slice(index + 1)];
  let counts = bump(state.counts, current.status, -1);
  if (!matchesScope(incident, filters, meId)) return { ...state, items: rest, counts, change: 'removed', countsExact: true };
  counts = bump(counts, incident.status, 1);
  if (!matchesStatus(incident, filters)) return { ...state, items: rest, counts, change: 'removed', countsExact: true };
  const items = insertSorted(rest, incident, false) ?? rest;
  return { ...state, items, counts, change: 'replaced', countsExact: true };
}

/** The server says the incident left this user's sight: drop it (and its count, when it was loaded). */
export function applyRemoved(state: ListState, incidentId: string): ApplyResult {
  const index = state.items.findIndex((item) => item.id === incidentId);
  if (index === -1) return { ...state, change: 'ignored', countsExact: false };
  const removed = state.items[index]!;
  const items = [...state.items.slice(0, index), ...state.items.slice(index + 1)];
  return { ...state, items, counts: bump(state.counts, removed.status, -1), change: 'removed', countsExact: true };
}

/** Append a further page, dropping incidents already loaded (they moved up meanwhile). */
export function mergePage(items: IncidentSummaryDto[], page: IncidentSummaryDto[]): IncidentSummaryDto[] {
  const seen = new Set(items.map((item) => item.id));
  return [...items, ...page.filter((item) => !seen.has(item.id))];
}
