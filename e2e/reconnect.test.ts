/**
 * A rolling restart: the agent's server goes away, a colleague works on another server meanwhile, the
 * agent's server comes back on the same address. The open inbox reconnects by itself and shows what
 * changed while it was offline, without a reload.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentListDto } from '../server/src/contracts/api.js';
import { ApiClient, submission } from '../server/test/support/api-client.js';
import { clearRedisPrefix, createTestDatabase } from '../server/test/support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

describe('inbox catch-up after a lost connection', () => {
  let a: TestServer;
  let b: TestServer;
  let browser: Browser;
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const redisPrefix = `sbt-reconnect-${process.pid}`;
  const shared = () => ({ mode: 'production' as const, env: { WEB_DIST: join(process.cwd(), 'web/dist') }, databaseUrl: db.url, redisPrefix });

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestServer(shared());
    b = await startTestServer(shared());
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await b?.close();
    await a?.close();
    await clearRedisPrefix(redisPrefix);
    await db?.drop();
  });

  it('shows incidents created and changed while the server was down', async () => {
    const adminB = new ApiClient(b.url);
    await adminB.login(ADMIN.email, ADMIN.password);
    const { key } = await adminB.createWebform();
    await adminB.createUser({ email: 'eva@e2e.local', name: 'Eva Agent', role: 'agent', password: 'eva-password-1' });
    const first = await new ApiClient(b.url).post(`/api/channels/webform/${key}`, submission({ subject: 'Antes del corte' }));

    const page = await agentPage(browser, a.url, 'eva@e2e.local', 'eva-password-1');
    await page.locator(`[data-testid=incident-row][data-reference="${first.body.reference}"]`).waitFor();
    await page.click(`[data-testid=incident-row][data-reference="${first.body.reference}"]`);
    await page.locator('[data-testid=incident-detail]').waitFor();

    const port = Number(new URL(a.url).port);
    await a.app.close(); // server A goes away (its database and Redis stay)
    await page.locator('[data-testid=live-indicator][data-state=offline]').waitFor({ timeout: 15_000 });
    await screenshot(page, '11-offline');

    const during = await new ApiClient(b.url).post(`/api/channels/webform/${key}`, submission({ subject: 'Durante el corte' }));
    const { items } = await adminB.ok<IncidentListDto>(adminB.get(`/api/incidents?q=${first.body.reference}`));
    await adminB.ok(adminB.patch(`/api/incidents/${items[0].id}`, { status: 'pending', priority: 'urgent' }));
    await adminB.ok(adminB.post(`/api/incidents/${items[0].id}/notes`, { body: 'Nota escrita durante el corte' }));

    a = await startTestServer({ ...shared(), port });
    await page.locator('[data-testid=live-indicator][data-state=live]').waitFor({ timeout: 30_000 });
    await page.locator(`[data-testid=incident-row][data-reference="${during.body.reference}"]`).waitFor({ timeout: 10_000 });
    await expect(page.locator(`[data-testid=incident-row][data-reference="${first.body.reference}"]`).getAttribute('data-status')).resolves.toBe('pending');
    await page.locator('[data-testid=timeline-message][data-kind=note]', { hasText: 'durante el corte' }).waitFor({ timeout: 10_000 });
    await screenshot(page, '12-caught-up');
  });
});
