import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { IncidentDetailDto, TimelineEntry } from '@contracts';
import IncidentDetail from '../src/components/IncidentDetail.vue';
import Timeline from '../src/components/Timeline.vue';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { detail, message } from './fixtures';

const XSS = '<script>alert(1)</script>';

function makeI18n(locale = 'en') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
}

const users = [
  { id: 'u-ana', name: 'Ana', email: 'ana@x.test', role: 'agent' as const, locale: 'es' as const, departmentIds: [] },
  { id: 'u-bob', name: 'Bob', email: 'bob@x.test', role: 'technician' as const, locale: 'ro' as const, departmentIds: [] },
];
const departments = [{ id: 'd-1', name: 'Repairs', dedup: null, supervisorId: null, offerMinutes: 30 }];

const timeline: TimelineEntry[] = [
  {
    type: 'message',
    ...message({
      id: 'm1',
      kind: 'inbound',
      channelKind: 'webform',
      body: `Hello\n${XSS}\n<b>bold?</b>`,
      author: { type: 'contact', id: 'c1', name: 'Maria <img src=x onerror=alert(2)>' },
      createdAt: '2030-01-01T10:00:00.000Z',
    }),
  },
  {
    type: 'audit',
    id: 'a1',
    actor: { id: 'u-ana', name: 'Ana' },
    action: 'incident.updated',
    changes: { assignee: { from: null, to: { id: 'u-bob', name: 'Bob' } }, status: { from: 'new', to: 'open' } },
    createdAt: '2030-01-01T10:01:00.000Z',
  },
  {
    type: 'message',
    ...message({
      id: 'm2',
      kind: 'note',
      channelKind: null,
      body: 'Call back tomorrow',
      author: { type: 'user', id: 'u-ana', name: 'Ana' },
      createdAt: '2030-01-01T10:02:00.000Z',
    }),
  },
  {
    type: 'message',
    ...message({
      id: 'm3',
      kind: 'outbound',
      channelKind: 'email',
      body: 'We are on it',
      author: { type: 'user', id: 'u-ana', name: 'Ana' },
      createdAt: '2030-01-01T10:03:00.000Z',
    }),
  },
];

function mountDetail(overrides: Partial<IncidentDetailDto> = {}, extra: Record<string, unknown> = {}) {
  const incident = detail({ id: 'i1', status: 'open', allowedTransitions: ['pending', 'resolved', 'closed'], timeline, ...overrides });
  const applyPatch = vi.fn(async () => true);
  const addNote = vi.fn(async () => true);
  const wrapper = mount(IncidentDetail, {
    props: { incident, users, departments, meId: 'u-ana', applyPatch, addNote, ...extra },
    global: { plugins: [makeI18n()] },
  });
  return { wrapper, applyPatch, addNote, incident };
}

