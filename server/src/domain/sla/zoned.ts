/**
 * Wall-clock time in an IANA time zone, both ways: what a UTC instant reads on a local clock, and which
 * instant a local date and time of day is. Everything else in the SLA clock (and technician availability,
 * and the rules' hour conditions) stands on these two, so DST is handled in exactly one place. Pure.
 *
 * Local times that do not exist (the hour skipped when clocks go forward) map to the instant of the jump,
 * i.e. the first wall time that does exist after them; local times that happen twice (the hour repeated
 * when clocks go back) map to the first occurrence.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A local calendar date (no time zone attached). */
export interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

export interface LocalTime extends LocalDate {
  weekday: Weekday;
  /** Minutes since local midnight, with seconds as a fraction (09:30:30 -> 570.5). */
  minuteOfDay: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

// Building an Intl.DateTimeFormat is far more expensive than using one: keep one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // hourCycle h23, not hour12: false, which prints midnight as "24" on some ICU versions.
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Is this a time zone Intl knows ('Europe/Madrid', 'UTC')? */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock fields of an instant (whole seconds). */
function wallFields(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** How far the zone's clocks are ahead of UTC at an instant, in ms (Madrid in winter: +3_600_000). */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallFields(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

export function weekdayOf(d: LocalDate): Weekday {
  return WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
}

/** The local date and time of day an instant reads in a zone. */
export function localTime(at: Date, timeZone: string): LocalTime {
  const ms = at.getTime();
  const w = wallFields(ms, timeZone);
  const seconds = w.second + (ms - Math.floor(ms / 1000) * 1000) / 1000;
  const date = { year: w.year, month: w.month, day: w.day };
  return { ...date, weekday: weekdayOf(date), minuteOfDay: w.hour * 60 + w.minute + seconds / 60 };
}

export function addDays(d: LocalDate, days: number): LocalDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** 'YYYY-MM-DD', the form holidays are written in. */
export function formatDate(d: LocalDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/**
 * The UTC instant (ms) at which the zone's clocks read `minuteOfDay` on local date `d`. minuteOfDay may
 * be 1440 (24:00, the next midnight). See the top of the file for skipped and repeated local times.
 */
export function zonedToUtc(d: LocalDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(d.year, d.month - 1, d.day) + Math.round(minuteOfDay * MINUTE);
  // A transition near `wall` changes the offset; the offsets a day either side are the two that can apply.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  if (before === after) return wall - before; // no transition nearby: the common case, two look-ups
  const valid = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // In the gap: find the instant of the jump, the first one that already reads the new offset.
  let lo = wall - after; // still the old offset here
  let hi = wall - before; // already the new offset here
  while (hi - lo > 1000) {
    const mid = Math.floor((lo + hi) / 2000) * 1000;
    if (mid <= lo) break;
    if (offsetAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}
