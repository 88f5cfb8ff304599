/**
 * Who sees which incident, and therefore which socket rooms an incident's events go to.
 * - admins see everything;
 * - an agent with no departments sees everything; with departments, those departments' incidents,
 *   incidents with no department yet, and whatever is assigned to them;
 * - a technician sees what is assigned to them.
 */
export interface ViewerScope {
  userId: string;
  role: 'admin' | 'agent' | 'technician';
  departmentIds: string[];
}

export interface IncidentPlacement {
  departmentId: string | null;
  assigneeId: string | null;
}

export const ROOM_EVERYTHING = 'scope:all';
export const roomForDepartment = (id: string | null) => (id ? `dept:${id}` : 'dept:none');
export const roomForUser = (id: string) => `user:${id}`;
export const roomForIncident = (id: string) => `incident:${id}`;
/** Every socket of one login, so logging out closes them all. */
export const roomForSession = (sessionHash: string) => `session:${sessionHash}`;

export function seesEverything(v: ViewerScope): boolean {
  return v.role === 'admin' || (v.role === 'agent' && v.departmentIds.length === 0);
}

export function canSee(v: ViewerScope, i: IncidentPlacement): boolean {
  if (seesEverything(v)) return true;
  if (i.assigneeId === v.userId) return true;
  if (v.role === 'technician') return false;
  return i.departmentId === null || v.departmentIds.includes(i.departmentId);
}

/** The rooms a viewer's sockets join. */
export function roomsOfViewer(v: ViewerScope): string[] {
  if (seesEverything(v)) return [ROOM_EVERYTHING, roomForUser(v.userId)];
  if (v.role === 'technician') return [roomForUser(v.userId)];
  return [roomForUser(v.userId), roomForDepartment(null), ...v.departmentIds.map(roomForDepartment)];
}

/** The rooms of those who may see an incident so placed. */
export function roomsOfIncident(p: IncidentPlacement): string[] {
  return [ROOM_EVERYTHING, roomForDepartment(p.departmentId), ...(p.assigneeId ? [roomForUser(p.assigneeId)] : [])];
}

/** Rooms that could see the incident before a change and cannot after it (they get 'incident.removed'). */
export function roomsThatLostSight(before: IncidentPlacement, after: IncidentPlacement): string[] {
  const now = new Set(roomsOfIncident(after));
  return roomsOfIncident(before).filter((r) => !now.has(r));
}
