/** The SLA clock (domain/sla): business minutes over weekends, holidays, split days and DST; clock states and exactly-once transitions. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  calendarProblems,
  dueTransitions,
  isBusinessTime,
  localTime,
  nextCheckAt,
  slaClocks,
  zonedToUtc,
  type BusinessCalendar,
  type SlaClock,
  type SlaPolicy,
} from '../../src/domain/sla/index.js';

const weekdays = (intervals: [string, string][]) => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });
const madrid: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: weekdays([['09:00', '18:00']]), holidays: ['2026-12-08', '2026-12-25'] };
const split: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: weekdays([['09:00', '13:00'], ['15:00', '19:00']]), holidays: [] };
const allDay: [string, string][] = [['00:00', '24:00']];
const madrid24: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: { ...weekdays(allDay), sat: allDay, sun: allDay }, holidays: [] };
const sundayNight: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: { sun: [['01:00', '04:00']] }, holidays: [] };
const newYork: BusinessCalendar = { timeZone: 'America/New_York', hours: { ...weekdays([['08:00', '12:00'], ['13:00', '17:00']]), sat: [['10:00', '14:00']] }, holidays: ['2026-07-03', '2026-11-26'] };

const utc = (iso: string) => new Date(iso);
/** Madrid wall time -> instant (the tests state expectations in local time, as a person would). */
const mad = (date: string, time: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(zonedToUtc({ year: y, month: m, day: d }, hh * 60 + mm, 'Europe/Madrid'));
};

describe('time zone conversion', () => {
  it.each([
    ['a winter day (CET, +1)', '2026-01-15', 9 * 60, '2026-01-15T08:00:00.000Z'],
    ['a summer day (CEST, +2)', '2026-07-15', 9 * 60, '2026-07-15T07:00:00.000Z'],
    ['before the spring jump', '2026-03-29', 90, '2026-03-29T00:30:00.000Z'],
    ['inside the skipped hour -> the jump itself', '2026-03-29', 150, '2026-03-29T01:00:00.000Z'],
    ['after the spring jump', '2026-03-29', 3 * 60, '2026-03-29T01:00:00.000Z'],
    ['the repeated hour -> its first occurrence', '2026-10-25', 150, '2026-10-25T00:30:00.000Z'],
    ['after the autumn fall-back', '2026-10-25', 3 * 60 + 30, '2026-10-25T02:30:00.000Z'],
    ['24:00 is the next midnight', '2026-03-28', 1440, '2026-03-28T23:00:00.000Z'],
  ])('%s', (_name, date, minute, iso) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    expect(new Date(zonedToUtc({ year, month, day }, minute, 'Europe/Madrid')).toISOString()).toBe(iso);
  });

  it('reads local wall time and weekday', () => {
    expect(localTime(utc('2026-03-29T00:59:00Z'), 'Europe/Madrid')).toMatchObject({ year: 2026, month: 3, day: 29, weekday: 'sun', minuteOfDay: 119 });
    expect(localTime(utc('2026-03-29T01:00:00Z'), 'Europe/Madrid')).toMatchObject({ minuteOfDay: 180 });
    expect(localTime(utc('2026-12-31T23:30:00Z'), 'Europe/Madrid')).toMatchObject({ year: 2027, month: 1, day: 1, weekday: 'fri', minuteOfDay: 30 });
    expect(localTime(utc('2026-01-01T00:00:30Z'), 'UTC')).toMatchObject({ minuteOfDay: 0.5 });
  });
});

