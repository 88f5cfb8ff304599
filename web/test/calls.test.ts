/** Phone calls in the app: the pop-up store (lifecycle, timers, the caller's open incidents), the pop-up, and the timeline entry. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { CallDto, ContactDto } from '@contracts';
import { LINGER_MS, MAX_CALLS, calls } from '../src/stores/calls';
import CallPopup from '../src/components/CallPopup.vue';
import CallEntry from '../src/components/CallEntry.vue';
import { duration } from '../src/lib/calls';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { incident } from './fixtures';

const lucia: ContactDto = { id: 'c1', name: 'Lucía Gómez', email: 'lucia@example.com', phone: '+34612345678', customerId: 'cu1', customerName: 'Panadería Gómez' };

function call(overrides: Partial<CallDto> = {}): CallDto {
  return {
    id: 'call-1',
    source: 'cti',
    direction: 'in',
    from: '+34612345678',
    to: '+34910000001',
    agent: null,
    agentLabel: null,
    queue: 'averías',
    outcome: 'ringing',
    startedAt: '2030-01-01T10:00:00.000Z',
    answeredAt: null,
    endedAt: null,
    waitSeconds: null,
    talkSeconds: null,
    recordingUrl: null,
    cause: null,
    notes: null,
    contactId: 'c1',
    incidentId: null,
    ...overrides,
  };
}

const requests: string[] = [];
let attachAnswer: CallDto | null = null;
function fakeFetch(url: string, init: RequestInit = {}) {
  requests.push(`${init.method ?? 'GET'} ${url}`);
  const body =
    url.startsWith('/api/incidents?')
      ? {
          items: [incident({ id: 'i1', reference: 'SB-1042', subject: 'Caldera sin agua caliente', status: 'open' })],
          counts: {},
          nextCursor: null,
        }
      : attachAnswer;
  return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }));
}

const shown = () => calls.state.items.map((c) => `${c.call.id}:${c.call.outcome}`);

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  requests.length = 0;
});
afterEach(() => {
  calls.reset();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the calls store', () => {
  it('shows an inbound call while it rings and is talked, then a moment after it ends', async () => {
    calls.onCall({ call: call(), contact: lucia });
    calls.onCall({ call: call({ outcome: 'in-progress', answeredAt: '2030-01-01T10:00:08.000Z' }), contact: lucia });
    vi.advanceTimersByTime(60_000);
    expect(shown()).toEqual(['call-1:in-progress']);
    calls.onCall({ call: call({ outcome: 'answered', endedAt: '2030-01-01T10:03:08.000Z' }), contact: lucia });
    vi.advanceTimersByTime(LINGER_MS.ended - 1);
    expect(shown()).toEqual(['call-1:answered']);
    vi.advanceTimersByTime(1);
    expect(shown()).toEqual([]);
  });

  it('keeps a missed call longer (someone has to call back)', () => {
    calls.onCall({ call: call(), contact: null });
    calls.onCall({ call: call({ outcome: 'missed', endedAt: '2030-01-01T10:00:25.000Z' }), contact: null });
    vi.advanceTimersByTime(LINGER_MS.ended);
    expect(shown()).toEqual(['call-1:missed']);
    vi.advanceTimersByTime(LINGER_MS.missed);
    expect(shown()).toEqual([]);
  });

  it('leaves out outbound calls, and calls that ended before it heard them ring', () => {
    calls.onCall({ call: call({ direction: 'out' }), contact: lucia });
    calls.onCall({ call: call({ id: 'call-2', outcome: 'answered' }), contact: lucia });
    expect(shown()).toEqual([]);
  });

  it(`loads the caller's open incidents once, and keeps at most ${MAX_CALLS} calls`, async () => {
    calls.onCall({ call: call(), contact: lucia });
    calls.onCall({ call: call({ outcome: 'in-progress' }), contact: lucia });
    await vi.waitFor(() => expect(calls.state.items[0]!.openIncidents?.map((i) => i.reference)).toEqual(['SB-1042']));
    expect(requests.filter((r) => r.includes('/api/incidents?'))).toEqual(['GET /api/incidents?contactId=c1&active=true&limit=5']);
    for (let i = 2; i <= MAX_CALLS + 1; i++) calls.onCall({ call: call({ id: `call-${i}` }), contact: null });
    expect(calls.state.items).toHaveLength(MAX_CALLS);
    expect(calls.state.items.at(-1)!.call.id).toBe('call-2');
  });

  it('reset drops the calls and their timers', () => {
    calls.onCall({ call: call(), contact: null });
    calls.onCall({ call: call({ outcome: 'missed' }), contact: null });
    calls.reset();
    expect(shown()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('the call pop-up', () => {
  const mountPopup = (locale = 'en') => mount(CallPopup, { global: { plugins: [createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } })] } });

  it("shows the number, the caller's card and open incidents, and opens one", async () => {
    const w = mountPopup('es');
    calls.onCall({ call: call(), contact: lucia });
    await flushPromises();
    const popup = w.find('[data-testid=call-popup]');
    expect(popup.attributes('data-outcome')).toBe('ringing');
    expect(popup.find('[data-testid=call-popup-title]').text()).toBe('Llamada entrante');
    expect(popup.find('[data-testid=call-popup-number]').text()).toBe('+34612345678');
    expect(popup.find('[data-testid=call-popup-contact]').text()).toBe('Lucía Gómez');
    expect(popup.text()).toContain('Panadería Gómez');
    const links = popup.findAll('[data-testid=call-popup-incident]');
    expect(links.map((l) => l.text())).toEqual(['SB-1042 Caldera sin agua caliente']);
    await links[0]!.trigger('click');
    expect(w.emitted('open')).toEqual([['i1']]);
    expect(w.find('[data-testid=call-popup]').exists()).toBe(false);
  });

  it('says who answered, and offers a new incident from an ended call with none', async () => {
    const w = mountPopup('ro');
    calls.onCall({ call: call({ contactId: null }), contact: null });
    calls.onCall({ call: call({ contactId: null, agentLabel: 'ext 201' }), contact: null });
    await flushPromises();
    expect(w.find('[data-testid=call-popup-agent]').exists()).toBe(false); // ringing for someone is not answered by them
    calls.onCall({ call: call({ outcome: 'answered', agent: { id: 'u1', name: 'Ana Martín' }, answeredAt: '2030-01-01T10:00:08.000Z', talkSeconds: 185, endedAt: '2030-01-01T10:03:05.000Z', contactId: null }), contact: null });
    await flushPromises();
    expect(w.find('[data-testid=call-popup-agent]').text()).toBe('Preluat de Ana Martín · 3:05');
    expect(w.text()).toContain('Nu este un contact cunoscut');
    attachAnswer = call({ outcome: 'answered', incidentId: 'i9' });
    await w.find('[data-testid=call-popup-new-incident]').trigger('click');
    await flushPromises();
    expect(requests).toContain('POST /api/calls/call-1/incident');
    expect(w.emitted('open')).toEqual([['i9']]);
  });

  it('offers the call-back incident of a missed call', async () => {
    const w = mountPopup('en');
    calls.onCall({ call: call({ from: '+40722123456', contactId: 'c2' }), contact: null });
    calls.onCall({ call: call({ from: '+40722123456', outcome: 'missed', endedAt: '2030-01-01T10:00:25.000Z', incidentId: 'i7' }), contact: null });
    await flushPromises();
    expect(w.find('[data-testid=call-popup-title]').text()).toBe('Missed');
    await w.find('[data-testid=call-popup-open]').trigger('click');
    expect(w.emitted('open')).toEqual([['i7']]);
  });
});

describe('a call on the timeline', () => {
  const mountEntry = (c: CallDto, locale = 'en') => mount(CallEntry, { props: { call: c }, global: { plugins: [createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } })] } });

  it('shows direction, number, outcome, agent, wait and talk times, notes and the recording', () => {
    const w = mountEntry(
      call({ outcome: 'answered', agent: null, agentLabel: 'ext 201', answeredAt: '2030-01-01T10:00:08.000Z', waitSeconds: 8, talkSeconds: 3725, notes: 'Visita el jueves', recordingUrl: 'https://pbx.example/rec/1.mp3' }),
      'es',
    );
    expect(w.attributes('data-outcome')).toBe('answered');
    expect(w.text()).toContain('Llamada entrante');
    expect(w.find('[data-testid=call-number]').attributes('href')).toBe('tel:+34612345678');
    expect(w.find('[data-testid=call-outcome]').text()).toBe('Atendida');
    expect(w.find('[data-testid=call-agent]').text()).toBe('ext 201');
    expect(w.find('[data-testid=call-wait]').text()).toBe('0:08');
    expect(w.find('[data-testid=call-talk]').text()).toBe('1:02:05');
    expect(w.find('[data-testid=call-notes]').text()).toBe('Visita el jueves');
    expect(w.find('[data-testid=call-recording]').attributes()).toMatchObject({ href: 'https://pbx.example/rec/1.mp3', rel: 'noopener noreferrer' });
  });

  it('names the callee of an outbound call, and a withheld number', () => {
    expect(mountEntry(call({ direction: 'out', to: '+40722123456', outcome: 'missed' })).find('[data-testid=call-number]').text()).toBe('+40722123456');
    expect(mountEntry(call({ from: null, outcome: 'missed' }), 'ro').text()).toContain('Număr ascuns');
  });

  it('formats durations', () => {
    expect([duration(null), duration(0), duration(65), duration(3600)]).toEqual(['—', '0:00', '1:05', '1:00:00']);
  });
});
