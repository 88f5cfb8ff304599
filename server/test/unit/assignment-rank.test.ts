/** Assignment (domain/assignment): who is filtered out and why, the ranking order, availability across time zones and DST, offers. */
import { describe, expect, it } from 'vitest';
import {
  availabilityOf,
  isAvailable,
  nextOffer,
  OFFER_STATUSES,
  offerExpiresAt,
  offerTransition,
  OfferTransitionError,
  rankTechnicians,
  type AssignmentNeed,
  type OfferEvent,
  type TechnicianProfile,
} from '../../src/domain/assignment/index.js';
import type { BusinessCalendar } from '../../src/domain/sla/index.js';

const utc = (iso: string) => new Date(iso);
const shift: [string, string][] = [['08:00', '16:00']];
const weekdays = { mon: shift, tue: shift, wed: shift, thu: shift, fri: shift };
const NOW = utc('2026-11-16T09:00:00Z'); // Monday 10:00 in Madrid (CET)

function tech(id: string, o: Partial<TechnicianProfile> = {}): TechnicianProfile {
  return {
    id,
    name: `Tech ${id}`,
    active: true,
    departmentIds: ['hvac'],
    skills: { boiler: 3, gas: 2 },
    zones: [],
    capacity: 4,
    openAssignments: 0,
    lastAssignedAt: null,
    workingHours: weekdays,
    timeZone: 'Europe/Madrid',
    absences: [],
    ...o,
  };
}
const need = (o: Partial<AssignmentNeed> = {}): AssignmentNeed => ({ departmentId: 'hvac', requiredSkills: { boiler: 2 }, zone: 'north', window: null, now: NOW, exclude: [], ...o });

describe('rankTechnicians: filters', () => {
  it.each<[string, Partial<TechnicianProfile>, Partial<AssignmentNeed>, string | null]>([
    ['eligible', {}, {}, null],
    ['inactive', { active: false }, {}, 'inactive'],
    ['another department', { departmentIds: ['network'] }, {}, 'not in department hvac'],
    ['any department when the need names none', { departmentIds: ['network'] }, { departmentId: null }, null],
    ['missing a required skill', { skills: { gas: 5 } }, {}, 'lacks skill boiler (needs level 2)'],
    ['below the level', { skills: { boiler: 1 } }, {}, 'skill boiler at level 1, needs 2'],
    ['not covering the zone', { zones: ['south', 'east'] }, {}, 'does not cover zone north (covers south, east)'],
    ['an empty zone list means anywhere', { zones: [] }, {}, null],
    ['any zone when the need names none', { zones: ['south'] }, { zone: null }, null],
    ['at capacity', { openAssignments: 4 }, {}, 'at capacity (4/4 open)'],
    ['no capacity at all', { capacity: 0 }, {}, 'at capacity (0/0 open)'],
    ['outside working hours now', { workingHours: { sat: shift } }, {}, 'not available now (outside working hours or absent)'],
    ['absent now', { absences: [{ from: utc('2026-11-16T00:00:00Z'), to: utc('2026-11-17T00:00:00Z') }] }, {}, 'not available now (outside working hours or absent)'],
    ['not working in the window', {}, { window: { from: utc('2026-11-21T08:00:00Z'), to: utc('2026-11-21T12:00:00Z') } }, 'not available in the requested window'],
    ['free in the window though not now', { workingHours: { sat: shift } }, { window: { from: utc('2026-11-21T08:00:00Z'), to: utc('2026-11-21T12:00:00Z') } }, null],
    ['already offered', {}, { exclude: ['t1'] }, 'already offered this job'],
  ])('%s', (_name, profile, needs, reason) => {
    const { candidates, rejected } = rankTechnicians(need(needs), [tech('t1', profile)]);
    if (reason === null) {
      expect(rejected).toEqual([]);
      expect(candidates.map((c) => c.technicianId)).toEqual(['t1']);
    } else {
      expect(candidates).toEqual([]);
      expect(rejected).toEqual([{ technicianId: 't1', reason }]);
    }
  });
});