describe('addBusinessMinutes', () => {
  it.each<[string, BusinessCalendar | null, Date, number, Date]>([
    ['across a weekend: Friday 17:30 + 60 -> Monday 09:30', madrid, mad('2026-11-13', '17:30'), 60, mad('2026-11-16', '09:30')],
    ['ending exactly at closing stays on Friday', madrid, mad('2026-11-13', '17:30'), 30, mad('2026-11-13', '18:00')],
    ['across a holiday (Tue 8 Dec)', madrid, mad('2026-12-07', '17:00'), 120, mad('2026-12-09', '10:00')],
    ['a holiday on a Friday before a weekend (25 Dec)', madrid, mad('2026-12-24', '17:00'), 120, mad('2026-12-28', '10:00')],
    ['split day: the lunch break does not count', split, mad('2026-11-16', '12:30'), 60, mad('2026-11-16', '15:30')],
    ['split day: to the evening closing exactly', split, mad('2026-11-16', '11:00'), 360, mad('2026-11-16', '19:00')],
    ['split day: one more minute rolls to the next morning', split, mad('2026-11-16', '11:00'), 361, mad('2026-11-17', '09:01')],
    ['start outside hours, on a Saturday', madrid, mad('2026-11-14', '10:00'), 30, mad('2026-11-16', '09:30')],
    ['start before opening', madrid, mad('2026-11-16', '07:00'), 30, mad('2026-11-16', '09:30')],
    ['start in the lunch break', split, mad('2026-11-16', '13:30'), 10, mad('2026-11-16', '15:10')],
    ['0 minutes is the start, even outside hours', madrid, mad('2026-11-14', '10:00'), 0, mad('2026-11-14', '10:00')],
    ['DST spring weekend: Friday CET -> Monday CEST', madrid, mad('2026-03-27', '17:30'), 60, utc('2026-03-30T07:30:00Z')],
    ['DST autumn weekend: Friday CEST -> Monday CET', madrid, mad('2026-10-23', '17:30'), 60, utc('2026-10-26T08:30:00Z')],
    ['24x7 over the spring jump counts real minutes', madrid24, utc('2026-03-28T23:30:00Z'), 120, utc('2026-03-29T01:30:00Z')],
    ['hours spanning the skipped hour (01:00-04:00 is 2 h)', sundayNight, mad('2026-03-29', '01:00'), 150, mad('2026-04-05', '01:30')],
    ['hours spanning the repeated hour (01:00-04:00 is 4 h)', sundayNight, mad('2026-10-25', '01:00'), 230, utc('2026-10-25T02:50:00Z')],
    ['null calendar: 24x7', null, utc('2026-11-14T10:00:00Z'), 90, utc('2026-11-14T11:30:00Z')],
    ['New York, over its own DST switch (Sat EST -> Mon EDT)', newYork, utc('2026-03-07T18:30:00Z'), 60, utc('2026-03-09T12:30:00Z')],
  ])('%s', (_name, cal, start, minutes, expected) => {
    expect(addBusinessMinutes(start, minutes, cal).toISOString()).toBe(expected.toISOString());
  });

  it('refuses negative or non-finite minutes', () => {
    expect(() => addBusinessMinutes(mad('2026-11-16', '09:00'), -1, madrid)).toThrow(RangeError);
    expect(() => addBusinessMinutes(mad('2026-11-16', '09:00'), Number.NaN, madrid)).toThrow(RangeError);
  });

  it('refuses a calendar with no working hours instead of looping forever', () => {
    expect(() => addBusinessMinutes(mad('2026-11-16', '09:00'), 10, { timeZone: 'Europe/Madrid', hours: {}, holidays: [] })).toThrow(/no working hours/);
    expect(businessMinutesBetween(mad('2026-11-16', '09:00'), mad('2026-11-20', '09:00'), { timeZone: 'Europe/Madrid', hours: {}, holidays: [] })).toBe(0);
  });

  describe('efficiency', () => {
    afterEach(() => vi.restoreAllMocks());
    it('walks days, not minutes: 30 days of minutes (80 business days) in a few hundred zone look-ups', () => {
      const lookups = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
      const due = addBusinessMinutes(mad('2026-01-05', '09:00'), 30 * 24 * 60, madrid);
      expect(due.toISOString()).toBe(mad('2026-04-24', '18:00').toISOString()); // 43 200 / 540 = 80 working days = 16 weeks
      expect(lookups.mock.calls.length).toBeGreaterThan(0);
      expect(lookups.mock.calls.length).toBeLessThan(2_000);
    });
  });
});

