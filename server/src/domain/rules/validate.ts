/**
 * Is what an admin submitted a rule we can run? Hand-written checks that name each problem in plain
 * English with the path to it ("conditions[1].in[0]: "fax" is not a channel; use one of …"), so the
 * editor can put the message next to the field. Unknown fields are refused rather than ignored: a typo
 * ("condtions") would otherwise make a rule silently match everything. Pure.
 */
import { calendarProblems, isValidTimeZone, parseHhMm } from '../sla/index.js';
import { keywordNeedle } from './match.js';
import { CHANNEL_KINDS, MAINTENANCE_KINDS, PRIORITIES, RULE_TRIGGERS, type Action, type Condition, type RuleDraft } from './types.js';

export interface RuleProblem {
  path: string;
  message: string;
}

export type RuleValidation = { ok: true; rule: RuleDraft } | { ok: false; errors: RuleProblem[] };

/** Longer patterns are refused: they are where catastrophic backtracking hides, and no rule needs one. */
export const MAX_REGEX_LENGTH = 200;

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const quote = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v) ?? String(v));
const listOf = (xs: readonly string[]) => xs.join(', ');

/** Collects problems while the checks below walk the input. */
class Problems {
  readonly list: RuleProblem[] = [];
  add(path: string, message: string): void {
    this.list.push({ path, message });
  }
  /** Refuses the fields of `o` that are not in `allowed`, naming what is. */
  onlyFields(o: Obj, allowed: readonly string[], path: string, what: string): void {
    for (const key of Object.keys(o)) {
      if (!allowed.includes(key)) this.add(path ? `${path}.${key}` : key, `unknown field "${key}" in ${what}; allowed: ${listOf(allowed)}`);
    }
  }
  text(v: unknown, path: string, what: string): string | null {
    if (typeof v === 'string' && v.trim() !== '') return v;
    this.add(path, `${what} must be a non-empty text`);
    return null;
  }
  /** A non-empty list whose items pass `item` (which reports its own problems and returns null then). */
  nonEmptyList<T>(v: unknown, path: string, what: string, item: (x: unknown, path: string) => T | null): T[] | null {
    if (!Array.isArray(v)) {
      this.add(path, `${what} must be a list`);
      return null;
    }
    if (v.length === 0) {
      this.add(path, `${what} must not be empty (a condition on an empty list could never match)`);
      return null;
    }
    const out = v.map((x, i) => item(x, `${path}[${i}]`));
    return out.every((x) => x !== null) ? (out as T[]) : null;
  }
  oneOf<T extends string>(v: unknown, allowed: readonly T[], path: string, what: string): T | null {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.add(path, `${quote(v)} is not ${what}; use one of ${listOf(allowed)}`);
    return null;
  }
}

const LIST_FIELDS = ['channel', 'type', 'kind', 'priority', 'zone', 'branch', 'language', 'coverage', 'department', 'tag'] as const;
const CONDITION_FIELDS = [...LIST_FIELDS, 'text', 'sender', 'time', 'hour'] as const;
const ACTIONS = ['set-department', 'set-type', 'set-kind', 'set-priority', 'add-tags', 'set-sla', 'assign-best', 'notify', 'auto-reply', 'stop'] as const;
/** The fields each action takes besides `do`. */
const ACTION_FIELDS: Readonly<Record<Action['do'], readonly string[]>> = {
  'set-department': ['departmentId'],
  'set-type': ['type'],
  'set-kind': ['kind'],
  'set-priority': ['priority'],
  'add-tags': ['tags'],
  'set-sla': ['policyId'],
  'assign-best': [],
  notify: ['via', 'to', 'template'],
  'auto-reply': ['template'],
  stop: [],
};

