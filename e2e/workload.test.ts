/**
 * The technicians' workload in Chromium: an admin edits a technician's profile (the server's field errors
 * at their inputs, then saved) and a service type; an incident offered to the best technician shows on
 * the workload with the time left, live — also for an agent of another department, in Spanish; the
 * technician declines with the link in their service order and the next one's offer shows; that one
 * confirms by replying "Acepto" (real mail through Dovecot) and it shows confirmed; the incident opens from
 * there; an absence added in the editor (its field error first) marks them absent; the service type still
 * in use (that open incident, a rule) is not deleted and its row says why, one nothing uses is, after
 * asking once more. No page is reloaded. Screenshots: .artifacts/e2e/workload-*.png.
 */
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentDto, IncidentSummaryDto, UserDto } from '../server/src/contracts/api.js';
import type { AssignBestResult } from '../server/src/contracts/assignment.js';
import { ApiClient, nextEvent, submission } from '../server/test/support/api-client.js';
import { ADMIN } from '../server/test/support/test-server.js';
import { startMailDesk, type MailDesk } from '../server/test/support/mail-desk.js';
import { mail, MAILBOX } from '../server/test/support/mailbox.js';
import { waitUntil } from '../server/test/support/wait.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

const PUBLIC = 'https://desk.climatiza.example';
const ALWAYS = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]));
const LIVE = 15_000;

/** A datetime-local value in this machine's zone (the browser's too). */
function localInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

