/**
 * Where an incident stands against its SLA policy: for first response and for resolution, when each is
 * due, when the warning starts, and whether it is running, paused, in warning, met or breached. And, from
 * two consecutive readings, which warnings and breaches just began, so the caller acts on each exactly
 * once. Time is counted in the policy's business calendar. Pure: `now` is passed in.
 */
import { OPEN_STATUSES } from '../incident-state.js';
import { addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './calendar.js';

export interface SlaPolicy {
  id: string;
  name: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  /** The share of the target after which the clock is in warning, e.g. 80. */
  warnAtPercent: number;
  /** null: 24x7. */
  calendar: BusinessCalendar | null;
}

export type SlaTarget = 'first-response' | 'resolution';
export type SlaState = 'running' | 'paused' | 'met' | 'warning' | 'breached';

export interface SlaClock {
  target: SlaTarget;
  dueAt: Date;
  warnAt: Date;
  state: SlaState;
  /** Business minutes left (at the stop, for a stopped clock), rounded down; negative when breached. */
  remainingMinutes: number;
  /**
   * The warning point has passed (also true when breached). Kept apart from `state` because a clock that
   * is paused while in warning reads 'paused', and must not warn a second time when it resumes.
   */
  warned: boolean;
}

export interface SlaIncident {
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  /** Business minutes already spent in 'pending' (waiting for the customer), pauses that have ended. */
  pausedMinutes: number;
  /** Pending now, since then: the resolution clock is paused and its due date moves with the pause. */
  pausedSince?: Date | null;
}

export interface SlaTransition {
  target: SlaTarget;
  state: 'warning' | 'breached';
}

/**
 * The clocks of an incident under a policy (a target with no minutes has no clock).
 *
 * Waiting for the customer pauses the resolution clock only: first response is about the desk answering
 * at all, and an incident is put in pending by someone who has already been in touch.
 */
export function slaClocks(policy: SlaPolicy, incident: SlaIncident, now: Date): SlaClock[] {
  const clocks: SlaClock[] = [];
  if (policy.firstResponseMinutes !== null) clocks.push(clock('first-response', policy, policy.firstResponseMinutes, incident, incident.firstResponseAt, 0, null, now));
  if (policy.resolutionMinutes !== null) {
    clocks.push(clock('resolution', policy, policy.resolutionMinutes, incident, incident.resolvedAt, incident.pausedMinutes, incident.pausedSince ?? null, now));
  }
  return clocks;
}

function clock(target: SlaTarget, policy: SlaPolicy, minutes: number, incident: SlaIncident, stoppedAt: Date | null, pausedMinutes: number, pausedSince: Date | null, now: Date): SlaClock {
  const cal = policy.calendar;
  // The pause under way counts up to now (or to the stop): the due date moves on while the customer is awaited.
  const pauseEnd = stoppedAt ?? now;
  const pausedNow = pausedSince && pausedSince < pauseEnd ? businessMinutesBetween(pausedSince, pauseEnd, cal) : 0;
  const paused = Math.max(0, pausedMinutes) + pausedNow;
  const dueAt = addBusinessMinutes(incident.createdAt, minutes + paused, cal);
  const warnAt = addBusinessMinutes(incident.createdAt, (minutes * clampPercent(policy.warnAtPercent)) / 100 + paused, cal);
  const at = stoppedAt ?? now;
  const remainingMinutes = Math.floor(businessMinutesBetween(at, dueAt, cal)) || 0; // || 0: no -0
  // Due at 10:00 means "by 10:00": a breach is strictly after the due instant.
  const late = at.getTime() > dueAt.getTime();
  const warned = late || at.getTime() >= warnAt.getTime();
  let state: SlaState;
  if (stoppedAt) state = late ? 'breached' : 'met';
  else if (late) state = 'breached'; // a breach stays a breach, paused or not
  else if (pausedSince) state = 'paused';
  else state = warned ? 'warning' : 'running';
  return { target, dueAt, warnAt, state, remainingMinutes, warned };
}

function clampPercent(p: number): number {
  return Number.isFinite(p) ? Math.min(100, Math.max(0, p)) : 100;
}

/** How far along a clock is: 0 nothing yet, 1 warned, 2 breached. A met clock never escalates. */
function level(c: SlaClock): number {
  if (c.state === 'met') return 0;
  if (c.state === 'breached') return 2;
  return c.warned ? 1 : 0;
}

/**
 * The warnings and breaches that began between two readings of the same incident's clocks (a clock with
 * no previous reading starts from nothing). A clock that went from running straight to breached reports
 * only the breach: warning about it then would be noise.
 */
export function dueTransitions(previous: readonly SlaClock[], next: readonly SlaClock[]): SlaTransition[] {
  const out: SlaTransition[] = [];
  for (const c of next) {
    const before = previous.find((p) => p.target === c.target);
    const from = before ? level(before) : 0;
    const to = level(c);
    if (to > from) out.push({ target: c.target, state: to === 2 ? 'breached' : 'warning' });
  }
  return out;
}

/** An open incident's clocks are looked at at least this often, whatever they say (a missed event, a policy edited). */
export const SLA_LOOK_EVERY_MS = 3_600_000;

/**
 * When the sweep must next look at an incident: its earliest warning point not yet passed or due time not
 * yet reached among the running clocks, at most an hour ahead while the incident is open (new, open,
 * pending); null once it is resolved or closed (its clocks stopped: the next status change looks again).
 */
export function nextCheckAt(status: string, clocks: readonly SlaClock[], now: Date): Date | null {
  if (!(OPEN_STATUSES as readonly string[]).includes(status)) return null;
  let next = now.getTime() + SLA_LOOK_EVERY_MS;
  for (const c of clocks) {
    if (c.state !== 'running' && c.state !== 'warning') continue;
    const at = c.warned ? c.dueAt.getTime() : c.warnAt.getTime();
    if (at < next) next = Math.max(at, now.getTime());
  }
  return new Date(next);
}