function condition(p: Problems, c: unknown, path: string): Condition | null {
  if (!isObj(c)) {
    p.add(path, 'a condition must be an object with a "field"');
    return null;
  }
  const field = p.oneOf(c.field, CONDITION_FIELDS, `${path}.field`, 'a condition field');
  if (field === null) return null;
  const before = p.list.length;
  const text = (what: string) => (x: unknown, at: string) => p.text(x, at, what);
  switch (field) {
    case 'channel':
    case 'kind':
    case 'priority': {
      p.onlyFields(c, ['field', 'in'], path, `a "${field}" condition`);
      const allowed = field === 'channel' ? CHANNEL_KINDS : field === 'kind' ? MAINTENANCE_KINDS : PRIORITIES;
      const what = field === 'channel' ? 'a channel' : field === 'kind' ? 'a maintenance kind' : 'a priority';
      const values = p.nonEmptyList(c.in, `${path}.in`, `"${field}" values`, (x, at) => p.oneOf(x, allowed, at, what));
      return p.list.length === before && values ? ({ field, in: values } as Condition) : null;
    }
    case 'department': {
      p.onlyFields(c, ['field', 'in'], path, 'a "department" condition');
      // null stands for "no department yet", the inbox a rule typically routes from; nonEmptyList takes null as a failure, so wrap it.
      const values = p.nonEmptyList(c.in, `${path}.in`, 'departments', (x, at) => (x === null ? { id: null } : p.text(x, at, 'a department id (or null for none)') === null ? null : { id: x as string }));
      return p.list.length === before && values ? { field, in: values.map((v) => v.id) } : null;
    }
    case 'type':
    case 'zone':
    case 'branch':
    case 'language':
    case 'coverage':
    case 'tag': {
      p.onlyFields(c, ['field', 'in'], path, `a "${field}" condition`);
      const values = p.nonEmptyList(c.in, `${path}.in`, `"${field}" values`, text(`a ${field}`));
      return p.list.length === before && values ? ({ field, in: values } as Condition) : null;
    }
    case 'text':
      return textCondition(p, c, path, before);
    case 'sender': {
      p.onlyFields(c, ['field', 'matches'], path, 'a "sender" condition');
      const m = p.text(c.matches, `${path}.matches`, 'the sender to match');
      if (m !== null && !senderPatternOk(m.trim())) p.add(`${path}.matches`, `${quote(m)} is neither an e-mail address, a domain like "@acme.com" nor a phone number`);
      return p.list.length === before ? { field, matches: m!.trim() } : null;
    }
    case 'time': {
      p.onlyFields(c, ['field', 'businessHours', 'calendar'], path, 'a "time" condition');
      if (typeof c.businessHours !== 'boolean') p.add(`${path}.businessHours`, 'businessHours must be true (inside business hours) or false (outside)');
      for (const problem of calendarProblems(c.calendar, `${path}.calendar`)) p.add(problem.path, problem.message);
      return p.list.length === before ? ({ field, businessHours: c.businessHours, calendar: c.calendar } as Condition) : null;
    }
    case 'hour': {
      p.onlyFields(c, ['field', 'from', 'to', 'timeZone'], path, 'an "hour" condition');
      const from = typeof c.from === 'string' ? parseHhMm(c.from) : null;
      const to = typeof c.to === 'string' ? parseHhMm(c.to, true) : null;
      if (from === null) p.add(`${path}.from`, `${quote(c.from)} is not a time in HH:MM (00:00 to 23:59)`);
      if (to === null) p.add(`${path}.to`, `${quote(c.to)} is not a time in HH:MM (00:00 to 24:00)`);
      if (from !== null && to !== null && from === to % 1440) p.add(path, 'from and to are the same time: leave the condition out to match at any hour');
      if (typeof c.timeZone !== 'string' || !isValidTimeZone(c.timeZone)) p.add(`${path}.timeZone`, `${quote(c.timeZone)} is not a known IANA time zone (e.g. "Europe/Madrid")`);
      return p.list.length === before ? ({ field, from: c.from, to: c.to, timeZone: c.timeZone } as Condition) : null;
    }
  }
}

function textCondition(p: Problems, c: Obj, path: string, before: number): Condition | null {
  p.onlyFields(c, ['field', 'keywords', 'regex', 'where'], path, 'a "text" condition');
  const where = c.where === undefined ? 'any' : p.oneOf(c.where, ['subject', 'body', 'any'] as const, `${path}.where`, 'where to look');
  if (c.keywords === undefined && c.regex === undefined) p.add(path, 'a text condition needs keywords, a regex or both');
  let keywords: string[] | undefined;
  if (c.keywords !== undefined) {
    keywords =
      p.nonEmptyList(c.keywords, `${path}.keywords`, 'keywords', (k, at) => {
        const word = p.text(k, at, 'a keyword');
        if (word !== null && keywordNeedle(word) === null) {
          p.add(at, `${quote(word)} has no letters or digits to look for`);
          return null;
        }
        return word;
      }) ?? undefined;
  }
  let regex: string | undefined;
  if (c.regex !== undefined) {
    if (typeof c.regex !== 'string' || c.regex === '') p.add(`${path}.regex`, 'the regex must be a non-empty text');
    else if (c.regex.length > MAX_REGEX_LENGTH) p.add(`${path}.regex`, `the regex is ${c.regex.length} characters long; at most ${MAX_REGEX_LENGTH} are allowed`);
    else {
      try {
        new RegExp(c.regex, 'i');
        regex = c.regex;
      } catch (e) {
        p.add(`${path}.regex`, `the regex is invalid: ${(e as Error).message}`);
      }
    }
  }
  if (p.list.length !== before || where === null) return null;
  return { field: 'text', where, ...(keywords ? { keywords } : {}), ...(regex !== undefined ? { regex } : {}) };
}

function senderPatternOk(m: string): boolean {
  if (m.startsWith('@')) return /^@[^\s@]+\.[^\s@]+$/.test(m);
  if (m.includes('@')) return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(m);
  return /^\+?[\d\s().-]+$/.test(m) && m.replace(/\D/g, '').length >= 5;
}

