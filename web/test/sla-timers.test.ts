import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { IncidentSlaDto } from '@contracts';
import SlaTimers from '../src/components/SlaTimers.vue';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

const at = (min: number) => new Date(Date.now() + min * 60_000).toISOString();
const sla = (clocks: IncidentSlaDto['clocks']): IncidentSlaDto => ({ policy: { id: 'p', name: 'Standard' }, clocks, businessHours: false, computedAt: new Date().toISOString() });
const mountWith = (s: IncidentSlaDto | null, compact = false, locale = 'en') =>
  mount(SlaTimers, { props: { sla: s, compact }, global: { plugins: [createI18n({ legacy: false, locale, messages: { en, es, ro } })] } });

describe('SLA timers', () => {
  it('shows each clock with its state and when it is due', () => {
    const w = mountWith(
      sla([
        { target: 'first-response', dueAt: at(-5), warnAt: at(-35), state: 'breached', remainingMinutes: -5 },
        { target: 'resolution', dueAt: at(180), warnAt: at(60), state: 'running', remainingMinutes: 180 },
      ]),
    );
    const clocks = w.findAll('[data-testid="sla-clock"]');
    expect(clocks.map((c) => c.attributes('data-state'))).toEqual(['breached', 'running']);
    expect(clocks[0]!.text()).toMatch(/First response\s*late, was due .*ago/);
    expect(clocks[1]!.text()).toMatch(/Resolution\s*due in 3 hr/);
  });

  it('in the list shows only the first clock not met, and nothing when all are met or there is no policy', () => {
    const open = mountWith(sla([{ target: 'first-response', dueAt: at(-1), warnAt: at(-2), state: 'met', remainingMinutes: 3 }, { target: 'resolution', dueAt: at(30), warnAt: at(10), state: 'warning', remainingMinutes: 30 }]), true);
    expect(open.findAll('[data-testid="sla-clock"]').map((c) => c.attributes('data-target'))).toEqual(['resolution']);
    expect(mountWith(sla([{ target: 'resolution', dueAt: at(1), warnAt: at(0), state: 'met', remainingMinutes: 1 }]), true).find('[data-testid="sla"]').exists()).toBe(false);
    expect(mountWith(null).find('[data-testid="sla"]').exists()).toBe(false);
  });

  it('speaks Spanish', () => {
    const w = mountWith(sla([{ target: 'resolution', dueAt: at(60), warnAt: at(30), state: 'paused', remainingMinutes: 60 }]), false, 'es');
    expect(w.text()).toContain('Resolución');
    expect(w.text()).toContain('en pausa (esperando al cliente)');
  });
});
