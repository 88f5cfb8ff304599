/** One typed function per HTTP endpoint the agent app uses. */
import type {
  AttachCallRequest,
  CallDto,
  ContactDetailDto,
  ContactMergeDto,
  DepartmentDto,
  DuplicateSuggestionDto,
  IncidentMergeDto,
  MergeRequest,
  IncidentDetailDto,
  IncidentListDto,
  IncidentListQuery,
  IncidentPatch,
  LoginRequest,
  ManualCallRequest,
  MeDto,
  MessageDto,
  NoteRequest,
  ReplyRequest,
  ResendResult,
  UserDto,
} from '@contracts';
import { api } from './client';

const incidentPath = (id: string) => `/api/incidents/${encodeURIComponent(id)}`;

export const endpoints = {
  login: (body: LoginRequest) => api.post<MeDto>('/api/auth/login', body),
  logout: () => api.post<void>('/api/auth/logout'),
  me: () => api.get<MeDto>('/api/auth/me'),
  users: () => api.get<UserDto[]>('/api/users'),
  departments: () => api.get<DepartmentDto[]>('/api/departments'),
  incidents: (query: IncidentListQuery) => api.get<IncidentListDto>('/api/incidents', { ...query }),
  incident: (id: string) => api.get<IncidentDetailDto>(incidentPath(id)),
  patchIncident: (id: string, patch: IncidentPatch) => api.patch<IncidentDetailDto>(incidentPath(id), patch),
  addNote: (id: string, body: NoteRequest) => api.post<MessageDto>(`${incidentPath(id)}/notes`, body),
  /** An answer to the customer on the incident's channel (e-mail); 201 with the queued outbound message. */
  reply: (id: string, body: string) => api.post<MessageDto>(`${incidentPath(id)}/replies`, { body } satisfies ReplyRequest),
  /** An approved WhatsApp template with its placeholder values (the only reply once the 24-hour window is closed). */
  replyTemplate: (id: string, contentSid: string, variables: Record<string, string>) =>
    api.post<MessageDto>(`${incidentPath(id)}/replies`, { template: { contentSid, variables } } satisfies ReplyRequest),
  /** Sends a failed outbound mail again (202); queued false when it was not in a failed state. */
  resend: (messageId: string) => api.post<ResendResult>(`/api/messages/${encodeURIComponent(messageId)}/resend`),
  /** A call logged by hand, on an incident (it joins the timeline) or a contact. */
  logCall: (body: ManualCallRequest) => api.post<CallDto>('/api/calls', body),
  /** Puts a call on an incident, or (no incidentId) opens a new incident from it. */
  attachCall: (callId: string, body: AttachCallRequest = {}) => api.post<CallDto>(`/api/calls/${encodeURIComponent(callId)}/incident`, body),
  /** This incident into another one (timelines combined; it closes, pointing there). */
  merge: (id: string, body: MergeRequest) => api.post<IncidentMergeDto>(`${incidentPath(id)}/merge`, body),
  unmerge: (mergeId: string) => api.post<IncidentMergeDto>(`/api/incident-merges/${encodeURIComponent(mergeId)}/undo`),
  dismissDuplicate: (suggestionId: string) => api.post<DuplicateSuggestionDto>(`/api/duplicate-suggestions/${encodeURIComponent(suggestionId)}/dismiss`),
  contact: (id: string) => api.get<ContactDetailDto>(`/api/contacts/${encodeURIComponent(id)}`),
  /** `sourceId` moves into contact `id` (identities, incidents, messages, calls). */
  mergeContacts: (id: string, sourceId: string) => api.post<ContactDetailDto>(`/api/contacts/${encodeURIComponent(id)}/merge`, { sourceId }),
  undoContactMerge: (mergeId: string) => api.post<ContactMergeDto>(`/api/contact-merges/${encodeURIComponent(mergeId)}/undo`),
};
