/**
 * Business time: when a calendar (weekly local hours, holidays, a time zone) counts as working time, how
 * many business minutes lie between two instants, and which instant is N business minutes after another.
 * The SLA clocks, offer expiry and technician availability all count time with these functions. Pure.
 *
 * The walk goes day by day over each local day's working intervals (converted to UTC once per day), never
 * minute by minute, so a month of minutes costs a few hundred time-zone look-ups.
 */
import { addDays, formatDate, isValidTimeZone, localTime, weekdayOf, zonedToUtc, type LocalDate, type Weekday } from './zoned.js';

/**
 * Local 'HH:MM' intervals for each weekday, e.g. { mon: [['09:00', '13:00'], ['15:00', '19:00']] }. An
 * interval stays within its day ('24:00' may end one); a night shift is written as two intervals, one
 * on each day. A day left out is a day off.
 */
export type WeeklyHours = Partial<Record<Weekday, [string, string][]>>;

export interface BusinessCalendar {
  /** IANA, e.g. 'Europe/Madrid'. */
  timeZone: string;
  hours: WeeklyHours;
  /** 'YYYY-MM-DD' local dates, whole days off. */
  holidays: string[];
}

/** A half-open span of UTC milliseconds [from, to). */
export type Span = readonly [from: number, to: number];

const MINUTE = 60_000;
/** A calendar with no working day in this many days has none at all: stop instead of walking forever. */
const MAX_EMPTY_DAYS = 400;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** 'HH:MM' -> minutes since midnight; '24:00' only where `allowMidnightEnd`. null when malformed. */
export function parseHhMm(text: string, allowMidnightEnd = false): number | null {
  if (allowMidnightEnd && text === '24:00') return 1440;
  const m = HHMM.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export interface CalendarProblem {
  path: string;
  message: string;
}

const DAY_KEYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Why `hours` is not a valid WeeklyHours (empty when it is). Shared by calendars and technician profiles. */
export function weeklyHoursProblems(hours: unknown, path: string): CalendarProblem[] {
  if (typeof hours !== 'object' || hours === null || Array.isArray(hours)) return [{ path, message: 'must be an object of weekdays (mon … sun) to lists of ["HH:MM", "HH:MM"] intervals' }];
  const problems: CalendarProblem[] = [];
  for (const [day, intervals] of Object.entries(hours)) {
    const at = `${path}.${day}`;
    if (!DAY_KEYS.includes(day as Weekday)) {
      problems.push({ path: at, message: `"${day}" is not a weekday; use one of ${DAY_KEYS.join(', ')}` });
      continue;
    }
    if (!Array.isArray(intervals)) {
      problems.push({ path: at, message: 'must be a list of ["HH:MM", "HH:MM"] intervals' });
      continue;
    }
    intervals.forEach((iv: unknown, i) => {
      const here = `${at}[${i}]`;
      if (!Array.isArray(iv) || iv.length !== 2 || typeof iv[0] !== 'string' || typeof iv[1] !== 'string') {
        problems.push({ path: here, message: 'must be a pair of times like ["09:00", "18:00"]' });
        return;
      }
      const from = parseHhMm(iv[0]);
      const to = parseHhMm(iv[1], true);
      if (from === null) problems.push({ path: `${here}[0]`, message: `"${iv[0]}" is not a time in HH:MM (00:00 to 23:59)` });
      if (to === null) problems.push({ path: `${here}[1]`, message: `"${iv[1]}" is not a time in HH:MM (00:00 to 24:00)` });
      if (from !== null && to !== null && to <= from) problems.push({ path: here, message: `ends (${iv[1]}) before it starts (${iv[0]}); write a night shift as two intervals, one each day` });
    });
  }
  return problems;
}

/** Why `input` is not a valid BusinessCalendar (empty when it is). */
export function calendarProblems(input: unknown, path = 'calendar'): CalendarProblem[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return [{ path, message: 'must be an object with timeZone, hours and holidays' }];
  const cal = input as Record<string, unknown>;
  const problems: CalendarProblem[] = [];
  for (const key of Object.keys(cal)) if (!['timeZone', 'hours', 'holidays'].includes(key)) problems.push({ path: `${path}.${key}`, message: `unknown field "${key}"; a calendar has timeZone, hours and holidays` });
  if (typeof cal.timeZone !== 'string' || !isValidTimeZone(cal.timeZone)) problems.push({ path: `${path}.timeZone`, message: `${JSON.stringify(cal.timeZone ?? null)} is not a known IANA time zone (e.g. "Europe/Madrid")` });
  problems.push(...weeklyHoursProblems(cal.hours, `${path}.hours`));
  if (!Array.isArray(cal.holidays)) problems.push({ path: `${path}.holidays`, message: 'must be a list of "YYYY-MM-DD" dates' });
  else
    cal.holidays.forEach((h: unknown, i) => {
      if (typeof h !== 'string' || !isRealDate(h)) problems.push({ path: `${path}.holidays[${i}]`, message: `${JSON.stringify(h)} is not a date in YYYY-MM-DD` });
    });
  return problems;
}

function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return formatDate(addDays(d, 0)) === text; // 2026-02-30 rolls over to March and fails here
}

