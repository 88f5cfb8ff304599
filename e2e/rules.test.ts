/**
 * Workflow rules in Chromium: an admin builds "Gas smell → urgent" in the rules screen (the server's field
 * errors show at the inputs first), tries it on the incidents already there, saves it; a web form about a
 * gas smell then arrives urgent and in Boilers, its timeline says the rule did it (and that the SMS notice it
 * asks for could not be sent: no SMS channel), and the dry run of all rules shows it. Screenshots go to .artifacts/e2e/rules-*.png.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartmentDto, IncidentDetailDto, IncidentSummaryDto } from '../server/src/contracts/api.js';
import type { RuleDto } from '../server/src/contracts/workflow.js';
import { ApiClient, submission } from '../server/test/support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../server/test/support/test-server.js';
import { waitUntil } from '../server/test/support/wait.js';
import { agentPage, launchBrowser, screenshot } from './support/browser.js';

const RULE = 'Gas smell → urgent';

describe('workflow rules from the admin screen, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: ApiClient;
  let anon: ApiClient;
  let key: string;
  let boilers: DepartmentDto;
  let page: Page;
  let before: IncidentSummaryDto;
  let gas: IncidentSummaryDto;

  const latest = async () => (await admin.ok<{ items: IncidentSummaryDto[] }>(admin.get('/api/incidents?limit=1'))).items[0]!;

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WEB_DIST: join(process.cwd(), 'web/dist') } });
    admin = new ApiClient(server.url);
    anon = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    key = (await admin.createWebform('Web')).key;
    boilers = await admin.createDepartment('Boilers');
    await admin.createDepartment('Plumbing');
    // Already there when the rule is written: the dry run shows what the rule would have done to it.
    await anon.post(`/api/channels/webform/${key}`, submission({ subject: 'Cocina', message: 'Hay olor a gas cerca de la caldera desde anoche.' }));
    before = await latest();
    await anon.post(`/api/channels/webform/${key}`, submission({ subject: 'Factura', message: 'Necesito una copia de la factura de marzo.' }));
    browser = await launchBrowser();
    page = await agentPage(browser, server.url, ADMIN.email, ADMIN.password, 'en-GB');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('builds the rule in the editor: field errors from the server at their inputs, then a dry run of the draft', async () => {
    await page.click('[data-testid=nav-rules]');
    await page.locator('[data-testid=rules-page] [data-testid=rules-empty]').waitFor();
    await page.click('[data-testid=rule-new]');
    const editor = page.locator('[data-testid=rule-editor]');
    await editor.waitFor();

    // Saved empty: the server names the name and the actions; the editor puts each at its place.
    await page.click('[data-testid=rule-save]');
    await editor.locator('[data-testid=field-error][data-path=name]').waitFor();
    await expect(editor.locator('[data-testid=field-error][data-path=actions]').textContent()).resolves.toContain('at least one action');
    await expect(page.getAttribute('[data-testid=rule-name]', 'aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'rules-01-field-errors');

    await page.fill('[data-testid=rule-name]', RULE);
    await page.click('[data-testid=condition-add]');
    const condition = editor.locator('[data-testid=condition-row]').last();
    await condition.locator('[data-testid=condition-field]').selectOption('text');
    const keywords = condition.locator('[data-testid=condition-keywords] [data-testid=list-entry]');
    await keywords.fill('gas, olor a gas');
    await keywords.press('Enter');
    await expect(condition.locator('[data-testid=list-item]').allTextContents()).resolves.toEqual([expect.stringContaining('gas'), expect.stringContaining('olor a gas')]);

    await page.click('[data-testid=action-add]');
    const priority = editor.locator('[data-testid=action-row]').last();
    await priority.locator('[data-testid=action-kind]').selectOption('set-priority');
    await priority.locator('[data-testid=action-priority]').selectOption('urgent');
    await page.click('[data-testid=action-add]');
    await editor.locator('[data-testid=action-row]').last().locator('[data-testid=action-department]').selectOption({ label: 'Boilers' });

    await page.click('[data-testid=rule-editor] [data-testid=rule-dry-run]');
    const entry = page.locator(`[data-testid=dry-run-results] [data-testid=dry-run-entry][data-reference="${before.reference}"]`);
    await entry.waitFor({ timeout: 10_000 });
    await expect(entry.locator('[data-testid=dry-run-firing]').textContent()).resolves.toContain(RULE);
    await expect(entry.locator('[data-testid=dry-run-change][data-field=priority]').textContent()).resolves.toMatch(/Normal\s*→\s*Urgent/);
    await expect(entry.locator('[data-testid=dry-run-change][data-field=departmentId]').textContent()).resolves.toContain('Boilers');
    await expect(page.locator('[data-testid=dry-run-count]').textContent()).resolves.toMatch(/Would change 1 of \d+/);
    // The messages of the refused save went with the rows added since.
    await expect(editor.locator('[data-testid=rule-error]').count()).resolves.toBe(0);
    await entry.scrollIntoViewIfNeeded();
    await screenshot(page, 'rules-02-editor-dry-run');

    await page.click('[data-testid=rule-save]');
    const row = page.locator('[data-testid=rule-row]');
    await row.waitFor();
    await expect(row.locator('[data-testid=rule-conditions]').textContent()).resolves.toContain('text has “gas” or “olor a gas”');
    await expect(row.locator('[data-testid=rule-actions]').textContent()).resolves.toContain('priority → Urgent; department → Boilers');
    await expect(page.isChecked('[data-testid=rule-active]')).resolves.toBe(true);
    await screenshot(page, 'rules-03-list');

    const stored = await admin.ok<{ name: string; conditions: unknown[] }[]>(admin.get('/api/rules'));
    expect(stored).toEqual([expect.objectContaining({ name: RULE, conditions: [{ field: 'text', keywords: ['gas', 'olor a gas'], where: 'any' }] })]);
  });

  it('a web form about a gas smell arrives urgent, in Boilers, and its timeline names the rule and the notice it could not send', async () => {
    // The rule also texts the on-call phone; this desk has no SMS channel: the timeline says so, once.
    const [rule] = await admin.ok<RuleDto[]>(admin.get('/api/rules'));
    await admin.ok(admin.patch(`/api/rules/${rule!.id}`, { version: rule!.version, actions: [...rule!.actions, { do: 'notify', via: 'sms', to: '+34600111222' }] }));
    await anon.post(`/api/channels/webform/${key}`, submission({ subject: 'Urgente', message: 'Huele a gas en el portal, por favor vengan pronto.' }));
    gas = await latest();
    expect(gas.id).not.toBe(before.id);
    const incident = await waitUntil(
      () => admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${gas.id}`)),
      (d) => d.timeline.some((e) => e.type === 'audit' && e.action === 'notice.unsendable'),
      'the notice that could not be sent, on the timeline',
    );
    expect(incident.priority).toBe('urgent');
    expect(incident.department?.id).toBe(boilers.id);

    await page.click('[data-testid=nav-inbox]');
    await page.click(`[data-testid=incident-row][data-reference="${gas.reference}"]`);
    await page.locator(`[data-testid=incident-reference]:has-text("${gas.reference}")`).waitFor();
    await expect(page.inputValue('[data-testid=priority-select]')).resolves.toBe('urgent');
    const fired = page.locator('[data-testid=timeline-audit][data-action="rule.fired"]');
    await fired.first().waitFor();
    await expect(fired.first().textContent()).resolves.toContain(`Rule “${RULE}”`);
    const unsent = page.locator('[data-testid=timeline-audit][data-action="notice.unsendable"]');
    await expect(unsent.textContent()).resolves.toContain(`Rule “${RULE}”: notice to +34600111222 not sent (no active SMS channel)`);
    await unsent.scrollIntoViewIfNeeded();
    await screenshot(page, 'rules-04-incident');
  });

  it('the dry run of all rules shows what the rule does to recent incidents', async () => {
    await page.click('[data-testid=nav-rules]');
    await page.locator('[data-testid=rule-row]').waitFor();
    await page.click('[data-testid=rules-page] [data-testid=rule-dry-run]');
    await page.locator('[data-testid=dry-run-results]').waitFor({ timeout: 10_000 });
    const refs = await page.locator('[data-testid=dry-run-entry]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reference')));
    expect(refs).toEqual(expect.arrayContaining([before.reference, gas.reference]));
    const entry = page.locator(`[data-testid=dry-run-entry][data-reference="${before.reference}"]`);
    await expect(entry.locator('[data-testid=dry-run-firing]').textContent()).resolves.toContain(RULE);
    await expect(entry.locator('[data-testid=dry-run-change][data-field=priority]').textContent()).resolves.toMatch(/Normal\s*→\s*Urgent/);
    await screenshot(page, 'rules-05-dry-run-all');
  });
});
