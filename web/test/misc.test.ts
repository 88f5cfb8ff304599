import { describe, expect, it } from 'vitest';
import type { AuditEntryDto } from '@contracts';
import { describeAudit } from '../src/lib/audit';
import { formatRelative, formatSize } from '../src/lib/format';
import { commandFor } from '../src/lib/keyboard';
import { safeRedirect } from '../src/lib/redirect';
import { describeError, describeErrorWithFields, INCIDENT_NOT_FOUND } from '../src/lib/errors';
import { ApiRequestError } from '../src/api/client';
import { describedBy, invalidMarks } from '../src/lib/field-errors';
import { detectLocale, STORAGE_KEY } from '../src/i18n';
import { createI18n } from 'vue-i18n';
import en from '../src/i18n/en';

const { t } = createI18n({ legacy: false, locale: 'en', messages: { en } }).global;
const lookups = { userName: (id: string) => (id === 'u-bob' ? 'Bob' : null), departmentName: (id: string) => (id === 'd-1' ? 'Repairs' : null) };
const entry = (changes: AuditEntryDto['changes'], action = 'incident.updated', actor: AuditEntryDto['actor'] = { id: 'u-ana', name: 'Ana' }): AuditEntryDto => ({
  id: 'a',
  actor,
  action,
  changes,
  createdAt: '2030-01-01T00:00:00Z',
});

describe('describeAudit', () => {
  it.each([
    [entry({ assignee: { from: null, to: { id: 'u-bob', name: 'Bob' } } }), ['Ana assigned to Bob']],
    [entry({ assigneeId: { from: null, to: 'u-bob' } }), ['Ana assigned to Bob']],
    [entry({ assigneeId: { from: 'u-bob', to: null } }), ['Ana unassigned Bob']],
    [entry({ status: { from: 'new', to: 'open' } }), ['Ana: status New → Open']],
    [entry({ priority: { from: 'normal', to: 'urgent' } }), ['Ana: priority Normal → Urgent']],
    [entry({ departmentId: { from: null, to: 'd-1' } }), ['Ana moved to Repairs']],
    [entry({ department: { from: { id: 'd-1', name: 'Repairs' }, to: null } }), ['Ana removed the department']],
    [entry({ subject: { from: 'a', to: 'b' } }), ['Ana: subject a → b']],
    [entry({ status: { from: null, to: 'new' }, channel: { from: null, to: 'webform' } }, 'created', null), ['Incident created via Web form']],
    [entry({}, 'created', null), ['Incident created']],
    [entry({}, 'incident.created'), ['Ana opened the incident']],
    [entry({ department: { from: 'Sales', to: 'Repairs' }, assignee: { from: 'Bob', to: null } }), ['Ana moved to Repairs', 'Ana unassigned Bob']],
    [entry({}, 'webhook.retried'), ['Ana: webhook.retried']],
    [entry({ status: { from: 'new', to: 'open' }, assigneeId: { from: null, to: 'u-x' } }), ['Ana: status New → Open', 'Ana assigned to u-x']],
    // A technician's answer: one sentence, without the raw field names or how they answered.
    [
      entry({ assignmentStatus: { from: 'pending', to: 'declined' }, assignee: { from: 'Andrés', to: null }, status: { from: 'pending', to: 'open' }, via: { from: null, to: 'link' } }, 'assignment.declined', { id: 'u-a', name: 'Andrés' }),
      ['Andrés declined the service order', 'Andrés: status Pending → Open'],
    ],
    [entry({ assignmentStatus: { from: 'pending', to: 'confirmed' }, via: { from: null, to: 'email-reply' } }, 'assignment.confirmed', { id: 'u-a', name: 'Andrés' }), ['Andrés confirmed the service order']],
    [entry({ assignee: { from: null, to: { id: 'u-bob', name: 'Bob' } }, assignmentStatus: { from: null, to: 'pending' } }), ['Ana assigned to Bob', 'Service order issued, awaiting confirmation']],
    [entry({ assignee: { from: 'Bob', to: 'Ana' }, assignmentStatus: { from: 'pending', to: null } }), ['Ana assigned to Ana']],
    [entry({ siteAddress: { from: null, to: 'Calle Mayor 1' }, requestedWindow: { from: 'Mon', to: null } }), ['Ana: Site address — → Calle Mayor 1', 'Ana: Requested window Mon → —']],
    [entry({ via: { from: null, to: 'x' } }), ['Ana: via — → x']],
    [entry({ slaPolicyId: { from: null, to: 'Gold 4 h' } }), ['Ana: SLA policy — → Gold 4 h']],
  ])('%#', (e, expected) => {
    expect(describeAudit(e, t, lookups)).toEqual(expected);
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2030-01-01T12:00:00Z');
  it.each([
    ['2030-01-01T11:59:50Z', 'en', 'now'],
    ['2030-01-01T11:55:00Z', 'en', /^5 min.* ago$/],
    ['2030-01-01T09:00:00Z', 'en', /^3 h.* ago$/],
    ['2029-12-31T12:00:00Z', 'en', 'yesterday'],
    ['2030-01-01T11:55:00Z', 'es', /^hace 5 min/],
    ['2030-01-01T11:55:00Z', 'ro', /^acum 5 min/],
  ])('%s in %s', (iso, locale, expected) => {
    expect(formatRelative(iso, locale, now)).toMatch(expected);
  });
  it('is empty for a bad date', () => expect(formatRelative('nope', 'en', now)).toBe(''));
});

describe('formatSize', () => {
  it.each([
    [0, 'en', '0B'],
    [512, 'en', '512B'],
    [1536, 'en', '1.5 kB'],
    [218_000, 'en', '213 kB'],
    [3.4 * 1024 * 1024, 'en', '3.4 MB'],
    [1536, 'es', '1,5 kB'],
    [3.4 * 1024 * 1024, 'ro', '3,4 MB'],
    [5 * 1024 ** 3, 'en', '5 GB'],
  ])('%s bytes in %s', (bytes, locale, expected) => {
    expect(formatSize(bytes, locale)).toBe(expected);
  });
  it('is empty for nonsense', () => expect(formatSize(Number.NaN, 'en')).toBe(''));
});

describe('keyboard commands', () => {
  const key = (k: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key: k, bubbles: true, ...init });
    Object.defineProperty(event, 'target', { value: target });
    return commandFor(event);
  };
  it.each([
    ['j', 'next'],
    ['ArrowDown', 'next'],
    ['k', 'previous'],
    ['ArrowUp', 'previous'],
    ['Enter', 'open'],
    ['/', 'search'],
    ['Escape', 'close'],
    ['x', null],
  ])('%s -> %s', (k, expected) => expect(key(k)).toBe(expected));

  it('does nothing while typing', () => {
    for (const tag of ['input', 'textarea', 'select']) expect(key('j', document.createElement(tag))).toBeNull();
    expect(key('/', document.createElement('input'))).toBeNull();
    expect(key('ArrowDown', document.createElement('select'))).toBeNull();
  });

  it('Escape leaves a text field with text, and closes from anywhere else (a select too)', () => {
    const typed = document.createElement('textarea');
    typed.value = 'half a note';
    expect(key('Escape', typed)).toBe('leave-field');
    const input = document.createElement('input');
    input.value = 'x';
    expect(key('Escape', input)).toBe('leave-field');
    expect(key('Escape', document.createElement('textarea'))).toBe('close');
    expect(key('Escape', document.createElement('input'))).toBe('close');
    expect(key('Escape', document.createElement('select'))).toBe('close');
    expect(key('Escape', document.createElement('button'))).toBe('close');
  });

  it('ignores modified keys and Enter on buttons', () => {
    expect(key('k', document.body, { ctrlKey: true })).toBeNull();
    expect(key('Enter', document.createElement('button'))).toBeNull();
  });
});