describe('businessMinutesBetween', () => {
  it.each<[string, BusinessCalendar | null, Date, Date, number]>([
    ['Friday 17:30 to Monday 09:30', madrid, mad('2026-11-13', '17:30'), mad('2026-11-16', '09:30'), 60],
    ['a whole week with a holiday', madrid, mad('2026-12-07', '00:00'), mad('2026-12-14', '00:00'), 4 * 540],
    ['split day, whole day', split, mad('2026-11-16', '00:00'), mad('2026-11-17', '00:00'), 480],
    ['backwards is negative', madrid, mad('2026-11-16', '10:00'), mad('2026-11-16', '09:00'), -60],
    ['24x7 calendar over the spring weekend: 47 h', madrid24, mad('2026-03-28', '00:00'), mad('2026-03-30', '00:00'), 47 * 60],
    ['24x7 calendar over the autumn weekend: 49 h', madrid24, mad('2026-10-24', '00:00'), mad('2026-10-26', '00:00'), 49 * 60],
    ['01:00-04:00 on the spring Sunday is 2 h', sundayNight, mad('2026-03-29', '00:00'), mad('2026-03-30', '00:00'), 120],
    ['01:00-04:00 on the autumn Sunday is 4 h', sundayNight, mad('2026-10-25', '00:00'), mad('2026-10-26', '00:00'), 240],
    ['null calendar: wall-clock minutes', null, utc('2026-03-28T23:00:00Z'), utc('2026-03-29T03:00:00Z'), 240],
    ['fractions of a minute are kept', madrid, utc('2026-11-16T08:00:00Z'), utc('2026-11-16T08:00:30Z'), 0.5],
  ])('%s', (_name, cal, a, b, expected) => expect(businessMinutesBetween(a, b, cal)).toBe(expected));

  // A small deterministic PRNG: the same "random" starts on every run, so a failure can be replayed.
  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  it.each([
    ['Madrid 09-18 with holidays', madrid],
    ['Madrid split day', split],
    ['Madrid 24x7 (DST days of 23 and 25 h)', madrid24],
    ['Madrid Sunday nights only, over the switch hours', sundayNight],
    ['New York split with Saturdays', newYork],
  ])('is the inverse of addBusinessMinutes (%s), 300 seeded starts', (_name, cal) => {
    const random = mulberry32(20261025);
    const from = Date.UTC(2026, 0, 1);
    const span = Date.UTC(2027, 0, 1) - from;
    for (let i = 0; i < 300; i++) {
      const start = new Date(from + Math.floor(random() * (span / 60_000)) * 60_000);
      const minutes = Math.floor(random() * 3_000);
      const more = 1 + Math.floor(random() * 600);
      const due = addBusinessMinutes(start, minutes, cal);
      const label = `${start.toISOString()} + ${minutes}`;
      expect(due.getTime(), label).toBeGreaterThanOrEqual(start.getTime());
      expect(businessMinutesBetween(start, due, cal), label).toBe(minutes);
      // Adding in two steps lands where adding at once does.
      expect(addBusinessMinutes(due, more, cal).toISOString(), label).toBe(addBusinessMinutes(start, minutes + more, cal).toISOString());
      // A positive total ends inside business time or exactly at a closing.
      if (minutes > 0) expect(isBusinessTime(new Date(due.getTime() - 1), cal), label).toBe(true);
    }
  });
});

