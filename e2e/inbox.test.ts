/**
 * The walking skeleton in a real browser: two agents watch their inboxes, a customer sends the public
 * web form, both inboxes show it live; one agent assigns it to the other, who sees that live; both see
 * each other viewing it, and a note travels live. Screenshots go to .artifacts/e2e/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

describe('agent inbox in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let key: string;
  let ana: Page;
  let bob: Page;
  let bobId: string;

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist') } });
    const admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    key = (await admin.createWebform('Sitio web')).key;
    await admin.createDepartment('Soporte técnico');
    await admin.createUser({ email: 'ana@e2e.local', name: 'Ana Martín', role: 'agent', password: 'ana-password-1' });
    bobId = (await admin.createUser({ email: 'bob@e2e.local', name: 'Bob Stone', role: 'agent', password: 'bob-password-1', locale: 'en' })).id;
    browser = await launchBrowser();
    ana = await agentPage(browser, server.url, 'ana@e2e.local', 'ana-password-1', 'es-ES');
    bob = await agentPage(browser, server.url, 'bob@e2e.local', 'bob-password-1', 'en-GB');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refuses a wrong password with a message', async () => {
    const page = await (await browser.newContext({ locale: 'ro-RO' })).newPage();
    await page.goto(`${server.url}/login`);
    await page.fill('[data-testid=login-email]', 'ana@e2e.local');
    await page.fill('[data-testid=login-password]', 'wrong-password');
    await page.click('[data-testid=login-submit]');
    await expect(page.locator('[data-testid=login-error]').textContent()).resolves.toBeTruthy();
    await screenshot(page, '01-login-error-ro');
    await page.context().close();
  });

  let reference = '';

  it('shows a customer web-form request in both inboxes without a reload', async () => {
    const customer = await (await browser.newContext({ locale: 'es-ES', javaScriptEnabled: false })).newPage();
    await customer.goto(`${server.url}/forms/${key}`);
    await customer.fill('#f-name', 'Carmen Ortega');
    await customer.fill('#f-email', 'carmen.ortega@example.es');
    await customer.fill('#f-phone', '612 345 678');
    await customer.fill('#f-subject', 'Corte de luz en el local');
    await customer.fill('#f-message', 'Desde las 9:00 no hay luz en el local de la calle Mayor 3.\n<script>alert("x")</script>');
    await screenshot(customer, '02-customer-form');
    await customer.click('button[type=submit]');
    reference = (await customer.locator('[data-reference]').textContent())!.trim();
    expect(reference).toMatch(/^SB-\d+$/);
    await screenshot(customer, '03-customer-thanks');

    for (const page of [ana, bob]) {
      const row = page.locator(`[data-testid=incident-row][data-reference="${reference}"]`);
      await row.waitFor({ timeout: 10_000 });
      await expect(row.getAttribute('data-status')).resolves.toBe('new');
    }
    await expect(ana.locator('[data-testid=status-tab-new] [data-testid=count]').textContent()).resolves.toBe('1');
    await screenshot(ana, '04-ana-inbox-live-insert');
  });

  it('opens the incident with its timeline, message shown as text', async () => {
    await ana.click(`[data-testid=incident-row][data-reference="${reference}"]`);
    const detail = ana.locator('[data-testid=incident-detail]');
    await detail.waitFor();
    await expect(ana.locator('[data-testid=incident-reference]').textContent()).resolves.toContain(reference);
    const message = ana.locator('[data-testid=timeline-message][data-kind=inbound]').first();
    await expect(message.textContent()).resolves.toContain('<script>alert("x")</script>');
    await screenshot(ana, '05-ana-incident-open');
  });

  it('tells each agent who else is viewing', async () => {
    await bob.click(`[data-testid=incident-row][data-reference="${reference}"]`);
    await bob.locator('[data-testid=incident-detail]').waitFor();
    await ana.locator('[data-testid=viewers]', { hasText: 'Bob Stone' }).waitFor({ timeout: 10_000 });
    await bob.locator('[data-testid=viewers]', { hasText: 'Ana Martín' }).waitFor({ timeout: 10_000 });
    await screenshot(bob, '06-bob-sees-ana-viewing');
  });

  it('assigns the incident to a colleague, who sees it live', async () => {
    await ana.selectOption('[data-testid=assignee-select]', bobId);
    await bob.locator('[data-testid=assignee-select]').evaluate((el, id) => new Promise<void>((resolve) => {
      const check = () => ((el as unknown as { value: string }).value === id ? resolve() : setTimeout(check, 50));
      check();
    }), bobId);
    await bob.locator(`[data-testid=incident-row][data-reference="${reference}"][data-status=open]`).waitFor({ timeout: 10_000 });
    await bob.locator('[data-testid=timeline-audit]').filter({ hasText: 'Ana Martín' }).first().waitFor();
    await screenshot(bob, '07-bob-sees-assignment');
  });

  it('adds an internal note that appears live for the other agent', async () => {
    await ana.fill('[data-testid=note-input]', 'He llamado a la clienta: el cuadro eléctrico está bien.');
    await ana.click('[data-testid=note-submit]');
    await bob.locator('[data-testid=timeline-message][data-kind=note]', { hasText: 'cuadro eléctrico' }).waitFor({ timeout: 10_000 });
    await screenshot(bob, '08-bob-sees-note');
    await screenshot(ana, '09-ana-after-note');
  });

  it('switches language', async () => {
    await ana.selectOption('[data-testid=locale-select]', 'ro');
    await ana.locator('[data-testid=note-submit]').waitFor();
    await screenshot(ana, '10-ana-romanian');
    await ana.selectOption('[data-testid=locale-select]', 'es');
  });
});
