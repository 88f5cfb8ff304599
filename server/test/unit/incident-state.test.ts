import { describe, expect, it } from 'vitest';
import {
  canTransition,
  INCIDENT_STATUSES,
  statusAfterAssignment,
  statusAfterCustomerMessage,
  transition,
  TransitionError,
  type IncidentStatus,
} from '../../src/domain/incident-state.js';

const allowed: [IncidentStatus, IncidentStatus][] = [
  ['new', 'open'], ['new', 'pending'], ['new', 'resolved'], ['new', 'closed'],
  ['open', 'pending'], ['open', 'resolved'], ['open', 'closed'],
  ['pending', 'open'], ['pending', 'resolved'], ['pending', 'closed'],
  ['resolved', 'open'], ['resolved', 'closed'],
];

describe('incident state machine', () => {
  it.each(INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.map((to) => [from, to] as const)))('%s -> %s', (from, to) => {
    const expected = from === to || allowed.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(expected);
    if (expected) expect(transition(from, to)).toBe(to);
    else expect(() => transition(from, to)).toThrow(TransitionError);
  });

  it('explains a refused move with what is allowed', () => {
    expect(() => transition('resolved', 'pending')).toThrow('Allowed from "resolved": open, closed');
    expect(() => transition('closed', 'open')).toThrow('Allowed from "closed": none');
  });

  it.each([
    ['new', 'open'], ['open', 'open'], ['pending', 'pending'], ['resolved', 'resolved'],
  ] as const)('assignment turns %s into %s', (from, to) => expect(statusAfterAssignment(from)).toBe(to));

  it.each([
    ['new', 'new'], ['open', 'open'], ['pending', 'open'], ['resolved', 'open'], ['closed', 'closed'],
  ] as const)('a customer message turns %s into %s', (from, to) => expect(statusAfterCustomerMessage(from)).toBe(to));
});
