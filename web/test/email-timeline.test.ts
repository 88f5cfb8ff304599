/** E-mail in the timeline (addresses, full text, formatted HTML, flags, attachments, delivery) and the reply box. */
import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { IncidentDetailDto, MessageDto, TimelineEntry } from '@contracts';
import { ApiRequestError } from '../src/api/client';
import IncidentDetail from '../src/components/IncidentDetail.vue';
import Timeline from '../src/components/Timeline.vue';
import type { ReplyResult, ResendOutcome } from '../src/stores/detail';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { attachment, detail, email, message } from './fixtures';

function makeI18n(locale = 'en') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
}
const lookups = { userName: () => null, departmentName: () => null };
const entry = (m: MessageDto): TimelineEntry => ({ type: 'message', ...m });

function mountTimeline(messages: MessageDto[], locale = 'en') {
  return mount(Timeline, { props: { entries: messages.map(entry), lookups }, global: { plugins: [makeI18n(locale)] } });
}

const inline = attachment({ id: 'att-photo', filename: 'placa.png', inline: true, cid: 'placa@x', size: 70 });
const pdf = attachment({ id: 'att-pdf', filename: 'Factura nº 118.pdf', contentType: 'application/pdf', size: 218_000 });
const tooBig = attachment({ id: 'att-big', filename: 'video.mp4', contentType: 'video/mp4', size: 60 * 1024 * 1024, rejected: 'larger than 25 MB' });

const inboundMail = message({
  id: 'm1',
  channelKind: 'email',
  body: 'The boiler still <b>knocks</b>.',
  senderKind: 'customer',
  flags: ['needs-attention'],
  email: email({
    from: 'Maria Pop <maria@example.com>',
    to: ['soporte@climatiza.example'],
    cc: ['jefe@example.com', 'otro@example.com'],
    html: '<p>The boiler still <b>knocks</b>.</p><img src="cid:placa@x"><img alt="logo" data-blocked-src="https://cdn.example/logo.png"><script>alert(1)</script>',
    hasBlockedImages: true,
    fullText: 'The boiler still <b>knocks</b>.\n\nOn Monday, Soporte wrote:\n> Did it stop?',
    quotedHistoryStripped: true,
  }),
  attachments: [inline, pdf, tooBig],
});

