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
