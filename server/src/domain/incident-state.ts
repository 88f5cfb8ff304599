/**
 * The incident lifecycle as one explicit table. Everything that changes an incident's status asks
 * this module; the web app imports the same table to offer only the moves that are allowed.
 */
export const INCIDENT_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
/** Still to be worked on (what the active filter, duplicate candidates and SLA clocks mean by open). */
export const OPEN_STATUSES: readonly IncidentStatus[] = ['new', 'open', 'pending'];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** from -> the statuses it may move to. */
export const INCIDENT_TRANSITIONS: Readonly<Record<IncidentStatus, readonly IncidentStatus[]>> = {
  new: ['open', 'pending', 'resolved', 'closed'],
  open: ['pending', 'resolved', 'closed'],
  pending: ['open', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  // A closed incident is final; a new message about it starts a new incident (or reopens via dedup later).
  closed: [],
};

export function canTransition(from: IncidentStatus, to: IncidentStatus): boolean {
  return from === to || INCIDENT_TRANSITIONS[from].includes(to);
}

export class TransitionError extends Error {
  constructor(
    readonly from: IncidentStatus,
    readonly to: IncidentStatus,
  ) {
    super(`An incident cannot move from "${from}" to "${to}". Allowed from "${from}": ${INCIDENT_TRANSITIONS[from].join(', ') || 'none'}.`);
  }
}

/** Throws TransitionError when the move is not allowed; returns the target otherwise. */
export function transition(from: IncidentStatus, to: IncidentStatus): IncidentStatus {
  if (!canTransition(from, to)) throw new TransitionError(from, to);
  return to;
}

/**
 * Side effects of events on status, kept here so the rules live in one place:
 * - an agent picking up (assigning) a new incident opens it;
 * - a customer writing on a pending or resolved incident reopens it.
 */
export function statusAfterAssignment(current: IncidentStatus): IncidentStatus {
  return current === 'new' ? 'open' : current;
}

export function statusAfterCustomerMessage(current: IncidentStatus): IncidentStatus {
  return current === 'pending' || current === 'resolved' ? 'open' : current;
}