describe('an e-mail in the timeline', () => {
  it('shows from, to and cc, and who the sender is', () => {
    const w = mountTimeline([inboundMail]);
    expect(w.find('[data-testid=email-from]').text()).toBe('Maria Pop <maria@example.com>');
    expect(w.find('[data-testid=email-to]').text()).toBe('soporte@climatiza.example');
    expect(w.find('[data-testid=email-cc]').text()).toBe('jefe@example.com, otro@example.com');
    expect(w.find('[data-testid=email-head]').text()).toContain('From');
    const sender = w.find('[data-testid=sender-kind]');
    expect(sender.attributes('data-sender-kind')).toBe('customer');
    expect(sender.text()).toBe('Customer');
  });

  it('shows the reply text escaped, and the full message with its history on demand', async () => {
    const w = mountTimeline([inboundMail]);
    const body = () => w.find('[data-testid=message-body]');
    expect(body().element.textContent).toBe('The boiler still <b>knocks</b>.');
    expect(w.find('b').exists()).toBe(false);
    const toggle = w.find('[data-testid=show-full-message]');
    expect(toggle.text()).toBe('Show full message');
    await toggle.trigger('click');
    expect(body().element.textContent).toBe(inboundMail.email!.fullText);
    expect(body().attributes('data-full')).toBe('true');
    expect(w.find('[data-testid=show-full-message]').text()).toBe('Hide quoted text');
    await w.find('[data-testid=show-full-message]').trigger('click');
    expect(body().element.textContent).toBe(inboundMail.body);
  });

  it('offers no full-message or formatted toggle when there is nothing more to show', () => {
    const w = mountTimeline([message({ channelKind: 'email', email: email({ html: null, quotedHistoryStripped: false }) })]);
    expect(w.find('[data-testid=show-full-message]').exists()).toBe(false);
    expect(w.find('[data-testid=show-formatted]').exists()).toBe(false);
    expect(w.find('[data-testid=load-remote-images]').exists()).toBe(false);
  });

  it('shows the formatted HTML in a sandboxed frame without scripts, remote images blocked until asked', async () => {
    const w = mountTimeline([inboundMail]);
    expect(w.find('[data-testid=email-html-frame]').exists()).toBe(false);
    expect(w.find('[data-testid=remote-images-blocked]').text()).toContain('Remote images blocked');
    await w.find('[data-testid=show-formatted]').trigger('click');

    const frame = w.find('[data-testid=email-html-frame]');
    const sandbox = frame.attributes('sandbox')!;
    expect(sandbox).toBeDefined();
    expect(sandbox).not.toContain('allow-scripts');
    expect(frame.attributes('referrerpolicy')).toBe('no-referrer');
    expect(frame.attributes('data-remote-images')).toBe('blocked');
    const srcdoc = () => (w.find('[data-testid=email-html-frame]').element as HTMLIFrameElement).srcdoc;
    expect(srcdoc()).toContain(`img-src data: ${window.location.origin}/api/attachments/;`);
    expect(srcdoc()).toContain('src="/api/attachments/att-photo?inline=1"');
    expect(srcdoc()).not.toMatch(/\ssrc="https:\/\/cdn\.example\/logo\.png"/);
    expect(srcdoc()).toContain('data-blocked-src="https://cdn.example/logo.png"');
    expect(srcdoc()).not.toMatch(/<script/i);
    expect(w.find('[data-testid=message-body]').exists()).toBe(false);
    expect(w.find('[data-testid=show-formatted]').text()).toBe('Show plain text');

    await w.find('[data-testid=load-remote-images]').trigger('click');
    expect(w.find('[data-testid=email-html-frame]').attributes('data-remote-images')).toBe('loaded');
    expect(srcdoc()).toMatch(/\ssrc="https:\/\/cdn\.example\/logo\.png"/);
    expect(srcdoc()).toContain('/api/attachments/ https: http:;');
    expect(w.find('[data-testid=load-remote-images]').exists()).toBe(false);

    await w.find('[data-testid=show-formatted]').trigger('click');
    expect(w.find('[data-testid=email-html-frame]').exists()).toBe(false);
    expect(w.find('[data-testid=message-body]').exists()).toBe(true);
  });

  it('"Load images" from the plain view shows the formatted mail with its images', async () => {
    const w = mountTimeline([inboundMail]);
    await w.find('[data-testid=load-remote-images]').trigger('click');
    const frame = w.find('[data-testid=email-html-frame]');
    expect(frame.attributes('data-remote-images')).toBe('loaded');
    expect((frame.element as HTMLIFrameElement).srcdoc).toMatch(/\ssrc="https:\/\/cdn\.example\/logo\.png"/);
  });

  it('lists attachments as download links, rejected ones greyed out with the reason and no link', () => {
    const w = mountTimeline([inboundMail]);
    const items = w.findAll('[data-testid=attachment]');
    expect(items.map((i) => i.attributes('data-id'))).toEqual(['att-photo', 'att-pdf', 'att-big']);
    const link = items[1]!.find('a');
    expect(link.attributes('href')).toBe('/api/attachments/att-pdf');
    expect(link.attributes('download')).toBe('Factura nº 118.pdf');
    expect(link.text()).toContain('Factura nº 118.pdf');
    expect(link.text()).toContain('213 kB');
    const rejected = items[2]!;
    expect(rejected.attributes('data-rejected')).toBe('true');
    expect(rejected.find('a').exists()).toBe(false);
    expect(rejected.classes()).toContain('rejected');
    expect(rejected.text()).toContain('Not kept: larger than 25 MB');
  });

  it('shows flags as translated badges with their tone', () => {
    const w = mountTimeline([
      message({ id: 'a', flags: ['automatic', 'bounce'], channelKind: 'email', email: email({ automatic: 'auto-reply' }) }),
      message({ id: 'b', flags: ['suspicious', 'needs-attention', 'confirmed', 'declined'] }),
    ]);
    const flags = w.findAll('[data-testid=message-flag]');
    expect(flags.map((f) => [f.attributes('data-flag'), f.text()])).toEqual([
      ['automatic', 'Automatic'],
      ['bounce', 'Bounce'],
      ['suspicious', 'Suspicious'],
      ['needs-attention', 'Needs attention'],
      ['confirmed', 'Confirmed'],
      ['declined', 'Declined'],
    ]);
    expect(flags[0]!.attributes('title')).toBe('Automatic reply');
    expect(flags.map((f) => f.classes().find((c) => c.startsWith('tone-')))).toEqual(['tone-muted', 'tone-muted', 'tone-warning', 'tone-warning', 'tone-success', 'tone-danger']);
    expect(w.find('[data-id=a]').classes()).toContain('automatic');
    expect(w.find('[data-id=b]').classes()).not.toContain('automatic');
  });

  it('shows the delivery status of outbound mail, the error as its tooltip', async () => {
    const sent = message({ id: 'o1', kind: 'outbound', channelKind: 'email', senderKind: 'agent', delivery: { status: 'queued', error: null } });
    const w = mountTimeline([sent]);
    const chip = () => w.find('[data-testid=delivery-status]');
    expect(chip().attributes('data-status')).toBe('queued');
    expect(chip().text()).toBe('Queued');
    expect(w.find('[data-testid=sender-kind]').exists()).toBe(false); // our own replies need no sender label
    await w.setProps({ entries: [entry({ ...sent, delivery: { status: 'failed', error: '550 5.1.1 User unknown' } })] });
    expect(chip().attributes('data-status')).toBe('failed');
    expect(chip().text()).toBe('Failed');
    expect(chip().attributes('title')).toContain('550 5.1.1 User unknown');
  });

  it('keeps the frame state when the message is replaced by a live update', async () => {
    const w = mountTimeline([inboundMail]);
    await w.find('[data-testid=show-formatted]').trigger('click');
    await w.setProps({ entries: [entry({ ...inboundMail, flags: [] })] });
    expect(w.find('[data-testid=email-html-frame]').exists()).toBe(true);
  });

  it('is translated', () => {
    const es = mountTimeline([inboundMail, message({ id: 'o1', kind: 'outbound', channelKind: 'email', delivery: { status: 'sent', error: null } })], 'es');
    expect(es.find('[data-testid=email-head]').text()).toContain('Para');
    expect(es.find('[data-testid=show-full-message]').text()).toBe('Mostrar el mensaje completo');
    expect(es.find('[data-testid=message-flag]').text()).toBe('Requiere atención');
    expect(es.find('[data-testid=delivery-status]').text()).toBe('Enviado');
    const ro = mountTimeline([inboundMail], 'ro');
    expect(ro.find('[data-testid=load-remote-images]').text()).toBe('Încarcă imaginile');
    expect(ro.find('[data-testid=sender-kind]').text()).toBe('Client');
    expect(ro.find('[data-testid=attachment][data-rejected=true]').text()).toContain('Nu a fost păstrat');
  });
});

