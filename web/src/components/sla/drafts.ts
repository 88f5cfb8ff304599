/**
 * The SLA admin screen as pure helpers: a target in minutes as hours + minutes (and back, as text people
 * read), a policy's actions per event (alert, e-mails to notify, a priority to raise to) and the list the
 * server takes — with which input each of its "actions[i]" paths belongs to — a calendar's draft (weekly
 * hours per weekday, holidays sorted) and the body of its PUT/POST.
 */
import type { CalendarDto, Priority, SlaActionDto, SlaPolicyDto, WeeklyHoursDto } from '@contracts';
import { WEEKDAYS, type IntervalDraft, type Weekday } from '../../lib/workload';
import type { CalendarInput, PolicyInput } from '../../api/sla';

export const SLA_EVENTS = ['warning', 'breached'] as const;
export type SlaEvent = (typeof SLA_EVENTS)[number];

// ---------------------------------------------------------------------------------------------------
// Targets

/** A target as typed: whole hours and minutes (blank both: no target). */
export interface DurationDraft {
  hours: string;
  minutes: string;
}

export function durationDraft(minutes: number | null): DurationDraft {
  if (minutes === null) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(minutes / 60)), minutes: String(minutes % 60) };
}

/**
 * Minutes, null when both are blank. What is not a number goes as typed, for the server to name; the
 * parts are added up as they are (90 minutes is 1 h 30 min), a fraction of an hour included.
 */
export function minutesOf(d: DurationDraft): number | null {
  const h = String(d.hours).trim();
  const m = String(d.minutes).trim();
  if (h === '' && m === '') return null;
  const total = (h === '' ? 0 : Number(h)) * 60 + (m === '' ? 0 : Number(m));
  return Number.isFinite(total) ? Math.round(total) : (`${h}:${m}` as unknown as number);
}

const unitFormats = new Map<string, Intl.NumberFormat>();
function unit(locale: string, u: 'hour' | 'minute', n: number): string {
  const key = `${locale}:${u}`;
  if (!unitFormats.has(key)) unitFormats.set(key, new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' }));
  return unitFormats.get(key)!.format(n);
}

/** "45 min", "8 h", "1 h 30 min", "72 h" (business hours: never turned into days, which a calendar makes ambiguous). */
export function formatMinutes(minutes: number, locale: string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return unit(locale, 'minute', m);
  return m ? `${unit(locale, 'hour', h)} ${unit(locale, 'minute', m)}` : unit(locale, 'hour', h);
}

// ---------------------------------------------------------------------------------------------------
// Actions

/** What happens on one event, as the editor shows it. */
export interface EventDraft {
  alert: boolean;
  notify: string[];
  /** '' for none. */
  priority: Priority | '';
}
export type ActionsDraft = Record<SlaEvent, EventDraft>;

/** Where one of the server's "actions[i]" lands: an event's alert, its e-mail list, or its priority. */
export interface ActionPlace {
  on: SlaEvent;
  kind: 'alert' | 'notify' | 'priority';
}

export function actionsDraft(actions: readonly SlaActionDto[]): ActionsDraft {
  const draft = {} as ActionsDraft;
  for (const on of SLA_EVENTS) {
    const mine = actions.filter((a) => a.on === on);
    draft[on] = {
      alert: mine.some((a) => a.do === 'alert'),
      notify: mine.flatMap((a) => (a.do === 'notify' ? [a.to] : [])),
      priority: mine.reduce<Priority | ''>((p, a) => (a.do === 'set-priority' ? a.priority : p), ''),
    };
  }
  return draft;
}

/** The list the server takes, in a fixed order (per event: alert, e-mails, priority), and the place of each item. */
export function actionsOf(draft: ActionsDraft): { actions: SlaActionDto[]; places: ActionPlace[] } {
  const actions: SlaActionDto[] = [];
  const places: ActionPlace[] = [];
  for (const on of SLA_EVENTS) {
    const d = draft[on];
    if (d.alert) {
      actions.push({ on, do: 'alert' });
      places.push({ on, kind: 'alert' });
    }
    for (const to of d.notify) {
      actions.push({ on, do: 'notify', to: to.trim() });
      places.push({ on, kind: 'notify' });
    }
    if (d.priority) {
      actions.push({ on, do: 'set-priority', priority: d.priority });
      places.push({ on, kind: 'priority' });
    }
  }
  return { actions, places };
}

/** The server's messages for "actions[i]…" moved to "actions.<event>.<kind>" (the inputs' own paths); others stay. */
export function placeActionErrors(fields: Record<string, string>, places: readonly ActionPlace[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields)) {
    const m = /^actions\[(\d+)\]/.exec(path);
    const place = m ? places[Number(m[1])] : undefined;
    const key = place ? `actions.${place.on}.${place.kind}` : path;
    out[key] = out[key] && out[key] !== message ? `${out[key]} · ${message}` : message;
  }
  return out;
}

