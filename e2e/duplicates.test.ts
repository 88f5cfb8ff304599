/**
 * One problem, one incident, in Chromium: a customer writes twice about one leak; the agent viewing the
 * first request sees the "possible duplicate" suggestion arrive live; a colleague viewing the second
 * merges it with one click, and both views change at once (the second says where it went, the first
 * shows both requests); unmerging puts them back. Screenshots go to .artifacts/e2e/dup-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentSummaryDto } from '../server/src/contracts/api.js';
import { ApiClient, submission } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

describe('possible duplicates in the agent inbox, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let anon: ApiClient;
  let key: string;
  let ana: Page;
  let bob: Page;
  let first: IncidentSummaryDto;
  let second: IncidentSummaryDto;
  const email = 'marta.pop@hotelmar.example';

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist') } });
    admin = new ApiClient(server.url);
    anon = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    key = (await admin.createWebform('Web')).key;
    const customer = await admin.ok<{ id: string }>(admin.post('/api/customers', { name: 'Hotel Mar' }));
    await admin.ok(admin.post('/api/contacts', { name: 'Marta Pop', customerId: customer.id, identities: [{ kind: 'email', value: email }] }));
    await admin.createUser({ email: 'ana@dup.local', name: 'Ana Martín', role: 'agent', password: 'ana-password-1' });
    await admin.createUser({ email: 'bob@dup.local', name: 'Bob Stone', role: 'agent', password: 'bob-password-1', locale: 'en' });
    browser = await launchBrowser();
    ana = await agentPage(browser, server.url, 'ana@dup.local', 'ana-password-1', 'es-ES');
    bob = await agentPage(browser, server.url, 'bob@dup.local', 'bob-password-1', 'en-GB');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const latest = async () => (await admin.ok<{ items: IncidentSummaryDto[] }>(admin.get('/api/incidents?limit=1'))).items[0]!;
  const open = async (page: Page, reference: string) => {
    await page.click(`[data-testid=incident-row][data-reference="${reference}"]`);
    await page.locator(`[data-testid=incident-reference]:has-text("${reference}")`).waitFor();
  };

  it('shows the suggestion live to the agent viewing the first request', async () => {
    await anon.post(`/api/channels/webform/${key}`, submission({ name: 'Marta Pop', email, subject: 'Aire acondicionado', message: 'El aire acondicionado de la sala de reuniones gotea agua.' }));
    first = await latest();
    await ana.locator(`[data-testid=incident-row][data-reference="${first.reference}"]`).waitFor({ timeout: 10_000 });
    await open(ana, first.reference);

    await anon.post(`/api/channels/webform/${key}`, submission({ name: 'Marta Pop', email, subject: 'Consulta', message: 'Hay una mancha en el techo de la sala de reuniones.' }));
    second = await latest();
    expect(second.id).not.toBe(first.id);
    const banner = ana.locator('[data-testid=duplicate-suggestion]');
    await banner.waitFor({ timeout: 10_000 });
    await expect(banner.getAttribute('data-other')).resolves.toBe(second.reference);
    await expect(banner.textContent()).resolves.toContain('Puede ser el mismo problema');
    await screenshot(ana, 'dup-01-ana-suggestion-live');
  });

  it('merges with one click from the second request; both views change', async () => {
    await bob.locator(`[data-testid=incident-row][data-reference="${second.reference}"]`).waitFor({ timeout: 10_000 });
    await open(bob, second.reference);
    const banner = bob.locator('[data-testid=duplicate-suggestion]');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('Possible duplicate of');
    await screenshot(bob, 'dup-02-bob-suggestion');
    await bob.click('[data-testid=duplicate-merge]');

    await bob.locator('[data-testid=merged-into]').waitFor({ timeout: 10_000 });
    await expect(bob.locator('[data-testid=merged-into]').textContent()).resolves.toContain(first.reference);
    await screenshot(bob, 'dup-03-bob-merged-into');

    // Ana's view of the first request: the second's message arrives, the suggestion goes, the merge is listed.
    await ana.locator('[data-testid=timeline-message]').nth(1).waitFor({ timeout: 10_000 });
    await expect(ana.locator('[data-testid=timeline-message]').nth(1).textContent()).resolves.toContain('mancha en el techo');
    await ana.locator('[data-testid=duplicate-suggestion]').waitFor({ state: 'detached' });
    await ana.locator('[data-testid=merge-entry]').waitFor();
    await expect(ana.locator('[data-testid=timeline-audit][data-action=merged-in]').textContent()).resolves.toContain('Bob Stone');
    await screenshot(ana, 'dup-04-ana-merged-in');
  });

  it('unmerges: the second request is back on its own, live for both', async () => {
    await ana.click('[data-testid=unmerge]');
    await ana.locator('[data-testid=merge-entry]').waitFor({ state: 'detached', timeout: 10_000 });
    await ana.locator('[data-testid=timeline-message]').nth(1).waitFor({ state: 'detached', timeout: 10_000 });
    await expect(ana.locator('[data-testid=timeline-message]').count()).resolves.toBe(1);
    await bob.locator('[data-testid=merged-into]').waitFor({ state: 'detached', timeout: 10_000 });
    await expect(bob.locator('[data-testid=timeline-message]').count()).resolves.toBe(1);
    await screenshot(bob, 'dup-05-bob-unmerged');
  });
});