// The holiday list as a set, computed once per calendar object.
const holidaySets = new WeakMap<BusinessCalendar, ReadonlySet<string>>();
function holidaysOf(cal: BusinessCalendar): ReadonlySet<string> {
  let set = holidaySets.get(cal);
  if (!set) {
    set = new Set(cal.holidays);
    holidaySets.set(cal, set);
  }
  return set;
}

/** One local day's working intervals as UTC spans, sorted and merged (none on a holiday). */
export function daySpans(cal: BusinessCalendar, d: LocalDate): Span[] {
  if (holidaysOf(cal).has(formatDate(d))) return [];
  const spans: [number, number][] = [];
  for (const [from, to] of cal.hours[weekdayOf(d)] ?? []) {
    const f = parseHhMm(from);
    const t = parseHhMm(to, true);
    if (f === null || t === null || t <= f) continue; // validated on the way in; never trust it twice
    const s = zonedToUtc(d, f, cal.timeZone);
    const e = zonedToUtc(d, t, cal.timeZone);
    if (e > s) spans.push([s, e]); // an interval inside the skipped DST hour is empty
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const last = merged[merged.length - 1];
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push([sp[0], sp[1]]);
  }
  return merged;
}

/**
 * The business spans from `startMs` on, clipped to start there, in order; up to `untilMs` when given
 * (spans are not clipped at the end), else without end. Without an end, throws when the calendar has no
 * working time at all.
 */
export function* businessSpansFrom(startMs: number, cal: BusinessCalendar, untilMs = Infinity): Generator<Span> {
  let day = localTime(new Date(startMs), cal.timeZone) as LocalDate;
  let emptyDays = 0;
  for (;;) {
    if (untilMs !== Infinity && zonedToUtc(day, 0, cal.timeZone) >= untilMs) return;
    const spans = daySpans(cal, day);
    emptyDays = spans.length === 0 ? emptyDays + 1 : 0;
    // With an end in sight an empty calendar simply has no business time; without one, it would never end.
    if (emptyDays > MAX_EMPTY_DAYS && untilMs === Infinity) throw new Error(`The business calendar (${cal.timeZone}) has no working hours in over ${MAX_EMPTY_DAYS} days: check its hours and holidays.`);
    for (const [s, e] of spans) {
      if (e <= startMs) continue;
      if (s >= untilMs) return;
      yield [Math.max(s, startMs), e];
    }
    day = addDays(day, 1);
  }
}

/** Is `at` inside the calendar's working hours (and not on a holiday)? Intervals are [start, end). */
export function isBusinessTime(at: Date, cal: BusinessCalendar): boolean {
  const ms = at.getTime();
  return daySpans(cal, localTime(at, cal.timeZone)).some(([s, e]) => s <= ms && ms < e);
}

/**
 * The instant `minutes` business minutes after `start`. With a null calendar every minute counts (24x7).
 * Starting outside hours counts from the next opening; a total that ends exactly at a closing returns the
 * closing (Friday 17:30 + 30 min with 09:00-18:00 is Friday 18:00, not Monday 09:00). 0 minutes is `start`.
 */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar | null): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Business minutes must be a finite number >= 0, not ${minutes}.`);
  let left = Math.round(minutes * MINUTE);
  if (left === 0 || cal === null) return new Date(start.getTime() + left);
  for (const [s, e] of businessSpansFrom(start.getTime(), cal)) {
    if (left <= e - s) return new Date(s + left);
    left -= e - s;
  }
  throw new Error('unreachable: the business span walk has no end');
}

/** Business minutes from a to b (negative when b is before a); fractions of a minute are kept. */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar | null): number {
  const from = a.getTime();
  const to = b.getTime();
  if (to < from) return -businessMinutesBetween(b, a, cal);
  if (cal === null) return (to - from) / MINUTE;
  let ms = 0;
  for (const [s, e] of businessSpansFrom(from, cal, to)) ms += Math.min(e, to) - s;
  return ms / MINUTE;
}

/** The business spans that overlap [from, to), clipped to it. */
export function businessSpansWithin(from: Date, to: Date, cal: BusinessCalendar): Span[] {
  const end = to.getTime();
  const out: Span[] = [];
  for (const [s, e] of businessSpansFrom(from.getTime(), cal, end)) out.push([s, Math.min(e, end)]);
  return out;
}
