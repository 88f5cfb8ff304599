/**
 * Who is the most qualified free technician for a job? Hard filters first (active, department, skills,
 * zone, capacity, availability, not already offered), each rejection with a plain reason; then an
 * explained order: skill level on what the job needs, then the lightest load, then round robin (the one
 * assigned longest ago), then id so the same input always gives the same answer. Pure: `now` is passed in.
 */
import { businessSpansWithin, isBusinessTime, type BusinessCalendar, type WeeklyHours } from '../sla/index.js';

export interface TechnicianProfile {
  id: string;
  name: string;
  active: boolean;
  departmentIds: string[];
  /** skill -> level 1..5 */
  skills: Record<string, number>;
  /** Empty: works anywhere. */
  zones: string[];
  /** Most open assignments at once. */
  capacity: number;
  openAssignments: number;
  lastAssignedAt: Date | null;
  workingHours: WeeklyHours;
  timeZone: string;
  absences: { from: Date; to: Date }[];
}

export interface AssignmentNeed {
  departmentId: string | null;
  /** skill -> minimum level */
  requiredSkills: Record<string, number>;
  zone: string | null;
  /** null: now. */
  window: { from: Date; to: Date } | null;
  now: Date;
  /** Already offered or declined. */
  exclude: string[];
}

export interface RankedCandidate {
  technicianId: string;
  name: string;
  /**
   * The sort key, larger first, compared in order: [sum of levels on the required skills, free share of
   * capacity (1 - open/capacity), minutes since last assigned (never: Number.MAX_SAFE_INTEGER)].
   */
  score: number[];
  reasons: string[];
}

export interface Ranking {
  candidates: RankedCandidate[];
  rejected: { technicianId: string; reason: string }[];
}

/** Working hours as a calendar, so availability is counted exactly like SLA time (DST included). */
function calendarOf(t: TechnicianProfile): BusinessCalendar {
  return { timeZone: t.timeZone, hours: t.workingHours, holidays: [] };
}

function absentAt(t: TechnicianProfile, ms: number): boolean {
  return t.absences.some((a) => a.from.getTime() <= ms && ms < a.to.getTime());
}

/**
 * Can the technician work at this instant (inside their working hours, in their own time zone, and not
 * absent), or for some of this window (working time in it that no absence covers)?
 */
export function isAvailable(t: TechnicianProfile, at: Date | { from: Date; to: Date }): boolean {
  const cal = calendarOf(t);
  if (at instanceof Date) return isBusinessTime(at, cal) && !absentAt(t, at.getTime());
  if (at.to.getTime() <= at.from.getTime()) return false;
  return businessSpansWithin(at.from, at.to, cal).some((span) => freeOf(span, t.absences));
}

/** Does some part of the span remain once the absences are cut out of it? */
function freeOf([from, to]: readonly [number, number], absences: TechnicianProfile['absences']): boolean {
  const cuts = absences
    .map((a) => [Math.max(from, a.from.getTime()), Math.min(to, a.to.getTime())] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let cursor = from;
  for (const [s, e] of cuts) {
    if (s > cursor) return true;
    cursor = Math.max(cursor, e);
  }
  return cursor < to;
}

/** Why a technician cannot take the job, or null. Checked in the order a dispatcher would explain it. */
function rejection(need: AssignmentNeed, t: TechnicianProfile): string | null {
  if (!t.active) return 'inactive';
  if (need.departmentId !== null && !t.departmentIds.includes(need.departmentId)) return `not in department ${need.departmentId}`;
  for (const [skill, min] of Object.entries(need.requiredSkills)) {
    const level = t.skills[skill];
    if (level === undefined) return `lacks skill ${skill} (needs level ${min})`;
    if (level < min) return `skill ${skill} at level ${level}, needs ${min}`;
  }
  if (need.zone !== null && t.zones.length > 0 && !t.zones.includes(need.zone)) return `does not cover zone ${need.zone} (covers ${t.zones.join(', ')})`;
  if (t.openAssignments >= t.capacity) return `at capacity (${t.openAssignments}/${t.capacity} open)`;
  if (!isAvailable(t, need.window ?? need.now)) return need.window ? 'not available in the requested window' : 'not available now (outside working hours or absent)';
  if (need.exclude.includes(t.id)) return 'already offered this job';
  return null;
}

const NEVER = Number.MAX_SAFE_INTEGER;

function candidate(need: AssignmentNeed, t: TechnicianProfile): RankedCandidate {
  const required = Object.keys(need.requiredSkills);
  const levels = required.reduce((sum, s) => sum + (t.skills[s] ?? 0), 0);
  const free = 1 - t.openAssignments / t.capacity;
  const idle = t.lastAssignedAt === null ? NEVER : Math.max(0, Math.floor((need.now.getTime() - t.lastAssignedAt.getTime()) / 60_000));
  const reasons = [
    required.length > 0 ? `skills ${required.map((s) => `${s} ${t.skills[s]} (needs ${need.requiredSkills[s]})`).join(', ')}` : 'no skills required',
    `load ${t.openAssignments}/${t.capacity}`,
    t.lastAssignedAt === null ? 'never assigned' : `last assigned ${idle} min ago`,
  ];
  return { technicianId: t.id, name: t.name, score: [levels, free, idle], reasons };
}

function compare(a: RankedCandidate, b: RankedCandidate): number {
  for (let i = 0; i < a.score.length; i++) {
    const d = (b.score[i] ?? 0) - (a.score[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0;
}

export function rankTechnicians(need: AssignmentNeed, technicians: readonly TechnicianProfile[]): Ranking {
  const candidates: RankedCandidate[] = [];
  const rejected: Ranking['rejected'] = [];
  for (const t of technicians) {
    const reason = rejection(need, t);
    if (reason) rejected.push({ technicianId: t.id, reason });
    else candidates.push(candidate(need, t));
  }
  return { candidates: candidates.sort(compare), rejected };
}

/** The best-ranked technician not offered the job yet; null when all were (the caller alerts a supervisor). */
export function nextOffer(ranked: readonly RankedCandidate[], offered: readonly string[]): RankedCandidate | null {
  return ranked.find((c) => !offered.includes(c.technicianId)) ?? null;
}
