/** The technician's answer (chip, row marker, hint at the assignee) and the service-order fields. */
import { describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import type { IncidentDetailDto, UserDto } from '@contracts';
import { ApiRequestError } from '../src/api/client';
import IncidentDetail from '../src/components/IncidentDetail.vue';
import IncidentRow from '../src/components/IncidentRow.vue';
import type { Outcome } from '../src/lib/submission';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';
import { detail, incident } from './fixtures';

function makeI18n(locale = 'en') {
  return createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
}

const users: UserDto[] = [
  { id: 'u-ana', name: 'Ana', email: 'ana@x.test', role: 'agent', locale: 'es', departmentIds: [] },
  { id: 'u-andres', name: 'Andrés Molina', email: 'andres@x.test', role: 'technician', locale: 'es', departmentIds: [] },
];

function mountDetail(overrides: Partial<IncidentDetailDto> = {}, extra: Record<string, unknown> = {}, locale = 'en') {
  const incident = detail({ id: 'i1', status: 'open', ...overrides });
  const applyPatch = vi.fn(async () => true);
  const savePatch = vi.fn(async (): Promise<Outcome> => ({ ok: true }));
  const wrapper = mount(IncidentDetail, {
    props: { incident, users, departments: [], applyPatch, savePatch, addNote: vi.fn(async () => true), ...extra },
    global: { plugins: [makeI18n(locale)] },
  });
  return { wrapper, applyPatch, savePatch, incident };
}

const value = (w: ReturnType<typeof mount>, testid: string) => (w.find(`[data-testid=${testid}]`).element as HTMLInputElement).value;

describe("the technician's answer next to the assignee", () => {
  it.each([
    ['pending', 'Awaiting confirmation', 'tone-warning'],
    ['confirmed', 'Confirmed', 'tone-success'],
    ['declined', 'Declined', 'tone-danger'],
  ] as const)('%s', (status, text, tone) => {
    const { wrapper } = mountDetail({ assignee: { id: 'u-andres', name: 'Andrés Molina' }, assignmentStatus: status });
    const chip = wrapper.find('[data-testid=assignment-status]');
    expect(chip.attributes('data-status')).toBe(status);
    expect(chip.text()).toBe(text);
    expect(chip.classes()).toContain(tone);
    expect(chip.attributes('title')).toBeTruthy();
    // It sits with the assignee control.
    expect(chip.element.closest('label')!.querySelector('[data-testid=assignee-select]')).not.toBeNull();
  });

  it('shows nothing without a service order, and a decline also once nobody is assigned', () => {
    expect(mountDetail().wrapper.find('[data-testid=assignment-status]').exists()).toBe(false);
    const { wrapper } = mountDetail({ assignee: null, assignmentStatus: 'declined' });
    expect(wrapper.find('[data-testid=assignment-status]').attributes('data-status')).toBe('declined');
  });

  it('follows the incident when a live update brings the answer', async () => {
    const { wrapper, incident } = mountDetail({ assignee: { id: 'u-andres', name: 'Andrés Molina' }, assignmentStatus: 'pending' });
    await wrapper.setProps({ incident: { ...incident, assignmentStatus: 'confirmed', version: 2 } });
    expect(wrapper.find('[data-testid=assignment-status]').attributes('data-status')).toBe('confirmed');
    await wrapper.setProps({ incident: { ...incident, assignee: null, assignmentStatus: 'declined', version: 3 } });
    expect(wrapper.find('[data-testid=assignment-status]').attributes('data-status')).toBe('declined');
    expect((wrapper.find('[data-testid=assignee-select]').element as HTMLSelectElement).value).toBe('');
  });

  it('ignores an answer this app does not know', () => {
    const { wrapper } = mountDetail({ assignmentStatus: 'withdrawn' as never });
    expect(wrapper.find('[data-testid=assignment-status]').exists()).toBe(false);
  });

  it('is translated', () => {
    const es = mountDetail({ assignmentStatus: 'pending' }, {}, 'es').wrapper;
    expect(es.find('[data-testid=assignment-status]').text()).toBe('Pendiente de confirmación');
    const ro = mountDetail({ assignmentStatus: 'declined' }, {}, 'ro').wrapper;
    expect(ro.find('[data-testid=assignment-status]').text()).toBe('Refuzată');
  });

  it('says that a technician gets the service order by e-mail, and marks technicians in the picker', async () => {
    const { wrapper, applyPatch } = mountDetail();
    expect(wrapper.find('[data-testid=assignee-technician-hint]').exists()).toBe(false);
    const options = wrapper.findAll('[data-testid=assignee-select] option').map((o) => o.text());
    expect(options).toEqual(['Unassigned', 'Ana', 'Andrés Molina · Technician']);

    await wrapper.find('[data-testid=assignee-select]').setValue('u-andres');
    expect(applyPatch).toHaveBeenCalledWith({ assigneeId: 'u-andres' });
    expect(wrapper.find('[data-testid=assignee-technician-hint]').text()).toBe('Andrés Molina gets the service order by e-mail and can confirm or decline it.');

    await wrapper.find('[data-testid=assignee-select]').setValue('u-ana');
    expect(wrapper.find('[data-testid=assignee-technician-hint]').exists()).toBe(false);
  });

  it('the hint is translated', () => {
    const { wrapper } = mountDetail({ assignee: { id: 'u-andres', name: 'Andrés Molina' } }, {}, 'ro');
    expect(wrapper.find('[data-testid=assignee-technician-hint]').text()).toBe('Andrés Molina primește comanda de service prin e-mail și o poate accepta sau refuza.');
  });
});

describe('the marker in the list row', () => {
  function row(assignmentStatus: IncidentDetailDto['assignmentStatus'], locale = 'en') {
    return mount(IncidentRow, {
      props: { incident: incident({ assignmentStatus }), selected: false, active: false, highlighted: false },
      global: { plugins: [makeI18n(locale)] },
    });
  }

  it('shows pending and declined, compactly', () => {
    const pending = row('pending').find('[data-testid=row-assignment]');
    expect(pending.attributes('data-status')).toBe('pending');
    expect(pending.text()).toBe('Unconfirmed');
    expect(pending.attributes('title')).toBe('The technician has not answered the service order yet');
    const declined = row('declined').find('[data-testid=row-assignment]');
    expect(declined.attributes('data-status')).toBe('declined');
    expect(declined.text()).toBe('Declined');
    expect(row('declined', 'es').find('[data-testid=row-assignment]').text()).toBe('Rechazada');
    expect(row('pending', 'ro').find('[data-testid=row-assignment]').text()).toBe('Neconfirmată');
  });

  it('shows nothing for a confirmed order or none', () => {
    expect(row('confirmed').find('[data-testid=row-assignment]').exists()).toBe(false);
    expect(row(null).find('[data-testid=row-assignment]').exists()).toBe(false);
  });
});

describe('the service order fields', () => {
  const filled = { siteAddress: 'Calle Mayor 1, Madrid', asset: 'Daikin heat pump', serviceType: null, requestedWindow: 'Mon 9-13 h' };

  it("show the incident's values and save only what changed, empty clearing", async () => {
    const { wrapper, savePatch } = mountDetail(filled);
    expect(value(wrapper, 'service-site-address')).toBe('Calle Mayor 1, Madrid');
    expect(value(wrapper, 'service-asset')).toBe('Daikin heat pump');
    expect(value(wrapper, 'service-type')).toBe('');
    expect(value(wrapper, 'service-window')).toBe('Mon 9-13 h');
    expect(wrapper.find('[data-testid=service-save]').attributes('disabled')).toBeDefined();

    await wrapper.find('[data-testid=service-type]').setValue('  Repair ');
    await wrapper.find('[data-testid=service-window]').setValue('   ');
    expect(wrapper.find('[data-testid=service-save]').attributes('disabled')).toBeUndefined();
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    expect(savePatch).toHaveBeenCalledWith({ serviceType: 'Repair', requestedWindow: null });
  });

  it('typing back the saved value leaves nothing to save', async () => {
    const { wrapper } = mountDetail(filled);
    await wrapper.find('[data-testid=service-asset]').setValue('Other');
    await wrapper.find('[data-testid=service-asset]').setValue('Daikin heat pump ');
    expect(wrapper.find('[data-testid=service-save]').attributes('disabled')).toBeDefined();
  });

  it("shows the server's error, marks the field and keeps the text", async () => {
    const error = new ApiRequestError({ statusCode: 400, error: 'Bad Request', message: 'Invalid request', fields: { asset: 'at most 200 characters' } });
    const { wrapper, savePatch } = mountDetail(filled);
    savePatch.mockResolvedValueOnce({ ok: false, error });
    await wrapper.find('[data-testid=service-asset]').setValue('Too long');
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid=service-error]').text()).toBe('Invalid request · at most 200 characters'));
    expect(wrapper.find('[data-testid=service-error]').attributes('role')).toBe('alert');
    expect(wrapper.find('[data-testid=service-asset]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid=service-site-address]').attributes('aria-invalid')).toBeUndefined();
    expect(value(wrapper, 'service-asset')).toBe('Too long');

    // Saved at the next try: the error goes.
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid=service-error]').exists()).toBe(false));
    expect(savePatch).toHaveBeenLastCalledWith({ asset: 'Too long' });
  });

  it('says when the server cannot be reached', async () => {
    const { wrapper, savePatch } = mountDetail();
    savePatch.mockResolvedValueOnce({ ok: false, error: new ApiRequestError({ statusCode: 0, error: 'Network Error', message: 'Failed to fetch' }) });
    await wrapper.find('[data-testid=service-site-address]').setValue('Strada Lungă 3, Brașov');
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    await vi.waitFor(() => expect(wrapper.find('[data-testid=service-error]').text()).toBe(en.errors.network));
  });

  it('a live change shows in the untouched fields and leaves what the agent typed', async () => {
    const { wrapper, incident } = mountDetail(filled);
    await wrapper.find('[data-testid=service-asset]').setValue('Boiler');
    await wrapper.setProps({ incident: { ...incident, siteAddress: 'Calle Menor 2', asset: 'Heat pump', version: 2 } });
    expect(value(wrapper, 'service-site-address')).toBe('Calle Menor 2');
    expect(value(wrapper, 'service-asset')).toBe('Boiler');
  });

  it('after saving, the fields follow the incident again', async () => {
    const { wrapper, incident } = mountDetail(filled);
    await wrapper.find('[data-testid=service-asset]').setValue(' Boiler ');
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    await wrapper.setProps({ incident: { ...incident, asset: 'Boiler', version: 2 } });
    await vi.waitFor(() => expect(value(wrapper, 'service-asset')).toBe('Boiler'));
    expect(wrapper.find('[data-testid=service-save]').attributes('disabled')).toBeDefined();
    await wrapper.setProps({ incident: { ...incident, asset: 'Boiler B', version: 3 } });
    expect(value(wrapper, 'service-asset')).toBe('Boiler B');
  });

  it('waits while another change is saved', () => {
    const { wrapper } = mountDetail({}, { saving: true });
    expect(wrapper.find('[data-testid=service-save]').attributes('disabled')).toBeDefined();
  });

  it('without savePatch, saves through applyPatch (its error goes to the notice)', async () => {
    const { wrapper, applyPatch } = mountDetail({}, { savePatch: null });
    await wrapper.find('[data-testid=service-window]').setValue('Friday');
    await wrapper.find('[data-testid=service-save]').trigger('submit');
    expect(applyPatch).toHaveBeenCalledWith({ requestedWindow: 'Friday' });
  });

  it('is translated', () => {
    const { wrapper } = mountDetail({}, {}, 'es');
    const card = wrapper.find('[data-testid=service-order]');
    expect(card.text()).toContain('Orden de servicio');
    expect(card.text()).toContain('Dirección del servicio');
    expect(wrapper.find('[data-testid=service-save]').text()).toBe('Guardar');
    expect(wrapper.find('[data-testid=service-type]').attributes('placeholder')).toContain('reparación');
  });
});
