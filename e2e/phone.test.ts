/**
 * Phone calls in a real browser: a CTI call pops up live with the caller's card and open incident, shows who
 * answered, and lands on that incident's timeline when it ends; a missed call from an unknown number opens a
 * call-back incident from the pop-up; an agent logs a call by hand. Screenshots: .artifacts/e2e/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto } from '../server/src/contracts/api.js';
import { ApiClient } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

describe('phone calls in the agent inbox, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let ana: Page;
  let phone: ChannelDto;
  let token: string;

  async function cti(event: Record<string, string>): Promise<number> {
    const res = await fetch(`${server.url}/api/channels/phone/${phone.id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(event),
    });
    return res.status;
  }

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist') } });
    const admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    phone = await admin.ok(admin.post('/api/channels', { kind: 'phone', name: 'Centralita' }));
    token = new URL(phone.phone!.webhooks.events).searchParams.get('token')!;
    const form = await admin.ok<ChannelDto>(admin.post('/api/channels', { kind: 'webform', name: 'Web' }));
    await admin.createUser({ email: 'ana@e2e.local', name: 'Ana Martín', role: 'agent', password: 'ana-password-1' });
    // A customer who wrote before: the call pops up with their card and this open incident.
    await admin.ok(
      admin.post(`/api/channels/webform/${form.key}`, { name: 'Lucía Gómez', phone: '+34612345678', subject: 'Caldera sin agua caliente', message: 'Desde ayer la caldera no calienta el agua.' }),
    );
    browser = await launchBrowser();
    ana = await agentPage(browser, server.url, 'ana@e2e.local', 'ana-password-1', 'es-ES');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pops up a call with the caller and their open incident, shows who answered, and logs it on the incident', async () => {
    const call = { callId: 'pbx-1001', from: '612 345 678', to: '+34910000001', direction: 'in', queue: 'averías' };
    expect(await cti({ ...call, event: 'newCall' })).toBe(200);
    const popup = ana.locator('[data-testid=call-popup][data-outcome=ringing]');
    await popup.waitFor({ timeout: 10_000 });
    await expect(popup.locator('[data-testid=call-popup-contact]').textContent()).resolves.toBe('Lucía Gómez');
    await popup.locator('[data-testid=call-popup-incident]').filter({ hasText: 'Caldera sin agua caliente' }).waitFor();
    await screenshot(ana, '40-call-ringing-popup');

    expect(await cti({ ...call, event: 'answer', user: 'ana@e2e.local' })).toBe(200);
    const answered = ana.locator('[data-testid=call-popup][data-outcome=in-progress]');
    await answered.locator('[data-testid=call-popup-agent]').filter({ hasText: 'Ana Martín' }).waitFor({ timeout: 10_000 });
    await answered.locator('[data-testid=call-popup-incident]').click();
    await ana.locator('[data-testid=incident-subject]').filter({ hasText: 'Caldera sin agua caliente' }).waitFor();

    expect(await cti({ ...call, event: 'hangup', cause: 'normalClearing' })).toBe(200);
    const entry = ana.locator('[data-testid=call-entry][data-outcome=answered]');
    await entry.waitFor({ timeout: 10_000 });
    await expect(entry.locator('[data-testid=call-agent]').textContent()).resolves.toBe('Ana Martín');
    await expect(entry.locator('[data-testid=call-number]').textContent()).resolves.toBe('+34612345678');
    await screenshot(ana, '41-call-on-timeline');
  });

  it('turns a missed call from an unknown number into a call-back incident, opened from the pop-up', async () => {
    const call = { callId: 'pbx-1002', from: '+40722123456', to: '+34910000001', direction: 'in' };
    await cti({ ...call, event: 'newCall' });
    await ana.locator('[data-testid=call-popup][data-outcome=ringing]').waitFor({ timeout: 10_000 });
    await cti({ ...call, event: 'hangup', cause: 'cancel' });
    const missed = ana.locator('[data-testid=call-popup][data-outcome=missed]');
    await missed.waitFor({ timeout: 10_000 });
    await ana.locator('[data-testid=incident-row]').filter({ hasText: 'devolver la llamada a +40722123456' }).waitFor({ timeout: 10_000 });
    await screenshot(ana, '42-missed-call-popup');
    await missed.locator('[data-testid=call-popup-open]').click();
    await ana.locator('[data-testid=incident-subject]').filter({ hasText: 'Llamada perdida: devolver la llamada a +40722123456' }).waitFor();
    const entry = ana.locator('[data-testid=timeline-message]').filter({ has: ana.locator('[data-testid=call-entry][data-outcome=missed]') });
    await entry.locator('[data-testid=message-flag][data-flag=call-back]').waitFor();
    await expect(missed.count()).resolves.toBe(0);
  });

  it('logs a call by hand from the incident', async () => {
    await ana.click('[data-testid=call-log-open]');
    await ana.fill('[data-testid=call-log-minutes]', '2');
    await ana.fill('[data-testid=call-log-notes]', 'Le he devuelto la llamada: pide visita el jueves.');
    await ana.click('[data-testid=call-log-save]');
    const entry = ana.locator('[data-testid=call-entry][data-outcome=answered]').filter({ hasText: 'pide visita el jueves' });
    await entry.waitFor({ timeout: 10_000 });
    await expect(entry.locator('[data-testid=call-talk]').textContent()).resolves.toBe('2:00');
    await expect(ana.locator('[data-testid=call-log-form]').count()).resolves.toBe(0);
    await screenshot(ana, '43-call-logged-by-hand');
  });
});
