/** The assignment endpoints behind the workload screen: workload, technicians' profiles and absences, service types. */
import type { AbsenceDto, ServiceTypeDto, TechnicianProfileDto, WorkloadDto } from '@contracts';
import { api, request } from './client';

const technicianPath = (id: string) => `/api/technicians/${encodeURIComponent(id)}`;

/** Every active technician: open assignments, offers awaiting an answer, capacity, availability (agents and admins). */
export const getWorkload = () => api.get<WorkloadDto[]>('/api/workload');
export const getProfile = (id: string) => api.get<TechnicianProfileDto>(`${technicianPath(id)}/profile`);
/** Admins; 400 names each wrong field ("skills.gas", "workingHours.mon[0][1]", "timeZone"). */
export const saveProfile = (id: string, body: TechnicianProfileDto) => request<TechnicianProfileDto>('PUT', `${technicianPath(id)}/profile`, body);
/** Absences not over yet, in order. */
export const getAbsences = (id: string) => api.get<AbsenceDto[]>(`${technicianPath(id)}/absences`);
/** Admins; answers the absences not over yet. 400 names "from", "to" or "reason". */
export const addAbsence = (id: string, body: { from: string; to: string; reason?: string }) => api.post<AbsenceDto[]>(`${technicianPath(id)}/absences`, body);
export const removeAbsence = (id: string, absenceId: string) => api.delete<void>(`${technicianPath(id)}/absences/${encodeURIComponent(absenceId)}`);
export const getServiceTypes = () => api.get<ServiceTypeDto[]>('/api/service-types');
/** Admins; creates or replaces the type's required skills, answers all types. */
export const saveServiceType = (name: string, requiredSkills: Record<string, number>) =>
  request<ServiceTypeDto[]>('PUT', `/api/service-types/${encodeURIComponent(name)}`, { requiredSkills });
/** Admins; the name exactly as listed. 409 (ApiError.inUse: open incidents, rules) while it is used; 404 when there is none. */
export const deleteServiceType = (name: string) => api.delete<void>(`/api/service-types/${encodeURIComponent(name)}`);
