/**
 * The workload screen: its pure helpers (load, offers and their time left, working hours as text, the
 * profile draft the server's own validator accepts), the store kept live by socket events (one fetch for a
 * burst, another when a change arrives during a fetch, a fetch when availability changes by the clock),
 * a technician's card, and the profile editor putting the server's field errors at their inputs. Only the
 * HTTP functions (src/api/workload.ts) and socket.io-client are replaced.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { IncidentSummaryDto, TechnicianProfileDto, WorkloadDto, WorkloadIncidentDto } from '@contracts';
import { weeklyHoursProblems } from '../../server/src/domain/sla/calendar';
import { ApiRequestError } from '../src/api/client';
import * as api from '../src/api/workload';
import { connectInbox, disconnectInbox } from '../src/api/socket';
import HoursEditor from '../src/components/workload/HoursEditor.vue';
import ProfileEditor from '../src/components/workload/ProfileEditor.vue';
import ServiceTypesEditor from '../src/components/workload/ServiceTypesEditor.vue';
import TechnicianCard from '../src/components/workload/TechnicianCard.vue';
import TopBar from '../src/components/TopBar.vue';
import {
  concernsWorkload,
  copyMondayToWeekdays,
  draftOfProfile,
  formatDuration,
  formatWhen,
  fromLocalInput,
  loadShare,
  loadTone,
  matchesFilter,
  nextAvailabilityChange,
  normalizeFieldPaths,
  sameSkills,
  skillsOf,
  splitIncidents,
  summarizeHours,
  toLocalInput,
  tomorrowAllDay,
  toProfileInput,
  weekdayName,
} from '../src/lib/workload';
import { REFRESH_DELAY_MS, workload } from '../src/stores/workload';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { fake } from './fake-socket';

vi.mock('socket.io-client', () => import('./fake-socket'));
vi.mock('../src/api/workload', () => ({
  getWorkload: vi.fn(),
  getProfile: vi.fn(),
  saveProfile: vi.fn(),
  getAbsences: vi.fn(),
  addAbsence: vi.fn(),
  removeAbsence: vi.fn(),
  getServiceTypes: vi.fn(),
  saveServiceType: vi.fn(),
  deleteServiceType: vi.fn(),
}));
const http = vi.mocked(api);

const makeI18n = (locale = 'en') => createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
const NOW = Date.parse('2030-03-04T10:00:00Z'); // a Monday

function incident(o: Partial<WorkloadIncidentDto> = {}): WorkloadIncidentDto {
  return { id: 'i1', reference: 'SB-1001', subject: 'Caldera sin presión', status: 'open', priority: 'normal', assignmentStatus: 'pending', offer: null, ...o };
}
function tech(o: Partial<WorkloadDto> = {}): WorkloadDto {
  return {
    technician: { id: 't1', name: 'Marta Gil' },
    departmentIds: ['d1'],
    skills: { gas: 4 },
    zones: ['norte'],
    capacity: 3,
    open: 0,
    offered: 0,
    confirmed: 0,
    availableNow: true,
    unavailableBecause: null,
    availabilityChangesAt: null,
    workingHours: { mon: [['08:00', '18:00']] },
    timeZone: 'Europe/Madrid',
    absence: null,
    incidents: [],
    ...o,
  };
}
const profile = (o: Partial<TechnicianProfileDto> = {}): TechnicianProfileDto => ({ skills: { gas: 4 }, zones: ['norte'], capacity: 3, workingHours: { mon: [['08:00', '18:00']] }, timeZone: 'Europe/Madrid', ...o });

describe('load and offers', () => {
  it('measures load against capacity: free, busy from 70 %, full at capacity (none at all is full)', () => {
    expect([loadShare(1, 4), loadShare(5, 3), loadShare(0, 0)]).toEqual([0.25, 1, 1]);
    expect([loadTone(1, 4), loadTone(3, 4), loadTone(4, 4), loadTone(6, 4), loadTone(0, 0)]).toEqual(['free', 'busy', 'full', 'full', 'full']);
  });

  it('puts the offers apart, the soonest deadline first and those assigned by hand last', () => {
    const late = incident({ id: 'a', offer: { offeredAt: '2030-03-04T09:50:00Z', expiresAt: '2030-03-04T10:20:00Z' } });
    const soon = incident({ id: 'b', offer: { offeredAt: '2030-03-04T09:40:00Z', expiresAt: '2030-03-04T10:05:00Z' } });
    const byHand = incident({ id: 'c' });
    const held = incident({ id: 'd', assignmentStatus: 'confirmed' });
    const legacy = incident({ id: 'e', assignmentStatus: null });
    const { offers, assigned } = splitIncidents([byHand, late, held, soon, legacy]);
    expect(offers.map((i) => i.id)).toEqual(['b', 'a', 'c']);
    expect(assigned.map((i) => i.id)).toEqual(['d', 'e']);
  });

  it('says the time left, rounded up to the minute, in each language', () => {
    expect(formatDuration(25 * 60_000 - 500, 'en')).toBe('25 min');
    expect(formatDuration(65 * 60_000, 'en')).toBe('1 hr 5 min');
    expect(formatDuration(120 * 60_000, 'es')).toBe('2 h');
    expect(formatDuration(3 * 86_400_000, 'en')).toBe('3 days');
    expect(formatDuration(12 * 60_000, 'ro')).toBe('12 min.');
    expect(formatDuration(20_000 - 60_000, 'en')).toBeNull();
    expect(formatDuration(0, 'en')).toBeNull();
  });
});

describe('hours and times as text', () => {
  it('joins consecutive days with the same hours', () => {
    const split: [string, string][] = [
      ['08:00', '13:00'],
      ['15:00', '18:00'],
    ];
    expect(summarizeHours({ mon: split, tue: split, wed: split, thu: split, fri: [['08:00', '15:00']], sat: [['09:00', '13:00']] }, 'en')).toEqual([
      'Mon–Thu 08:00–13:00, 15:00–18:00',
      'Fri 08:00–15:00',
      'Sat 09:00–13:00',
    ]);
    expect(summarizeHours({ mon: [['00:00', '24:00']], wed: [['00:00', '24:00']] }, 'es')).toEqual(['lun 00:00–24:00', 'mié 00:00–24:00']);
    expect(summarizeHours({}, 'en')).toEqual([]);
    expect(weekdayName('sun', 'ro')).toBe('duminică');
  });

  it('says when as shortly as reads clearly: the time today, the weekday this week, the date later', () => {
    const local = (day: number, hour: number) => new Date(2030, 2, day, hour, 0).getTime();
    const now = local(4, 10);
    expect(formatWhen(new Date(local(4, 18)).toISOString(), 'en', now)).toMatch(/^06:00\sPM$/);
    expect(formatWhen(new Date(local(6, 8)).toISOString(), 'es', now)).toMatch(/^mié,? 08:00$/);
    expect(formatWhen(new Date(local(20, 8)).toISOString(), 'en', now)).toMatch(/^Mar 20, 08:00\sAM$/);
  });

  it('reads and writes datetime-local values in the browser’s zone', () => {
    const ms = new Date(2030, 2, 4, 9, 5).getTime();
    expect(toLocalInput(ms)).toBe('2030-03-04T09:05');
    expect(fromLocalInput('2030-03-04T09:05')).toBe(new Date(ms).toISOString());
    expect(fromLocalInput('')).toBe('');
    const { from, to } = tomorrowAllDay(ms);
    expect([toLocalInput(from), toLocalInput(to)]).toEqual(['2030-03-05T00:00', '2030-03-06T00:00']);
  });
});

describe('the profile draft', () => {
  it('goes to the server as its own validator wants it, blank skills and zones left out', () => {
    const draft = draftOfProfile(profile({ workingHours: { mon: [['08:00', '13:00'], ['15:00', '18:00']], sat: [['09:00', '13:00']] } }));
    expect(draft.hours.sun).toEqual([]);
    draft.skills.push({ name: '  electricidad ', level: 2 }, { name: '   ', level: 5 });
    draft.zones.push('  ');
    draft.capacity = ' 4 ';
    draft.hours = copyMondayToWeekdays(draft.hours);
    draft.hours.mon[0]!.from = ' 07:30';
    const input = toProfileInput(draft);
    expect(input).toEqual({
      skills: { gas: 4, electricidad: 2 },
      zones: ['norte'],
      capacity: 4,
      workingHours: {
        mon: [['07:30', '13:00'], ['15:00', '18:00']],
        tue: [['08:00', '13:00'], ['15:00', '18:00']],
        wed: [['08:00', '13:00'], ['15:00', '18:00']],
        thu: [['08:00', '13:00'], ['15:00', '18:00']],
        fri: [['08:00', '13:00'], ['15:00', '18:00']],
        sat: [['09:00', '13:00']],
      },
      timeZone: 'Europe/Madrid',
    });
    expect(weeklyHoursProblems(input.workingHours, 'workingHours')).toEqual([]);
    // Copying Monday made copies: editing Tuesday leaves Monday alone.
    draft.hours.tue[0]!.to = '12:00';
    expect(draft.hours.mon[0]!.to).toBe('13:00');
  });

  it('sends a capacity that is not a number as typed, for the server to name', () => {
    const draft = draftOfProfile(profile());
    draft.capacity = 'many';
    expect(toProfileInput(draft).capacity).toBe('many');
    draft.capacity = 7; // a number input may hand over a number
    expect(toProfileInput(draft).capacity).toBe(7);
  });

  it('compares skills whatever their order, and writes the server’s list paths one way', () => {
    expect(sameSkills({ gas: 2, agua: 3 }, { agua: 3, gas: 2 })).toBe(true);
    expect(sameSkills({ gas: 2 }, { gas: 3 })).toBe(false);
    expect(sameSkills({ gas: 2 }, { gas: 2, agua: 1 })).toBe(false);
    expect(skillsOf([{ name: 'gas', level: 2 }, { name: 'gas', level: 4 }])).toEqual({ gas: 4 });
    expect(normalizeFieldPaths({ 'zones.2': 'too long', 'workingHours.mon[0][1]': 'bad', 'skills.gas': 'levels go from 1 to 5', 'skills.2x': 'x' })).toEqual({
      'zones[2]': 'too long',
      'workingHours.mon[0][1]': 'bad',
      'skills.gas': 'levels go from 1 to 5',
      'skills.2x': 'x',
    });
  });
});

describe('what concerns the screen', () => {
  const items = [tech({ incidents: [incident({ id: 'i9' })] }), tech({ technician: { id: 't2', name: 'Nico Román' }, skills: { electricidad: 3 }, zones: [], departmentIds: ['d2'] })];
  const change = (id: string, assignee: string | null) => ({ id, assignee: assignee ? { id: assignee, name: '' } : null }) as Pick<IncidentSummaryDto, 'id' | 'assignee'>;

  it('an incident on it, or now a technician’s; not someone else’s', () => {
    expect(concernsWorkload(items, change('i9', null))).toBe(true);
    expect(concernsWorkload(items, change('i5', 't2'))).toBe(true);
    expect(concernsWorkload(items, change('i5', 'u-agent'))).toBe(false);
    expect(concernsWorkload(items, change('i5', null))).toBe(false);
  });

  it('the next availability change still ahead', () => {
    const a = tech({ availabilityChangesAt: new Date(NOW + 60_000).toISOString() });
    const b = tech({ availabilityChangesAt: new Date(NOW + 30_000).toISOString() });
    const past = tech({ availabilityChangesAt: new Date(NOW - 1).toISOString() });
    expect(nextAvailabilityChange([a, b, past, tech()], NOW)).toBe(NOW + 30_000);
    expect(nextAvailabilityChange([past, tech()], NOW)).toBeNull();
  });

  it('filters by name, skill, zone and department, every word', () => {
    const dept = (id: string) => ({ d1: 'Calderas', d2: 'Ascensores' })[id] ?? null;
    expect(items.filter((w) => matchesFilter(w, 'gas norte', dept)).map((w) => w.technician.name)).toEqual(['Marta Gil']);
    expect(items.filter((w) => matchesFilter(w, 'ASCENSORES', dept)).map((w) => w.technician.name)).toEqual(['Nico Román']);
    expect(items.filter((w) => matchesFilter(w, 'gas sur', dept))).toEqual([]);
  });
});

describe('the store, live', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
    vi.clearAllMocks();
    http.getWorkload.mockResolvedValue([tech()]);
    connectInbox();
    fake.socket!.up();
    workload.watch();
  });
  afterEach(() => {
    workload.reset();
    disconnectInbox();
    vi.useRealTimers();
  });
  const fire = (event: string, payload: unknown) => fake.socket!.fire(event, payload);
  const settle = async (ms = REFRESH_DELAY_MS) => {
    await vi.advanceTimersByTimeAsync(ms);
    await flushPromises();
  };

  it('answers a burst of workload changes with one fetch, and shows what it got', async () => {
    fire('workload.changed', { reason: 'offered', technicianId: 't1' });
    fire('workload.changed', { reason: 'answered', technicianId: null });
    fire('workload.changed', { reason: 'offered', technicianId: 't2' });
    expect(http.getWorkload).not.toHaveBeenCalled();
    http.getWorkload.mockResolvedValue([tech({ open: 1, offered: 1, incidents: [incident()] })]);
    await settle();
    expect(http.getWorkload).toHaveBeenCalledTimes(1);
    expect(workload.find('t1')).toMatchObject({ offered: 1 });
  });

  it('fetches again when a change arrives while a fetch is on its way (its answer may predate it)', async () => {
    let answer!: (v: WorkloadDto[]) => void;
    http.getWorkload.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    fire('workload.changed', { reason: 'offered', technicianId: 't1' });
    await settle();
    expect(http.getWorkload).toHaveBeenCalledTimes(1);
    fire('workload.changed', { reason: 'answered', technicianId: 't1' });
    await settle();
    expect(http.getWorkload).toHaveBeenCalledTimes(1); // still waiting for the first answer
    http.getWorkload.mockResolvedValue([tech({ confirmed: 1 })]);
    answer([tech({ offered: 1 })]);
    await settle(0);
    expect(http.getWorkload).toHaveBeenCalledTimes(2);
    expect(workload.find('t1')).toMatchObject({ confirmed: 1 });
  });

  it('follows incident changes that concern a technician on it, and ignores the rest', async () => {
    await workload.load();
    http.getWorkload.mockClear();
    fire('incident.updated', { incident: { id: 'i-other', assignee: { id: 'u-agent', name: 'Ana' } }, changed: ['assignee'], by: null });
    await settle();
    expect(http.getWorkload).not.toHaveBeenCalled();
    fire('incident.updated', { incident: { id: 'i-new', assignee: { id: 't1', name: 'Marta Gil' } }, changed: ['assignee'], by: null });
    await settle();
    expect(http.getWorkload).toHaveBeenCalledTimes(1);
  });

  it('catches up after a reconnect, and when someone’s availability changes by the clock', async () => {
    http.getWorkload.mockResolvedValue([tech({ availableNow: false, unavailableBecause: 'off-hours', availabilityChangesAt: new Date(NOW + 10 * 60_000).toISOString() })]);
    await workload.load();
    http.getWorkload.mockClear();
    fake.socket!.down();
    fake.socket!.up();
    await settle();
    expect(http.getWorkload).toHaveBeenCalledTimes(1);
    http.getWorkload.mockResolvedValue([tech()]);
    await settle(10 * 60_000 - REFRESH_DELAY_MS);
    expect(http.getWorkload).toHaveBeenCalledTimes(1);
    await settle(2000);
    expect(http.getWorkload).toHaveBeenCalledTimes(2);
    expect(workload.find('t1')?.availableNow).toBe(true);
  });

  it('hears nothing once the screen is closed', async () => {
    workload.unwatch();
    fire('workload.changed', { reason: 'offered', technicianId: 't1' });
    await settle();
    expect(http.getWorkload).not.toHaveBeenCalled();
  });
});

describe('a technician’s card', () => {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }, { path: '/incidents/:id', component: { template: '<div />' } }] });
  const card = (item: WorkloadDto, locale = 'en', editable = false) =>
    mount(TechnicianCard, { props: { item, departmentName: (id: string) => (id === 'd1' ? 'Calderas' : null), editable, nowMs: NOW }, global: { plugins: [makeI18n(locale), router] } });

  it('shows the offers with the time left, what they hold, the load, and links each incident to the inbox', () => {
    const w = card(
      tech({
        open: 2,
        offered: 1,
        confirmed: 1,
        incidents: [
          incident({ offer: { offeredAt: new Date(NOW - 5 * 60_000).toISOString(), expiresAt: new Date(NOW + 20 * 60_000).toISOString() } }),
          incident({ id: 'i2', reference: 'SB-1002', subject: 'Revisión anual', assignmentStatus: 'confirmed', priority: 'urgent' }),
        ],
      }),
    );
    expect(w.get('[data-testid=workload-departments]').text()).toBe('Calderas');
    expect(w.get('[data-testid=workload-offer][data-reference=SB-1001] [data-testid=workload-offer-left]').text()).toBe('20 min left');
    expect(w.get('[data-testid=workload-offer] a').attributes('href')).toBe('/incidents/i1');
    const held = w.get('[data-testid=workload-assignment][data-reference=SB-1002]');
    expect(held.attributes('data-status')).toBe('confirmed');
    expect(held.text()).toContain('Revisión anual');
    expect(held.text()).toContain('Urgent');
    expect(w.get('[data-testid=workload-load]').attributes()).toMatchObject({ 'data-open': '2', 'data-capacity': '3', 'data-tone': 'free' });
    expect(w.get('.fill').attributes('style')).toContain('width: 67%');
    expect(w.find('[data-testid=workload-edit]').exists()).toBe(false);
  });

  it('says why someone is not available and until when, in Spanish', () => {
    const back = new Date(NOW + 3 * 3600_000).toISOString();
    const absent = card(tech({ availableNow: false, unavailableBecause: 'absent', availabilityChangesAt: back, absence: { id: 'a1', from: new Date(NOW - 3600_000).toISOString(), to: back, reason: 'Médico' } }), 'es', true);
    expect(absent.get('[data-testid=workload-availability]').attributes('data-state')).toBe('absent');
    expect(absent.get('[data-testid=workload-availability]').text()).toBe('Ausente');
    expect(absent.get('[data-testid=workload-absence]').text()).toMatch(/^Ausente hasta \d\d:\d\d · Médico$/);
    expect(absent.find('[data-testid=workload-edit]').exists()).toBe(true);

    const off = card(tech({ availableNow: false, unavailableBecause: 'off-hours', availabilityChangesAt: new Date(NOW + 22 * 3600_000).toISOString() }), 'es');
    expect(off.get('[data-testid=workload-availability]').text()).toMatch(/^Fuera de horario\s*vuelve mar,? \d\d:\d\d$/);
    expect(off.get('[data-testid=workload-nothing]').text()).toBe('Sin trabajo abierto.');
    expect(off.get('[data-testid=workload-hours]').text()).toContain('lun 08:00–18:00');
  });

  it('an offer past its time says it is moving on', () => {
    const w = card(tech({ open: 1, offered: 1, incidents: [incident({ offer: { offeredAt: new Date(NOW - 30 * 60_000).toISOString(), expiresAt: new Date(NOW - 1000).toISOString() } })] }));
    const left = w.get('[data-testid=workload-offer-left]');
    expect(left.text()).toBe('Time is up: going to the next one');
    expect(left.classes()).toContain('late');
  });
});

describe('the profile editor', () => {
  const badRequest = (fields: Record<string, string>) => new ApiRequestError({ statusCode: 400, error: 'Bad Request', message: 'Invalid input', fields });
  const mountEditor = async () => {
    const w = mount(ProfileEditor, { props: { technician: tech(), departments: [{ id: 'd1', name: 'Calderas' }] as never, skillSuggestions: ['gas', 'agua'] }, global: { plugins: [makeI18n()] }, attachTo: document.body });
    await flushPromises();
    return w;
  };
  beforeEach(() => {
    vi.clearAllMocks();
    http.getProfile.mockResolvedValue(profile());
    http.getAbsences.mockResolvedValue([]);
  });

  it('puts the server’s messages at the inputs they name, and sends what was edited', async () => {
    http.saveProfile.mockRejectedValueOnce(badRequest({ timeZone: 'must be an IANA time zone, e.g. Europe/Madrid', 'zones.0': 'Too big: expected string to have <=100 characters' }));
    const w = await mountEditor();
    await w.get('[data-testid=profile-time-zone]').setValue('Mars/Olympus');
    await w.get('[data-testid=profile-form]').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid=field-error][data-path=timeZone]').text()).toContain('IANA');
    expect(w.get('[data-testid=profile-time-zone]').attributes('aria-invalid')).toBe('true');
    expect(w.get('[data-testid=field-error][data-path=zones]').text()).toContain('100 characters');
    expect(w.get('[data-testid=profile-error]').text()).toBe('Some fields need fixing: see the messages in red.');
    expect(http.saveProfile).toHaveBeenCalledWith('t1', expect.objectContaining({ timeZone: 'Mars/Olympus', capacity: 3 }));

    http.saveProfile.mockRejectedValueOnce(badRequest({ 'workingHours.mon[0]': 'ends (08:00) before it starts (18:00)', 'workingHours.mon[0][1]': '"25:00" is not a time' }));
    await w.get('[data-testid=hours-day][data-day=mon] [data-testid=hours-to]').setValue('25:00');
    await w.get('[data-testid=profile-form]').trigger('submit');
    await flushPromises();
    const monday = w.get('[data-testid=hours-day][data-day=mon]');
    expect(monday.get('[data-testid=field-error]').text()).toBe('ends (08:00) before it starts (18:00) · "25:00" is not a time');
    expect(monday.get('[data-testid=hours-to]').attributes('aria-invalid')).toBe('true');
    expect(w.find('[data-testid=field-error][data-path=timeZone]').exists()).toBe(false);

    http.saveProfile.mockResolvedValueOnce(profile());
    await w.get('[data-testid=profile-form]').trigger('submit');
    await flushPromises();
    expect(w.emitted('saved')).toHaveLength(1);
    w.unmount();
  });

  it('a message for no input still shows with the form', async () => {
    http.saveProfile.mockRejectedValueOnce(badRequest({ _: 'Unrecognized key: "color"' }));
    const w = await mountEditor();
    await w.get('[data-testid=profile-form]').trigger('submit');
    await flushPromises();
    expect(w.get('[data-testid=profile-error]').text()).toBe('Some fields need fixing: see the messages in red. · Unrecognized key: "color"');
    w.unmount();
  });
});

describe('deleting a service type', () => {
  const CALDERA = { name: 'Caldera', requiredSkills: { gas: 2 } };
  const AIRE = { name: 'Aire', requiredSkills: {} };
  const refused = (inUse: Record<string, unknown>) => new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'in use', inUse });
  const mountTypes = async (locale = 'en') => {
    const w = mount(ServiceTypesEditor, { props: { skillSuggestions: [] }, global: { plugins: [makeI18n(locale)] } });
    await flushPromises();
    return w;
  };
  const row = (w: Awaited<ReturnType<typeof mountTypes>>, name: string) => w.get(`[data-testid=service-type][data-name="${name}"]`);
  beforeEach(() => {
    vi.clearAllMocks();
    workload.reset();
    http.getServiceTypes.mockResolvedValue([AIRE, CALDERA]);
  });

  it('the store drops a type once it is gone (or was gone already), and keeps one the server refuses to delete', async () => {
    await workload.loadServiceTypes();
    http.deleteServiceType.mockRejectedValueOnce(refused({ incidents: 1, rules: [] }));
    const no = await workload.removeServiceType('Caldera');
    expect(no.ok).toBe(false);
    expect(workload.state.serviceTypes.map((x) => x.name)).toEqual(['Aire', 'Caldera']);
    http.deleteServiceType.mockResolvedValueOnce(undefined);
    expect((await workload.removeServiceType('Caldera')).ok).toBe(true);
    expect(http.deleteServiceType).toHaveBeenLastCalledWith('Caldera');
    expect(workload.state.serviceTypes.map((x) => x.name)).toEqual(['Aire']);
    http.deleteServiceType.mockRejectedValueOnce(new ApiRequestError({ statusCode: 404, error: 'Not Found', message: 'No service type "Aire"' }));
    expect((await workload.removeServiceType('Aire')).ok).toBe(true);
    expect(workload.state.serviceTypes).toEqual([]);
  });

  it('asks once more; refused, the row says what uses it in the user’s language; deleted, it leaves the list with a notice', async () => {
    const w = await mountTypes('es');
    expect(w.find('[data-testid=service-type][data-name=""] [data-testid=service-type-delete]').exists()).toBe(false);
    const caldera = row(w, 'Caldera');
    await caldera.get('[data-testid=service-type-delete]').trigger('click');
    expect(caldera.get('[data-testid=service-type-delete-confirm]').text()).toBe('Sí, eliminar');
    await caldera.get('[data-testid=service-type-delete-keep]').trigger('click');
    expect(caldera.find('[data-testid=service-type-delete-confirm]').exists()).toBe(false);
    expect(http.deleteServiceType).not.toHaveBeenCalled();

    let answer!: (e: Error) => void;
    http.deleteServiceType.mockReturnValueOnce(new Promise((_, reject) => (answer = reject)));
    await caldera.get('[data-testid=service-type-delete]').trigger('click');
    await caldera.get('[data-testid=service-type-delete-confirm]').trigger('click');
    expect(caldera.get('[data-testid=service-type-delete-confirm]').text()).toBe('Eliminando…');
    expect(caldera.get('[data-testid=service-type-delete-confirm]').attributes('disabled')).toBeDefined();
    expect(caldera.get('[data-testid=service-type-save]').attributes('disabled')).toBeDefined();
    answer(refused({ incidents: 3, rules: ['Olor a gas -> urgente', 'Calderas'] }));
    await flushPromises();
    expect(caldera.get('[data-testid=service-type-delete-error]').text()).toBe(
      'Este tipo de servicio está en uso y se conserva: 3 incidencias abiertas son de este tipo (resuélvelas o cámbiales el tipo antes) · lo asignan las reglas: Olor a gas -> urgente, Calderas (cámbialas antes)',
    );
    expect(w.findAll('[data-testid=service-type-name]').map((x) => x.text())).toEqual(['Aire', 'Caldera']);

    http.deleteServiceType.mockResolvedValueOnce(undefined);
    await row(w, 'Aire').get('[data-testid=service-type-delete]').trigger('click');
    await row(w, 'Aire').get('[data-testid=service-type-delete-confirm]').trigger('click');
    await flushPromises();
    expect(http.deleteServiceType).toHaveBeenLastCalledWith('Aire');
    expect(w.findAll('[data-testid=service-type-name]').map((x) => x.text())).toEqual(['Caldera']);
    expect(w.get('[data-testid=service-types-notice]').text()).toBe('Se eliminó el tipo de servicio «Aire».');
    w.unmount();
  });

  it('one open incident reads as one, in English and Romanian', async () => {
    for (const [locale, text] of [
      ['en', 'This service type is in use and stays: one open incident is of this type (resolve it or change its type first)'],
      ['ro', 'Acest tip de serviciu este folosit și rămâne: un incident deschis este de acest tip (rezolvă-l sau schimbă-i tipul întâi)'],
    ] as const) {
      http.deleteServiceType.mockRejectedValueOnce(refused({ incidents: 1, rules: [] }));
      const w = await mountTypes(locale);
      await row(w, 'Caldera').get('[data-testid=service-type-delete]').trigger('click');
      await row(w, 'Caldera').get('[data-testid=service-type-delete-confirm]').trigger('click');
      await flushPromises();
      expect(row(w, 'Caldera').get('[data-testid=service-type-delete-error]').text()).toBe(text);
      w.unmount();
    }
  });
});

describe('the hours editor', () => {
  it('adds hours after the last ones, removes them, copies Monday to the weekdays', async () => {
    const hours = { mon: [{ from: '08:00', to: '13:00' }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    const w = mount(HoursEditor, { props: { modelValue: hours, errors: {} }, global: { plugins: [makeI18n()] } });
    await w.get('[data-testid=hours-day][data-day=mon] [data-testid=hours-add]').trigger('click');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toMatchObject({ mon: [{ from: '08:00', to: '13:00' }, { from: '13:00', to: '' }] });
    await w.get('[data-testid=hours-day][data-day=sat] [data-testid=hours-add]').trigger('click');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toMatchObject({ sat: [{ from: '08:00', to: '18:00' }] });
    await w.get('[data-testid=hours-day][data-day=mon] [data-testid=hours-remove]').trigger('click');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toMatchObject({ mon: [] });
    await w.get('[data-testid=hours-copy-monday]').trigger('click');
    expect(w.emitted('update:modelValue')!.at(-1)![0]).toMatchObject({ fri: [{ from: '08:00', to: '13:00' }], sat: [] });
    expect(w.get('[data-testid=hours-day][data-day=tue]').text()).toContain('Day off');
  });
});

describe('the navigation', () => {
  const router = createRouter({ history: createMemoryHistory(), routes: ['/', '/workload', '/rules', '/incidents/:id'].map((path) => ({ path, component: { template: '<div />' } })) });
  const bar = async (role: string, path = '/workload') => {
    await router.push(path);
    return mount(TopBar, { props: { userName: 'Ana', role }, global: { plugins: [makeI18n(), router] } });
  };

  it('offers the workload to agents and admins, the rules to admins only, and marks where they are', async () => {
    const admin = await bar('admin');
    expect(admin.findAll('nav a').map((a) => a.text())).toEqual(['Inbox', 'Workload', 'Rules', 'SLA']);
    expect(admin.get('[data-testid=nav-workload]').classes()).toContain('current');
    expect(admin.get('[data-testid=nav-inbox]').classes()).not.toContain('current');
    const agent = await bar('agent', '/incidents/i1');
    expect(agent.findAll('nav a').map((a) => a.text())).toEqual(['Inbox', 'Workload']);
    expect(agent.get('[data-testid=nav-inbox]').classes()).toContain('current');
    const technician = await bar('technician', '/');
    expect(technician.find('nav').exists()).toBe(false);
    expect(technician.find('[data-testid=nav-workload]').exists()).toBe(false);
  });
});