describe('isBusinessTime', () => {
  it.each<[string, BusinessCalendar, Date, boolean]>([
    ['at opening', madrid, mad('2026-11-16', '09:00'), true],
    ['a minute before opening', madrid, mad('2026-11-16', '08:59'), false],
    ['at closing (intervals are half-open)', madrid, mad('2026-11-16', '18:00'), false],
    ['Saturday', madrid, mad('2026-11-14', '12:00'), false],
    ['a holiday at noon', madrid, mad('2026-12-08', '12:00'), false],
    ['lunch break', split, mad('2026-11-16', '14:00'), false],
    ['afternoon block', split, mad('2026-11-16', '18:59'), true],
    ['summer time, 09:30 local', madrid, utc('2026-07-15T07:30:00Z'), true],
    ['summer time, 08:30 local (07:30 would be open in winter)', madrid, utc('2026-07-15T06:30:00Z'), false],
  ])('%s -> %s', (_name, cal, at, expected) => expect(isBusinessTime(at, cal)).toBe(expected));
});

describe('calendarProblems', () => {
  it('accepts a good calendar', () => expect(calendarProblems(split)).toEqual([]));
  it('names what is wrong', () => {
    const problems = calendarProblems({ timeZone: 'Mars/Olympus', hours: { mon: [['9:00', '18:00']], funday: [], tue: [['18:00', '09:00']] }, holidays: ['2026-02-30'], colour: 'red' });
    const text = problems.map((p) => `${p.path}: ${p.message}`).join('\n');
    expect(text).toMatch(/calendar\.colour: unknown field "colour"/);
    expect(text).toMatch(/calendar\.timeZone: "Mars\/Olympus" is not a known IANA time zone/);
    expect(text).toMatch(/calendar\.hours\.mon\[0\]\[0\]: "9:00" is not a time in HH:MM/);
    expect(text).toMatch(/calendar\.hours\.funday: "funday" is not a weekday/);
    expect(text).toMatch(/calendar\.hours\.tue\[0\]: ends \(09:00\) before it starts \(18:00\)/);
    expect(text).toMatch(/calendar\.holidays\[0\]: "2026-02-30" is not a date/);
  });
});

