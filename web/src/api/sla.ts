/** The SLA endpoints behind the admin screen: policies and business calendars (reading: agents too; saving: admins). */
import type { CalendarDto, SlaPolicyDto } from '@contracts';
import { api, request } from './client';

export type PolicyInput = Omit<SlaPolicyDto, 'id'>;
export type CalendarInput = Omit<CalendarDto, 'id'>;

export const listPolicies = () => api.get<SlaPolicyDto[]>('/api/sla/policies');
/** 400 names each wrong field ("firstResponseMinutes", "calendarId", "actions.2.to"). */
export const createPolicy = (body: PolicyInput) => api.post<SlaPolicyDto>('/api/sla/policies', body);
/** Replaces the whole policy; the clocks of incidents under it are computed again. */
export const updatePolicy = (id: string, body: PolicyInput) => request<SlaPolicyDto>('PUT', `/api/sla/policies/${encodeURIComponent(id)}`, body);
/** 409 with `inUse` (incidents under it, rules that set it) when something still uses it. */
export const deletePolicy = (id: string) => request<void>('DELETE', `/api/sla/policies/${encodeURIComponent(id)}`);
export const listCalendars = () => api.get<CalendarDto[]>('/api/sla/calendars');
/** 400 names each wrong field ("timeZone", "hours.mon[0][1]", "holidays[2]"). */
export const createCalendar = (body: CalendarInput) => api.post<CalendarDto>('/api/sla/calendars', body);
export const updateCalendar = (id: string, body: CalendarInput) => request<CalendarDto>('PUT', `/api/sla/calendars/${encodeURIComponent(id)}`, body);
/** 409 with `inUse.policies` when a policy counts in it. */
export const deleteCalendar = (id: string) => request<void>('DELETE', `/api/sla/calendars/${encodeURIComponent(id)}`);
