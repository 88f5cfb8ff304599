/**
 * The SLA admin screen in Chromium: an admin creates a business calendar with working hours and holidays
 * (a bad time zone first: the server's message shows at its input, then it is fixed), then a policy that
 * counts in it with an action on breach (a bad e-mail first, its message at the e-mail input); the policy
 * set on an incident (through the API) shows in the incident's timers in the inbox, live. The lists say
 * what was saved; the API stores exactly that. Screenshots: .artifacts/e2e/sla-0N-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetailDto, IncidentSummaryDto } from '../server/src/contracts/api.js';
import type { CalendarDto, SlaPolicyDto } from '../server/src/contracts/sla.js';
import { ApiClient, submission } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

const LIVE = 15_000;
const NINE_TO_SIX = [['09:00', '18:00']];

describe('SLA policies and calendars from the admin screen, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let page: Page;
  let calendar: CalendarDto;
  let policy: SlaPolicyDto;

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist') } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    browser = await launchBrowser();
    page = await agentPage(browser, server.url, ADMIN.email, ADMIN.password, 'en-GB');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a calendar: hours and holidays, a bad time zone shown at its input, then fixed and saved', async () => {
    await page.click('[data-testid=nav-sla]');
    await page.locator('[data-testid=sla-page] [data-testid=policies-empty]').waitFor();
    await page.locator('[data-testid=calendars-empty]').waitFor();
    await expect(page.locator('[data-testid=nav-sla]').getAttribute('class')).resolves.toContain('current');
    await screenshot(page, 'sla-01-empty');

    await page.click('[data-testid=calendar-new]');
    const editor = page.locator('[data-testid=calendar-editor]');
    await editor.waitFor();
    await editor.locator('[data-testid=calendar-name]').fill('Oficina Madrid');
    await editor.locator('[data-testid=calendar-time-zone]').fill('Europe/Madird');
    // Proposed: Monday to Friday 09:00–18:00. Saturday mornings too.
    const saturday = editor.locator('[data-testid=hours-day][data-day=sat]');
    await saturday.locator('[data-testid=hours-add]').click();
    await saturday.locator('[data-testid=hours-from]').fill('09:00');
    await saturday.locator('[data-testid=hours-to]').fill('14:00');
    // Added out of order: the list keeps them sorted, each with its weekday.
    for (const day of ['2030-12-25', '2030-01-06']) {
      await editor.locator('[data-testid=holiday-date]').fill(day);
      await editor.locator('[data-testid=holiday-add]').click();
    }
    await expect(editor.locator('[data-testid=holiday]').evaluateAll((els) => els.map((e) => e.getAttribute('data-day')))).resolves.toEqual(['2030-01-06', '2030-12-25']);
    await expect(editor.locator('[data-testid=holiday][data-day="2030-12-25"]').textContent()).resolves.toContain('Wed');

    await editor.locator('[data-testid=sla-save]').click();
    const zoneError = editor.locator('[data-testid=field-error][data-path=timeZone]');
    await expect(zoneError.textContent()).resolves.toContain('not a known IANA time zone');
    await expect(editor.locator('[data-testid=calendar-time-zone]').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(editor.locator('[data-testid=sla-form-error]').textContent()).resolves.toContain('Some fields need fixing');
    await screenshot(page, 'sla-02-calendar-field-error');

    await editor.locator('[data-testid=calendar-time-zone]').fill('Europe/Madrid');
    await editor.locator('[data-testid=sla-save]').click();
    await expect(page.locator('[data-testid=sla-notice]').textContent()).resolves.toContain('Calendar “Oficina Madrid” saved');
    const row = page.locator('[data-testid=calendar-row][data-name="Oficina Madrid"]');
    await expect(row.locator('[data-testid=calendar-zone-text]').textContent()).resolves.toBe('Europe/Madrid');
    await expect(row.locator('[data-testid=calendar-hours-text]').textContent()).resolves.toContain('Mon–Fri 09:00–18:00');
    await expect(row.locator('[data-testid=calendar-hours-text]').textContent()).resolves.toContain('Sat 09:00–14:00');
    await expect(row.locator('[data-testid=calendar-holidays-text]').textContent()).resolves.toBe('2 days');

    const stored = await admin.ok<CalendarDto[]>(admin.get('/api/sla/calendars'));
    expect(stored).toHaveLength(1);
    calendar = stored[0]!;
    expect(calendar).toMatchObject({
      name: 'Oficina Madrid',
      timeZone: 'Europe/Madrid',
      hours: { mon: NINE_TO_SIX, tue: NINE_TO_SIX, wed: NINE_TO_SIX, thu: NINE_TO_SIX, fri: NINE_TO_SIX, sat: [['09:00', '14:00']] },
      holidays: ['2030-01-06', '2030-12-25'],
    });
    await screenshot(page, 'sla-03-calendar-saved');
  });

  it('creates a policy in that calendar with an action on breach (a bad e-mail first, shown at its input)', async () => {
    await page.click('[data-testid=policy-new]');
    const editor = page.locator('[data-testid=policy-editor]');
    await editor.waitFor();
    await editor.locator('[data-testid=policy-name]').fill('Oro 1 h / 8 h 30');
    await editor.locator('[data-testid=policy-first-response] [data-testid=duration-hours]').fill('1');
    await editor.locator('[data-testid=policy-first-response] [data-testid=duration-minutes]').fill('0');
    await editor.locator('[data-testid=policy-resolution] [data-testid=duration-hours]').fill('8');
    await editor.locator('[data-testid=policy-resolution] [data-testid=duration-minutes]').fill('30');
    await editor.locator('[data-testid=policy-warn-at]').fill('75');
    await editor.locator('[data-testid=policy-calendar]').selectOption({ label: 'Oficina Madrid (Europe/Madrid)' });
    const breach = editor.locator('[data-testid=sla-event][data-on=breached]');
    const emails = breach.locator('[data-testid=sla-action-notify] [data-testid=list-entry]');
    await emails.fill('jefe.turno@');
    await emails.press('Enter');
    await breach.locator('[data-testid=sla-action-priority]').selectOption('urgent');

    await editor.locator('[data-testid=sla-save]').click();
    await expect(breach.locator('[data-testid=field-error][data-path="actions.breached.notify"]').textContent()).resolves.toContain('must be an e-mail address');
    await expect(emails.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(editor.locator('[data-testid=sla-event][data-on=warning] [data-testid=field-error]').count()).resolves.toBe(0);
    await breach.scrollIntoViewIfNeeded();
    await screenshot(page, 'sla-04-policy-field-error');

    // Backspace takes the address back for editing.
    await emails.press('Backspace');
    await emails.fill('jefe.turno@climatiza.example');
    await emails.press('Enter');
    await editor.locator('[data-testid=sla-save]').click();
    await expect(page.locator('[data-testid=sla-notice]').textContent()).resolves.toContain('Policy “Oro 1 h / 8 h 30” saved');
    const row = page.locator('[data-testid=policy-row][data-name="Oro 1 h / 8 h 30"]');
    await expect(row.locator('[data-testid=policy-first-response-text]').textContent()).resolves.toBe('1 hr');
    await expect(row.locator('[data-testid=policy-resolution-text]').textContent()).resolves.toBe('8 hr 30 min');
    await expect(row.locator('[data-testid=policy-warn-text]').textContent()).resolves.toBe('at 75 %');
    await expect(row.locator('[data-testid=policy-calendar-text]').textContent()).resolves.toBe('Oficina Madrid');
    const actions = await row.locator('[data-testid=policy-actions-text]').textContent();
    expect(actions).toContain('On warning: alert the department');
    expect(actions).toContain('On breach: alert the department · e-mail jefe.turno@climatiza.example · priority to Urgent');
    await screenshot(page, 'sla-05-policy-saved');

    const stored = await admin.ok<SlaPolicyDto[]>(admin.get('/api/sla/policies'));
    expect(stored).toHaveLength(1);
    policy = stored[0]!;
    expect(policy).toMatchObject({
      name: 'Oro 1 h / 8 h 30',
      firstResponseMinutes: 60,
      resolutionMinutes: 510,
      warnAtPercent: 75,
      calendarId: calendar.id,
      actions: [
        { on: 'warning', do: 'alert' },
        { on: 'breached', do: 'alert' },
        { on: 'breached', do: 'notify', to: 'jefe.turno@climatiza.example' },
        { on: 'breached', do: 'set-priority', priority: 'urgent' },
      ],
    });
  });

  it('edits the policy: the editor opens with what is stored, and a change is saved', async () => {
    await page.locator('[data-testid=policy-row] [data-testid=policy-edit]').click();
    const editor = page.locator('[data-testid=policy-editor]');
    await expect(editor.locator('[data-testid=policy-resolution] [data-testid=duration-minutes]').inputValue()).resolves.toBe('30');
    await expect(editor.locator('[data-testid=policy-calendar]').inputValue()).resolves.toBe(calendar.id);
    await expect(editor.locator('[data-testid=sla-event][data-on=breached] [data-testid=list-item]').textContent()).resolves.toContain('jefe.turno@climatiza.example');
    await editor.locator('[data-testid=policy-warn-at]').fill('80');
    await editor.locator('[data-testid=sla-save]').click();
    await expect(page.locator('[data-testid=policy-row] [data-testid=policy-warn-text]').textContent()).resolves.toBe('at 80 %');
    await expect(admin.ok<SlaPolicyDto[]>(admin.get('/api/sla/policies')).then((p) => p[0]!.warnAtPercent)).resolves.toBe(80);
  });

  it('set on an incident, the policy shows in its timers in the inbox', async () => {
    const key = (await admin.createWebform('Web')).key;
    await new ApiClient(server.url).post(`/api/channels/webform/${key}`, submission({ subject: 'Caldera sin agua caliente', message: 'No sale agua caliente desde esta mañana.' }));
    const incident = (await admin.ok<{ items: IncidentSummaryDto[] }>(admin.get('/api/incidents?limit=1'))).items[0]!;
    await page.click('[data-testid=nav-inbox]');
    const row = page.locator(`[data-testid=incident-row][data-id="${incident.id}"]`);
    await row.waitFor();
    await expect(row.locator('[data-testid=sla]').count()).resolves.toBe(0);

    // The agent picks the policy in the incident's controls.
    await row.click();
    const detail = page.locator(`[data-testid=incident-detail][data-id="${incident.id}"]`);
    await detail.locator('[data-testid=sla-policy-select]').selectOption(policy.id);
    const timers = row.locator(`[data-testid=sla][title="${policy.name}"]`);
    await timers.waitFor({ timeout: LIVE });
    await expect(timers.locator('[data-testid=sla-clock]').first().getAttribute('data-target')).resolves.toBe('first-response');
    await detail.locator(`[data-testid=sla][title="${policy.name}"]`).waitFor();
    await expect(admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`)).then((d) => d.sla?.policy.id)).resolves.toBe(policy.id);
    await expect(detail.locator('[data-testid=sla-clock]').evaluateAll((els) => els.map((e) => e.getAttribute('data-target')))).resolves.toEqual(['first-response', 'resolution']);
    await screenshot(page, 'sla-06-inbox-timers');
  });

  it('deletes a policy nothing uses after asking once more; one in use stays, and the editor says why', async () => {
    await admin.ok(admin.post('/api/sla/policies', { name: 'Creada por error', firstResponseMinutes: 15 }));
    await page.goto(`${server.url}/sla`);
    const spare = page.locator('[data-testid=policy-row]', { hasText: 'Creada por error' });
    await spare.locator('[data-testid=policy-edit]').click();
    const editor = page.locator('[data-testid=policy-editor]');
    await editor.locator('[data-testid=sla-delete]').click();
    await editor.locator('[data-testid=sla-delete-confirm]').waitFor();
    await screenshot(page, 'sla-07-delete-confirm');
    await editor.locator('[data-testid=sla-delete-confirm]').click();
    await expect(page.locator('[data-testid=sla-notice]').textContent()).resolves.toBe('“Creada por error” was deleted.');
    await expect(page.locator('[data-testid=policy-row]').count()).resolves.toBe(1);
    await expect(admin.ok<SlaPolicyDto[]>(admin.get('/api/sla/policies')).then((p) => p.map((x) => x.name))).resolves.toEqual([policy.name]);

    // The policy set on an incident above stays.
    await page.locator('[data-testid=policy-row] [data-testid=policy-edit]').click();
    await editor.locator('[data-testid=sla-delete]').click();
    await editor.locator('[data-testid=sla-delete-confirm]').click();
    const refused = editor.locator('[data-testid=sla-delete-error]');
    await expect(refused.textContent()).resolves.toBe('This policy is in use and stays: one incident is under it (its SLA history reads by it)');
    await screenshot(page, 'sla-08-delete-refused');
    await editor.locator('[data-testid=sla-back]').click();
    await expect(page.locator('[data-testid=policy-row]').count()).resolves.toBe(1);
  });

  it('agents have no SLA screen: no link, and its address sends them to the inbox', async () => {
    await admin.createUser({ email: 'ana@desk.example', name: 'Ana Agente', role: 'agent', password: 'ana-password-1' });
    const agent = await agentPage(browser, server.url, 'ana@desk.example', 'ana-password-1', 'es-ES');
    await expect(agent.locator('[data-testid=nav-sla]').count()).resolves.toBe(0);
    await agent.goto(`${server.url}/sla`);
    await agent.waitForURL(`${server.url}/`);
    await expect(agent.locator('[data-testid=sla-page]').count()).resolves.toBe(0);
    await agent.context().close();
  });

  it('in Spanish, the lists read in Spanish', async () => {
    const es = await agentPage(browser, server.url, ADMIN.email, ADMIN.password, 'es-ES');
    await es.click('[data-testid=nav-sla]');
    const row = es.locator('[data-testid=policy-row]');
    await row.waitFor();
    await expect(es.locator('[data-testid=sla-page] h1').textContent()).resolves.toBe('Políticas de SLA y calendarios');
    await expect(row.locator('[data-testid=policy-actions-text]').textContent()).resolves.toContain('Al incumplir');
    await screenshot(es, 'sla-09-lists-es');
    await es.context().close();
  });
});
