import { describe, expect, it } from 'vitest';
import { createI18n } from 'vue-i18n';
import type { AuditEntryDto } from '@contracts';
import { describeAudit } from '../src/lib/audit';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

const entry: AuditEntryDto = {
  id: 'a1',
  actor: null,
  action: 'rule.fired',
  changes: {
    rule: { from: null, to: 'Gas smell -> urgent' },
    ruleId: { from: null, to: 'r1' },
    trigger: { from: null, to: 'created' },
    department: { from: null, to: { id: 'd1', name: 'Boilers' } },
    priority: { from: 'normal', to: 'urgent' },
  },
  createdAt: new Date().toISOString(),
};
const lookups = { userName: () => null, departmentName: () => null };

describe('a workflow rule on the timeline', () => {
  it.each([
    ['en', ['Rule “Gas smell -> urgent” moved to Boilers', 'Rule “Gas smell -> urgent”: priority Normal → Urgent']],
    ['es', ['Regla «Gas smell -> urgent» movió a Boilers', 'Regla «Gas smell -> urgent»: prioridad Normal → Urgente']],
  ])('reads as the rule’s doing (%s)', (locale, lines) => {
    const t = createI18n({ legacy: false, locale, messages: { en, es, ro } }).global.t as (k: string, p?: Record<string, unknown>) => string;
    expect(describeAudit(entry, t, lookups)).toEqual(lines);
  });
});

describe('a notice the desk could not send', () => {
  const unsendable = (changes: Record<string, unknown>): AuditEntryDto => ({
    id: 'a2',
    actor: null,
    action: 'notice.unsendable',
    changes: Object.fromEntries(Object.entries({ sourceId: 'b0e3c1f2-0000-5000-a000-000000000000', rule: null, ...changes }).map(([k, to]) => [k, { from: null, to }])),
    createdAt: new Date().toISOString(),
  });
  it.each([
    ['en', { kind: 'rule-notify', rule: 'Gas smell -> urgent', recipient: '+34600111222', reason: 'no-sms-channel' }, 'Rule “Gas smell -> urgent”: notice to +34600111222 not sent (no active SMS channel)'],
    ['es', { kind: 'rule-notify', rule: 'Gas smell -> urgent', recipient: 'guardia@example.es', reason: 'no-email-channel' }, 'Regla «Gas smell -> urgent»: aviso a guardia@example.es no enviado (no hay ningún canal de correo activo)'],
    ['ro', { kind: 'rule-auto-reply', rule: 'Gas smell -> urgent', recipient: null, reason: 'no-route' }, 'Regula „Gas smell -> urgent”: răspunsul automat nu a fost trimis (clientul nu poate fi contactat)'],
    ['en', { kind: 'sla-resolution-breached', recipient: 'boss@example.com', reason: 'no-email-channel' }, 'System: notice to boss@example.com not sent (no active e-mail channel)'],
    ['en', { kind: 'rule-auto-reply', rule: 'Gas smell -> urgent', reason: 'a reason from a newer server' }, 'Rule “Gas smell -> urgent”: automatic reply not sent (a reason from a newer server)'],
    ['en', { kind: 'service-order', recipient: 'radu@example.com', reason: 'no-email-channel' }, 'System: service order to radu@example.com not sent yet (no active e-mail channel); it goes out if an e-mail channel is active again while the offer stands'],
    ['es', { kind: 'service-release', recipient: null, reason: 'no-recipient' }, 'Sistema: aviso a — no enviado (el destinatario ya no está en el servicio)'],
  ])('says what was not sent and why (%s)', (locale, changes, line) => {
    const t = createI18n({ legacy: false, locale, messages: { en, es, ro } }).global.t as (k: string, p?: Record<string, unknown>) => string;
    expect(describeAudit(unsendable(changes), t, lookups)).toEqual([line]);
  });
});