describe('rankTechnicians: order', () => {
  const order = (techs: TechnicianProfile[], o: Partial<AssignmentNeed> = {}) => rankTechnicians(need(o), techs).candidates.map((c) => c.technicianId);

  it.each<[string, TechnicianProfile[], Partial<AssignmentNeed>, string[]]>([
    ['higher total level on the required skills first', [tech('a', { skills: { boiler: 2, gas: 3 } }), tech('b', { skills: { boiler: 4, gas: 2 } })], { requiredSkills: { boiler: 2, gas: 2 } }, ['b', 'a']],
    ['levels on skills the job does not need do not count', [tech('a', { skills: { boiler: 3, solar: 5 } }), tech('b', { skills: { boiler: 4 } })], {}, ['b', 'a']],
    ['same level: lower load ratio first', [tech('a', { openAssignments: 2, capacity: 4 }), tech('b', { openAssignments: 2, capacity: 8 })], {}, ['b', 'a']],
    ['skill beats load', [tech('a', { skills: { boiler: 5 }, openAssignments: 3 }), tech('b', { skills: { boiler: 4 }, openAssignments: 0 })], {}, ['a', 'b']],
    [
      'same level and load: round robin, longest ago first, never-assigned before all',
      [tech('recent', { lastAssignedAt: utc('2026-11-16T08:30:00Z') }), tech('never'), tech('old', { lastAssignedAt: utc('2026-11-13T09:00:00Z') })],
      {},
      ['never', 'old', 'recent'],
    ],
    ['no required skills: all equal on skills, load decides', [tech('a', { skills: { boiler: 5 }, openAssignments: 1 }), tech('b', { skills: {}, openAssignments: 0 })], { requiredSkills: {} }, ['b', 'a']],
    ['a full tie: by id, whatever the input order', [tech('c'), tech('a'), tech('b')], {}, ['a', 'b', 'c']],
  ])('%s', (_name, techs, o, expected) => expect(order(techs, o)).toEqual(expected));

  it('explains the sort key', () => {
    const [c] = rankTechnicians(need({ requiredSkills: { boiler: 2, gas: 1 } }), [tech('a', { openAssignments: 1, lastAssignedAt: utc('2026-11-16T07:00:00Z') })]).candidates;
    expect(c).toEqual({ technicianId: 'a', name: 'Tech a', score: [5, 0.75, 120], reasons: ['skills boiler 3 (needs 2), gas 2 (needs 1)', 'load 1/4', 'last assigned 120 min ago'] });
  });

  it('keeps the rejected apart, each with its reason', () => {
    const r = rankTechnicians(need(), [tech('ok'), tech('off', { active: false }), tech('full', { openAssignments: 9 })]);
    expect(r.candidates.map((c) => c.technicianId)).toEqual(['ok']);
    expect(r.rejected).toEqual([
      { technicianId: 'off', reason: 'inactive' },
      { technicianId: 'full', reason: 'at capacity (9/4 open)' },
    ]);
  });
});

describe('isAvailable', () => {
  const bucharest = tech('ro', { timeZone: 'Europe/Bucharest' });
  const away = tech('away', { absences: [{ from: utc('2026-11-16T07:00:00Z'), to: utc('2026-11-16T11:00:00Z') }] });
  it.each<[string, TechnicianProfile, Date | { from: Date; to: Date }, boolean]>([
    ['inside working hours (10:00 Madrid)', tech('m'), NOW, true],
    ['at the end of the shift (16:00 is off)', tech('m'), utc('2026-11-16T15:00:00Z'), false],
    ['working hours are in their own zone (11:00 in Bucharest)', bucharest, NOW, true],
    ['15:30 in Madrid is 16:30 in Bucharest: off', bucharest, utc('2026-11-16T14:30:00Z'), false],
    ['07:30 CET before the spring switch: not yet', tech('m'), utc('2026-03-27T06:30:00Z'), false],
    ['the same UTC hour after the switch is 08:30 CEST: working', tech('m'), utc('2026-03-30T06:30:00Z'), true],
    ['absent', away, utc('2026-11-16T10:00:00Z'), false],
    ['back from the absence', away, utc('2026-11-16T11:00:00Z'), true],
    ['a window partly covered by the absence', away, { from: utc('2026-11-16T09:00:00Z'), to: utc('2026-11-16T12:00:00Z') }, true],
    ['a window wholly covered by the absence', away, { from: utc('2026-11-16T07:30:00Z'), to: utc('2026-11-16T10:30:00Z') }, false],
    ['a window over the weekend', tech('m'), { from: utc('2026-11-21T06:00:00Z'), to: utc('2026-11-22T20:00:00Z') }, false],
    ['a window from Friday night into Monday morning', tech('m'), { from: utc('2026-11-20T18:00:00Z'), to: utc('2026-11-23T07:30:00Z') }, true],
    ['an empty window', tech('m'), { from: NOW, to: NOW }, false],
  ])('%s -> %s', (_name, t, at, expected) => expect(isAvailable(t, at)).toBe(expected));
});