describe('locale detection', () => {
  it('prefers the remembered choice, then the browser language, then English', () => {
    localStorage.removeItem(STORAGE_KEY);
    const nav = Object.getOwnPropertyDescriptor(window.navigator, 'languages');
    Object.defineProperty(window.navigator, 'languages', { value: ['ro-RO', 'en'], configurable: true });
    expect(detectLocale()).toBe('ro');
    Object.defineProperty(window.navigator, 'languages', { value: ['de-DE', 'es-419'], configurable: true });
    expect(detectLocale()).toBe('es');
    Object.defineProperty(window.navigator, 'languages', { value: ['de-DE'], configurable: true });
    Object.defineProperty(window.navigator, 'language', { value: 'fr-FR', configurable: true });
    expect(detectLocale()).toBe('en');
    localStorage.setItem(STORAGE_KEY, 'es');
    expect(detectLocale()).toBe('es');
    localStorage.removeItem(STORAGE_KEY);
    if (nav) Object.defineProperty(window.navigator, 'languages', nav);
  });
});

describe('safeRedirect', () => {
  it.each([
    [{}, '/'],
    [{ redirect: '/incidents/7' }, '/incidents/7'],
    [{ redirect: '//evil.example' }, '/'],
    [{ redirect: 'https://evil.example' }, '/'],
    [{ redirect: '/login' }, '/'],
  ])('%o -> %s', (query, expected) => expect(safeRedirect({ query })).toBe(expected));
});

describe('describeError on a 404', () => {
  const gone = new ApiRequestError({ statusCode: 404, message: 'Not Found', error: 'Not Found' });
  it('names nothing by default (the admin screens: policies, service types, rules)', () => {
    expect(describeError(gone, t)).toBe('This item does not exist or is no longer available.');
    expect(describeErrorWithFields(gone, t)).toBe('This item does not exist or is no longer available.');
  });
  it('says what was not found where the caller knows it (the incident screens)', () => {
    expect(describeError(gone, t, INCIDENT_NOT_FOUND)).toBe('This incident does not exist or is no longer available.');
    expect(describeErrorWithFields(gone, t, INCIDENT_NOT_FOUND)).toBe('This incident does not exist or is no longer available.');
  });
});

describe('invalidMarks', () => {
  it('marks nothing while there is no message, and points to the hint alone', () => {
    expect(invalidMarks(null, 'x-err')).toEqual({ class: { invalid: false }, 'aria-invalid': undefined, 'aria-describedby': undefined });
    expect(describedBy(null, 'x-err', 'x-hint')).toBe('x-hint');
  });
  it('marks the input invalid and points to the hint, then the message', () => {
    expect(invalidMarks('Too long', 'x-err', 'x-hint')).toEqual({ class: { invalid: true }, 'aria-invalid': 'true', 'aria-describedby': 'x-hint x-err' });
  });
});
