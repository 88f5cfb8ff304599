/**
 * The whole app in jsdom against a fake server: login, list, keyboard, detail, locale, logout.
 * Uses the same data-testid selectors as the end-to-end tests.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createApp, nextTick } from 'vue';
import type { IncidentListDto, MeDto } from '@contracts';
import { at, detail as makeDetail, incident } from './fixtures';

vi.mock('socket.io-client', () => import('./fake-socket'));
const { fake } = await import('./fake-socket');

const me: MeDto = { user: { id: 'u-me', name: 'Ana Agent', email: 'ana@x.test', role: 'agent', locale: 'es', departmentIds: [] }, csrfToken: 'c' };
let signedIn = false;
const items = [
  incident({ id: 'i1', reference: 'SB-1', status: 'new', updatedAt: at(10), subject: 'Leaking pipe' }),
  incident({ id: 'i2', reference: 'SB-2', status: 'open', updatedAt: at(5), subject: 'No hot water' }),
];
const json = (status: number, body: unknown) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

vi.stubGlobal(
  'fetch',
  vi.fn(async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    if (url === '/api/auth/me') return signedIn ? json(200, me) : json(401, { statusCode: 401, error: 'Unauthorized', message: 'Not signed in' });
    if (url === '/api/auth/login') {
      const body = JSON.parse(init.body as string);
      if (body.password !== 'secret') return json(401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid credentials' });
      signedIn = true;
      return json(200, me);
    }
    if (url === '/api/auth/logout') {
      signedIn = false;
      return new Response(null, { status: 204 });
    }
    if (url === '/api/users') return json(200, [{ id: 'u-bob', name: 'Bob', email: 'b', role: 'technician', locale: 'en', departmentIds: [] }]);
    if (url === '/api/departments') return json(200, [{ id: 'd1', name: 'Plumbing' }]);
    if (url.startsWith('/api/incidents?')) {
      const q = new URL(url, 'http://x').searchParams;
      const list = items.filter((i) => !q.get('status') || i.status === q.get('status'));
      return json(200, { items: list, counts: { new: 1, open: 1, pending: 0, resolved: 0, closed: 0 }, nextCursor: null } satisfies IncidentListDto);
    }
    const m = /^\/api\/incidents\/([^/?]+)$/.exec(url);
    if (m && method === 'GET') {
      const summary = items.find((i) => i.id === m[1]);
      return summary ? json(200, makeDetail({ ...summary, allowedTransitions: ['open', 'closed'] })) : json(404, { statusCode: 404, error: 'Not Found', message: 'nope' });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }),
);
localStorage.setItem('switchboard.locale', 'en');

const { default: App } = await import('../src/App.vue');
const { i18n } = await import('../src/i18n');
const { router } = await import('../src/router');

const host = document.createElement('div');
document.body.appendChild(host);
const app = createApp(App).use(i18n).use(router);
app.mount(host);
afterAll(() => app.unmount());

const $ = <T extends Element = HTMLElement>(sel: string) => host.querySelector<T>(sel);
const $$ = (sel: string) => Array.from(host.querySelectorAll<HTMLElement>(sel));
const settle = async () => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 0));
    await nextTick();
  }
};
function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input'));
}
const press = (key: string, target: EventTarget = document.body) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

describe('agent app', () => {
  it('starts on the login page and shows an error for a wrong password', async () => {
    await router.isReady();
    await settle();
    expect(router.currentRoute.value.path).toBe('/login');
    type($<HTMLInputElement>('[data-testid=login-email]')!, 'ana@x.test');
    type($<HTMLInputElement>('[data-testid=login-password]')!, 'wrong');
    $('[data-testid=login-submit]')!.click();
    await settle();
    expect($('[data-testid=login-error]')!.textContent).toContain('Wrong email or password');
    expect($<HTMLSelectElement>('[data-testid=locale-select]')!.value).toBe('en');
  });

  it('signs in and shows the list with counts, live state and user name', async () => {
    type($<HTMLInputElement>('[data-testid=login-password]')!, 'secret');
    $('[data-testid=login-submit]')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/');
    expect($('[data-testid=user-name]')!.textContent).toBe('Ana Agent');
    expect($('[data-testid=live-indicator]')!.dataset.state).toBe('offline');
    fake.socket!.up();
    await nextTick();
    expect($('[data-testid=live-indicator]')!.dataset.state).toBe('live');
    const rows = $$('[data-testid=incident-row]');
    expect(rows.map((r) => [r.dataset.id, r.dataset.reference, r.dataset.status])).toEqual([
      ['i1', 'SB-1', 'new'],
      ['i2', 'SB-2', 'open'],
    ]);
    expect($('[data-testid=status-tab-all] [data-testid=count]')!.textContent).toBe('2');
    expect($('[data-testid=status-tab-open] [data-testid=count]')!.textContent).toBe('1');
    expect($('[data-testid=status-tab-closed] [data-testid=count]')!.textContent).toBe('0');
  });

  it('moves with j/k, opens with Enter, closes with Escape', async () => {
    press('j');
    await nextTick();
    expect($$('[data-testid=incident-row].selected').map((r) => r.dataset.id)).toEqual(['i1']);
    press('j');
    press('k');
    press('ArrowDown');
    await nextTick();
    expect($('[data-testid=incident-row].selected')!.dataset.id).toBe('i2');
    press('Enter');
    await settle();
    expect(router.currentRoute.value.path).toBe('/incidents/i2');
    expect($('[data-testid=incident-detail]')!.dataset.id).toBe('i2');
    expect($('[data-testid=incident-subject]')!.textContent).toBe('No hot water');
    expect(fake.socket!.emitted).toContainEqual({ event: 'incident.view', payload: { incidentId: 'i2' } });
    const options = Array.from($<HTMLSelectElement>('[data-testid=status-select]')!.options).map((o) => o.value);
    expect(options).toEqual(['open', 'closed']);
    press('Escape');
    await settle();
    expect(router.currentRoute.value.path).toBe('/');
    expect($('[data-testid=incident-detail]')).toBeNull();
  });

  it('"/" focuses the search, and shortcuts are ignored while typing', async () => {
    press('/');
    const search = $<HTMLInputElement>('[data-testid=search]')!;
    expect(document.activeElement).toBe(search);
    const selected = $('[data-testid=incident-row].selected')!.dataset.id;
    press('j', search);
    await nextTick();
    expect($('[data-testid=incident-row].selected')!.dataset.id).toBe(selected);
    search.blur();
  });

  it('opens an incident by click and switches the language', async () => {
    $$('[data-testid=incident-row]')[0]!.click();
    await settle();
    expect($('[data-testid=incident-detail]')!.dataset.id).toBe('i1');
    const select = $<HTMLSelectElement>('[data-testid=locale-select]')!;
    select.value = 'ro';
    select.dispatchEvent(new Event('change'));
    await nextTick();
    expect($('[data-testid=note-submit]')!.textContent!.trim()).toBe('Adaugă notă');
    expect(localStorage.getItem('switchboard.locale')).toBe('ro');
    expect(document.documentElement.lang).toBe('ro');
  });

  it('a live incident appears on top, highlighted', async () => {
    fake.socket!.fire('incident.created', { incident: incident({ id: 'i5', reference: 'SB-5', updatedAt: at(30) }) });
    await nextTick();
    const first = $$('[data-testid=incident-row]')[0]!;
    expect(first.dataset.id).toBe('i5');
    expect(first.classList.contains('highlighted')).toBe(true);
    expect($('[data-testid=status-tab-new] [data-testid=count]')!.textContent).toBe('2');
  });

  it("a technician's decline alerts on top of the inbox and opens the incident", async () => {
    fake.socket!.fire('incident.alert', { incidentId: 'i2', reference: 'SB-2', kind: 'assignment-declined', by: { id: 'u-bob', name: 'Bob' } });
    fake.socket!.fire('incident.alert', { incidentId: 'i1', reference: 'SB-1', kind: 'assignment-declined', by: null });
    await nextTick();
    const shown = () => $$('[data-testid=alert]').map((a) => a.dataset.incidentId);
    expect(shown()).toEqual(['i1', 'i2']);
    expect($('[data-testid=alert][data-incident-id=i2]')!.textContent).toContain('Bob a refuzat SB-2'); // the language is Romanian now
    $('[data-testid=alert][data-incident-id=i1] [data-testid=alert-dismiss]')!.click();
    await nextTick();
    expect(shown()).toEqual(['i2']);
    $('[data-testid=alert-open]')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/incidents/i2');
    expect($('[data-testid=incident-detail]')!.dataset.id).toBe('i2');
    expect(shown()).toEqual([]);
    $('[data-testid=incident-row][data-id=i1]')!.click(); // back where the next test expects us
    await settle();
  });

  it('signs out', async () => {
    $('[data-testid=logout]')!.click();
    await settle();
    expect(router.currentRoute.value.path).toBe('/login');
    expect(fake.socket!.emitted).toContainEqual({ event: 'incident.unview', payload: { incidentId: 'i1' } });
  });
});
