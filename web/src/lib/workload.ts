/**
 * The workload screen as pure helpers: a technician's load against capacity, their offers (soonest
 * deadline first) apart from what they already hold, the time left to answer, working hours as short
 * text ("Mon–Fri 08:00–18:00"), when availability changes next, and the editors' drafts (a profile with
 * skills, zones, capacity, hours per weekday and time zone; a service type's skills) turned into what
 * the server takes. Which live events concern the screen is decided here too.
 */
import type { IncidentSummaryDto, TechnicianProfileDto, WeeklyHoursDto, WorkloadDto, WorkloadIncidentDto } from '@contracts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const;

/** IANA names the browser knows, for the time-zone input's suggestions. */
export const TIME_ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

// ---------------------------------------------------------------------------------------------------
// Load

export type LoadTone = 'free' | 'busy' | 'full';

/** How full they are, 0..1 (over capacity is 1; no capacity at all is full). */
export function loadShare(open: number, capacity: number): number {
  if (capacity <= 0) return 1;
  return Math.min(1, Math.max(0, open / capacity));
}

/** full: at or over capacity (not offered more); busy: from 70 %; free below. */
export function loadTone(open: number, capacity: number): LoadTone {
  if (open >= capacity) return 'full';
  return open / capacity >= 0.7 ? 'busy' : 'free';
}

/** Offers awaiting an answer (the soonest deadline first; by hand, without one, last), and what they hold. */
export function splitIncidents(incidents: readonly WorkloadIncidentDto[]): { offers: WorkloadIncidentDto[]; assigned: WorkloadIncidentDto[] } {
  const deadline = (i: WorkloadIncidentDto) => (i.offer ? Date.parse(i.offer.expiresAt) : Number.POSITIVE_INFINITY);
  const offers = incidents.filter((i) => i.assignmentStatus === 'pending').sort((a, b) => deadline(a) - deadline(b));
  return { offers, assigned: incidents.filter((i) => i.assignmentStatus !== 'pending') };
}

// ---------------------------------------------------------------------------------------------------
// Time

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: string, unit: 'hour' | 'minute' | 'day'): Intl.NumberFormat {
  const key = `n:${locale}:${unit}`;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }));
  return formats.get(key) as Intl.NumberFormat;
}
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d:${locale}:${JSON.stringify(options)}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, options));
  return formats.get(key) as Intl.DateTimeFormat;
}

/** Milliseconds left until the offer's deadline (negative once past). */
export function timeLeftMs(offer: { expiresAt: string }, nowMs: number): number {
  return Date.parse(offer.expiresAt) - nowMs;
}

