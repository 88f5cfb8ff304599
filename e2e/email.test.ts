/**
 * E-mail in a real browser: a customer's mail (HTML, remote image, inline picture) appears live; the
 * agent answers from the reply box, the mail goes out (recording SMTP server) and shows "sent"; the
 * customer's answer to it, appended to the real Dovecot mailbox, appears live under it; the agent assigns
 * a technician, whose "Acepto" by reply flips the assignment to confirmed live. Screenshots: .artifacts/e2e/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../channels/email/test/fixtures.js';
import type { UserDto } from '../server/src/contracts/api.js';
import { startMailDesk, type MailDesk } from '../server/test/support/mail-desk.js';
import { mail, MAILBOX } from '../server/test/support/mailbox.js';
import { waitUntil } from '../server/test/support/wait.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

describe('e-mail in the agent inbox, in Chromium', () => {
  let desk: MailDesk;
  let browser: Browser;
  let ana: Page;
  let tech: UserDto;
  let reference = '';

  const row = () => ana.locator(`[data-testid=incident-row][data-reference="${reference}"]`);
  const messages = () => ana.locator('[data-testid=timeline-message]');

  beforeAll(async () => {
    desk = await startMailDesk({ WEB_DIST: join(process.cwd(), 'web/dist'), PUBLIC_URL: 'https://desk.climatiza.example' });
    await desk.admin.createUser({ email: 'ana@e2e.local', name: 'Ana Martín', role: 'agent', password: 'ana-password-1' });
    tech = await desk.admin.createUser({ email: 'andres.molina@example.es', name: 'Andrés Molina', role: 'technician', password: 'andres-password-1' });
    browser = await launchBrowser();
    ana = await agentPage(browser, desk.server.url, 'ana@e2e.local', 'ana-password-1', 'es-ES');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows a customer mail live: the new text, who wrote it, the sanitised formatted view with remote images blocked', async () => {
    await desk.dovecot.append(MAILBOX.user, fixture('html-remote-image-script.eml'));
    await ana.locator('[data-testid=incident-row]').filter({ hasText: 'Chiller alarm - room 214' }).waitFor({ timeout: 15_000 });
    await ana.locator('[data-testid=incident-row]').filter({ hasText: 'Chiller alarm - room 214' }).click();
    reference = (await ana.locator('[data-testid=incident-reference]').textContent())!.trim().match(/SB-\d+/)![0];
    const first = messages().first();
    await expect(first.locator('[data-testid=email-from]').textContent()).resolves.toContain('facilities@harbourview.example');
    await expect(first.locator('[data-testid=sender-kind]').getAttribute('data-sender-kind')).resolves.toBe('customer');
    await first.locator('[data-testid=show-formatted]').click();
    const frame = first.locator('[data-testid=email-html-frame]');
    await expect(frame.getAttribute('data-remote-images')).resolves.toBe('blocked');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    expect(srcdoc).not.toMatch(/<script/i);
    // nothing from elsewhere loads until asked (our own attachments may)
    const sources = [...srcdoc.matchAll(/<img[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1].replace(/&amp;/g, '&'));
    expect(sources.filter((src) => /^https?:/i.test(src) && !src.startsWith(desk.server.url))).toEqual([]);
    expect(srcdoc).toContain('data-blocked-src="https://');
    await screenshot(ana, '20-email-incident-formatted');
  });

  it('sends the agent reply and shows it sent, live', async () => {
    // A request from a customer who will answer us.
    await desk.dovecot.append(MAILBOX.user, mail('e2e', { From: 'Carmen Ortega <carmen.ortega@example.es>', Subject: 'La caldera no arranca' }, 'Desde esta mañana la caldera no arranca.'));
    const incidentRow = ana.locator('[data-testid=incident-row]').filter({ hasText: 'La caldera no arranca' });
    await incidentRow.waitFor({ timeout: 15_000 });
    await incidentRow.click();
    reference = (await ana.locator('[data-testid=incident-reference]').textContent())!.trim().match(/SB-\d+/)![0];
    await expect(ana.locator('[data-testid=reply-route]').textContent()).resolves.toContain('carmen.ortega@example.es');
    await ana.fill('[data-testid=reply-input]', 'Buenos días, Carmen: mañana entre las 9 y las 11 pasa un técnico.');
    await ana.click('[data-testid=reply-send]');
    const sent = messages().filter({ hasText: 'mañana entre las 9 y las 11' });
    await sent.locator('[data-testid=delivery-status][data-status=sent]').waitFor({ timeout: 15_000 });
    const out = await waitUntil(async () => desk.smtp.mails.filter((m) => m.to.includes('carmen.ortega@example.es') && m.parsed.text?.includes('mañana entre las 9')), (m) => m.length === 1, 'the reply at the SMTP server');
    expect(out[0].parsed.subject).toBe(`Re: La caldera no arranca [${reference}]`);
    await screenshot(ana, '21-email-reply-sent');

    // The customer answers it: the mail reaches the mailbox, and the agent sees it under the reply, live.
    const replyTo = out[0].parsed.replyTo!.value[0].address!;
    const before = await messages().count();
    await desk.dovecot.append(
      MAILBOX.user,
      mail('e2e-answer', { From: 'Carmen Ortega <carmen.ortega@example.es>', To: replyTo, Subject: `Re: La caldera no arranca [${reference}]`, 'In-Reply-To': out[0].parsed.messageId! }, 'Perfecto, estaré en casa. Gracias.\r\n\r\nEl lun, 23 nov 2026, Climatiza Soporte escribió:\r\n> Buenos días, Carmen'),
    );
    const answer = messages().filter({ hasText: 'Perfecto, estaré en casa.' });
    await answer.waitFor({ timeout: 15_000 });
    expect(await messages().count()).toBe(before + 1);
    await expect(answer.textContent()).resolves.not.toContain('Buenos días, Carmen'); // the quoted history is folded away
    await screenshot(ana, '22-email-customer-answer-live');
  });

  it('flips the assignment to confirmed live when the technician replies "Acepto"', async () => {
    await ana.selectOption('[data-testid=assignee-select]', tech.id);
    await ana.locator('[data-testid=assignment-status][data-status=pending]').waitFor({ timeout: 10_000 });
    const order = await waitUntil(async () => desk.smtp.mails.filter((m) => m.to.includes(tech.email)), (m) => m.length === 1, 'the service order');
    await screenshot(ana, '23-service-order-pending');
    await desk.dovecot.append(
      MAILBOX.user,
      mail('e2e-acepto', { From: 'Andrés Molina <andres.molina@example.es>', To: order[0].parsed.replyTo!.value[0].address!, Subject: `Re: ${order[0].parsed.subject}`, 'In-Reply-To': order[0].parsed.messageId! }, 'Acepto.\r\n\r\nEnviado desde mi móvil'),
    );
    await ana.locator('[data-testid=assignment-status][data-status=confirmed]').waitFor({ timeout: 15_000 });
    await messages().filter({ hasText: 'Acepto.' }).locator('[data-testid=message-flag][data-flag=confirmed]').waitFor();
    await expect(row().locator('[data-testid=row-assignment]').count()).resolves.toBe(0);
    await screenshot(ana, '24-service-order-confirmed-live');
  });
});