describe('offers', () => {
  it('nextOffer goes down the ranking, then gives up', () => {
    const ranked = rankTechnicians(need(), [tech('a', { skills: { boiler: 5 } }), tech('b', { skills: { boiler: 4 } }), tech('c')]).candidates;
    expect(nextOffer(ranked, [])?.technicianId).toBe('a');
    expect(nextOffer(ranked, ['a'])?.technicianId).toBe('b');
    expect(nextOffer(ranked, ['a', 'b'])?.technicianId).toBe('c');
    expect(nextOffer(ranked, ['a', 'b', 'c'])).toBeNull();
    expect(nextOffer([], [])).toBeNull();
  });

  const events: OfferEvent[] = ['confirm', 'decline', 'expire', 'withdraw'];
  const outcome = { confirm: 'confirmed', decline: 'declined', expire: 'expired', withdraw: 'withdrawn' } as const;
  it.each(OFFER_STATUSES.flatMap((from) => events.map((event) => [from, event] as const)))('%s + %s', (from, event) => {
    if (from === 'offered') expect(offerTransition(from, event)).toBe(outcome[event]);
    else {
      expect(() => offerTransition(from, event)).toThrow(OfferTransitionError);
      expect(() => offerTransition(from, event)).toThrow(`An offer that is "${from}" cannot be told to ${event}`);
    }
  });

  it('names an unknown event', () => {
    expect(() => offerTransition('offered', 'snooze' as OfferEvent)).toThrow('"snooze" is not an offer event');
  });

  const office: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] }, holidays: [] };
  it.each<[string, Date, number, BusinessCalendar | undefined, string]>([
    ['wall-clock minutes without a calendar', utc('2026-11-16T16:55:00Z'), 30, undefined, '2026-11-16T17:25:00.000Z'],
    ['business minutes with one: 17:55 + 30 -> 09:25 next day', utc('2026-11-16T16:55:00Z'), 30, office, '2026-11-17T08:25:00.000Z'],
    ['inside hours it is plain minutes', utc('2026-11-16T09:00:00Z'), 30, office, '2026-11-16T09:30:00.000Z'],
  ])('offerExpiresAt: %s', (_name, at, minutes, cal, iso) => expect(offerExpiresAt(at, minutes, cal).toISOString()).toBe(iso));
});

describe('availabilityOf: now, why not, and when it changes', () => {
  // Madrid 08:00-16:00 on weekdays = 07:00-15:00 UTC in November (CET).
  it.each<[string, Partial<TechnicianProfile>, Date, boolean, string | null, string | null]>([
    ['working: until the shift ends', {}, NOW, true, null, '2026-11-16T15:00:00.000Z'],
    ['after hours: back next morning', {}, utc('2026-11-16T18:00:00Z'), false, 'off-hours', '2026-11-17T07:00:00.000Z'],
    ['Friday evening: back on Monday', {}, utc('2026-11-20T18:00:00Z'), false, 'off-hours', '2026-11-23T07:00:00.000Z'],
    ['absent until Wednesday noon: back then, inside hours', { absences: [{ from: utc('2026-11-15T00:00:00Z'), to: utc('2026-11-18T11:00:00Z') }] }, NOW, false, 'absent', '2026-11-18T11:00:00.000Z'],
    ['an absence starting later today ends availability then', { absences: [{ from: utc('2026-11-16T12:00:00Z'), to: utc('2026-11-17T23:00:00Z') }] }, NOW, true, null, '2026-11-16T12:00:00.000Z'],
    ['no working hours at all: never within the horizon', { workingHours: {} }, NOW, false, 'off-hours', null],
  ])('%s', (_name, o, now, available, because, changes) => {
    const a = availabilityOf(tech('t', o), now);
    expect(a).toMatchObject({ availableNow: available, unavailableBecause: because });
    expect(a.changesAt?.toISOString() ?? null).toBe(changes);
  });
});
