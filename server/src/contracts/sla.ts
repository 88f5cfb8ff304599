/** SLA policies, business calendars, and the live clocks on an incident. */
import type { Priority } from './api.js';
import type { WeeklyHoursDto } from './assignment.js';

export interface CalendarDto {
  id: string;
  name: string;
  timeZone: string;
  hours: WeeklyHoursDto;
  /** Whole local days off, 'YYYY-MM-DD'. */
  holidays: string[];
}

/** What happens when a clock warns or breaches (each once per incident and target). */
export type SlaActionDto =
  | { on: 'warning' | 'breached'; do: 'alert' }
  | { on: 'warning' | 'breached'; do: 'notify'; to: string }
  | { on: 'warning' | 'breached'; do: 'set-priority'; priority: Priority };

export interface SlaPolicyDto {
  id: string;
  name: string;
  firstResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warnAtPercent: number;
  /** null: counted 24x7. */
  calendarId: string | null;
  /** Empty: alert the department live on warning and breach. */
  actions: SlaActionDto[];
}

export type SlaClockState = 'running' | 'paused' | 'met' | 'warning' | 'breached';

export interface SlaClockDto {
  target: 'first-response' | 'resolution';
  dueAt: string;
  warnAt: string;
  state: SlaClockState;
  /** Business minutes left when read (negative: late). The app counts down from dueAt itself. */
  remainingMinutes: number;
}

/** On an incident with a policy: its clocks as last computed (on every change, and every 30 s by the workers). */
export interface IncidentSlaDto {
  policy: { id: string; name: string };
  clocks: SlaClockDto[];
  /** Whether business hours apply (the countdown then pauses out of hours). */
  businessHours: boolean;
  computedAt: string;
}