describe('the reply box', () => {
  const route = { channelKind: 'email' as const, to: 'maria@example.com', from: 'soporte@climatiza.example' };

  function mountDetail(overrides: Partial<IncidentDetailDto> = {}, sendReply?: (body: string) => Promise<ReplyResult>) {
    const incident = detail({ id: 'i1', status: 'open', reply: route, ...overrides });
    const addNote = vi.fn(async () => true);
    const reply = vi.fn(sendReply ?? (async () => ({ ok: true }) as ReplyResult));
    const wrapper = mount(IncidentDetail, {
      props: { incident, applyPatch: vi.fn(async () => true), addNote, sendReply: reply },
      global: { plugins: [makeI18n()] },
    });
    return { wrapper, addNote, reply };
  }

  it('shows only when the incident can be answered, next to the labelled internal note', () => {
    const { wrapper } = mountDetail();
    const box = wrapper.find('[data-testid=reply-box]');
    expect(box.text()).toContain('Reply to customer');
    expect(wrapper.find('[data-testid=reply-route]').text()).toBe('To: maria@example.com · from soporte@climatiza.example');
    expect(box.text()).toContain('The customer receives this by e-mail');
    expect(wrapper.find('[data-testid=note-box]').text()).toContain('Internal note');
    expect(wrapper.find('[data-testid=note-input]').exists()).toBe(true);
    expect(mountDetail({ reply: null }).wrapper.find('[data-testid=reply-box]').exists()).toBe(false);
  });

  it('sends with Ctrl+Enter or the button, and clears on success', async () => {
    const { wrapper, reply, addNote } = mountDetail();
    const input = wrapper.find('[data-testid=reply-input]');
    expect(wrapper.find('[data-testid=reply-send]').attributes('disabled')).toBeDefined();
    await input.setValue('We come on Monday');
    await input.trigger('keydown', { key: 'Enter', ctrlKey: true });
    expect(reply).toHaveBeenCalledWith('We come on Monday');
    expect(addNote).not.toHaveBeenCalled();
    await vi.waitFor(() => expect((input.element as HTMLTextAreaElement).value).toBe(''));

    await input.setValue('Second');
    await wrapper.find('[data-testid=reply-box]').trigger('submit');
    expect(reply).toHaveBeenLastCalledWith('Second');
    await vi.waitFor(() => expect((input.element as HTMLTextAreaElement).value).toBe(''));
  });

  it("shows the server's error and keeps the text", async () => {
    const error = new ApiRequestError({ statusCode: 422, error: 'Unprocessable Entity', message: 'The customer has no e-mail address.' });
    const { wrapper } = mountDetail({}, async () => ({ ok: false, error }));
    const input = wrapper.find('[data-testid=reply-input]');
    await input.setValue('We come on Monday');
    await wrapper.find('[data-testid=reply-send]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid=reply-error]').text()).toBe('The customer has no e-mail address.'));
    expect((input.element as HTMLTextAreaElement).value).toBe('We come on Monday');
  });

  it('says when the server cannot be reached', async () => {
    const error = new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'Failed to fetch' });
    const { wrapper } = mountDetail({}, async () => ({ ok: false, error }));
    await wrapper.find('[data-testid=reply-input]').setValue('Hi');
    await wrapper.find('[data-testid=reply-box]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid=reply-error]').text()).toBe(en.errors.network));
  });
});