/** Short text for the list, per event: "alert, 2 e-mails, urgent"; the words come from `label`. */
export function summarizeActions(actions: readonly SlaActionDto[], label: (key: 'alert' | 'notify' | 'priority', value?: string | number) => string): Record<SlaEvent, string> {
  const draft = actionsDraft(actions);
  const out = {} as Record<SlaEvent, string>;
  for (const on of SLA_EVENTS) {
    const d = draft[on];
    const parts = [d.alert ? label('alert') : null, d.notify.length ? label('notify', d.notify.join(', ')) : null, d.priority ? label('priority', d.priority) : null];
    out[on] = parts.filter(Boolean).join(' · ');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Policies

export interface PolicyDraft {
  name: string;
  firstResponse: DurationDraft;
  resolution: DurationDraft;
  warnAtPercent: string | number;
  /** '' for none (24x7). */
  calendarId: string;
  actions: ActionsDraft;
}

/** A new policy: 1 h to answer, 8 h to resolve, a warning at 80 %, the department alerted on both events. */
export function newPolicyDraft(): PolicyDraft {
  return { name: '', firstResponse: durationDraft(60), resolution: durationDraft(480), warnAtPercent: '80', calendarId: '', actions: actionsDraft([{ on: 'warning', do: 'alert' }, { on: 'breached', do: 'alert' }]) };
}

export function policyDraft(p: SlaPolicyDto): PolicyDraft {
  return {
    name: p.name,
    firstResponse: durationDraft(p.firstResponseMinutes),
    resolution: durationDraft(p.resolutionMinutes),
    warnAtPercent: String(p.warnAtPercent),
    calendarId: p.calendarId ?? '',
    actions: actionsDraft(p.actions),
  };
}

/** The body of POST/PUT, and where each action's messages go. A percentage that is not a number goes as typed. */
export function toPolicyInput(d: PolicyDraft): { input: PolicyInput; places: ActionPlace[] } {
  const pct = String(d.warnAtPercent).trim();
  const warnAtPercent = pct !== '' && Number.isFinite(Number(pct)) ? Number(pct) : (pct as unknown as number);
  const { actions, places } = actionsOf(d.actions);
  return {
    input: { name: d.name.trim(), firstResponseMinutes: minutesOf(d.firstResponse), resolutionMinutes: minutesOf(d.resolution), warnAtPercent, calendarId: d.calendarId || null, actions },
    places,
  };
}

// ---------------------------------------------------------------------------------------------------
// Calendars

export interface CalendarDraft {
  name: string;
  timeZone: string;
  hours: Record<Weekday, IntervalDraft[]>;
  /** 'YYYY-MM-DD', sorted, each once. */
  holidays: string[];
}

/** The browser's own zone, what a new calendar proposes. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function hoursDraft(hours: WeeklyHoursDto): Record<Weekday, IntervalDraft[]> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, (hours[d] ?? []).map(([from, to]) => ({ from, to }))])) as Record<Weekday, IntervalDraft[]>;
}

export function hoursOf(hours: Record<Weekday, IntervalDraft[]>): WeeklyHoursDto {
  const out: WeeklyHoursDto = {};
  for (const day of WEEKDAYS) if (hours[day].length) out[day] = hours[day].map((iv): [string, string] => [iv.from.trim(), iv.to.trim()]);
  return out;
}

/** A new calendar: Monday to Friday 09:00–18:00 in the browser's zone, no holidays. */
export function newCalendarDraft(): CalendarDraft {
  const nine = () => [{ from: '09:00', to: '18:00' }];
  return { name: '', timeZone: browserTimeZone(), hours: { mon: nine(), tue: nine(), wed: nine(), thu: nine(), fri: nine(), sat: [], sun: [] }, holidays: [] };
}

export function calendarDraft(c: CalendarDto): CalendarDraft {
  return { name: c.name, timeZone: c.timeZone, hours: hoursDraft(c.hours), holidays: [...new Set(c.holidays)].sort() };
}

export function toCalendarInput(d: CalendarDraft): CalendarInput {
  return { name: d.name.trim(), timeZone: d.timeZone.trim(), hours: hoursOf(d.hours), holidays: [...d.holidays] };
}

/** The holidays with one more day, sorted, each once. */
export function withHoliday(holidays: readonly string[], day: string): string[] {
  return [...new Set([...holidays, day])].sort();
}

/** A 'YYYY-MM-DD' day as people read it, with its weekday ("Fri, 25 Dec 2026"); the text itself when it is not a date. */
export function formatHoliday(day: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(at);
}