/** A duration for people, rounded up to the minute: "12 min", "1 h 5 min", "2 days"; null under a minute. */
export function formatDuration(ms: number, locale: string): string | null {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 1) return null;
  if (minutes < 60) return numberFormat(locale, 'minute').format(minutes);
  if (minutes >= 48 * 60) return numberFormat(locale, 'day').format(Math.floor(minutes / 1440));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${numberFormat(locale, 'hour').format(hours)} ${numberFormat(locale, 'minute').format(rest)}` : numberFormat(locale, 'hour').format(hours);
}

/** A weekday's name in the UI language (1 Jan 2024 was a Monday). */
export function weekdayName(day: Weekday, locale: string, width: 'long' | 'short' = 'long'): string {
  return dateFormat(locale, { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));
}

/** An instant close by, as short as it reads clearly: "18:00" today, "Mon 08:00" this week, "12 May, 08:00" later. */
export function formatWhen(iso: string, locale: string, nowMs: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const day = (ms: number) => dateFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  if (day(at) === day(nowMs)) return dateFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(at);
  if (at > nowMs && at - nowMs < 6 * 86_400_000) return dateFormat(locale, { weekday: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
  return dateFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
}

/** Working hours as lines: consecutive days with the same intervals together ("Mon–Fri 08:00–13:00, 15:00–18:00"). */
export function summarizeHours(hours: WeeklyHoursDto, locale: string): string[] {
  const text = (day: Weekday) => (hours[day] ?? []).map(([from, to]) => `${from}–${to}`).join(', ');
  const lines: string[] = [];
  let start = 0;
  for (let i = 1; i <= WEEKDAYS.length; i++) {
    const first = WEEKDAYS[start]!;
    if (i < WEEKDAYS.length && text(WEEKDAYS[i]!) === text(first)) continue;
    if (text(first)) {
      const last = WEEKDAYS[i - 1]!;
      const days = first === last ? weekdayName(first, locale, 'short') : `${weekdayName(first, locale, 'short')}–${weekdayName(last, locale, 'short')}`;
      lines.push(`${days} ${text(first)}`);
    }
    start = i;
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// Live

/** Does a change of this incident move what the screen shows (one of its incidents, or now a technician's)? */
export function concernsWorkload(items: readonly WorkloadDto[], incident: Pick<IncidentSummaryDto, 'id' | 'assignee'>): boolean {
  return items.some((w) => w.technician.id === incident.assignee?.id || w.incidents.some((i) => i.id === incident.id));
}

/** The next moment someone's availability changes by the clock (after `nowMs`), or null. */
export function nextAvailabilityChange(items: readonly WorkloadDto[], nowMs: number): number | null {
  const times = items.map((w) => (w.availabilityChangesAt ? Date.parse(w.availabilityChangesAt) : NaN)).filter((x) => x > nowMs);
  return times.length ? Math.min(...times) : null;
}

/** Name, skills and zones, for the filter box ("gas", "norte", "ana"). */
export function matchesFilter(w: WorkloadDto, text: string, departmentName: (id: string) => string | null): boolean {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = [w.technician.name, ...Object.keys(w.skills), ...w.zones, ...w.departmentIds.map((d) => departmentName(d) ?? '')].join(' ').toLowerCase();
  return words.every((word) => hay.includes(word));
}

// ---------------------------------------------------------------------------------------------------
// Drafts

export interface SkillRow {
  name: string;
  level: number;
}
export interface IntervalDraft {
  from: string;
  to: string;
}
export interface ProfileDraft {
  skills: SkillRow[];
  zones: string[];
  /** As typed (a number input may hand over a number): the server says what is wrong with it. */
  capacity: string | number;
  hours: Record<Weekday, IntervalDraft[]>;
  timeZone: string;
}

export const skillRows = (skills: Record<string, number>): SkillRow[] => Object.entries(skills).map(([name, level]) => ({ name, level }));

/** The rows as the server takes them: names trimmed, blank rows left out (a repeated name: the last row's level). */
export function skillsOf(rows: readonly SkillRow[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) if (r.name.trim()) out[r.name.trim()] = r.level;
  return out;
}

/** The same skills at the same levels, whatever order the keys come in (the server's JSON orders them its own way). */
export function sameSkills(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === a[k]);
}

export function draftOfProfile(p: TechnicianProfileDto): ProfileDraft {
  const hours = Object.fromEntries(WEEKDAYS.map((d) => [d, (p.workingHours[d] ?? []).map(([from, to]) => ({ from, to }))])) as Record<Weekday, IntervalDraft[]>;
  return { skills: skillRows(p.skills), zones: [...p.zones], capacity: String(p.capacity), hours, timeZone: p.timeZone };
}

/** The body of PUT /profile. A capacity that is not a number goes as typed, for the server to name. */
export function toProfileInput(d: ProfileDraft): TechnicianProfileDto {
  const text = String(d.capacity).trim();
  const capacity = text !== '' && Number.isFinite(Number(text)) ? Number(text) : (text as unknown as number);
  const workingHours: WeeklyHoursDto = {};
  for (const day of WEEKDAYS) if (d.hours[day].length) workingHours[day] = d.hours[day].map((iv): [string, string] => [iv.from.trim(), iv.to.trim()]);
  return { skills: skillsOf(d.skills), zones: d.zones.map((z) => z.trim()).filter(Boolean), capacity, workingHours, timeZone: d.timeZone.trim() };
}

/** Monday's intervals on Tuesday to Friday too. */
export function copyMondayToWeekdays(hours: Record<Weekday, IntervalDraft[]>): Record<Weekday, IntervalDraft[]> {
  const monday = () => hours.mon.map((iv) => ({ ...iv }));
  return { ...hours, tue: monday(), wed: monday(), thu: monday(), fri: monday() };
}

/**
 * The server names list items "zones.2" (a validated field) or "workingHours.mon[0][1]" (working hours):
 * the same path either way, brackets, so an input can look its message up once.
 */
export function normalizeFieldPaths(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/\.(\d+)(?=\.|\[|$)/g, '[$1]'), message]));
}

/** 'YYYY-MM-DDTHH:MM' in the browser's zone, as a datetime-local input holds it. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value as an ISO instant; '' when empty or not a date (the server then says what is missing). */
export function fromLocalInput(value: string): string {
  const ms = value ? new Date(value).getTime() : NaN;
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** The whole of tomorrow in the browser's zone (local midnight to midnight): what a new absence proposes. */
export function tomorrowAllDay(nowMs: number): { from: number; to: number } {
  const start = new Date(nowMs);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() + 1);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.getTime(), to: end.getTime() };
}
