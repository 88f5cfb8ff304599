/** Technicians' profiles, their load, and offering incidents to the most qualified free one. */
import type { UserRefDto } from './api.js';

/** Local 'HH:MM' intervals per weekday, e.g. { mon: [['08:00', '13:00'], ['15:00', '18:00']] }. */
export type WeeklyHoursDto = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', [string, string][]>>;

/** GET / PUT /api/technicians/{id}/profile */
export interface TechnicianProfileDto {
  /** skill -> level 1..5 */
  skills: Record<string, number>;
  /** Zones covered; empty: anywhere. */
  zones: string[];
  /** Most open assignments at once. */
  capacity: number;
  workingHours: WeeklyHoursDto;
  timeZone: string;
}

export interface AbsenceDto {
  id: string;
  from: string;
  to: string;
  reason: string | null;
}

/** GET /api/service-types, PUT /api/service-types/{name} { requiredSkills } */
export interface ServiceTypeDto {
  name: string;
  /** skill -> minimum level a technician needs for it */
  requiredSkills: Record<string, number>;
}

/** POST /api/incidents/{id}/assign-best */
export interface AssignBestResult {
  /** null: nobody is left (the department and its supervisor are alerted). */
  offeredTo: UserRefDto | null;
  reasons: string[];
  rejected: { technicianId: string; reason: string }[];
}

/** GET /api/incidents/{id}/candidates: who would get it, in order, and why the others would not. */
export interface CandidatesDto {
  candidates: { technicianId: string; name: string; score: number[]; reasons: string[] }[];
  rejected: { technicianId: string; reason: string }[];
}

/** GET /api/workload: each technician's open assignments, live on the workload screen. */
export interface WorkloadDto {
  technician: UserRefDto;
  departmentIds: string[];
  skills: Record<string, number>;
  zones: string[];
  capacity: number;
  open: number;
  /** Offered, awaiting their answer. */
  offered: number;
  confirmed: number;
  availableNow: boolean;
  incidents: { id: string; reference: string; subject: string; status: string; assignmentStatus: string | null }[];
}
