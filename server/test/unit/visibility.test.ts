import { describe, expect, it } from 'vitest';
import { canSee, roomsOfIncident, roomsOfViewer, roomsThatLostSight, type ViewerScope } from '../../src/domain/visibility.js';

const admin: ViewerScope = { userId: 'a', role: 'admin', departmentIds: ['d1'] };
const generalist: ViewerScope = { userId: 'g', role: 'agent', departmentIds: [] };
const networkAgent: ViewerScope = { userId: 'n', role: 'agent', departmentIds: ['net'] };
const tech: ViewerScope = { userId: 't', role: 'technician', departmentIds: ['net'] };

describe('who sees an incident', () => {
  it.each([
    [admin, { departmentId: 'billing', assigneeId: null }, true],
    [generalist, { departmentId: 'billing', assigneeId: null }, true],
    [networkAgent, { departmentId: 'net', assigneeId: null }, true],
    [networkAgent, { departmentId: null, assigneeId: null }, true],
    [networkAgent, { departmentId: 'billing', assigneeId: null }, false],
    [networkAgent, { departmentId: 'billing', assigneeId: 'n' }, true],
    [tech, { departmentId: 'net', assigneeId: null }, false],
    [tech, { departmentId: 'net', assigneeId: 't' }, true],
  ])('%j sees %j: %s', (viewer, placement, expected) => expect(canSee(viewer, placement)).toBe(expected));

  it('sends an event to exactly the rooms of those who can see it (room sets agree with canSee)', () => {
    const placements = [
      { departmentId: 'net', assigneeId: null },
      { departmentId: null, assigneeId: 't' },
      { departmentId: 'billing', assigneeId: 'n' },
    ];
    for (const p of placements) {
      const rooms = new Set(roomsOfIncident(p));
      for (const v of [admin, generalist, networkAgent, tech]) {
        expect(roomsOfViewer(v).some((r) => rooms.has(r)), `${v.userId} / ${JSON.stringify(p)}`).toBe(canSee(v, p));
      }
    }
  });

  it('names exactly the rooms that lose sight of a moved incident', () => {
    expect(roomsThatLostSight({ departmentId: 'net', assigneeId: 't' }, { departmentId: 'billing', assigneeId: null }).sort()).toEqual(['dept:net', 'user:t']);
    expect(roomsThatLostSight({ departmentId: null, assigneeId: null }, { departmentId: 'net', assigneeId: null })).toEqual(['dept:none']);
    expect(roomsThatLostSight({ departmentId: 'net', assigneeId: null }, { departmentId: 'net', assigneeId: 't' })).toEqual([]);
  });
});
