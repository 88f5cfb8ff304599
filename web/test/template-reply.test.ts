/** WhatsApp after the 24-hour window: the reply box offers the approved templates, fills them, previews and sends. */
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { ReplyRoute, WhatsAppTemplateDto } from '@contracts';
import ReplyBox from '../src/components/ReplyBox.vue';
import { ApiRequestError } from '../src/api/client';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

const visit: WhatsAppTemplateDto = { name: 'Visita', contentSid: `HX${'a'.repeat(32)}`, language: 'es', body: 'Hola {{1}}, el técnico llega el {{2}}.', variables: ['1', '2'] };
const thanks: WhatsAppTemplateDto = { name: 'Gracias', contentSid: `HX${'b'.repeat(32)}`, language: 'es', body: 'Gracias por su paciencia.', variables: [] };
const closed: ReplyRoute = { channelKind: 'whatsapp', to: '+34612345678', from: '+34910000001', windowOpenUntil: null, templates: [visit, thanks] };

function mountBox(route: ReplyRoute, sendTemplate = vi.fn(async () => ({ ok: true }) as const), locale = 'en') {
  const wrapper = mount(ReplyBox, {
    props: { route, submit: vi.fn(async () => ({ ok: true }) as const), sendTemplate },
    global: { plugins: [createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } })] },
  });
  return { wrapper, sendTemplate };
}

describe('the WhatsApp template reply', () => {
  it('replaces free text once the window is closed, previews the text and sends only when complete', async () => {
    const { wrapper, sendTemplate } = mountBox(closed);
    expect(wrapper.find('[data-testid=reply-input]').exists()).toBe(false);
    expect(wrapper.find('[data-testid=reply-window-closed]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=template-preview]').text()).toBe('Hola {{1}}, el técnico llega el {{2}}.');
    const send = wrapper.find('[data-testid=template-send]');
    await wrapper.find('[data-testid=template-value-1]').setValue('Lucía');
    expect(send.attributes('disabled')).toBeDefined();
    await wrapper.find('[data-testid=template-value-2]').setValue('jueves a las 9');
    expect(wrapper.find('[data-testid=template-preview]').text()).toBe('Hola Lucía, el técnico llega el jueves a las 9.');
    await wrapper.find('[data-testid=template-reply]').trigger('submit');
    await flushPromises();
    expect(sendTemplate).toHaveBeenCalledWith(visit.contentSid, { 1: 'Lucía', 2: 'jueves a las 9' });
    expect((wrapper.find('[data-testid=template-value-1]').element as HTMLInputElement).value).toBe('');
  });

  it('sends a template without placeholders at once, and shows the server’s refusal', async () => {
    const refuse = vi.fn(async () => ({ ok: false, error: new ApiRequestError({ statusCode: 400, error: 'Bad Request', message: 'That template is not approved.', fields: {} }) }) as const);
    const { wrapper } = mountBox(closed, refuse as never);
    await wrapper.find('[data-testid=template-select]').setValue(thanks.contentSid);
    expect(wrapper.find('[data-testid=template-preview]').text()).toBe('Gracias por su paciencia.');
    await wrapper.find('[data-testid=template-reply]').trigger('submit');
    await flushPromises();
    expect(refuse).toHaveBeenCalledWith(thanks.contentSid, {});
    expect(wrapper.find('[data-testid=template-error]').text()).toContain('That template is not approved.');
  });

  it('says so when the channel has no templates, in the agent’s language', () => {
    const { wrapper } = mountBox({ ...closed, templates: [] }, undefined, 'es');
    expect(wrapper.find('[data-testid=reply-no-templates]').text()).toContain('plantillas de WhatsApp aprobadas');
  });

  it('keeps free text while the window is open', () => {
    const { wrapper } = mountBox({ ...closed, windowOpenUntil: '2030-01-02T10:00:00.000Z' });
    expect(wrapper.find('[data-testid=reply-input]').exists()).toBe(true);
    expect(wrapper.find('[data-testid=template-reply]').exists()).toBe(false);
  });
});