describe('IncidentDetail', () => {
  it('renders message bodies as escaped text, never as HTML', () => {
    const { wrapper } = mountDetail();
    const first = wrapper.find('[data-testid=timeline-message][data-kind=inbound]');
    expect(first.find('.body').text()).toContain(XSS);
    expect(first.html()).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(wrapper.find('script').exists()).toBe(false);
    expect(wrapper.find('b').exists()).toBe(false);
    expect(wrapper.find('img').exists()).toBe(false);
    // Line breaks survive as text, shown by white-space: pre-wrap.
    expect(first.find('.body').element.textContent).toBe(`Hello\n${XSS}\n<b>bold?</b>`);
  });

  it('offers only the current status and the allowed transitions', () => {
    const { wrapper } = mountDetail({ status: 'resolved', allowedTransitions: ['open', 'closed'] });
    const options = wrapper.findAll('[data-testid=status-select] option').map((o) => o.attributes('value'));
    expect(options).toEqual(['resolved', 'open', 'closed']);
    expect((wrapper.find('[data-testid=status-select]').element as HTMLSelectElement).value).toBe('resolved');
  });

  it('disables the status select when no move is allowed', () => {
    const { wrapper } = mountDetail({ status: 'closed', allowedTransitions: [] });
    const select = wrapper.find('[data-testid=status-select]');
    expect(select.findAll('option').map((o) => o.attributes('value'))).toEqual(['closed']);
    expect(select.attributes('disabled')).toBeDefined();
  });

  it('sends a status change and puts the select back when it is refused', async () => {
    const { wrapper, applyPatch } = mountDetail();
    applyPatch.mockResolvedValueOnce(false);
    const select = wrapper.find('[data-testid=status-select]');
    await select.setValue('pending');
    expect(applyPatch).toHaveBeenCalledWith({ status: 'pending' });
    await vi.waitFor(() => expect((select.element as HTMLSelectElement).value).toBe('open'));
  });

  it('assignee "" means unassigned and sends null', async () => {
    const { wrapper, applyPatch } = mountDetail({ assignee: { id: 'u-bob', name: 'Bob' } });
    const select = wrapper.find('[data-testid=assignee-select]');
    expect((select.element as HTMLSelectElement).value).toBe('u-bob');
    expect(select.findAll('option')[0]!.attributes('value')).toBe('');
    await select.setValue('');
    expect(applyPatch).toHaveBeenCalledWith({ assigneeId: null });
    await wrapper.find('[data-testid=department-select]').setValue('d-1');
    expect(applyPatch).toHaveBeenCalledWith({ departmentId: 'd-1' });
    await wrapper.find('[data-testid=priority-select]').setValue('urgent');
    expect(applyPatch).toHaveBeenCalledWith({ priority: 'urgent' });
  });

  it('locks department and assignee for technicians', () => {
    const { wrapper } = mountDetail({}, { canReassign: false });
    expect(wrapper.find('[data-testid=assignee-select]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid=department-select]').attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-testid=priority-select]').attributes('disabled')).toBeUndefined();
    const agent = mountDetail().wrapper;
    expect(agent.find('[data-testid=assignee-select]').attributes('disabled')).toBeUndefined();
  });

  it('shows kinds, the internal-note marker and audit lines', () => {
    const { wrapper } = mountDetail();
    const kinds = wrapper.findAll('[data-testid=timeline-message]').map((m) => m.attributes('data-kind'));
    expect(kinds).toEqual(['inbound', 'note', 'outbound']);
    expect(wrapper.find('[data-kind=note]').text()).toContain('Internal note');
    const audit = wrapper.find('[data-testid=timeline-audit]').text();
    expect(audit).toContain('Ana assigned to Bob');
    expect(audit).toContain('status New → Open');
  });

  it('lists the other viewers, not me', () => {
    const { wrapper } = mountDetail({}, { viewers: [{ id: 'u-ana', name: 'Ana' }, { id: 'u-bob', name: 'Bob' }] });
    expect(wrapper.find('[data-testid=viewers]').text()).toBe('Bob');
    expect(wrapper.text()).toContain('Also viewing:');
  });

  it('adds a note with Ctrl+Enter and clears the box', async () => {
    const { wrapper, addNote } = mountDetail();
    const input = wrapper.find('[data-testid=note-input]');
    await input.setValue('Spoke with the customer');
    await input.trigger('keydown', { key: 'Enter', ctrlKey: true });
    expect(addNote).toHaveBeenCalledWith('Spoke with the customer');
    await vi.waitFor(() => expect((input.element as HTMLTextAreaElement).value).toBe(''));
  });

  it('shows reference, subject and contact', () => {
    const { wrapper, incident } = mountDetail();
    expect(wrapper.attributes('data-id')).toBe('i1');
    expect(wrapper.find('[data-testid=incident-reference]').text()).toBe(incident.reference);
    expect(wrapper.find('[data-testid=incident-subject]').text()).toBe(incident.subject);
    expect(wrapper.find('[data-testid=contact]').text()).toContain('maria@example.com');
  });
});

describe('Timeline', () => {
  it('is translated', () => {
    const wrapper = mount(Timeline, {
      props: { entries: timeline, lookups: { userName: () => null, departmentName: () => null } },
      global: { plugins: [makeI18n('ro')] },
    });
    expect(wrapper.find('[data-kind=note]').text()).toContain('Notă internă');
    expect(wrapper.find('[data-testid=timeline-audit]').text()).toContain('Ana a atribuit lui Bob');
  });
});
