/**
 * The live-push contract: socket.io namespace `/inbox`. One typed map shared by server and web.
 * Events are emitted after the change commits.
 */
import type { CallDto, ContactDto, IncidentSummaryDto, MessageDto, UserRefDto } from './api.js';
import type { DuplicateSuggestionDto } from './duplicates.js';

export const INBOX_NAMESPACE = '/inbox';

/** What moved a technician's workload ('workload.changed'). */
export type WorkloadChangeReason = 'offered' | 'answered' | 'expired' | 'released' | 'changed' | 'profile' | 'absence';

/** assignment-declined: a technician said no; no-technician: nobody is left to offer it to; sla-warning / sla-breached: a target is near or missed. */
export type AlertKind = 'assignment-declined' | 'no-technician' | 'sla-warning' | 'sla-breached';

export interface ServerToClientEvents {
  /**
   * A new incident. `message`: the inbound message that opened it, when one did (intake); it is not announced
   * again as 'message.created' (one event per new incident). Without it (an incident split off by an unmerge),
   * fetch the incident for its timeline.
   */
  'incident.created': (payload: { incident: IncidentSummaryDto; message?: MessageDto }) => void;
  /** `changed` names the fields that changed (status, priority, department, assignee, lastMessage...). */
  'incident.updated': (payload: { incident: IncidentSummaryDto; changed: string[]; by: UserRefDto | null }) => void;
  /** The incident moved out of what this user may see (another department, reassigned): drop it. */
  'incident.removed': (payload: { incidentId: string }) => void;
  /** A message added to an incident that existed before it (see 'incident.created' for an incident's first). */
  'message.created': (payload: { incidentId: string; message: MessageDto }) => void;
  /** Something the department should act on now (a technician declined a service order ...). */
  'incident.alert': (payload: { incidentId: string; reference: string; kind: AlertKind; by: UserRefDto | null }) => void;
  /** A message changed after it was created: an outbound mail's delivery status, mostly. */
  'message.updated': (payload: { incidentId: string; message: MessageDto }) => void;
  /** A phone call started, was answered or ended (agents and admins): the pop-up with the caller's card. */
  'call.updated': (payload: { call: CallDto; contact: ContactDto | null }) => void;
  /** A possible duplicate was found, or decided (merged, dismissed): shown on both incidents. */
  'incident.duplicate': (payload: { suggestion: DuplicateSuggestionDto }) => void;
  /**
   * A technician's workload changed (an offer made, answered or expired, an assignment changed by an agent,
   * a profile or absence edited): to every agent and admin, whatever departments they see, so the workload
   * screen fetches GET /api/workload again. `technicianId`: the technician concerned, when known.
   */
  'workload.changed': (payload: { reason: WorkloadChangeReason; technicianId: string | null }) => void;
  /** Who has this incident open right now (sent to everyone viewing it). */
  'incident.viewers': (payload: { incidentId: string; viewers: UserRefDto[] }) => void;
}

export interface ClientToServerEvents {
  /** Start viewing an incident (joins its presence room); answers the current viewers. */
  'incident.view': (payload: { incidentId: string }, ack?: (viewers: UserRefDto[]) => void) => void;
  'incident.unview': (payload: { incidentId: string }) => void;
}

export type InboxEventName = keyof ServerToClientEvents;
