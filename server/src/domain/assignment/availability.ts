/**
 * A technician's availability as the workload screen shows it: available now or why not (absent, outside
 * working hours), and when that next changes — the start or end of a working interval or of an absence —
 * so the screen can look again at that moment. Counted with the same rule the ranking uses (isAvailable).
 * Pure: `now` is passed in.
 */
import { businessSpansWithin } from '../sla/index.js';
import { isAvailable, type TechnicianProfile } from './rank.js';

export type UnavailableReason = 'absent' | 'off-hours';

/** How far ahead the next change is looked for. */
export const AVAILABILITY_HORIZON_MS = 8 * 86_400_000;

export interface AvailabilityNow {
  availableNow: boolean;
  unavailableBecause: UnavailableReason | null;
  /** When availableNow next flips, within the horizon; null: not that soon. */
  changesAt: Date | null;
}

export function availabilityOf(t: TechnicianProfile, now: Date): AvailabilityNow {
  const ms = now.getTime();
  const end = ms + AVAILABILITY_HORIZON_MS;
  const availableNow = isAvailable(t, now);
  const absent = t.absences.some((a) => a.from.getTime() <= ms && ms < a.to.getTime());
  // Availability can only flip where a working interval or an absence starts or ends.
  const edges = new Set<number>();
  for (const [s, e] of businessSpansWithin(now, new Date(end), { timeZone: t.timeZone, hours: t.workingHours, holidays: [] })) edges.add(s).add(e);
  for (const a of t.absences) edges.add(a.from.getTime()).add(a.to.getTime());
  const next = [...edges]
    .filter((x) => x > ms && x < end)
    .sort((a, b) => a - b)
    .find((x) => isAvailable(t, new Date(x)) !== availableNow);
  return { availableNow, unavailableBecause: availableNow ? null : absent ? 'absent' : 'off-hours', changesAt: next === undefined ? null : new Date(next) };
}