function action(p: Problems, a: unknown, path: string): Action | null {
  if (!isObj(a)) {
    p.add(path, 'an action must be an object with a "do"');
    return null;
  }
  const kind = p.oneOf(a.do, ACTIONS, `${path}.do`, 'an action');
  if (kind === null) return null;
  const before = p.list.length;
  p.onlyFields(a, ['do', ...ACTION_FIELDS[kind]], path, `the "${kind}" action`);
  let out: Action | null = null;
  switch (kind) {
    case 'set-department': {
      const v = p.text(a.departmentId, `${path}.departmentId`, 'the department id');
      if (v !== null) out = { do: kind, departmentId: v };
      break;
    }
    case 'set-type': {
      const v = p.text(a.type, `${path}.type`, 'the type');
      if (v !== null) out = { do: kind, type: v };
      break;
    }
    case 'set-kind': {
      const v = p.oneOf(a.kind, MAINTENANCE_KINDS, `${path}.kind`, 'a maintenance kind');
      if (v !== null) out = { do: kind, kind: v };
      break;
    }
    case 'set-priority': {
      const v = p.oneOf(a.priority, PRIORITIES, `${path}.priority`, 'a priority');
      if (v !== null) out = { do: kind, priority: v };
      break;
    }
    case 'add-tags': {
      const v = p.nonEmptyList(a.tags, `${path}.tags`, 'tags', (t, at) => p.text(t, at, 'a tag'));
      if (v !== null) out = { do: kind, tags: v };
      break;
    }
    case 'set-sla': {
      const v = p.text(a.policyId, `${path}.policyId`, 'the SLA policy id');
      if (v !== null) out = { do: kind, policyId: v };
      break;
    }
    case 'notify': {
      const via = p.oneOf(a.via, ['email', 'sms'] as const, `${path}.via`, 'a way to notify');
      const to = p.text(a.to, `${path}.to`, 'who to notify');
      if (a.template !== undefined) p.text(a.template, `${path}.template`, 'the template');
      if (via !== null && to !== null) out = { do: kind, via, to, ...(typeof a.template === 'string' ? { template: a.template } : {}) };
      break;
    }
    case 'auto-reply': {
      const v = p.text(a.template, `${path}.template`, 'the reply template');
      if (v !== null) out = { do: kind, template: v };
      break;
    }
    case 'assign-best':
    case 'stop':
      out = { do: kind };
      break;
  }
  return p.list.length === before ? out : null;
}

const RULE_FIELDS = ['id', 'name', 'position', 'active', 'on', 'match', 'conditions', 'actions'] as const;

/** Checks a submitted rule; on success returns it normalised (active defaults to true, match to 'all', conditions to none). */
export function validateRule(input: unknown): RuleValidation {
  const p = new Problems();
  if (!isObj(input)) return { ok: false, errors: [{ path: '', message: 'a rule must be an object' }] };
  p.onlyFields(input, RULE_FIELDS, '', 'a rule');
  if (input.id !== undefined && (typeof input.id !== 'string' || input.id === '')) p.add('id', 'the id, when given, must be a non-empty text');
  if (input.position !== undefined && !(Number.isInteger(input.position) && (input.position as number) >= 0)) p.add('position', 'the position, when given, must be a whole number from 0');
  const name = p.text(input.name, 'name', 'the name');
  if (input.active !== undefined && typeof input.active !== 'boolean') p.add('active', 'active must be true or false');
  const on = p.nonEmptyList(input.on, 'on', 'the events the rule runs on ("created", "updated")', (t, at) => p.oneOf(t, RULE_TRIGGERS, at, 'an event'));
  const match = input.match === undefined ? 'all' : p.oneOf(input.match, ['all', 'any'] as const, 'match', 'a way to combine conditions');
  let conditions: Condition[] = [];
  if (input.conditions !== undefined) {
    if (!Array.isArray(input.conditions)) p.add('conditions', 'conditions must be a list (empty: the rule applies to every incident)');
    else conditions = input.conditions.map((c, i) => condition(p, c, `conditions[${i}]`)).filter((c): c is Condition => c !== null);
  }
  let actions: Action[] = [];
  const rawActions = input.actions;
  if (!Array.isArray(rawActions) || rawActions.length === 0) p.add('actions', 'a rule needs at least one action');
  else {
    actions = rawActions.map((a, i) => action(p, a, `actions[${i}]`)).filter((a): a is Action => a !== null);
    rawActions.forEach((a, i) => {
      if (isObj(a) && a.do === 'stop' && i !== rawActions.length - 1) p.add(`actions[${i}]`, '"stop" must be the last action: the actions after it would never run');
    });
  }
  if (p.list.length > 0) return { ok: false, errors: p.list };
  const rule: RuleDraft = { name: name!, active: input.active === undefined ? true : (input.active as boolean), on: [...new Set(on!)], match: match!, conditions, actions };
  if (typeof input.id === 'string') rule.id = input.id;
  if (typeof input.position === 'number') rule.position = input.position;
  return { ok: true, rule };
}