describe('SLA clocks', () => {
  const policy: SlaPolicy = { id: 'p1', name: 'Standard', firstResponseMinutes: 60, resolutionMinutes: 480, warnAtPercent: 80, calendar: madrid };
  const created = mad('2026-11-16', '09:00'); // a Monday
  const incident = (o: Partial<Parameters<typeof slaClocks>[1]> = {}) => ({ createdAt: created, firstResponseAt: null, resolvedAt: null, pausedMinutes: 0, ...o });
  const byTarget = (clocks: SlaClock[], target: SlaClock['target']) => clocks.find((c) => c.target === target)!;

  it('computes due and warning instants in business time', () => {
    const [fr, res] = slaClocks(policy, incident(), mad('2026-11-16', '09:10'));
    expect(fr).toMatchObject({ target: 'first-response', state: 'running', remainingMinutes: 50, warned: false });
    expect(fr!.dueAt.toISOString()).toBe(mad('2026-11-16', '10:00').toISOString());
    expect(fr!.warnAt.toISOString()).toBe(mad('2026-11-16', '09:48').toISOString());
    expect(res!.dueAt.toISOString()).toBe(mad('2026-11-16', '17:00').toISOString());
    expect(res!.warnAt.toISOString()).toBe(mad('2026-11-16', '15:24').toISOString());
  });

  it.each<[string, Partial<Parameters<typeof slaClocks>[1]>, Date, SlaClock['state'], number]>([
    ['running', {}, mad('2026-11-16', '09:30'), 'running', 30],
    ['warning from 80 %', {}, mad('2026-11-16', '09:48'), 'warning', 12],
    ['due instant itself is not yet a breach', {}, mad('2026-11-16', '10:00'), 'warning', 0],
    ['breached, remaining negative', {}, mad('2026-11-16', '10:30'), 'breached', -30],
    ['breached, checked on Saturday: counts business minutes only', {}, mad('2026-11-21', '12:00'), 'breached', -(4 * 540 + 480)],
    ['met: answered in time, remaining frozen at the answer', { firstResponseAt: mad('2026-11-16', '09:40') }, mad('2026-11-18', '12:00'), 'met', 20],
    ['answered late: breached for good', { firstResponseAt: mad('2026-11-16', '10:20') }, mad('2026-11-18', '12:00'), 'breached', -20],
    ['not paused by pending (first response is never paused)', { pausedMinutes: 120, pausedSince: mad('2026-11-16', '09:05') }, mad('2026-11-16', '09:30'), 'running', 30],
  ])('first response: %s', (_name, o, now, state, remaining) => {
    expect(byTarget(slaClocks(policy, incident(o), now), 'first-response')).toMatchObject({ state, remainingMinutes: remaining });
  });

  it.each<[string, Partial<Parameters<typeof slaClocks>[1]>, Date, SlaClock['state'], number, Date]>([
    ['running', {}, mad('2026-11-16', '12:00'), 'running', 300, mad('2026-11-16', '17:00')],
    ['ended pauses move the due date (2 h pending -> Tue 10:00)', { pausedMinutes: 120 }, mad('2026-11-16', '16:30'), 'running', 150, mad('2026-11-17', '10:00')],
    ['pending now: paused, remaining frozen, due date moves on', { pausedSince: mad('2026-11-16', '11:00') }, mad('2026-11-16', '14:00'), 'paused', 360, mad('2026-11-17', '11:00')],
    ['pending over the night: only business minutes move the due date', { pausedSince: mad('2026-11-16', '11:00') }, mad('2026-11-17', '08:00'), 'paused', 360, mad('2026-11-17', '15:00')],
    ['resolved in time', { resolvedAt: mad('2026-11-16', '16:00') }, mad('2026-11-20', '12:00'), 'met', 60, mad('2026-11-16', '17:00')],
    ['resolved late', { resolvedAt: mad('2026-11-17', '10:00') }, mad('2026-11-20', '12:00'), 'breached', -120, mad('2026-11-16', '17:00')],
    ['breached before the pause stays breached', { pausedSince: mad('2026-11-16', '17:30') }, mad('2026-11-16', '17:45'), 'breached', -30, mad('2026-11-16', '17:15')],
  ])('resolution: %s', (_name, o, now, state, remaining, due) => {
    const c = byTarget(slaClocks(policy, incident(o), now), 'resolution');
    expect(c).toMatchObject({ state, remainingMinutes: remaining });
    expect(c.dueAt.toISOString()).toBe(due.toISOString());
  });

  it('has a clock only for the targets the policy sets, and counts 24x7 without a calendar', () => {
    const clocks = slaClocks({ ...policy, firstResponseMinutes: null, calendar: null }, incident({ createdAt: mad('2026-11-14', '10:00') }), mad('2026-11-14', '12:00'));
    expect(clocks.map((c) => c.target)).toEqual(['resolution']);
    expect(clocks[0]!.dueAt.toISOString()).toBe(mad('2026-11-14', '18:00').toISOString());
    expect(clocks[0]!.remainingMinutes).toBe(360);
  });

  describe('dueTransitions', () => {
    it('reports each warning and breach once over a polling day', () => {
      const seen: string[] = [];
      let previous: SlaClock[] = [];
      for (let minute = 0; minute <= 9 * 60; minute += 7) {
        const now = new Date(created.getTime() + minute * 60_000);
        const next = slaClocks(policy, incident(), now);
        for (const t of dueTransitions(previous, next)) seen.push(`${t.target}:${t.state}`);
        previous = next;
      }
      expect(seen).toEqual(['first-response:warning', 'first-response:breached', 'resolution:warning', 'resolution:breached']);
    });

    it.each<[string, Date, Date, string[]]>([
      ['nothing yet', mad('2026-11-16', '09:10'), mad('2026-11-16', '09:20'), []],
      ['the warning begins', mad('2026-11-16', '09:40'), mad('2026-11-16', '09:50'), ['first-response:warning']],
      ['still in warning: nothing new', mad('2026-11-16', '09:50'), mad('2026-11-16', '09:55'), []],
      ['straight from running to breached: only the breach', mad('2026-11-16', '09:10'), mad('2026-11-16', '10:10'), ['first-response:breached']],
      ['still breached: nothing new', mad('2026-11-16', '10:10'), mad('2026-11-16', '11:00'), []],
    ])('%s', (_name, before, after, expected) => {
      const got = dueTransitions(slaClocks(policy, incident(), before), slaClocks(policy, incident(), after)).map((t) => `${t.target}:${t.state}`);
      expect(got).toEqual(expected);
    });

    it('a first reading (no previous clocks) reports what is already due', () => {
      expect(dueTransitions([], slaClocks(policy, incident(), mad('2026-11-16', '16:00')))).toEqual([
        { target: 'first-response', state: 'breached' },
        { target: 'resolution', state: 'warning' },
      ]);
    });

    it('does not warn again when a clock paused during its warning resumes', () => {
      const warned = slaClocks(policy, incident(), mad('2026-11-16', '16:00'));
      const paused = slaClocks(policy, incident({ pausedSince: mad('2026-11-16', '16:00') }), mad('2026-11-16', '16:30'));
      const resumed = slaClocks(policy, incident({ pausedMinutes: 60 }), mad('2026-11-16', '17:05'));
      expect(byTarget(paused, 'resolution')).toMatchObject({ state: 'paused', warned: true });
      expect(byTarget(resumed, 'resolution').state).toBe('warning');
      expect(dueTransitions(warned, paused).filter((t) => t.target === 'resolution')).toEqual([]);
      expect(dueTransitions(paused, resumed).filter((t) => t.target === 'resolution')).toEqual([]);
    });

    it('answering before the due time ends the clock without a breach', () => {
      const before = slaClocks(policy, incident(), mad('2026-11-16', '09:55'));
      const after = slaClocks(policy, incident({ firstResponseAt: mad('2026-11-16', '09:58') }), mad('2026-11-16', '10:30'));
      expect(byTarget(after, 'first-response').state).toBe('met');
      expect(dueTransitions(before, after)).toEqual([]);
    });
  });

  describe('nextCheckAt: when the sweep looks again', () => {
    const at = (o: Partial<Parameters<typeof slaClocks>[1]>, now: Date, status = 'open') => nextCheckAt(status, slaClocks(policy, incident(o), now), now)?.toISOString() ?? null;
    it.each<[string, Partial<Parameters<typeof slaClocks>[1]>, Date, string, Date | null]>([
      ['the first warning point ahead', {}, mad('2026-11-16', '09:10'), 'open', mad('2026-11-16', '09:48')],
      ['warned: the due time', {}, mad('2026-11-16', '09:50'), 'open', mad('2026-11-16', '10:00')],
      ['first response breached: the resolution warning, capped at an hour ahead', {}, mad('2026-11-16', '10:30'), 'open', mad('2026-11-16', '11:30')],
      ['answered: the resolution warning once it is within the hour', { firstResponseAt: mad('2026-11-16', '09:20') }, mad('2026-11-16', '15:00'), 'open', mad('2026-11-16', '15:24')],
      ['waiting for the customer: the hourly look only', { firstResponseAt: mad('2026-11-16', '09:20'), pausedSince: mad('2026-11-16', '15:00') }, mad('2026-11-16', '15:10'), 'pending', mad('2026-11-16', '16:10')],
      ['resolved: nothing until it changes', { firstResponseAt: mad('2026-11-16', '09:20'), resolvedAt: mad('2026-11-16', '12:00') }, mad('2026-11-16', '12:00'), 'resolved', null],
    ])('%s', (_name, o, now, status, expected) => {
      expect(at(o, now, status)).toBe(expected?.toISOString() ?? null);
    });
  });
});
