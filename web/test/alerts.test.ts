/** 'incident.alert' on top of the inbox: the store (stacking, timing) and the banner. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { ALERT_MS, MAX_ALERTS, alerts, type AlertPayload } from '../src/stores/alerts';
import AlertStack from '../src/components/AlertStack.vue';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

const declined = (incidentId: string, reference: string, by: AlertPayload['by'] = { id: 'u-andres', name: 'Andrés Molina' }): AlertPayload => ({
  incidentId,
  reference,
  kind: 'assignment-declined',
  by,
});
const shown = () => alerts.state.items.map((a) => a.reference);

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  alerts.reset();
  vi.useRealTimers();
});

describe('the alerts store', () => {
  it('stacks alerts, newest first, and each goes after ~10 s', () => {
    alerts.push(declined('i1', 'SB-1042'));
    vi.advanceTimersByTime(4000);
    alerts.push(declined('i2', 'SB-1043'));
    expect(shown()).toEqual(['SB-1043', 'SB-1042']);
    vi.advanceTimersByTime(ALERT_MS - 4000);
    expect(shown()).toEqual(['SB-1043']);
    vi.advanceTimersByTime(4000);
    expect(shown()).toEqual([]);
  });

  it('the same alert again replaces the old one and restarts its time', () => {
    alerts.push(declined('i1', 'SB-1042'));
    vi.advanceTimersByTime(8000);
    alerts.push(declined('i1', 'SB-1042', { id: 'u-x', name: 'Ion Popescu' }));
    expect(alerts.state.items).toHaveLength(1);
    expect(alerts.state.items[0]!.by!.name).toBe('Ion Popescu');
    vi.advanceTimersByTime(8000);
    expect(shown()).toEqual(['SB-1042']);
    vi.advanceTimersByTime(2000);
    expect(shown()).toEqual([]);
  });

  it(`keeps at most ${MAX_ALERTS}`, () => {
    for (let i = 0; i < MAX_ALERTS + 2; i++) alerts.push(declined(`i${i}`, `SB-${i}`));
    expect(shown()).toEqual(['SB-6', 'SB-5', 'SB-4', 'SB-3', 'SB-2']);
  });

  it('dismisses one at a time', () => {
    alerts.push(declined('i1', 'SB-1'));
    alerts.push(declined('i2', 'SB-2'));
    alerts.dismiss(alerts.state.items[1]!.id);
    expect(shown()).toEqual(['SB-2']);
  });

  it('stays while held (pointer or focus on it), then goes after what was left of its time', () => {
    alerts.push(declined('i1', 'SB-1'));
    const id = alerts.state.items[0]!.id;
    vi.advanceTimersByTime(6000);
    alerts.hold(id);
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['SB-1']);
    alerts.release(id);
    vi.advanceTimersByTime(3900);
    expect(shown()).toEqual(['SB-1']);
    vi.advanceTimersByTime(200);
    expect(shown()).toEqual([]);
  });

  it('leaves out kinds this app does not know', () => {
    alerts.push({ ...declined('i1', 'SB-1'), kind: 'contract-expired' as never });
    expect(shown()).toEqual([]);
  });

  it('shows the kinds it knows: nobody free, SLA near and missed', () => {
    for (const kind of ['no-technician', 'sla-warning', 'sla-breached'] as const) alerts.push({ ...declined(`i-${kind}`, 'SB-2'), kind });
    expect(shown()).toHaveLength(3);
  });

  it('reset drops all and their timers', () => {
    alerts.push(declined('i1', 'SB-1'));
    alerts.reset();
    expect(shown()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the alert banner', () => {
  function mountStack(locale = 'en') {
    return mount(AlertStack, { global: { plugins: [createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } })] } });
  }

  it('says who declined which incident, in the agent language', async () => {
    const w = mountStack();
    alerts.push(declined('i1', 'SB-1042'));
    alerts.push(declined('i2', 'SB-1043', null));
    await w.vm.$nextTick();
    const items = w.findAll('[data-testid=alert]');
    expect(items.map((a) => a.attributes('data-incident-id'))).toEqual(['i2', 'i1']);
    expect(items[1]!.find('[data-testid=alert-open]').text()).toContain('Andrés Molina declined SB-1042');
    expect(items[1]!.text()).toContain('Open it to assign someone else');
    expect(items[0]!.text()).toContain('The service order for SB-1043 was declined');
    expect(items[0]!.attributes('data-kind')).toBe('assignment-declined');
    expect(w.find('[data-testid=alerts]').attributes('aria-live')).toBe('assertive');

    const es = mountStack('es');
    await es.vm.$nextTick();
    expect(es.find('[data-testid=alert]:last-child').text()).toContain('Andrés Molina rechazó SB-1042');
    const ro = mountStack('ro');
    await ro.vm.$nextTick();
    expect(ro.find('[data-testid=alert]:last-child').text()).toContain('Andrés Molina a refuzat SB-1042');
  });

  it('opens the incident (and goes), or is dismissed', async () => {
    const w = mountStack();
    alerts.push(declined('i1', 'SB-1'));
    alerts.push(declined('i2', 'SB-2'));
    await w.vm.$nextTick();
    await w.findAll('[data-testid=alert-open]')[1]!.trigger('click');
    expect(w.emitted('open')).toEqual([['i1']]);
    expect(w.findAll('[data-testid=alert]').map((a) => a.attributes('data-incident-id'))).toEqual(['i2']);
    await w.find('[data-testid=alert-dismiss]').trigger('click');
    expect(w.find('[data-testid=alert]').exists()).toBe(false);
    expect(w.emitted('open')).toHaveLength(1);
  });

  it('goes by itself, but not while the pointer is on it', async () => {
    const w = mountStack();
    alerts.push(declined('i1', 'SB-1'));
    await w.vm.$nextTick();
    await w.find('[data-testid=alert]').trigger('mouseenter');
    vi.advanceTimersByTime(ALERT_MS * 3);
    await w.vm.$nextTick();
    expect(w.find('[data-testid=alert]').exists()).toBe(true);
    await w.find('[data-testid=alert]').trigger('mouseleave');
    vi.advanceTimersByTime(ALERT_MS);
    await w.vm.$nextTick();
    expect(w.find('[data-testid=alert]').exists()).toBe(false);
  });
});
