/**
 * One-click Confirm / Decline links of a service order: `<assignment id>.<MAC>`, the MAC over the
 * assignment, its incident and its technician. A link names one assignment: after a reassignment it no
 * longer acts (the incident's current assignment differs). Pure: node:crypto only.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAC_CHARS = 27; // 20 bytes, base64url

export interface LinkSubject {
  assignmentId: string;
  incidentId: string;
  technicianId: string;
}

const mac = (s: LinkSubject, key: Buffer) => createHmac('sha256', key).update(`service-order\0${s.assignmentId}\0${s.incidentId}\0${s.technicianId}`).digest().subarray(0, 20).toString('base64url');

export function signServiceOrderLink(s: LinkSubject, key: Buffer): string {
  return `${s.assignmentId}.${mac(s, key)}`;
}

/** The assignment a link names, before its MAC can be checked (which needs the incident and technician). */
export function linkAssignmentId(token: string): string | null {
  const [id, m] = token.split('.');
  return id && UUID.test(id) && m?.length === MAC_CHARS ? id : null;
}

export function verifyServiceOrderLink(token: string, s: LinkSubject, key: Buffer): boolean {
  const [id, m] = token.split('.');
  const given = Buffer.from(m ?? '');
  const expected = Buffer.from(mac(s, key));
  if (id !== s.assignmentId || given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
