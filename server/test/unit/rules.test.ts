/** Workflow rules (domain/rules): validation messages, each condition, a pass in position order, loop-safe chains and dry runs. */
import { describe, expect, it } from 'vitest';
import { dryRun, evaluate, holds, matches, runChain, validateRule, type Condition, type Rule, type RuleFacts } from '../../src/domain/rules/index.js';
import type { BusinessCalendar } from '../../src/domain/sla/index.js';

const office: BusinessCalendar = { timeZone: 'Europe/Madrid', hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] }, holidays: ['2026-12-08'] };

function facts(o: Partial<RuleFacts> = {}): RuleFacts {
  return {
    incidentId: 'inc-1',
    channel: 'email',
    type: null,
    kind: null,
    priority: 'normal',
    departmentId: null,
    tags: [],
    subject: 'Calefacción sin funcionar',
    body: 'La caldera no calienta desde ayer, pantalla con error F28. Huele un poco a gas.',
    sender: { email: 'Ana.Lopez@Acme.es', phone: '+34 600 123 456', contactId: 'ct-1', customerId: 'cu-1' },
    customer: { zone: 'north', branch: 'bilbao' },
    language: 'es',
    coverage: 'full',
    at: new Date('2026-11-16T09:00:00Z'), // Monday 10:00 in Madrid
    slaPolicyId: null,
    ...o,
  };
}

let seq = 0;
function rule(o: Partial<Rule> & Pick<Rule, 'actions'>): Rule {
  seq++;
  return { id: `r${seq}`, name: `rule ${seq}`, position: seq, active: true, on: ['created', 'updated'], match: 'all', conditions: [], ...o };
}

