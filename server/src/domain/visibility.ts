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

/** Rooms that must hear about a change: where the incident is now and where it was before. */
export function roomsOfIncident(...placements: IncidentPlacement[]): string[] {
  const rooms = new Set<string>([ROOM_EVERYTHING]);
  for (const p of placements) {
    rooms.add(roomForDepartment(p.departmentId));
    if (p.assigneeId) rooms.add(roomForUser(p.assigneeId));
  }
  return [...rooms];
}
