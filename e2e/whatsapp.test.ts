/**
 * WhatsApp in a real browser: a signed webhook makes an incident appear live; the agent answers from the
 * reply box; the local Twilio fake records the API request; a "delivered" status callback updates the
 * message live. Screenshots: .artifacts/e2e/.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto } from '../server/src/contracts/api.js';
import { ApiClient } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { startTwilioFake, type TwilioFake } from '../server/test/support/twilio-fake.js';
import { query } from '../server/test/support/services.js';
import { waitUntil } from '../server/test/support/wait.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

const PUBLIC = 'https://desk.climatiza.example';
const ACCOUNT = 'AC1c9f2a3b4c5d6e7f8091a2b3c4d5e6f7';
const TOKEN = '5f4dcc3b5aa765d61d8327deb882cf99';

describe('WhatsApp in the agent inbox, in Chromium', () => {
  let fake: TwilioFake;
  let server: TestServer;
  let browser: Browser;
  let ana: Page;
  let channel: ChannelDto;
  let admin: ApiClient;

  async function webhook(hook: 'inbound' | 'status', params: Record<string, string>): Promise<number> {
    const path = `/api/channels/twilio/${channel.id}/${hook}`;
    const res = await fetch(server.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(TOKEN, PUBLIC + path, params) },
      body: new URLSearchParams(params).toString(),
    });
    return res.status;
  }

  beforeAll(async () => {
    fake = await startTwilioFake({ [ACCOUNT]: TOKEN });
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist'), PUBLIC_URL: PUBLIC, TWILIO_API_URL: fake.url } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    channel = await admin.ok(admin.post('/api/channels', { kind: 'whatsapp', name: 'WhatsApp', accountSid: ACCOUNT, authToken: TOKEN, phoneNumber: '+34910000001' }));
    await admin.createUser({ email: 'ana@e2e.local', name: 'Ana Martín', role: 'agent', password: 'ana-password-1' });
    browser = await launchBrowser();
    ana = await agentPage(browser, server.url, 'ana@e2e.local', 'ana-password-1', 'es-ES');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  it('shows a WhatsApp message live, sends the reply through Twilio, and shows it delivered live', async () => {
    const inbound = { MessageSid: `SM${randomBytes(16).toString('hex')}`, AccountSid: ACCOUNT, From: 'whatsapp:+34612345678', To: 'whatsapp:+34910000001', Body: 'Hola, el aire acondicionado hace un ruido muy fuerte.', ProfileName: 'Lucía', NumMedia: '0' };
    expect(await webhook('inbound', inbound)).toBe(200);
    const row = ana.locator('[data-testid=incident-row]').filter({ hasText: 'ruido muy fuerte' });
    await row.waitFor({ timeout: 10_000 });
    await screenshot(ana, '30-whatsapp-live-insert');
    await row.click();
    await expect(ana.locator('[data-testid=reply-route]').textContent()).resolves.toContain('+34612345678');
    await ana.fill('[data-testid=reply-input]', 'Hola Lucía, mañana por la mañana pasa un técnico.');
    await ana.click('[data-testid=reply-send]');
    const [request] = await waitUntil(async () => fake.requests.filter((r) => r.params.Body === 'Hola Lucía, mañana por la mañana pasa un técnico.' && r.sid), (r) => r.length === 1, 'the Twilio API request');
    expect(request.params).toMatchObject({ To: 'whatsapp:+34612345678', From: 'whatsapp:+34910000001' });
    const sent = ana.locator('[data-testid=timeline-message]').filter({ hasText: 'mañana por la mañana pasa un técnico' });
    await sent.locator('[data-testid=delivery-status][data-status=sent]').waitFor({ timeout: 10_000 });
    expect(await webhook('status', { MessageSid: request.sid!, MessageStatus: 'delivered', AccountSid: ACCOUNT, From: 'whatsapp:+34910000001', To: 'whatsapp:+34612345678' })).toBe(200);
    await sent.locator('[data-testid=delivery-status][data-status=delivered]').waitFor({ timeout: 10_000 });
    await screenshot(ana, '31-whatsapp-reply-delivered');
  });

  it('offers the approved templates once the 24-hour window has closed, and sends one through Twilio', async () => {
    const HX = `HX${'5e6f7a8b'.repeat(4)}`;
    await admin.ok(admin.patch(`/api/channels/${channel.id}`, { templates: [{ name: 'Visita programada', contentSid: HX, language: 'es', body: 'Hola {{1}}, el técnico le visitará el {{2}}.' }] }));
    const incidentId = await ana.locator('[data-testid=incident-detail]').getAttribute('data-id');
    await query(server.databaseUrl!, `update messages set created_at = now() - interval '25 hours' where incident_id = $1`, [incidentId]);
    await ana.reload();
    await ana.locator('[data-testid=reply-window-closed]').waitFor({ timeout: 10_000 });
    await ana.fill('[data-testid=template-value-1]', 'Lucía');
    await ana.fill('[data-testid=template-value-2]', 'jueves 14 a las 9:00');
    await expect(ana.locator('[data-testid=template-preview]').textContent()).resolves.toBe('Hola Lucía, el técnico le visitará el jueves 14 a las 9:00.');
    await screenshot(ana, '32-whatsapp-template');
    await ana.click('[data-testid=template-send]');
    const [request] = await waitUntil(async () => fake.requests.filter((r) => r.params.ContentSid === HX), (r) => r.length === 1, 'the template request');
    expect(JSON.parse(request.params.ContentVariables!)).toEqual({ 1: 'Lucía', 2: 'jueves 14 a las 9:00' });
    await ana.locator('[data-testid=timeline-message]').filter({ hasText: 'le visitará el jueves 14' }).waitFor({ timeout: 10_000 });
  });
});