describe('the workload screen, in Chromium', () => {
  let desk: MailDesk;
  let browser: Browser;
  let admin: Page;
  let agent: Page;
  let form: string;
  let boilers: DepartmentDto;
  let marta: UserDto;
  let nico: UserDto;
  let incident: IncidentSummaryDto;

  const card = (page: Page, who: UserDto): Locator => page.locator(`[data-testid=workload-card][data-technician-id="${who.id}"]`);
  const offer = (page: Page, who: UserDto) => card(page, who).locator(`[data-testid=workload-offer][data-reference="${incident.reference}"]`);
  const orderTo = (email: string) =>
    waitUntil(async () => desk.smtp.mails.filter((m) => m.to.includes(email) && m.parsed.subject?.includes(incident.reference)), (m) => m.length > 0, `the service order to ${email}`).then((m) => m.at(-1)!);
  /** Marks the page: a reload would lose the mark. */
  const mark = (page: Page) => page.evaluate(() => ((globalThis as unknown as { __noReload: boolean }).__noReload = true));
  const notReloaded = (page: Page) => page.evaluate(() => (globalThis as unknown as { __noReload?: boolean }).__noReload === true);

  beforeAll(async () => {
    desk = await startMailDesk({ WEB_DIST: join(process.cwd(), 'web/dist'), PUBLIC_URL: PUBLIC });
    const api = desk.admin;
    form = (await api.createWebform('Web')).key;
    boilers = await api.createDepartment('Calderas');
    const lifts = await api.createDepartment('Ascensores');
    await api.ok(api.patch(`/api/departments/${boilers.id}`, { offerMinutes: 25 }));
    marta = await api.createUser({ email: 'marta.gil@tecnicos.example', name: 'Marta Gil', role: 'technician', departmentIds: [boilers.id], password: 'marta-password-1' });
    nico = await api.createUser({ email: 'nico.roman@tecnicos.example', name: 'Nico Román', role: 'technician', departmentIds: [boilers.id], locale: 'es' });
    await api.createUser({ email: 'luis@desk.example', name: 'Luis Ascensores', role: 'agent', departmentIds: [lifts.id], password: 'luis-password-1' });
    browser = await launchBrowser();
    admin = await agentPage(browser, desk.server.url, ADMIN.email, ADMIN.password, 'en-GB');
    agent = await agentPage(browser, desk.server.url, 'luis@desk.example', 'luis-password-1', 'es-ES');
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('the admin edits a profile: the server’s field errors at their inputs, then it is saved', async () => {
    await admin.click('[data-testid=nav-workload]');
    await card(admin, marta).waitFor();
    await card(admin, nico).waitFor();
    await expect(card(admin, marta).locator('[data-testid=workload-skills]').textContent()).resolves.toContain('None recorded');
    await mark(admin);
    await screenshot(admin, 'workload-01-list');

    await card(admin, marta).locator('[data-testid=workload-edit]').click();
    const editor = admin.locator('[data-testid=profile-editor]');
    await editor.locator('[data-testid=profile-form]').waitFor();
    await editor.locator('[data-testid=skill-add]').click();
    await editor.locator('[data-testid=skill-name]').fill('gas');
    await editor.locator('[data-testid=skill-level]').selectOption('4');
    const zones = editor.locator('[data-testid=profile-zones] [data-testid=list-entry]');
    await zones.fill('norte');
    await zones.press('Enter');
    await editor.locator('[data-testid=profile-capacity]').fill('2');
    await editor.locator('[data-testid=profile-time-zone]').fill('Mars/Olympus');
    await editor.locator('[data-testid=profile-save]').click();
    await expect(editor.locator('[data-testid=field-error][data-path=timeZone]').textContent()).resolves.toContain('IANA time zone');
    await expect(editor.locator('[data-testid=profile-time-zone]').getAttribute('aria-invalid')).resolves.toBe('true');

    // Monday ends before it starts: the message sits at that interval.
    await editor.locator('[data-testid=profile-time-zone]').fill('Europe/Madrid');
    const monday = editor.locator('[data-testid=hours-day][data-day=mon]');
    await monday.locator('[data-testid=hours-from]').fill('18:00');
    await monday.locator('[data-testid=hours-to]').fill('08:00');
    await editor.locator('[data-testid=profile-save]').click();
    await expect(monday.locator('[data-testid=field-error][data-path="workingHours.mon[0]"]').textContent()).resolves.toContain('before it starts');
    await expect(editor.locator('[data-testid=field-error][data-path=timeZone]').count()).resolves.toBe(0);
    await monday.scrollIntoViewIfNeeded();
    await screenshot(admin, 'workload-02-profile-field-error');

    // Every hour of every day, so she is available whenever the test runs.
    await monday.locator('[data-testid=hours-from]').fill('00:00');
    await monday.locator('[data-testid=hours-to]').fill('24:00');
    await editor.locator('[data-testid=hours-copy-monday]').click();
    for (const day of ['sat', 'sun']) {
      const row = editor.locator(`[data-testid=hours-day][data-day=${day}]`);
      await row.locator('[data-testid=hours-add]').click();
      await row.locator('[data-testid=hours-from]').fill('00:00');
      await row.locator('[data-testid=hours-to]').fill('24:00');
    }
    await editor.locator('[data-testid=profile-save]').click();
    await admin.locator('[data-testid=workload-notice]').waitFor();
    await expect(admin.locator('[data-testid=workload-notice]').textContent()).resolves.toContain('Profile of Marta Gil saved');

    const stored = await desk.admin.ok(desk.admin.get(`/api/technicians/${marta.id}/profile`));
    expect(stored).toEqual({ skills: { gas: 4 }, zones: ['norte'], capacity: 2, workingHours: ALWAYS, timeZone: 'Europe/Madrid' });
    const c = card(admin, marta);
    await c.locator('[data-testid=workload-skills] [data-skill=gas][data-level="4"]').waitFor();
    await expect(c.locator('[data-testid=workload-zones]').textContent()).resolves.toBe('norte');
    await expect(c.locator('[data-testid=workload-load]').getAttribute('data-capacity')).resolves.toBe('2');
    await expect(c.locator('[data-testid=workload-availability]').getAttribute('data-state')).resolves.toBe('available');
    await expect(c.locator('[data-testid=workload-hours]').textContent()).resolves.toContain('Mon–Sun 00:00–24:00');
  });

  it('the admin says what a service type needs', async () => {
    await admin.click('[data-testid=service-types-open]');
    const types = admin.locator('[data-testid=service-types]');
    await types.locator('[data-testid=service-types-empty]').waitFor();
    const fresh = types.locator('[data-testid=service-type][data-name=""]');
    await fresh.locator('[data-testid=service-type-save]').click();
    await expect(fresh.locator('[data-testid=field-error][data-path=name]').textContent()).resolves.toContain('Give the service type a name');
    await fresh.locator('[data-testid=service-type-name-input]').fill('Caldera');
    await fresh.locator('[data-testid=skill-add]').click();
    await fresh.locator('[data-testid=skill-name]').fill('gas');
    await fresh.locator('[data-testid=skill-level]').selectOption('2');
    await fresh.locator('[data-testid=service-type-save]').click();
    const saved = types.locator('[data-testid=service-type][data-name=Caldera]');
    await saved.waitFor();
    await expect(saved.locator('[data-testid=skill-level]').inputValue()).resolves.toBe('2');
    await expect(desk.admin.ok(desk.admin.get('/api/service-types'))).resolves.toEqual([{ name: 'Caldera', requiredSkills: { gas: 2 } }]);
    await screenshot(admin, 'workload-03-service-types');
    await types.locator('[data-testid=service-types-back]').click();
    await card(admin, marta).waitFor();
  });

  it('a profile saved elsewhere, then an offer, show live on both screens: the time left, also for an agent of another department', async () => {
    await agent.click('[data-testid=nav-workload]');
    await card(agent, nico).waitFor();
    await mark(agent);
    // Another admin (the API) sets Nico up: both screens show it without reloading.
    await desk.admin.ok(desk.admin.put(`/api/technicians/${nico.id}/profile`, { skills: { gas: 2, electricidad: 3 }, zones: [], capacity: 3, workingHours: ALWAYS, timeZone: 'Europe/Madrid' }));
    await card(admin, nico).locator('[data-testid=workload-skills] [data-skill=electricidad]').waitFor({ timeout: LIVE });
    await card(agent, nico).locator('[data-testid=workload-skills] [data-skill=electricidad]').waitFor({ timeout: LIVE });

    const customer = await desk.admin.ok<{ id: string }>(desk.admin.post('/api/customers', { name: 'Residencia Norte', zone: 'norte' }));
    await desk.admin.ok(desk.admin.post('/api/contacts', { name: 'Pilar Norte', customerId: customer.id, identities: [{ kind: 'email', value: 'pilar@residencia.example' }] }));
    const created = nextEvent(desk.socket, 'incident.created', (p) => p.incident.subject === 'Caldera sin presión');
    await new ApiClient(desk.server.url).post(`/api/channels/webform/${form}`, submission({ name: 'Pilar Norte', email: 'pilar@residencia.example', subject: 'Caldera sin presión', message: 'La caldera pierde presión desde ayer.' }));
    incident = (await created).incident;
    await desk.admin.ok(desk.admin.patch(`/api/incidents/${incident.id}`, { departmentId: boilers.id, serviceType: 'Caldera' }));

    const r = await desk.admin.ok<AssignBestResult>(desk.admin.post(`/api/incidents/${incident.id}/assign-best`, {}));
    expect(r.offeredTo?.id).toBe(marta.id);
    await offer(admin, marta).waitFor({ timeout: LIVE });
    await expect(offer(admin, marta).textContent()).resolves.toContain('Caldera sin presión');
    await expect(offer(admin, marta).locator('[data-testid=workload-offer-left]').textContent()).resolves.toMatch(/2[45] min left/);
    await expect(card(admin, marta).locator('[data-testid=workload-load]').getAttribute('data-open')).resolves.toBe('1');
    await screenshot(admin, 'workload-04-offer-live');

    // Luis sees only the lifts in his inbox, yet the workload is everyone's: it reached him too.
    await offer(agent, marta).waitFor({ timeout: LIVE });
    await expect(offer(agent, marta).locator('[data-testid=workload-offer-left]').textContent()).resolves.toMatch(/quedan 2[45] min/);
    await expect(card(agent, marta).locator('[data-testid=workload-availability]').textContent()).resolves.toContain('Disponible ahora');
    await screenshot(agent, 'workload-05-agent-es');
    await expect(notReloaded(agent)).resolves.toBe(true);
  });

  it('the technician declines by the link in her service order: the offer moves to the next one, live', async () => {
    const order = await orderTo(marta.email);
    const decline = /https:\/\/desk\.climatiza\.example(\/service-orders\/\S+\/decline)/.exec(order.parsed.text!)![1]!;
    expect(await (await fetch(desk.server.url + decline, { method: 'POST' })).text()).toContain('data-result="done-declined"');
    await offer(admin, nico).waitFor({ timeout: LIVE });
    await offer(admin, marta).waitFor({ state: 'detached', timeout: LIVE });
    await card(admin, marta).locator('[data-testid=workload-nothing]').waitFor();
    await screenshot(admin, 'workload-06-declined-next-offered');
  });

  it('the next one confirms by replying "Acepto": shown confirmed, live; the incident opens from there', async () => {
    const order = await orderTo(nico.email);
    await desk.dovecot.append(
      MAILBOX.user,
      mail('workload-acepto', { From: `Nico Román <${nico.email}>`, To: order.parsed.replyTo!.value[0]!.address!, Subject: `Re: ${order.parsed.subject}`, 'In-Reply-To': order.parsed.messageId! }, 'Acepto, voy esta tarde.'),
    );
    const held = card(admin, nico).locator(`[data-testid=workload-assignment][data-reference="${incident.reference}"][data-status=confirmed]`);
    await held.waitFor({ timeout: LIVE });
    await expect(offer(admin, nico).count()).resolves.toBe(0);
    await expect(card(admin, nico).locator('[data-testid=workload-load]').getAttribute('data-open')).resolves.toBe('1');
    await card(agent, nico).locator(`[data-testid=workload-assignment][data-reference="${incident.reference}"][data-status=confirmed]`).waitFor({ timeout: LIVE });
    await screenshot(admin, 'workload-07-confirmed');
    await expect(notReloaded(admin)).resolves.toBe(true);

    await held.locator('[data-testid=workload-incident-link]').click();
    await admin.waitForURL(`**/incidents/${incident.id}`);
    await admin.locator(`[data-testid=incident-reference]:has-text("${incident.reference}")`).waitFor();
    await admin.locator('[data-testid=assignment-status][data-status=confirmed]').waitFor();
    await screenshot(admin, 'workload-08-incident');
  });

  it('an absence added in the editor (its field error first) marks the technician absent', async () => {
    await admin.click('[data-testid=nav-workload]');
    await card(admin, marta).locator('[data-testid=workload-edit]').click();
    const absences = admin.locator('[data-testid=profile-editor] [data-testid=absences]');
    await absences.locator('[data-testid=absences-empty]').waitFor();
    const now = Date.now();
    // Ends before it starts: the server names "to".
    await absences.locator('[data-testid=absence-from]').fill(localInput(now + 3 * 3600_000));
    await absences.locator('[data-testid=absence-to]').fill(localInput(now - 3600_000));
    await absences.locator('[data-testid=absence-add]').click();
    await expect(absences.locator('[data-testid=field-error][data-path=to]').textContent()).resolves.toContain('must be after from');

    await absences.locator('[data-testid=absence-from]').fill(localInput(now - 3600_000));
    await absences.locator('[data-testid=absence-to]').fill(localInput(now + 3 * 3600_000));
    await absences.locator('[data-testid=absence-reason-input]').fill('Médico');
    await absences.locator('[data-testid=absence-add]').click();
    await absences.locator('[data-testid=absence]').waitFor();
    await expect(absences.locator('[data-testid=absence-reason]').textContent()).resolves.toBe('Médico');
    await expect(absences.locator('[data-testid=field-error]').count()).resolves.toBe(0);
    await absences.scrollIntoViewIfNeeded();
    await screenshot(admin, 'workload-09-absence');

    await admin.click('[data-testid=profile-back]');
    const c = card(admin, marta);
    await c.locator('[data-testid=workload-availability][data-state=absent]').waitFor({ timeout: LIVE });
    await expect(c.locator('[data-testid=workload-absence]').textContent()).resolves.toContain('Médico');
    await card(agent, marta).locator('[data-testid=workload-availability][data-state=absent]').waitFor({ timeout: LIVE });
    await expect(card(agent, marta).locator('[data-testid=workload-availability]').textContent()).resolves.toContain('Ausente');
    await screenshot(admin, 'workload-10-absent');
    await screenshot(agent, 'workload-11-agent-absent');
  });

  it('the admin deletes service types: one still in use stays and its row says why; one nothing uses goes after asking once more', async () => {
    await desk.admin.ok(
      desk.admin.post('/api/rules', { name: 'Gas smell -> urgent', on: ['created'], conditions: [{ field: 'text', keywords: ['zzqq-never'], where: 'any' }], actions: [{ do: 'set-priority', priority: 'urgent' }, { do: 'set-type', type: 'Caldera' }] }),
    );
    await desk.admin.ok(desk.admin.put('/api/service-types/Ascensor', { requiredSkills: { electricidad: 3 } }));
    await admin.click('[data-testid=service-types-open]');
    const types = admin.locator('[data-testid=service-types]');
    const caldera = types.locator('[data-testid=service-type][data-name=Caldera]');
    await caldera.locator('[data-testid=service-type-delete]').click();
    await caldera.locator('[data-testid=service-type-delete-confirm]').click();
    // The incident Nico confirmed is still open, and the rule sets the type.
    await expect(caldera.locator('[data-testid=service-type-delete-error]').textContent()).resolves.toBe(
      'This service type is in use and stays: one open incident is of this type (resolve it or change its type first) · rules set it: Gas smell -> urgent (change them first)',
    );
    await screenshot(admin, 'workload-12-type-delete-refused');
    await caldera.locator('[data-testid=service-type-delete-keep]').click();
    await caldera.locator('[data-testid=service-type-delete]').waitFor();

    const lift = types.locator('[data-testid=service-type][data-name=Ascensor]');
    await lift.locator('[data-testid=service-type-delete]').click();
    await lift.locator('[data-testid=service-type-delete-confirm]').waitFor();
    await screenshot(admin, 'workload-13-type-delete-confirm');
    await lift.locator('[data-testid=service-type-delete-confirm]').click();
    await lift.waitFor({ state: 'detached' });
    await expect(types.locator('[data-testid=service-types-notice]').textContent()).resolves.toBe('Service type “Ascensor” deleted.');
    await expect(types.locator('[data-testid=service-type-name]').allTextContents()).resolves.toEqual(['Caldera']);
    await expect(desk.admin.ok(desk.admin.get('/api/service-types'))).resolves.toEqual([{ name: 'Caldera', requiredSkills: { gas: 2 } }]);
    await screenshot(admin, 'workload-14-type-deleted');
    await expect(notReloaded(admin)).resolves.toBe(true);
    await types.locator('[data-testid=service-types-back]').click();
    await card(admin, marta).waitFor();
  });

  it('technicians have no workload: no link to it, and its address sends them to their inbox', async () => {
    const page = await agentPage(browser, desk.server.url, marta.email, 'marta-password-1', 'es-ES');
    await expect(page.locator('[data-testid=nav-workload]').count()).resolves.toBe(0);
    await page.goto(`${desk.server.url}/workload`);
    await page.waitForURL(`${desk.server.url}/`);
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor();
    await expect(page.locator('[data-testid=workload-page]').count()).resolves.toBe(0);
    await page.context().close();
  });
});
