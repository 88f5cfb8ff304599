/**
 * The SLA admin screen: its pure helpers (targets as hours + minutes, actions per event and back, where the
 * server's "actions[i]" messages go, calendar drafts the server's own validator accepts, holidays sorted
 * with their weekday), the editors putting the server's field errors at their inputs, the lists, the
 * navigation, and the texts in every language. Only the HTTP functions (src/api/sla.ts) are replaced.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { CalendarDto, SlaPolicyDto } from '@contracts';
import { calendarProblems } from '../../server/src/domain/sla/calendar';
import { ApiRequestError } from '../src/api/client';
import * as api from '../src/api/sla';
import CalendarEditor from '../src/components/sla/CalendarEditor.vue';
import CalendarList from '../src/components/sla/CalendarList.vue';
import PolicyEditor from '../src/components/sla/PolicyEditor.vue';
import PolicyList from '../src/components/sla/PolicyList.vue';
import TopBar from '../src/components/TopBar.vue';
import {
  actionsDraft,
  actionsOf,
  calendarDraft,
  durationDraft,
  formatHoliday,
  formatMinutes,
  minutesOf,
  newCalendarDraft,
  newPolicyDraft,
  placeActionErrors,
  policyDraft,
  toCalendarInput,
  toPolicyInput,
  withHoliday,
} from '../src/components/sla/drafts';
import { slaAdmin } from '../src/stores/sla-admin';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

vi.mock('../src/api/sla', () => ({
  listPolicies: vi.fn(),
  createPolicy: vi.fn(),
  updatePolicy: vi.fn(),
  listCalendars: vi.fn(),
  createCalendar: vi.fn(),
  updateCalendar: vi.fn(),
  deletePolicy: vi.fn(),
  deleteCalendar: vi.fn(),
}));
const http = vi.mocked(api);
const makeI18n = (locale = 'en') => createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
const bad = (fields: Record<string, string>) => new ApiRequestError({ statusCode: 400, message: 'Invalid input', fields } as never);
const inUse = (u: Record<string, unknown>) => new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'in use', inUse: u });

const CALENDAR: CalendarDto = { id: 'c1', name: 'Oficina Madrid', timeZone: 'Europe/Madrid', hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']] }, holidays: ['2030-12-25', '2030-01-06'] };
const POLICY: SlaPolicyDto = {
  id: 'p1',
  name: 'Oro',
  firstResponseMinutes: 60,
  resolutionMinutes: 510,
  warnAtPercent: 75,
  calendarId: 'c1',
  actions: [
    { on: 'warning', do: 'alert' },
    { on: 'breached', do: 'notify', to: 'jefe@climatiza.example' },
    { on: 'breached', do: 'set-priority', priority: 'urgent' },
  ],
};

beforeEach(() => {
  slaAdmin.reset();
});

describe('targets and actions as the editor holds them', () => {
  it('turns minutes into hours + minutes and back; blank is no target', () => {
    expect(durationDraft(510)).toEqual({ hours: '8', minutes: '30' });
    expect(durationDraft(null)).toEqual({ hours: '', minutes: '' });
    expect(minutesOf({ hours: '8', minutes: '30' })).toBe(510);
    expect(minutesOf({ hours: '', minutes: '90' })).toBe(90);
    expect(minutesOf({ hours: '1.5', minutes: '' })).toBe(90);
    expect(minutesOf({ hours: ' ', minutes: '' })).toBeNull();
    expect(formatMinutes(45, 'en')).toBe('45 min');
    expect(formatMinutes(480, 'en')).toBe('8 hr');
    expect(formatMinutes(90, 'es')).toBe('1 h 30 min');
  });

  it('groups actions per event and writes them back in a fixed order, knowing where each one sits', () => {
    const draft = actionsDraft(POLICY.actions);
    expect(draft).toEqual({ warning: { alert: true, notify: [], priority: '' }, breached: { alert: false, notify: ['jefe@climatiza.example'], priority: 'urgent' } });
    const { actions, places } = actionsOf({ ...draft, breached: { ...draft.breached, notify: ['a@x.example', ' b@x.example'] } });
    expect(actions).toEqual([
      { on: 'warning', do: 'alert' },
      { on: 'breached', do: 'notify', to: 'a@x.example' },
      { on: 'breached', do: 'notify', to: 'b@x.example' },
      { on: 'breached', do: 'set-priority', priority: 'urgent' },
    ]);
    expect(placeActionErrors({ 'actions[2].to': 'must be an e-mail address', 'actions[1].to': 'must be an e-mail address', name: 'required' }, places)).toEqual({
      'actions.breached.notify': 'must be an e-mail address',
      name: 'required',
    });
  });

  it('a policy draft round-trips, and a new one proposes sensible targets', () => {
    expect(toPolicyInput(policyDraft(POLICY)).input).toEqual({ ...POLICY, id: undefined, actions: POLICY.actions } as never);
    const fresh = toPolicyInput(newPolicyDraft()).input;
    expect(fresh).toMatchObject({ firstResponseMinutes: 60, resolutionMinutes: 480, warnAtPercent: 80, calendarId: null });
    expect(fresh.actions).toEqual([{ on: 'warning', do: 'alert' }, { on: 'breached', do: 'alert' }]);
  });
});

describe('calendar drafts', () => {
  it('what the editor sends passes the server’s own validator; holidays sorted, each once, with the weekday', () => {
    const draft = calendarDraft(CALENDAR);
    expect(draft.holidays).toEqual(['2030-01-06', '2030-12-25']);
    expect(draft.hours.wed).toEqual([]);
    const input = toCalendarInput(draft);
    expect(input.hours).toEqual(CALENDAR.hours);
    expect(calendarProblems({ timeZone: input.timeZone, hours: input.hours, holidays: input.holidays }, '')).toEqual([]);
    const fresh = toCalendarInput(newCalendarDraft());
    expect(Object.keys(fresh.hours)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(withHoliday(['2030-12-25'], '2030-01-06')).toEqual(['2030-01-06', '2030-12-25']);
    expect(withHoliday(['2030-12-25'], '2030-12-25')).toEqual(['2030-12-25']);
    expect(formatHoliday('2030-12-25', 'en')).toBe('Wed, Dec 25, 2030');
    expect(formatHoliday('2030-12-25', 'es')).toContain('mié');
  });
});

describe('the editors', () => {
  it('the calendar editor puts the server’s messages at the time zone, the interval and the holiday they name', async () => {
    const w = mount(CalendarEditor, { props: { calendar: CALENDAR }, global: { plugins: [makeI18n()] } });
    await w.get('[data-testid=calendar-time-zone]').setValue('Mars/Olympus');
    http.updateCalendar.mockRejectedValueOnce(bad({ timeZone: '"Mars/Olympus" is not a known IANA time zone', 'hours.mon[0]': 'ends before it starts', 'holidays[1]': 'bad day' }));
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(http.createCalendar).not.toHaveBeenCalled();
    expect(http.updateCalendar).toHaveBeenCalledWith('c1', expect.objectContaining({ timeZone: 'Mars/Olympus', holidays: ['2030-01-06', '2030-12-25'] }));
    expect(w.get('[data-testid=field-error][data-path=timeZone]').text()).toContain('IANA');
    expect(w.get('[data-testid=calendar-time-zone]').attributes('aria-invalid')).toBe('true');
    expect(w.get('[data-testid=hours-day][data-day=mon] [data-testid=field-error]').attributes('data-path')).toBe('hours.mon[0]');
    expect(w.get('[data-testid=holiday][data-day="2030-12-25"] [data-testid=field-error]').text()).toBe('bad day');
    expect(w.get('[data-testid=sla-form-error]').text()).toBe('Some fields need fixing: see the messages at them.');
  });

  it('the calendar editor adds and removes holidays, kept sorted', async () => {
    const w = mount(CalendarEditor, { props: { calendar: null }, global: { plugins: [makeI18n()] } });
    for (const day of ['2031-05-01', '2031-01-01']) {
      await w.get('[data-testid=holiday-date]').setValue(day);
      await w.get('[data-testid=holiday-add]').trigger('click');
    }
    expect(w.findAll('[data-testid=holiday]').map((h) => h.attributes('data-day'))).toEqual(['2031-01-01', '2031-05-01']);
    await w.findAll('[data-testid=holiday-remove]')[0]!.trigger('click');
    expect(w.findAll('[data-testid=holiday]').map((h) => h.attributes('data-day'))).toEqual(['2031-05-01']);
    http.createCalendar.mockResolvedValueOnce({ ...CALENDAR, id: 'c2', name: 'Nuevo' });
    await w.get('[data-testid=calendar-name]').setValue('Nuevo');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(http.createCalendar).toHaveBeenCalledWith(expect.objectContaining({ name: 'Nuevo', holidays: ['2031-05-01'] }));
    expect(w.emitted('saved')![0]![0]).toMatchObject({ id: 'c2' });
    expect(slaAdmin.state.calendars.map((c) => c.id)).toEqual(['c2']);
  });

  it('the policy editor opens with what is stored and shows each action’s message at its input', async () => {
    http.updatePolicy.mockRejectedValueOnce(bad({ warnAtPercent: 'Too big', 'actions.1.to': 'must be an e-mail address' }));
    const w = mount(PolicyEditor, { props: { policy: POLICY, calendars: [CALENDAR] }, global: { plugins: [makeI18n()] } });
    expect((w.get('[data-testid=policy-resolution] [data-testid=duration-hours]').element as HTMLInputElement).value).toBe('8');
    expect((w.get('[data-testid=policy-calendar]').element as HTMLSelectElement).value).toBe('c1');
    await w.get('[data-testid=policy-warn-at]').setValue('150');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(http.updatePolicy).toHaveBeenCalledWith('p1', expect.objectContaining({ warnAtPercent: 150, resolutionMinutes: 510 }));
    expect(w.get('[data-testid=field-error][data-path=warnAtPercent]').text()).toBe('Too big');
    const breach = w.get('[data-testid=sla-event][data-on=breached]');
    expect(breach.get('[data-testid=field-error]').attributes('data-path')).toBe('actions.breached.notify');
    expect(w.get('[data-testid=sla-event][data-on=warning]').find('[data-testid=field-error]').exists()).toBe(false);
    expect(w.find('[data-testid=field-error][data-path=actions]').exists()).toBe(false);
  });

  it('the policy editor creates a policy: none as calendar is 24x7, no actions at all says what happens then', async () => {
    http.createPolicy.mockResolvedValueOnce({ ...POLICY, id: 'p2', name: 'Bronce' });
    const w = mount(PolicyEditor, { props: { policy: null, calendars: [CALENDAR] }, global: { plugins: [makeI18n()] } });
    await w.get('[data-testid=policy-name]').setValue('Bronce');
    for (const el of w.findAll('[data-testid=sla-action-alert]')) await el.setValue(false);
    expect(w.find('[data-testid=policy-default-actions]').exists()).toBe(true);
    await w.get('[data-testid=policy-first-response] [data-testid=duration-hours]').setValue('');
    await w.get('[data-testid=policy-first-response] [data-testid=duration-minutes]').setValue('');
    await w.get('form').trigger('submit');
    await flushPromises();
    expect(http.createPolicy).toHaveBeenCalledWith({ name: 'Bronce', firstResponseMinutes: null, resolutionMinutes: 480, warnAtPercent: 80, calendarId: null, actions: [] });
    expect(w.emitted('saved')![0]![0]).toMatchObject({ id: 'p2' });
  });

  it('deleting asks once more; a policy or calendar in use stays, and the editor says what uses it', async () => {
    http.deletePolicy.mockRejectedValueOnce(inUse({ incidents: 2, rules: ['Gas', 'Oro para VIP'] })).mockResolvedValueOnce(undefined);
    const w = mount(PolicyEditor, { props: { policy: POLICY, calendars: [CALENDAR] }, global: { plugins: [makeI18n()] } });
    await w.get('[data-testid=sla-delete]').trigger('click');
    await w.get('[data-testid=sla-delete-keep]').trigger('click');
    expect(w.find('[data-testid=sla-delete-confirm]').exists()).toBe(false);
    await w.get('[data-testid=sla-delete]').trigger('click');
    expect(w.get('[data-testid=sla-delete-confirm]').text()).toBe('Yes, delete');
    await w.get('[data-testid=sla-delete-confirm]').trigger('click');
    await flushPromises();
    expect(http.deletePolicy).toHaveBeenCalledWith('p1');
    expect(w.get('[data-testid=sla-delete-error]').text()).toBe('This policy is in use and stays: 2 incidents are under it (their SLA history reads by it) · rules set it: Gas, Oro para VIP (change them first)');
    expect(w.emitted('deleted')).toBeUndefined();
    await w.get('[data-testid=sla-delete-confirm]').trigger('click');
    await flushPromises();
    expect(w.emitted('deleted')![0]![0]).toMatchObject({ id: 'p1' });

    http.deleteCalendar.mockRejectedValueOnce(inUse({ policies: ['Oro'] }));
    const c = mount(CalendarEditor, { props: { calendar: CALENDAR }, global: { plugins: [makeI18n('es')] } });
    await c.get('[data-testid=sla-delete]').trigger('click');
    await c.get('[data-testid=sla-delete-confirm]').trigger('click');
    await flushPromises();
    expect(c.get('[data-testid=sla-delete-error]').text()).toBe('Este calendario está en uso y se conserva: cuentan en él las políticas: Oro (asígnales otro calendario antes)');
  });
});

describe('the lists', () => {
  it('show the targets in hours and minutes, the warning point, the calendar by name and the actions in short', () => {
    const w = mount(PolicyList, { props: { policies: [POLICY, { ...POLICY, id: 'p3', name: 'Plata', calendarId: null, resolutionMinutes: null, actions: [] }], calendarName: (id: string | null) => (id === 'c1' ? 'Oficina Madrid' : null) }, global: { plugins: [makeI18n()] } });
    const [oro, plata] = w.findAll('[data-testid=policy-row]');
    expect(oro!.get('[data-testid=policy-resolution-text]').text()).toBe('8 hr 30 min');
    expect(oro!.get('[data-testid=policy-warn-text]').text()).toBe('at 75 %');
    expect(oro!.get('[data-testid=policy-calendar-text]').text()).toBe('Oficina Madrid');
    expect(oro!.get('[data-testid=policy-actions-text]').text()).toContain('On breach: e-mail jefe@climatiza.example · priority to Urgent');
    expect(plata!.get('[data-testid=policy-calendar-text]').text()).toBe('24×7');
    expect(plata!.get('[data-testid=policy-resolution-text]').text()).toBe('no target');
    expect(plata!.get('[data-testid=policy-actions-text]').text()).toBe('alert the department (default)');
  });

  it('calendars with their hours in short and how many holidays, in Romanian too', () => {
    const w = mount(CalendarList, { props: { calendars: [CALENDAR] }, global: { plugins: [makeI18n('ro')] } });
    expect(w.get('[data-testid=calendar-holidays-text]').text()).toBe('2 zile');
    expect(w.get('[data-testid=calendar-hours-text]').text()).toContain('09:00–18:00');
  });

  it('the store loads both lists sorted by name', async () => {
    http.listPolicies.mockResolvedValueOnce([{ ...POLICY, name: 'Zeta' }, POLICY]);
    http.listCalendars.mockResolvedValueOnce([CALENDAR]);
    await slaAdmin.load();
    expect(slaAdmin.state.policies.map((p) => p.name)).toEqual(['Oro', 'Zeta']);
    expect(slaAdmin.calendarName('c1')).toBe('Oficina Madrid');
    expect(slaAdmin.calendarName(null)).toBeNull();
  });
});

describe('navigation and texts', () => {
  it('admins have an SLA link next to Rules; agents do not', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes: ['/', '/workload', '/rules', '/sla'].map((path) => ({ path, component: { template: '<div />' } })) });
    await router.push('/sla');
    const admin = mount(TopBar, { props: { userName: 'Ana', role: 'admin' }, global: { plugins: [makeI18n(), router] } });
    const links = admin.findAll('nav a').map((a) => a.text());
    expect(links.slice(links.indexOf('Rules'))).toEqual(['Rules', 'SLA']);
    expect(admin.get('[data-testid=nav-sla]').classes()).toContain('current');
    expect(admin.get('[data-testid=nav-inbox]').classes()).not.toContain('current');
    const agent = mount(TopBar, { props: { userName: 'Luis', role: 'agent' }, global: { plugins: [makeI18n(), router] } });
    expect(agent.find('[data-testid=nav-sla]').exists()).toBe(false);
  });

  it('every text of the screen is in Spanish and Romanian too, translated', () => {
    const keys = (o: object, prefix = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    const enKeys = keys(en.sla.admin).sort();
    expect(keys(es.sla.admin).sort()).toEqual(enKeys);
    expect(keys(ro.sla.admin).sort()).toEqual(enKeys);
    expect(es.sla.admin.policy.priority).toBe('Subir la prioridad a');
    expect(ro.sla.admin.calendars.holidays).toBe('Sărbători');
  });
});
