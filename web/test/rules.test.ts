/**
 * The workflow-rules admin screen: rules as one line of text, the editor building a rule the server's
 * own validator accepts for every condition and action, the server's field errors at the input they
 * name, order / on-off / delete from the list, a stale save, and the dry run's results. Only the HTTP
 * functions (src/api/rules.ts) are replaced.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createI18n } from 'vue-i18n';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { DepartmentDto, DryRunDto, RuleDto, RuleInput } from '@contracts';
import { validateRule } from '../../server/src/domain/rules/validate';
import { ApiRequestError } from '../src/api/client';
import * as api from '../src/api/rules';
import RuleEditor from '../src/components/rules/RuleEditor.vue';
import RulesPage from '../src/pages/RulesPage.vue';
import { describeActions, describeConditions, describeTriggers, emptyDraft, insertAction, scopeErrors, toRuleInput, unplacedErrors } from '../src/lib/rules';
import { directory } from '../src/stores/directory';
import { rules } from '../src/stores/rules';
import en from '../src/i18n/en';
import es from '../src/i18n/es';
import ro from '../src/i18n/ro';

vi.mock('socket.io-client', () => import('./fake-socket'));
vi.mock('../src/api/rules', () => ({
  listRules: vi.fn(),
  createRule: vi.fn(),
  updateRule: vi.fn(),
  deleteRule: vi.fn(),
  reorderRules: vi.fn(),
  dryRunRules: vi.fn(),
}));
const http = vi.mocked(api);

const makeI18n = (locale = 'en') => createI18n({ legacy: false, locale, fallbackLocale: 'en', messages: { en, es, ro } });
const departments = [
  { id: 'd-boilers', name: 'Boilers' },
  { id: 'd-plumbing', name: 'Plumbing' },
] as DepartmentDto[];
const names = { locale: 'en', departmentName: (id: string) => departments.find((d) => d.id === id)?.name ?? null };
const tEn = makeI18n('en').global.t as (key: string, params?: Record<string, unknown>) => string;

let seq = 0;
function rule(o: Partial<RuleDto> = {}): RuleDto {
  seq += 1;
  return {
    id: `r${seq}`,
    name: `Rule ${seq}`,
    position: seq,
    active: true,
    on: ['created'],
    match: 'all',
    conditions: [{ field: 'channel', in: ['sms'] }],
    actions: [{ do: 'set-priority', priority: 'high' }],
    createdBy: { id: 'u-admin', name: 'Admin' },
    updatedAt: '2030-01-01T10:00:00.000Z',
    version: 1,
    ...o,
  };
}
const badRequest = (fields: Record<string, string>) => new ApiRequestError({ statusCode: 400, error: 'Bad Request', message: 'The rule is not valid', fields });

beforeEach(() => {
  vi.clearAllMocks();
  rules.reset();
  directory.state.departments = [...departments];
  directory.state.loaded = true;
  http.listRules.mockResolvedValue([]);
  http.createRule.mockImplementation(async (input: RuleInput) => rule({ ...input, id: 'r-new' } as Partial<RuleDto>));
  http.updateRule.mockImplementation(async (id, body) => ({ ...rules.find(id)!, ...body, version: body.version + 1 }) as RuleDto);
  http.deleteRule.mockResolvedValue(undefined);
  http.dryRunRules.mockResolvedValue({ entries: [], affected: 0 });
});

describe('rules as text', () => {
  it('says what a rule looks at and what it does, in one line each', () => {
    const r = rule({
      conditions: [
        { field: 'channel', in: ['sms', 'whatsapp'] },
        { field: 'text', keywords: ['gas', 'olor a gas'], where: 'any' },
      ],
      actions: [{ do: 'set-department', departmentId: 'd-boilers' }, { do: 'set-priority', priority: 'urgent' }, { do: 'stop' }],
    });
    expect(describeConditions(r, tEn, names)).toBe('channel is SMS or WhatsApp; text has “gas” or “olor a gas”');
    expect(describeActions(r.actions, tEn, names)).toBe('department → Boilers; priority → Urgent; stop');
  });

  it('names every kind of condition', () => {
    const line = (c: RuleInput['conditions'][number]) => describeConditions({ conditions: [c], match: 'all' }, tEn, names);
    expect(line({ field: 'department', in: ['d-plumbing', null] })).toBe('department is Plumbing or no department');
    expect(line({ field: 'priority', in: ['high', 'urgent'] })).toBe('priority is High or Urgent');
    expect(line({ field: 'kind', in: ['corrective'] })).toBe('maintenance kind is Corrective');
    expect(line({ field: 'language', in: ['es', 'ro'] })).toBe('language is Español or Română');
    expect(line({ field: 'zone', in: ['Norte', 'Sur'] })).toBe('zone is “Norte” or “Sur”');
    expect(line({ field: 'tag', in: ['vip'] })).toBe('tagged “vip”');
    expect(line({ field: 'text', regex: 'fuga\\s+de gas', where: 'subject' })).toBe('subject matches /fuga\\s+de gas/');
    expect(line({ field: 'text', keywords: ['gas'], regex: 'butano', where: 'body' })).toBe('message has “gas” or matches /butano/');
    expect(line({ field: 'sender', matches: '@acme.com' })).toBe('sender is @acme.com');
    expect(line({ field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' })).toBe('between 22:00 and 06:00 (Europe/Madrid)');
    expect(line({ field: 'time', businessHours: false, calendar: { timeZone: 'Europe/Madrid', hours: {}, holidays: [] } as never })).toBe('outside business hours (Europe/Madrid)');
    expect(describeConditions({ conditions: [], match: 'all' }, tEn, names)).toBe('every incident');
    expect(describeConditions({ conditions: [{ field: 'channel', in: ['sms'] }, { field: 'priority', in: ['urgent'] }], match: 'any' }, tEn, names)).toBe('any of: channel is SMS; priority is Urgent');
  });

  it('names every kind of action', () => {
    expect(
      describeActions(
        [
          { do: 'set-type', type: 'breakdown' },
          { do: 'set-kind', kind: 'preventive' },
          { do: 'add-tags', tags: ['gas', 'safety'] },
          { do: 'set-sla', policyId: 'sla-4h' },
          { do: 'assign-best' },
          { do: 'notify', via: 'sms', to: '+34600111222' },
          { do: 'auto-reply', template: 'We are on our way' },
        ],
        tEn,
        names,
      ),
    ).toBe('type → “breakdown”; maintenance kind → Preventive; tags + “gas” and “safety”; SLA → sla-4h; assign the best technician; notify +34600111222 by SMS; reply “We are on our way”');
    expect(describeActions([{ do: 'set-department', departmentId: 'd-gone' }], tEn, names)).toBe('department → d-gone');
  });

  it('in Spanish and Romanian, with their quotes and list words', () => {
    const r = rule({ conditions: [{ field: 'channel', in: ['sms', 'whatsapp'] }, { field: 'text', keywords: ['gas', 'olor a gas'], where: 'any' }] });
    const tEs = makeI18n('es').global.t as typeof tEn;
    const tRo = makeI18n('ro').global.t as typeof tEn;
    expect(describeConditions(r, tEs, { ...names, locale: 'es' })).toBe('el canal es SMS o WhatsApp; el texto contiene «gas» o «olor a gas»');
    expect(describeConditions(r, tRo, { ...names, locale: 'ro' })).toBe('canalul este SMS sau WhatsApp; textul conține „gas” sau „olor a gas”');
    expect(describeTriggers(['updated', 'created'], tEs, { ...names, locale: 'es' })).toBe('creada o actualizada');
  });
});

describe('the helpers behind the editor', () => {
  it('tidies a draft for the server: trimmed texts, no empty items, no empty regex or template', () => {
    const input = toRuleInput({
      ...emptyDraft(),
      name: '  Gas  ',
      on: ['updated', 'created'],
      conditions: [
        { field: 'text', keywords: [' gas ', ''], regex: ' ', where: 'any' },
        { field: 'zone', in: [' Norte', ''] },
      ],
      actions: [{ do: 'notify', via: 'email', to: ' a@b.es ', template: '  ' }],
    });
    expect(input).toEqual({
      name: 'Gas',
      active: true,
      on: ['created', 'updated'],
      match: 'all',
      conditions: [
        { field: 'text', keywords: ['gas'], where: 'any' },
        { field: 'zone', in: ['Norte'] },
      ],
      actions: [{ do: 'notify', via: 'email', to: 'a@b.es' }],
    });
  });

  it('scopes the server paths to a row, and keeps "stop" last when adding', () => {
    const fields = { 'conditions[1].in[0]': 'bad channel', 'rule.conditions[1]': 'whole', 'conditions[10].regex': 'other', name: 'empty', position: 'odd' };
    expect(scopeErrors(fields, 'conditions[1]')).toEqual({ 'in[0]': 'bad channel', '': 'whole' });
    expect(unplacedErrors(fields, { ...emptyDraft(), conditions: [{ field: 'channel', in: [] }, { field: 'channel', in: [] }] })).toEqual(['other', 'odd']);
    expect(insertAction([{ do: 'assign-best' }, { do: 'stop' }], { do: 'set-type', type: 'x' }).map((a) => a.do)).toEqual(['assign-best', 'set-type', 'stop']);
  });
});

// ---------------------------------------------------------------------------------------------------

function mountEditor(existing: RuleDto | null = null, locale = 'en') {
  return mount(RuleEditor, { props: { rule: existing, departments }, global: { plugins: [makeI18n(locale)] }, attachTo: document.body });
}
const conditionRows = (w: VueWrapper) => w.findAll('[data-testid=condition-row]');
const actionRows = (w: VueWrapper) => w.findAll('[data-testid=action-row]');

async function addCondition(w: VueWrapper, field: string) {
  await w.get('[data-testid=condition-add]').trigger('click');
  const row = conditionRows(w).at(-1)!;
  await row.get('[data-testid=condition-field]').setValue(field);
  return conditionRows(w).at(-1)!;
}
async function typeList(row: ReturnType<VueWrapper['find']>, testid: string, text: string) {
  const entry = row.get(`[data-testid=${testid}] [data-testid=list-entry]`);
  await entry.setValue(text);
  await entry.trigger('keydown', { key: 'Enter' });
}
async function addAction(w: VueWrapper, kind: string) {
  await w.get('[data-testid=action-add]').trigger('click');
  const rows = actionRows(w);
  // Added before a trailing "stop".
  const row = rows.at(rows.at(-1)!.attributes('data-kind') === 'stop' && rows.length > 1 ? -2 : -1)!;
  await row.get('[data-testid=action-kind]').setValue(kind);
  return row;
}

describe('the rule editor', () => {
  it('builds, for every condition and action, a rule the server accepts', async () => {
    const w = mountEditor();
    await w.get('[data-testid=rule-name]').setValue('Gas smell → urgent');
    await w.get('[data-testid=rule-on-updated]').setValue(true);

    let row = await addCondition(w, 'channel');
    await row.get('input[data-value=sms]').setValue(true);
    await row.get('input[data-value=whatsapp]').setValue(true);
    row = await addCondition(w, 'text');
    await typeList(row, 'condition-keywords', 'gas, olor a gas');
    await row.get('[data-testid=condition-regex]').setValue('fuga (de )?gas');
    await row.get('[data-testid=condition-where]').setValue('body');
    row = await addCondition(w, 'priority');
    await row.get('input[data-value=normal]').setValue(true);
    row = await addCondition(w, 'kind');
    await row.get('input[data-value=corrective]').setValue(true);
    row = await addCondition(w, 'department');
    await row.get('input[data-value=""]').setValue(true); // no department yet
    await row.get('input[data-value=d-boilers]').setValue(true);
    row = await addCondition(w, 'language');
    await row.get('input[data-value=es]').setValue(true);
    for (const field of ['type', 'zone', 'branch', 'tag', 'coverage']) {
      row = await addCondition(w, field);
      await typeList(row, 'condition-values', `${field}-a`);
    }
    row = await addCondition(w, 'sender');
    await row.get('[data-testid=condition-sender]').setValue(' @acme.com ');
    row = await addCondition(w, 'hour');
    await row.get('[data-testid=condition-from]').setValue('22:00');
    await row.get('[data-testid=condition-to]').setValue('06:00');
    await row.get('[data-testid=condition-time-zone]').setValue('Europe/Madrid');
    await w.get('[data-testid=rule-match-any]').setValue(true);

    let a = await addAction(w, 'set-department');
    await a.get('[data-testid=action-department]').setValue('d-boilers');
    a = await addAction(w, 'stop');
    a = await addAction(w, 'set-priority');
    await a.get('[data-testid=action-priority]').setValue('urgent');
    a = await addAction(w, 'set-type');
    await a.get('[data-testid=action-type]').setValue('breakdown');
    a = await addAction(w, 'set-kind');
    await a.get('[data-testid=action-maintenance-kind]').setValue('inductive');
    a = await addAction(w, 'add-tags');
    await typeList(a, 'action-tags', 'gas, safety');
    a = await addAction(w, 'set-sla');
    await a.get('[data-testid=action-sla]').setValue('sla-4h');
    a = await addAction(w, 'assign-best');
    a = await addAction(w, 'notify');
    await a.get('[data-testid=action-via]').setValue('sms');
    await a.get('[data-testid=action-to]').setValue('+34 600 111 222');
    await a.get('[data-testid=action-template]').setValue('Gas at {reference}');
    a = await addAction(w, 'auto-reply');
    await a.get('[data-testid=action-template]').setValue('A technician is on the way.');

    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();

    expect(http.createRule).toHaveBeenCalledTimes(1);
    const input = http.createRule.mock.calls[0]![0];
    expect(input).toEqual({
      name: 'Gas smell → urgent',
      active: true,
      on: ['created', 'updated'],
      match: 'any',
      conditions: [
        { field: 'channel', in: ['sms', 'whatsapp'] },
        { field: 'text', keywords: ['gas', 'olor a gas'], regex: 'fuga (de )?gas', where: 'body' },
        { field: 'priority', in: ['normal'] },
        { field: 'kind', in: ['corrective'] },
        { field: 'department', in: ['d-boilers', null] },
        { field: 'language', in: ['es'] },
        { field: 'type', in: ['type-a'] },
        { field: 'zone', in: ['zone-a'] },
        { field: 'branch', in: ['branch-a'] },
        { field: 'tag', in: ['tag-a'] },
        { field: 'coverage', in: ['coverage-a'] },
        { field: 'sender', matches: '@acme.com' },
        { field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' },
      ],
      actions: [
        { do: 'set-department', departmentId: 'd-boilers' },
        { do: 'set-priority', priority: 'urgent' },
        { do: 'set-type', type: 'breakdown' },
        { do: 'set-kind', kind: 'inductive' },
        { do: 'add-tags', tags: ['gas', 'safety'] },
        { do: 'set-sla', policyId: 'sla-4h' },
        { do: 'assign-best' },
        { do: 'notify', via: 'sms', to: '+34 600 111 222', template: 'Gas at {reference}' },
        { do: 'auto-reply', template: 'A technician is on the way.' },
        { do: 'stop' },
      ],
    });
    // The server's own validator takes it as it is.
    const checked = validateRule(input);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(w.emitted('saved')?.[0]?.[0]).toMatchObject({ id: 'r-new' });
    expect(rules.state.rules.map((r) => r.id)).toEqual(['r-new']);
    w.unmount();
  });

  it('edits a stored rule with its version, and keeps a condition it cannot edit (business hours)', async () => {
    const calendar = { timeZone: 'Europe/Madrid', hours: { mon: [['09:00', '18:00']] }, holidays: [] } as never;
    const stored = rule({ id: 'r-gas', name: 'Gas', version: 4, conditions: [{ field: 'time', businessHours: false, calendar }, { field: 'channel', in: ['sms'] }] });
    rules.state.rules = [stored];
    rules.state.loaded = true;
    const w = mountEditor(stored);
    expect(conditionRows(w)[0]!.get('[data-testid=condition-readonly]').text()).toContain('outside business hours (Europe/Madrid)');
    await w.get('[data-testid=rule-name]').setValue('Gas after hours');
    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();
    expect(http.updateRule).toHaveBeenCalledWith('r-gas', {
      name: 'Gas after hours',
      active: true,
      on: ['created'],
      match: 'all',
      conditions: [{ field: 'time', businessHours: false, calendar }, { field: 'channel', in: ['sms'] }],
      actions: [{ do: 'set-priority', priority: 'high' }],
      version: 4,
    });
    w.unmount();
  });

  it("shows the server's field errors next to the input each path names", async () => {
    http.createRule.mockRejectedValueOnce(
      badRequest({
        name: 'the name must be a non-empty text',
        'conditions[0].keywords[1]': '"!!" has no letters or digits to look for',
        'conditions[1].in[0]': '"fax" is not a channel; use one of webform, email, sms, whatsapp, phone',
        'actions[0].departmentId': 'the department id must be a non-empty text',
        'actions[1]': 'unknown field "typo" in the "set-type" action; allowed: do, type',
        position: 'the position, when given, must be a whole number from 0',
      }),
    );
    const w = mountEditor();
    let row = await addCondition(w, 'text');
    await typeList(row, 'condition-keywords', 'gas, !!');
    row = await addCondition(w, 'channel');
    await row.get('input[data-value=sms]').setValue(true);
    await addAction(w, 'set-department');
    const typed = await addAction(w, 'set-type');
    await typed.get('[data-testid=action-type]').setValue('x');
    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();

    const name = w.get('[data-testid=rule-name]');
    expect(name.attributes('aria-invalid')).toBe('true');
    expect(w.get('[data-path=name]').text()).toBe('the name must be a non-empty text');
    expect(document.getElementById(name.attributes('aria-describedby')!)?.textContent).toContain('non-empty');

    const [text, channel] = conditionRows(w);
    expect(text!.get('[data-path=keywords]').text()).toContain('has no letters or digits');
    expect(text!.find('[data-path=in]').exists()).toBe(false);
    expect(channel!.get('[data-path=in]').text()).toContain('"fax" is not a channel');
    expect(channel!.get('[data-testid=condition-values]').attributes('aria-invalid')).toBe('true');

    // A message about a whole action shows with its row.
    const [department, second] = actionRows(w);
    expect(department!.get('[data-path=departmentId]').text()).toContain('department id');
    expect(department!.get('[data-testid=action-department]').attributes('aria-invalid')).toBe('true');
    expect(second!.get('[data-path=""]').text()).toContain('unknown field "typo"');

    // What no input stands for goes with the form's message.
    const error = w.get('[data-testid=rule-error]').text();
    expect(error).toContain('The rule is not valid yet');
    expect(error).toContain('position, when given');
    expect(error).not.toContain('"fax"');
    expect(w.emitted('saved')).toBeUndefined();

    // Removing a row moves the indices: the old messages go.
    await channel!.get('[data-testid=condition-remove]').trigger('click');
    expect(w.findAll('[data-testid=field-error]')).toHaveLength(0);
    expect(w.find('[data-testid=rule-error]').exists()).toBe(false);
    w.unmount();
  });

  it('after a 409 reloads the list, says so, and saves over the new version when asked again', async () => {
    const stored = rule({ id: 'r-1', name: 'Gas', version: 2 });
    rules.state.rules = [stored];
    rules.state.loaded = true;
    http.updateRule.mockRejectedValueOnce(new ApiRequestError({ statusCode: 409, error: 'Conflict', message: 'stale version' }));
    http.listRules.mockResolvedValueOnce([{ ...stored, name: 'Gas (theirs)', version: 3 }]);
    const w = mountEditor(stored);
    await w.get('[data-testid=rule-name]').setValue('Gas (mine)');
    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();
    expect(w.get('[data-testid=rule-stale]').text()).toContain('Another admin changed this rule');
    expect(http.listRules).toHaveBeenCalledTimes(1);
    expect((w.get('[data-testid=rule-name]').element as HTMLInputElement).value).toBe('Gas (mine)');

    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();
    expect(http.updateRule).toHaveBeenLastCalledWith('r-1', expect.objectContaining({ name: 'Gas (mine)', version: 3 }));
    expect(w.emitted('saved')).toHaveLength(1);
    w.unmount();
  });

  it('tries the draft in place of the stored rule, and puts a refused draft’s messages at its inputs', async () => {
    const stored = rule({ id: 'r-7', name: 'Gas', on: ['updated'] });
    rules.state.rules = [stored];
    rules.state.loaded = true;
    const w = mountEditor(stored);
    const row = await addCondition(w, 'text');
    await row.get('[data-testid=condition-regex]').setValue('(');
    http.dryRunRules.mockRejectedValueOnce(badRequest({ 'rule.conditions[1].regex': 'the regex is invalid: Unterminated group' }));
    await w.get('[data-testid=rule-dry-run]').trigger('click');
    await flushPromises();
    expect(http.dryRunRules).toHaveBeenCalledWith({
      limit: 50,
      trigger: 'updated',
      rule: { id: 'r-7', name: 'Gas', active: true, on: ['updated'], match: 'all', conditions: [{ field: 'channel', in: ['sms'] }, { field: 'text', regex: '(', where: 'any' }], actions: [{ do: 'set-priority', priority: 'high' }] },
    });
    expect(conditionRows(w)[1]!.get('[data-path=regex]').text()).toContain('Unterminated group');
    expect(conditionRows(w)[1]!.get('[data-testid=condition-regex]').attributes('aria-invalid')).toBe('true');
    expect(w.get('[data-testid=dry-run-error]').text()).toContain('not valid yet');
    w.unmount();
  });

  it('asks before throwing away changes, not when there are none', async () => {
    const w = mountEditor();
    await w.get('[data-testid=rule-cancel]').trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
    await w.get('[data-testid=rule-name]').setValue('Half done');
    await w.get('[data-testid=rule-cancel]').trigger('click');
    expect(w.emitted('cancel')).toHaveLength(1);
    await w.get('[data-testid=rule-discard]').trigger('click');
    expect(w.emitted('cancel')).toHaveLength(2);
    w.unmount();
  });
});

// ---------------------------------------------------------------------------------------------------

async function mountPage(list: RuleDto[], locale = 'en') {
  http.listRules.mockResolvedValue(list);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { template: '<div />' } }, { path: '/rules', component: RulesPage }] });
  await router.push('/rules');
  const w = mount(RulesPage, { global: { plugins: [makeI18n(locale), router] }, attachTo: document.body });
  await flushPromises();
  return w;
}
const rowIds = (w: VueWrapper) => w.findAll('[data-testid=rule-row]').map((r) => r.attributes('data-rule-id'));

describe('the rules page', () => {
  it('lists the rules in order with their summaries', async () => {
    const w = await mountPage([
      rule({ id: 'a', name: 'Gas smell', position: 0, on: ['created', 'updated'], conditions: [{ field: 'text', keywords: ['gas'], where: 'any' }], actions: [{ do: 'set-department', departmentId: 'd-boilers' }, { do: 'stop' }] }),
      rule({ id: 'b', name: 'Night SMS', position: 1, active: false }),
    ]);
    expect(w.find('[data-testid=rules-page]').exists()).toBe(true);
    expect(rowIds(w)).toEqual(['a', 'b']);
    const first = w.findAll('[data-testid=rule-row]')[0]!;
    expect(first.get('[data-testid=rule-conditions]').text()).toContain('text has “gas”');
    expect(first.get('[data-testid=rule-actions]').text()).toContain('department → Boilers; stop');
    expect(first.get('[data-testid=rule-triggers]').text()).toBe('Incident created or updated');
    expect(first.get('[data-testid=rule-up]').attributes('disabled')).toBeDefined();
    const second = w.findAll('[data-testid=rule-row]')[1]!;
    expect(second.get('[data-testid=rule-down]').attributes('disabled')).toBeDefined();
    expect((second.get('[data-testid=rule-active]').element as HTMLInputElement).checked).toBe(false);
    expect(second.get('[data-testid=rule-off]').text()).toBe('Off');
    w.unmount();
  });

  it('moves a rule down and up with the whole order, and goes back when the server refuses', async () => {
    const [a, b, c] = [rule({ id: 'a', position: 0 }), rule({ id: 'b', position: 1 }), rule({ id: 'c', position: 2 })];
    const w = await mountPage([a!, b!, c!]);
    http.reorderRules.mockImplementationOnce(async (ids) => ids.map((id, position) => ({ ...[a!, b!, c!].find((r) => r.id === id)!, position })));
    await w.findAll('[data-testid=rule-down]')[0]!.trigger('click');
    expect(rowIds(w)).toEqual(['b', 'a', 'c']); // at once
    await flushPromises();
    expect(http.reorderRules).toHaveBeenCalledWith(['b', 'a', 'c']);
    expect(rowIds(w)).toEqual(['b', 'a', 'c']);

    http.reorderRules.mockRejectedValueOnce(new ApiRequestError({ statusCode: 500, error: 'Internal', message: 'boom' }));
    await w.findAll('[data-testid=rule-up]')[2]!.trigger('click');
    expect(http.reorderRules).toHaveBeenLastCalledWith(['b', 'c', 'a']);
    await flushPromises();
    expect(rowIds(w)).toEqual(['b', 'a', 'c']);
    expect(w.get('[data-testid=rules-error]').text()).toBe('The server had a problem. Try again in a moment.');
    w.unmount();
  });

  it('switches a rule off with its version, and deletes one after asking', async () => {
    const w = await mountPage([rule({ id: 'a', name: 'Gas', version: 5 }), rule({ id: 'b' })]);
    await w.findAll('[data-testid=rule-active]')[0]!.setValue(false);
    await flushPromises();
    expect(http.updateRule).toHaveBeenCalledWith('a', { active: false, version: 5 });
    expect(rules.find('a')).toMatchObject({ active: false, version: 6 });

    await w.findAll('[data-testid=rule-delete]')[0]!.trigger('click');
    expect(http.deleteRule).not.toHaveBeenCalled();
    expect(w.get('[data-testid=rule-delete-confirmation]').text()).toContain('Delete the rule “Gas”?');
    await w.get('[data-testid=rule-delete-confirm]').trigger('click');
    await flushPromises();
    expect(http.deleteRule).toHaveBeenCalledWith('a');
    expect(rowIds(w)).toEqual(['b']);
    expect(w.get('[data-testid=rules-notice]').text()).toBe('Rule “Gas” deleted.');
    w.unmount();
  });

  it('opens the editor for a new rule and comes back to the list when it is saved', async () => {
    const w = await mountPage([]);
    expect(w.find('[data-testid=rules-empty]').exists()).toBe(true);
    await w.get('[data-testid=rule-new]').trigger('click');
    expect(w.find('[data-testid=rule-editor]').exists()).toBe(true);
    await w.get('[data-testid=rule-name]').setValue('Urgent by SMS');
    const row = await addCondition(w, 'channel');
    await row.get('input[data-value=sms]').setValue(true);
    const a = await addAction(w, 'set-priority');
    await a.get('[data-testid=action-priority]').setValue('urgent');
    await w.get('[data-testid=rule-save]').trigger('click');
    await flushPromises();
    expect(w.find('[data-testid=rule-editor]').exists()).toBe(false);
    expect(rowIds(w)).toEqual(['r-new']);
    expect(w.get('[data-testid=rule-actions]').text()).toContain('priority → Urgent');
    expect(w.get('[data-testid=rules-notice]').text()).toBe('Rule “Urgent by SMS” saved.');
    w.unmount();
  });

  it('shows a dry run of all rules: per incident the rules that fire, the changes and the effects', async () => {
    const dry: DryRunDto = {
      affected: 2,
      entries: [
        {
          incident: { id: 'i1', reference: 'SB-1001', subject: 'Huele a gas en la cocina' },
          firings: [
            { ruleId: 'a', ruleName: 'Gas smell', pass: 0 },
            { ruleId: 'b', ruleName: 'Boilers on call', pass: 1 },
          ],
          changes: { departmentId: { from: null, to: 'd-boilers' }, priority: { from: 'normal', to: 'urgent' }, tags: { from: [], to: ['gas'] } },
          effects: [{ do: 'notify', via: 'sms', to: '+34600111222' }],
          truncated: false,
        },
        { incident: { id: 'i2', reference: 'SB-1002', subject: 'Tap drips' }, firings: [{ ruleId: 'a', ruleName: 'Gas smell', pass: 0 }], changes: {}, effects: [{ do: 'assign-best' }], truncated: true },
        { incident: { id: 'i3', reference: 'SB-1003', subject: 'Invoice' }, firings: [], changes: {}, effects: [], truncated: false },
      ],
    };
    http.dryRunRules.mockResolvedValueOnce(dry);
    const w = await mountPage([rule({ id: 'a', name: 'Gas smell' }), rule({ id: 'b', name: 'Boilers on call' })]);
    await w.get('[data-testid=dry-run-limit]').setValue(20);
    await w.get('[data-testid=rule-dry-run]').trigger('click');
    await flushPromises();
    expect(http.dryRunRules).toHaveBeenCalledWith({ limit: 20, trigger: 'created' });

    const results = w.get('[data-testid=dry-run-results]');
    expect(results.get('[data-testid=dry-run-count]').text()).toBe('Would change 2 of 3');
    let entries = results.findAll('[data-testid=dry-run-entry]');
    expect(entries.map((e) => e.attributes('data-reference'))).toEqual(['SB-1001', 'SB-1002']);
    const first = entries[0]!;
    expect(first.findAll('[data-testid=dry-run-firing]').map((f) => f.text())).toEqual(['Gas smell', '↳ Boilers on call']);
    const changes = first.findAll('[data-testid=dry-run-change]').map((c) => c.text().replace(/\s+/g, ' '));
    expect(changes).toEqual(['Department: none → Boilers', 'Priority: Normal → Urgent', 'Tags: none → gas']);
    expect(first.get('[data-testid=dry-run-effect]').text()).toBe('notify +34600111222 by SMS');
    expect(entries[1]!.text()).toContain('the rules kept setting off one another');

    await results.get('[data-testid=dry-run-show-all]').setValue(true);
    entries = w.findAll('[data-testid=dry-run-entry]');
    expect(entries).toHaveLength(3);
    expect(entries[2]!.text()).toContain('No rule fires.');
    w.unmount();
  });

  it('reads in Spanish', async () => {
    const w = await mountPage([rule({ id: 'a', name: 'Gas', conditions: [{ field: 'channel', in: ['sms', 'whatsapp'] }], actions: [{ do: 'set-priority', priority: 'urgent' }] })], 'es');
    expect(w.text()).toContain('Reglas de flujo de trabajo');
    expect(w.get('[data-testid=rule-conditions]').text()).toContain('el canal es SMS o WhatsApp');
    expect(w.get('[data-testid=rule-actions]').text()).toContain('prioridad → Urgente');
    expect(w.get('[data-testid=rule-edit]').attributes('aria-label')).toBe('Editar «Gas»');
    w.unmount();
  });
});
