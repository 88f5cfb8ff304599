/** Technicians' profiles, their load, and offering incidents to the most qualified free one. */
import type { AssignmentStatus, IncidentStatus, Priority, UserRefDto } from './api.js';

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

/**
 * GET /api/service-types, PUT /api/service-types/{name} { requiredSkills }, DELETE /api/service-types/{name}
 * (admins; the name exactly as listed): 204, or 409 with inUse { incidents (open ones), rules } while used.
 */
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

/** One open incident on a technician's workload: offered (awaiting their answer) or assigned. */
export interface WorkloadIncidentDto {
  id: string;
  reference: string;
  subject: string;
  status: IncidentStatus;
  priority: Priority;
  /** 'pending': offered or assigned, awaiting their answer; 'confirmed': they accepted. */
  assignmentStatus: AssignmentStatus | null;
  /** The standing offer of assign-best, with the time they have to answer; null: assigned by hand (no deadline). */
  offer: { offeredAt: string; expiresAt: string } | null;
}

/** Why a technician cannot take work now: an absence covers now, or it is outside their working hours. */
export type UnavailableReason = 'absent' | 'off-hours';

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
  /** null when available now. */
  unavailableBecause: UnavailableReason | null;
  /** When availableNow next changes (start or end of working hours or of an absence, within 8 days); null: not that soon. */
  availabilityChangesAt: string | null;
  workingHours: WeeklyHoursDto;
  timeZone: string;
  /** The absence going on now, else the next one planned; null: none. */
  absence: AbsenceDto | null;
  incidents: WorkloadIncidentDto[];
}