describe('send again', () => {
  const failed = message({
    id: 'o1',
    kind: 'outbound',
    channelKind: 'email',
    senderKind: 'agent',
    delivery: { status: 'failed', error: 'Outcome unknown: the sending process stopped' },
  });

  function mountWith(messages: MessageDto[], resend: ((id: string) => Promise<ResendOutcome>) | null, locale = 'en') {
    return mount(Timeline, { props: { entries: messages.map(entry), lookups, resend }, global: { plugins: [makeI18n(locale)] } });
  }

  it('is offered next to the delivery chip of a failed or bounced mail, with the reason visible', () => {
    const resend = vi.fn(async (): Promise<ResendOutcome> => ({ ok: true, queued: true }));
    const bounced = message({ id: 'o2', kind: 'outbound', channelKind: 'email', delivery: { status: 'bounced', error: '550 5.1.1 User unknown' } });
    const w = mountWith([failed, bounced], resend);
    for (const id of ['o1', 'o2']) {
      const item = w.find(`[data-testid=timeline-message][data-id=${id}]`);
      const chip = item.find('[data-testid=delivery-status]');
      expect(chip.element.nextElementSibling).toBe(item.find('[data-testid=resend]').element);
      expect(item.find('[data-testid=resend]').text()).toBe('Send again');
    }
    expect(w.find('[data-id=o1] [data-testid=delivery-error]').text()).toBe('Reason: Outcome unknown: the sending process stopped');
    expect(w.find('[data-id=o2] [data-testid=delivery-error]').text()).toBe('Reason: 550 5.1.1 User unknown');
  });

  it('is not offered for mail on its way or delivered, nor for what we received, nor without the action', () => {
    const resend = vi.fn(async (): Promise<ResendOutcome> => ({ ok: true, queued: true }));
    const w = mountWith(
      [
        message({ id: 'q', kind: 'outbound', channelKind: 'email', delivery: { status: 'queued', error: null } }),
        message({ id: 's', kind: 'outbound', channelKind: 'email', delivery: { status: 'sent', error: null } }),
        message({ id: 'in', kind: 'inbound', channelKind: 'email', delivery: { status: 'failed', error: 'x' } }),
      ],
      resend,
    );
    expect(w.find('[data-testid=resend]').exists()).toBe(false);
    expect(w.find('[data-testid=delivery-error]').exists()).toBe(false);
    const without = mountWith([failed], null);
    expect(without.find('[data-testid=resend]').exists()).toBe(false);
    expect(without.find('[data-testid=delivery-error]').exists()).toBe(true);
  });

  it('sends the message id, busy meanwhile; queued moves the chip on and the button goes', async () => {
    let finish!: (o: ResendOutcome) => void;
    const resend = vi.fn(() => new Promise<ResendOutcome>((resolve) => (finish = resolve)));
    const w = mountWith([failed], resend);
    await w.find('[data-testid=resend]').trigger('click');
    expect(resend).toHaveBeenCalledWith('o1');
    expect(w.find('[data-testid=resend]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-testid=resend]').text()).toBe('Queuing…');
    await w.find('[data-testid=resend]').trigger('click');
    expect(resend).toHaveBeenCalledTimes(1);
    finish({ ok: true, queued: true });
    // The store shows it queued (see live.test.ts); here the parent hands the new message down.
    await w.setProps({ entries: [entry({ ...failed, delivery: { status: 'queued', error: null } })] });
    expect(w.find('[data-testid=delivery-status]').attributes('data-status')).toBe('queued');
    expect(w.find('[data-testid=resend]').exists()).toBe(false);
    expect(w.find('[data-testid=delivery-error]').exists()).toBe(false);
    expect(w.find('[data-testid=resend-error]').exists()).toBe(false);
  });

  it("shows the request's error and offers it again", async () => {
    const error = new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'Failed to fetch' });
    const resend = vi.fn(async (): Promise<ResendOutcome> => ({ ok: false, error }));
    const w = mountWith([failed], resend);
    await w.find('[data-testid=resend]').trigger('click');
    await vi.waitFor(() => expect(w.find('[data-testid=resend-error]').text()).toBe(en.errors.network));
    expect(w.find('[data-testid=resend-error]').attributes('role')).toBe('alert');
    expect(w.find('[data-testid=resend]').attributes('disabled')).toBeUndefined();
    expect(w.find('[data-testid=delivery-error]').exists()).toBe(true);
  });

  it('says so when the server did not queue it', async () => {
    const resend = vi.fn(async (): Promise<ResendOutcome> => ({ ok: true, queued: false }));
    const w = mountWith([failed], resend, 'es');
    expect(w.find('[data-testid=resend]').text()).toBe('Volver a enviar');
    await w.find('[data-testid=resend]').trigger('click');
    await vi.waitFor(() => expect(w.find('[data-testid=resend-error]').text()).toBe(es.delivery.notQueued));
    // A later status makes it old news.
    await w.setProps({ entries: [entry({ ...failed, delivery: { status: 'sent', error: null } })] });
    expect(w.find('[data-testid=resend-error]').exists()).toBe(false);
  });

  it('is wired from the incident detail', async () => {
    const resend = vi.fn(async (): Promise<ResendOutcome> => ({ ok: true, queued: true }));
    const w = mount(IncidentDetail, {
      props: { incident: detail({ id: 'i1', timeline: [entry(failed)] }), applyPatch: vi.fn(async () => true), addNote: vi.fn(async () => true), resend },
      global: { plugins: [makeI18n('ro')] },
    });
    expect(w.find('[data-testid=resend]').text()).toBe('Trimite din nou');
    expect(w.find('[data-testid=delivery-error]').text()).toContain('Motiv:');
    await w.find('[data-testid=resend]').trigger('click');
    expect(resend).toHaveBeenCalledWith('o1');
  });
});