describe('validateRule', () => {
  const good = {
    name: 'Gas leaks are urgent',
    on: ['created'],
    conditions: [
      { field: 'text', keywords: ['gas', 'huele a gas', 'calefac*'], where: 'any' },
      { field: 'department', in: [null, 'hvac'] },
      { field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' },
      { field: 'time', businessHours: false, calendar: office },
    ],
    actions: [{ do: 'set-priority', priority: 'urgent' }, { do: 'notify', via: 'sms', to: '+34600000000' }, { do: 'stop' }],
  };

  it('accepts a good rule and fills in the defaults', () => {
    const r = validateRule(good);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rule).toMatchObject({ name: 'Gas leaks are urgent', active: true, match: 'all', on: ['created'] });
    expect(r.rule.conditions).toHaveLength(4);
    expect(r.rule.conditions[1]).toEqual({ field: 'department', in: [null, 'hvac'] });
    expect(r.rule.actions.map((a) => a.do)).toEqual(['set-priority', 'notify', 'stop']);
    expect(validateRule({ ...good, id: 'r-9', position: 3, conditions: undefined })).toMatchObject({ ok: true, rule: { id: 'r-9', position: 3, conditions: [] } });
  });

  const cond = (c: unknown) => ({ ...good, conditions: [c] });
  const acts = (actions: unknown) => ({ ...good, actions });
  it.each<[string, unknown, string, RegExp]>([
    ['not an object', 'urgent please', '', /a rule must be an object/],
    ['a misspelt field', { ...good, condtions: [] }, 'condtions', /unknown field "condtions" in a rule; allowed: id, name/],
    ['no name', { ...good, name: ' ' }, 'name', /the name must be a non-empty text/],
    ['no events', { ...good, on: [] }, 'on', /must not be empty/],
    ['an unknown event', { ...good, on: ['deleted'] }, 'on[0]', /"deleted" is not an event; use one of created, updated/],
    ['an unknown match', { ...good, match: 'some' }, 'match', /"some" is not a way to combine conditions; use one of all, any/],
    ['no actions', acts([]), 'actions', /a rule needs at least one action/],
    ['stop before other actions', acts([{ do: 'stop' }, { do: 'assign-best' }]), 'actions[0]', /"stop" must be the last action/],
    ['an unknown action', acts([{ do: 'escalate' }]), 'actions[0].do', /"escalate" is not an action; use one of set-department/],
    ['an unknown action field', acts([{ do: 'assign-best', team: 'x' }]), 'actions[0].team', /unknown field "team" in the "assign-best" action; allowed: do/],
    ['an unknown priority', acts([{ do: 'set-priority', priority: 'critical' }]), 'actions[0].priority', /"critical" is not a priority; use one of low, normal, high, urgent/],
    ['an unknown maintenance kind', acts([{ do: 'set-kind', kind: 'reactive' }]), 'actions[0].kind', /"reactive" is not a maintenance kind/],
    ['notify by fax', acts([{ do: 'notify', via: 'fax', to: 'x' }]), 'actions[0].via', /"fax" is not a way to notify; use one of email, sms/],
    ['add no tags', acts([{ do: 'add-tags', tags: [] }]), 'actions[0].tags', /tags must not be empty/],
    ['an unknown condition field', cond({ field: 'colour', in: ['red'] }), 'conditions[0].field', /"colour" is not a condition field; use one of channel, type/],
    ['an unknown channel', cond({ field: 'channel', in: ['email', 'fax'] }), 'conditions[0].in[1]', /"fax" is not a channel; use one of webform, email, sms, whatsapp, phone/],
    ['an empty list', cond({ field: 'zone', in: [] }), 'conditions[0].in', /"zone" values must not be empty/],
    ['an unknown condition option', cond({ field: 'tag', in: ['vip'], not: true }), 'conditions[0].not', /unknown field "not" in a "tag" condition; allowed: field, in/],
    ['a blank department', cond({ field: 'department', in: [null, ''] }), 'conditions[0].in[1]', /a department id \(or null for none\) must be a non-empty text/],
    ['an invalid regex, with its error', cond({ field: 'text', regex: 'F(2', where: 'body' }), 'conditions[0].regex', /the regex is invalid: .*Unterminated group/],
    ['a regex too long', cond({ field: 'text', regex: 'a'.repeat(201), where: 'body' }), 'conditions[0].regex', /201 characters long; at most 200/],
    ['text with nothing to look for', cond({ field: 'text', where: 'any' }), 'conditions[0]', /needs keywords, a regex or both/],
    ['a keyword of punctuation only', cond({ field: 'text', keywords: ['!!!'], where: 'any' }), 'conditions[0].keywords[0]', /"!!!" has no letters or digits/],
    ['text looked for nowhere', cond({ field: 'text', keywords: ['gas'], where: 'title' }), 'conditions[0].where', /"title" is not where to look; use one of subject, body, any/],
    ['a sender that is not one', cond({ field: 'sender', matches: 'bob' }), 'conditions[0].matches', /neither an e-mail address, a domain like "@acme.com" nor a phone number/],
    ['an hour not in HH:MM', cond({ field: 'hour', from: '9:00', to: '18:00', timeZone: 'Europe/Madrid' }), 'conditions[0].from', /"9:00" is not a time in HH:MM/],
    ['an hour past 24', cond({ field: 'hour', from: '09:00', to: '25:00', timeZone: 'Europe/Madrid' }), 'conditions[0].to', /"25:00" is not a time in HH:MM/],
    ['an empty hour range', cond({ field: 'hour', from: '09:00', to: '09:00', timeZone: 'Europe/Madrid' }), 'conditions[0]', /from and to are the same time/],
    ['an unknown time zone', cond({ field: 'hour', from: '09:00', to: '18:00', timeZone: 'Spain/Madrid' }), 'conditions[0].timeZone', /"Spain\/Madrid" is not a known IANA time zone/],
    ['a calendar with a bad interval', cond({ field: 'time', businessHours: true, calendar: { ...office, hours: { mon: [['18:00', '09:00']] } } }), 'conditions[0].calendar.hours.mon[0]', /ends \(09:00\) before it starts \(18:00\)/],
    ['business hours not a boolean', cond({ field: 'time', businessHours: 'yes', calendar: office }), 'conditions[0].businessHours', /must be true .* or false/],
  ])('refuses %s', (_name, input, path, message) => {
    const r = validateRule(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const hit = r.errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(r.errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('reports every problem at once, not only the first', () => {
    const r = validateRule({ name: '', on: ['sometimes'], actions: [{ do: 'set-priority', priority: 'asap' }], conditions: [{ field: 'kind', in: ['reactive'] }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(['name', 'on[0]', 'conditions[0].in[0]', 'actions[0].priority']);
  });
});

describe('conditions', () => {
  const at = (iso: string) => new Date(iso);
  it.each<[string, Condition, Partial<RuleFacts>, boolean]>([
    ['channel in list', { field: 'channel', in: ['email', 'sms'] }, {}, true],
    ['channel not in list', { field: 'channel', in: ['whatsapp'] }, {}, false],
    ['type unset never matches', { field: 'type', in: ['repair'] }, {}, false],
    ['type set', { field: 'type', in: ['repair'] }, { type: 'repair' }, true],
    ['kind', { field: 'kind', in: ['corrective'] }, { kind: 'corrective' }, true],
    ['priority', { field: 'priority', in: ['high', 'urgent'] }, {}, false],
    ['zone of the customer', { field: 'zone', in: ['north'] }, {}, true],
    ['zone with no customer known', { field: 'zone', in: ['north'] }, { customer: null }, false],
    ['branch', { field: 'branch', in: ['madrid'] }, {}, false],
    ['language, any case and region', { field: 'language', in: ['ES'] }, { language: 'es-ES' }, true],
    ['language unknown', { field: 'language', in: ['es'] }, { language: null }, false],
    ['coverage', { field: 'coverage', in: ['none', 'parts'] }, {}, false],
    ['no department yet (null)', { field: 'department', in: [null] }, {}, true],
    ['a department', { field: 'department', in: [null] }, { departmentId: 'hvac' }, false],
    ['any of the tags, any case', { field: 'tag', in: ['vip', 'night'] }, { tags: ['VIP'] }, true],
    ['none of the tags', { field: 'tag', in: ['vip'] }, { tags: ['gas'] }, false],
    ['keyword, whole word', { field: 'text', keywords: ['gas'], where: 'body' }, {}, true],
    ['keyword does not match inside a word ("gas" in "gasket")', { field: 'text', keywords: ['gas'], where: 'any' }, { subject: 'New gasket', body: 'The gasket leaks' }, false],
    ['keyword stem with *', { field: 'text', keywords: ['calefac*'], where: 'subject' }, {}, true],
    ['keyword without accents matches accented text', { field: 'text', keywords: ['CALEFACCION'], where: 'subject' }, {}, true],
    ['keyword with accents matches plain text', { field: 'text', keywords: ['calefacción'], where: 'subject' }, { subject: 'calefaccion rota' }, true],
    ['a phrase', { field: 'text', keywords: ['no calienta'], where: 'body' }, {}, true],
    ['a phrase with its words apart does not match', { field: 'text', keywords: ['calienta ayer'], where: 'body' }, {}, false],
    ['a phrase does not run across subject and body', { field: 'text', keywords: ['funcionar la caldera'], where: 'any' }, {}, false],
    ['where: subject only', { field: 'text', keywords: ['caldera'], where: 'subject' }, {}, false],
    ['regex, case-insensitive', { field: 'text', regex: '\\bf\\d{2}\\b', where: 'body' }, {}, true],
    ['regex not found', { field: 'text', regex: 'E\\d{3}', where: 'any' }, {}, false],
    ['an invalid regex never matches (and does not throw)', { field: 'text', regex: '(', where: 'any' }, {}, false],
    ['keywords or regex: either matches', { field: 'text', keywords: ['boiler'], regex: 'F28', where: 'any' }, {}, true],
    ['sender domain', { field: 'sender', matches: '@acme.es' }, {}, true],
    ['sender domain must be the whole domain', { field: 'sender', matches: '@cme.es' }, {}, false],
    ['sender e-mail, any case', { field: 'sender', matches: 'ana.lopez@acme.es' }, {}, true],
    ['sender phone, spacing ignored', { field: 'sender', matches: '+34600123456' }, {}, true],
    ['sender phone, another number', { field: 'sender', matches: '+34600123457' }, {}, false],
    ['inside business hours', { field: 'time', businessHours: true, calendar: office }, {}, true],
    ['outside business hours: a holiday', { field: 'time', businessHours: false, calendar: office }, { at: at('2026-12-08T09:00:00Z') }, true],
    ['outside business hours: weekday morning is inside', { field: 'time', businessHours: false, calendar: office }, {}, false],
    ['hour range', { field: 'hour', from: '09:00', to: '14:00', timeZone: 'Europe/Madrid' }, {}, true],
    ['hour range end is excluded', { field: 'hour', from: '08:00', to: '10:00', timeZone: 'Europe/Madrid' }, {}, false],
    ['hour range wrapping midnight, late', { field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' }, { at: at('2026-11-16T22:30:00Z') }, true],
    ['hour range wrapping midnight, early', { field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' }, { at: at('2026-11-17T04:59:00Z') }, true],
    ['hour range wrapping midnight, daytime', { field: 'hour', from: '22:00', to: '06:00', timeZone: 'Europe/Madrid' }, {}, false],
    ['hour in summer time (07:30Z is 09:30 CEST)', { field: 'hour', from: '08:00', to: '09:00', timeZone: 'Europe/Madrid' }, { at: at('2026-07-15T07:30:00Z') }, false],
    ['hour in winter time (07:30Z is 08:30 CET)', { field: 'hour', from: '08:00', to: '09:00', timeZone: 'Europe/Madrid' }, { at: at('2026-01-15T07:30:00Z') }, true],
  ])('%s -> %s', (_name, condition, o, expected) => expect(holds(condition, facts(o))).toBe(expected));

  const yes: Condition = { field: 'channel', in: ['email'] };
  const no: Condition = { field: 'channel', in: ['sms'] };
  it.each<['all' | 'any', Condition[], boolean]>([
    ['all', [], true],
    ['any', [], true],
    ['all', [yes, yes], true],
    ['all', [yes, no], false],
    ['any', [no, yes], true],
    ['any', [no, no], false],
  ])('match %s of %j -> %s', (match, conditions, expected) => expect(matches(rule({ match, conditions, actions: [{ do: 'stop' }] }), facts())).toBe(expected));
});

const when = (c: Condition) => [c];
const isPriority = (...p: RuleFacts['priority'][]): Condition => ({ field: 'priority', in: p });
const inDepartment = (...d: (string | null)[]): Condition => ({ field: 'department', in: d });
const hasTag = (t: string): Condition => ({ field: 'tag', in: [t] });

describe('evaluate (one pass)', () => {
  const ctx = { fired: new Set<string>(), depth: 0 };

  it('takes rules in position order, and later rules see earlier changes', () => {
    const second = rule({ position: 20, conditions: when(inDepartment('hvac')), actions: [{ do: 'set-priority', priority: 'high' }] });
    const first = rule({ position: 10, conditions: when({ field: 'text', keywords: ['caldera'], where: 'any' }), actions: [{ do: 'set-department', departmentId: 'hvac' }] });
    const ev = evaluate([second, first], facts(), 'created', ctx);
    expect(ev.firings.map((f) => [f.ruleId, f.changed])).toEqual([
      [first.id, ['departmentId']],
      [second.id, ['priority']],
    ]);
    expect(ev.facts).toMatchObject({ departmentId: 'hvac', priority: 'high' });
    expect(ev).toMatchObject({ stoppedBy: null, truncated: false });
  });

  it('skips inactive rules, rules not listening to the event, and rules that already fired in the chain', () => {
    const inactive = rule({ active: false, actions: [{ do: 'add-tags', tags: ['a'] }] });
    const updatesOnly = rule({ on: ['updated'], actions: [{ do: 'add-tags', tags: ['b'] }] });
    const firedBefore = rule({ actions: [{ do: 'add-tags', tags: ['c'] }] });
    const runs = rule({ actions: [{ do: 'add-tags', tags: ['d'] }] });
    const ev = evaluate([inactive, updatesOnly, firedBefore, runs], facts(), 'created', { fired: new Set([firedBefore.id]), depth: 0 });
    expect(ev.firings.map((f) => f.ruleId)).toEqual([runs.id]);
    expect(ev.facts.tags).toEqual(['d']);
  });

  it('stop ends the pass after its own actions', () => {
    const tagger = rule({ actions: [{ do: 'add-tags', tags: ['seen'] }, { do: 'stop' }] });
    const after = rule({ actions: [{ do: 'set-priority', priority: 'low' }] });
    const ev = evaluate([tagger, after], facts(), 'created', ctx);
    expect(ev.stoppedBy).toBe(tagger.id);
    expect(ev.firings.map((f) => f.ruleId)).toEqual([tagger.id]);
    expect(ev.facts).toMatchObject({ tags: ['seen'], priority: 'normal' });
  });

  it('returns outside actions as effects, and counts setting what is already so as no change', () => {
    const r = rule({ actions: [{ do: 'set-priority', priority: 'normal' }, { do: 'add-tags', tags: ['GAS', 'gas', 'night'] }, { do: 'assign-best' }, { do: 'notify', via: 'email', to: 'boss@acme.es' }, { do: 'auto-reply', template: 'ack-es' }] });
    const ev = evaluate([r], facts({ tags: ['gas'] }), 'created', ctx);
    expect(ev.firings[0]!.changed).toEqual(['tags']);
    expect(ev.facts.tags).toEqual(['gas', 'night']);
    expect(ev.effects.map((e) => e.action.do)).toEqual(['assign-best', 'notify', 'auto-reply']);
    expect(ev.effects.every((e) => e.ruleId === r.id)).toBe(true);
  });

  it('does not touch the facts it was given', () => {
    const given = facts();
    evaluate([rule({ actions: [{ do: 'set-priority', priority: 'urgent' }, { do: 'add-tags', tags: ['x'] }] })], given, 'created', ctx);
    expect(given).toEqual(facts());
  });

  it.each([
    ['below the limit it runs', 4, 1, false],
    ['at the limit a rule that would fire marks the pass truncated, and nothing is applied', 5, 0, true],
  ])('depth: %s', (_name, depth, firings, truncated) => {
    const ev = evaluate([rule({ actions: [{ do: 'set-priority', priority: 'urgent' }] })], facts(), 'updated', { fired: new Set(), depth, maxDepth: 5 });
    expect(ev.firings).toHaveLength(firings);
    expect(ev.truncated).toBe(truncated);
  });

  it('at the limit with nothing left to fire is not truncated', () => {
    const ev = evaluate([rule({ conditions: when(isPriority('low')), actions: [{ do: 'stop' }] })], facts(), 'updated', { fired: new Set(), depth: 5 });
    expect(ev.truncated).toBe(false);
  });
});

describe('runChain (loop-safe chaining)', () => {
  // The loops of the brief: A urgent when in X; B to X when urgent; C high when urgent; D urgent when high.
  const loop = (positions: [number, number, number, number]) => {
    const [a, b, c, d] = positions;
    return {
      A: rule({ name: 'A', position: a, conditions: when(inDepartment('X')), actions: [{ do: 'set-priority', priority: 'urgent' }] }),
      B: rule({ name: 'B', position: b, conditions: when(isPriority('urgent')), actions: [{ do: 'set-department', departmentId: 'X' }] }),
      C: rule({ name: 'C', position: c, conditions: when(isPriority('urgent')), actions: [{ do: 'set-priority', priority: 'high' }] }),
      D: rule({ name: 'D', position: d, conditions: when(isPriority('high')), actions: [{ do: 'set-priority', priority: 'urgent' }] }),
    };
  };

  it.each<[string, [number, number, number, number], Partial<RuleFacts>, [string, number][], Partial<RuleFacts>]>([
    ['ping-pong in one pass (A, B, C, D in order)', [1, 2, 3, 4], { departmentId: 'X' }, [['A', 0], ['B', 0], ['C', 0], ['D', 0]], { priority: 'urgent', departmentId: 'X' }],
    ['ping-pong over several passes (reverse order)', [4, 3, 2, 1], { departmentId: 'X' }, [['A', 0], ['C', 1], ['D', 2], ['B', 2]], { priority: 'urgent', departmentId: 'X' }],
    ['B starts it: urgent moves to X, then A finds it already urgent', [1, 2, 3, 4], { priority: 'urgent', departmentId: 'Y' }, [['B', 0], ['C', 0], ['D', 0], ['A', 1]], { priority: 'urgent', departmentId: 'X' }],
  ])('%s: ends, each rule fires at most once', (_name, positions, start, expected, end) => {
    const rules = loop(positions);
    const result = runChain(Object.values(rules), facts(start), 'created');
    expect(result.firings.map((f) => [f.ruleName, f.pass])).toEqual(expected);
    expect(new Set(result.firings.map((f) => f.ruleId)).size).toBe(result.firings.length);
    expect(result.facts).toMatchObject(end);
    expect(result.truncated).toBe(false);
  });

  // Each rule wakes the one before it, so each pass fires exactly one: tag a, then b, then c.
  const ladder = () => [
    rule({ position: 1, conditions: when(hasTag('b')), actions: [{ do: 'add-tags', tags: ['c'] }] }),
    rule({ position: 2, conditions: when(hasTag('a')), actions: [{ do: 'add-tags', tags: ['b'] }] }),
    rule({ position: 3, actions: [{ do: 'add-tags', tags: ['a'] }] }),
  ];

  it('follows changes pass after pass as updates', () => {
    const r = runChain(ladder(), facts(), 'created');
    expect(r.firings.map((f) => f.pass)).toEqual([0, 1, 2]);
    expect(r.facts.tags).toEqual(['a', 'b', 'c']);
    expect(r.truncated).toBe(false);
  });

  it('stops at maxDepth passes and says so', () => {
    const r = runChain(ladder(), facts(), 'created', 2);
    expect(r.firings.map((f) => f.pass)).toEqual([0, 1]);
    expect(r.facts.tags).toEqual(['a', 'b']);
    expect(r.truncated).toBe(true);
  });

  it('passes after the first are "updated" events: a created-only rule runs once, in pass 0 only', () => {
    const onCreate = rule({ on: ['created'], conditions: when(isPriority('high')), actions: [{ do: 'add-tags', tags: ['fast'] }] });
    const raise = rule({ on: ['created'], actions: [{ do: 'set-priority', priority: 'high' }] });
    const onUpdate = rule({ on: ['updated'], conditions: when(isPriority('high')), actions: [{ do: 'add-tags', tags: ['updated'] }] });
    const r = runChain([onCreate, raise, onUpdate], facts(), 'created');
    expect(r.firings.map((f) => [f.ruleId, f.pass])).toEqual([[raise.id, 0], [onUpdate.id, 1]]);
    expect(r.facts.tags).toEqual(['updated']);
  });

  it('stop ends the whole chain', () => {
    const r = runChain([rule({ actions: [{ do: 'set-priority', priority: 'high' }, { do: 'stop' }] }), rule({ conditions: when(isPriority('high')), actions: [{ do: 'add-tags', tags: ['x'] }] })], facts(), 'created');
    expect(r.firings).toHaveLength(1);
    expect(r.stoppedBy).toBe(r.firings[0]!.ruleId);
    expect(r.facts.tags).toEqual([]);
  });

  it('carries out each effect at most once across rules and passes', () => {
    const r = runChain(
      [
        rule({ actions: [{ do: 'assign-best' }, { do: 'notify', via: 'email', to: 'Boss@acme.es' }, { do: 'set-priority', priority: 'high' }] }),
        rule({ conditions: when(isPriority('high')), actions: [{ do: 'assign-best' }, { do: 'notify', via: 'email', to: 'boss@acme.es' }, { do: 'notify', via: 'sms', to: '+34600000000' }] }),
      ],
      facts(),
      'created',
    );
    expect(r.effects.map((e) => e.action)).toEqual([{ do: 'assign-best' }, { do: 'notify', via: 'email', to: 'Boss@acme.es' }, { do: 'notify', via: 'sms', to: '+34600000000' }]);
  });
});

describe('dryRun', () => {
  it('says what the rules would change on each incident, without changing them', () => {
    const rules = [
      rule({ conditions: when({ field: 'text', keywords: ['gas'], where: 'any' }), actions: [{ do: 'set-priority', priority: 'urgent' }, { do: 'add-tags', tags: ['gas'] }, { do: 'assign-best' }] }),
      rule({ conditions: when(inDepartment(null)), actions: [{ do: 'set-department', departmentId: 'hvac' }] }),
    ];
    const gas = facts({ incidentId: 'gas' });
    const quiet = facts({ incidentId: 'quiet', subject: 'Factura', body: 'Necesito la factura de octubre', departmentId: 'billing' });
    const [a, b] = dryRun(rules, [gas, quiet], 'created');
    expect(a).toEqual({
      incidentId: 'gas',
      firings: expect.any(Array),
      changes: { priority: { from: 'normal', to: 'urgent' }, tags: { from: [], to: ['gas'] }, departmentId: { from: null, to: 'hvac' } },
      effects: [{ ruleId: rules[0]!.id, action: { do: 'assign-best' } }],
      truncated: false,
    });
    expect(a!.firings.map((f) => f.ruleId)).toEqual([rules[0]!.id, rules[1]!.id]);
    expect(b).toEqual({ incidentId: 'quiet', firings: [], changes: {}, effects: [], truncated: false });
    expect(gas).toEqual(facts({ incidentId: 'gas' }));
  });
});
