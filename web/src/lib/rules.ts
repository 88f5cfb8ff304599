/**
 * Workflow rules on the admin screen, as pure helpers: a rule's conditions and actions as one line of
 * text ("channel is SMS or WhatsApp; text has “gas”"), the empty condition / action / rule an editor
 * starts from, a dry run's changes as text, and the server's per-path field errors (conditions[1].in[0])
 * scoped to the input they belong to.
 */
import {
  LOCALES,
  MAINTENANCE_KINDS,
  PRIORITIES,
  RULE_CHANNELS,
  type DryRunRequest,
  type RuleAction,
  type RuleCondition,
  type RuleDto,
  type RuleInput,
  type RuleTrigger,
} from '@contracts';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export interface RuleLookups {
  /** The UI language, for joining lists ("SMS or WhatsApp", "SMS o WhatsApp"). */
  locale: string;
  departmentName: (id: string) => string | null;
}

export type ConditionField = RuleCondition['field'];
export type ActionKind = RuleAction['do'];
export type ListField = Extract<RuleCondition, { in: unknown[] }>['field'];

/** Fields whose values are free text (typed as a list). */
export const TEXT_LIST_FIELDS = ['type', 'zone', 'branch', 'tag', 'coverage'] as const satisfies readonly ListField[];
/** Fields whose values come from a fixed list (checked in a group). */
export const CHOICE_FIELDS = ['channel', 'kind', 'priority', 'department', 'language'] as const satisfies readonly ListField[];
/** What the editor offers (a `time` condition, which needs a business calendar, is shown read-only). */
export const EDITABLE_FIELDS: readonly ConditionField[] = ['channel', 'text', 'priority', 'kind', 'type', 'department', 'sender', 'language', 'zone', 'branch', 'tag', 'coverage', 'hour'];
export const ACTION_KINDS: readonly ActionKind[] = ['set-department', 'set-priority', 'set-type', 'set-kind', 'add-tags', 'set-sla', 'assign-best', 'notify', 'auto-reply', 'stop'];
export const TEXT_WHERE = ['any', 'subject', 'body'] as const;
export const NOTIFY_VIA = ['email', 'sms'] as const;
export const RULE_LANGUAGES = LOCALES;

export const isTextListField = (f: ConditionField): f is (typeof TEXT_LIST_FIELDS)[number] => (TEXT_LIST_FIELDS as readonly string[]).includes(f);
export const isChoiceField = (f: ConditionField): f is (typeof CHOICE_FIELDS)[number] => (CHOICE_FIELDS as readonly string[]).includes(f);

/** The values a choice field can take (department: the directory's ids, plus null for "no department yet"). */
export function choicesFor(field: (typeof CHOICE_FIELDS)[number], departmentIds: readonly string[]): readonly (string | null)[] {
  switch (field) {
    case 'channel':
      return RULE_CHANNELS;
    case 'kind':
      return MAINTENANCE_KINDS;
    case 'priority':
      return PRIORITIES;
    case 'language':
      return RULE_LANGUAGES;
    case 'department':
      return [...departmentIds, null];
  }
}

/** The browser's time zone: where an admin most likely means "22:00". */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** A new condition on `field`; `from` keeps the values when both take free text (type → zone). */
export function emptyCondition(field: ConditionField, from?: RuleCondition): RuleCondition {
  if (isTextListField(field)) return { field, in: from && 'in' in from && isTextListField(from.field) ? [...(from.in as string[])] : [] };
  switch (field) {
    case 'channel':
    case 'kind':
    case 'priority':
    case 'language':
    case 'department':
      return { field, in: [] } as RuleCondition;
    case 'text':
      return { field, keywords: [], where: 'any' };
    case 'sender':
      return { field, matches: '' };
    case 'hour':
      return { field, from: '18:00', to: '08:00', timeZone: localTimeZone() };
  }
  // 'time' needs a business calendar, which this screen does not edit.
  return { field: 'channel', in: [] };
}

export function emptyAction(kind: ActionKind): RuleAction {
  switch (kind) {
    case 'set-department':
      return { do: kind, departmentId: '' };
    case 'set-type':
      return { do: kind, type: '' };
    case 'set-kind':
      return { do: kind, kind: 'corrective' };
    case 'set-priority':
      return { do: kind, priority: 'high' };
    case 'add-tags':
      return { do: kind, tags: [] };
    case 'set-sla':
      return { do: kind, policyId: '' };
    case 'notify':
      return { do: kind, via: 'email', to: '' };
    case 'auto-reply':
      return { do: kind, template: '' };
    case 'assign-best':
    case 'stop':
      return { do: kind };
  }
}

export function emptyDraft(): RuleInput {
  return { name: '', active: true, on: ['created'], match: 'all', conditions: [], actions: [] };
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What the editor edits: the rule's own fields, as a fresh copy. */
export function draftOf(rule: RuleDto | null): RuleInput {
  if (!rule) return emptyDraft();
  return clone({ name: rule.name, active: rule.active, on: rule.on, match: rule.match, conditions: rule.conditions, actions: rule.actions });
}

/**
 * The draft as the server should get it: names and texts trimmed, empty list items and an empty regex or
 * notify template left out, the triggers in their usual order. What is still missing the server names.
 */
export function toRuleInput(draft: RuleInput): RuleInput {
  const list = (xs: readonly string[]) => xs.map((x) => x.trim()).filter((x) => x !== '');
  const conditions = draft.conditions.map((c): RuleCondition => {
    if (isTextListField(c.field) && 'in' in c) return { field: c.field, in: list(c.in as string[]) } as RuleCondition;
    switch (c.field) {
      case 'text': {
        const regex = c.regex?.trim();
        return { field: 'text', where: c.where, ...(c.keywords && list(c.keywords).length ? { keywords: list(c.keywords) } : {}), ...(regex ? { regex } : {}) };
      }
      case 'sender':
        return { field: 'sender', matches: c.matches.trim() };
      case 'hour':
        return { field: 'hour', from: c.from.trim(), to: c.to.trim(), timeZone: c.timeZone.trim() };
      default:
        return clone(c);
    }
  });
  const actions = draft.actions.map((a): RuleAction => {
    switch (a.do) {
      case 'set-type':
        return { do: a.do, type: a.type.trim() };
      case 'set-sla':
        return { do: a.do, policyId: a.policyId.trim() };
      case 'add-tags':
        return { do: a.do, tags: list(a.tags) };
      case 'notify': {
        const template = a.template?.trim();
        return { do: a.do, via: a.via, to: a.to.trim(), ...(template ? { template } : {}) };
      }
      case 'auto-reply':
        return { do: a.do, template: a.template.trim() };
      default:
        return clone(a);
    }
  });
  const on = (['created', 'updated'] as RuleTrigger[]).filter((x) => draft.on.includes(x));
  return { name: draft.name.trim(), active: draft.active ?? true, on, match: draft.match ?? 'all', conditions, actions };
}

/** The body of POST /api/rules/dry-run: a draft (in place of its stored rule when it has an id) or all stored rules. */
export function dryRunRequest(limit: number, trigger: RuleTrigger, draft?: RuleInput, id?: string): DryRunRequest {
  return { limit, trigger, ...(draft ? { rule: { ...toRuleInput(draft), ...(id ? { id } : {}) } } : {}) };
}

// ---------------------------------------------------------------------------------------------------
// As text

const listFormats = new Map<string, Intl.ListFormat>();
function joinList(items: readonly string[], locale: string, type: 'conjunction' | 'disjunction'): string {
  const key = `${locale}:${type}`;
  let format = listFormats.get(key);
  if (!format) {
    try {
      format = new Intl.ListFormat(locale, { style: 'long', type });
    } catch {
      format = new Intl.ListFormat('en', { style: 'long', type });
    }
    listFormats.set(key, format);
  }
  return format.format(items);
}

const quote = (text: string, t: Translate) => t('rules.summary.quote', { text });

/** A department by name, or its id when the directory does not know it; null is "no department". */
export function departmentLabel(id: string | null, t: Translate, lookups: RuleLookups): string {
  if (id === null || id === '') return t('rules.summary.noDepartment');
  return lookups.departmentName(id) ?? id;
}

/** One value of a condition field, as the admin reads it (a channel's name, a quoted free text). */
export function valueLabel(field: ConditionField, value: string | null, t: Translate, lookups: RuleLookups): string {
  switch (field) {
    case 'channel':
      return t(`channel.${value}`);
    case 'priority':
      return t(`priority.${value}`);
    case 'kind':
      return t(`rules.kind.${value}`);
    case 'language':
      return (LOCALES as readonly (string | null)[]).includes(value) ? t(`locale.names.${value}`) : String(value);
    case 'department':
      return departmentLabel(value, t, lookups);
    default:
      return quote(String(value), t);
  }
}

export function describeCondition(c: RuleCondition, t: Translate, lookups: RuleLookups): string {
  switch (c.field) {
    case 'text': {
      const where = t(`rules.summary.where.${c.where ?? 'any'}`);
      const words = c.keywords?.length ? joinList(c.keywords.map((k) => quote(k, t)), lookups.locale, 'disjunction') : null;
      const regex = c.regex ? `/${c.regex}/` : null;
      if (words && regex) return t('rules.summary.textBoth', { where, values: words, regex });
      if (regex) return t('rules.summary.textRegex', { where, regex });
      return t('rules.summary.text', { where, values: words ?? '…' });
    }
    case 'sender':
      return t('rules.summary.sender', { value: c.matches || '…' });
    case 'time':
      return t(c.businessHours ? 'rules.summary.insideHours' : 'rules.summary.outsideHours', { zone: c.calendar?.timeZone ?? '' });
    case 'hour':
      return t('rules.summary.hour', { from: c.from, to: c.to, zone: c.timeZone });
    default: {
      const values = (c.in as (string | null)[]).map((v) => valueLabel(c.field, v, t, lookups));
      return t(`rules.summary.${c.field}`, { values: values.length ? joinList(values, lookups.locale, 'disjunction') : '…' });
    }
  }
}

/** All of a rule's conditions on one line; "every incident" when it has none. */
export function describeConditions(rule: Pick<RuleInput, 'conditions' | 'match'>, t: Translate, lookups: RuleLookups): string {
  if (rule.conditions.length === 0) return t('rules.summary.always');
  const parts = rule.conditions.map((c) => describeCondition(c, t, lookups));
  return rule.match === 'any' && parts.length > 1 ? t('rules.summary.anyOf', { list: parts.join('; ') }) : parts.join('; ');
}

export function describeAction(a: RuleAction, t: Translate, lookups: RuleLookups): string {
  switch (a.do) {
    case 'set-department':
      return t('rules.summary.setDepartment', { value: departmentLabel(a.departmentId, t, lookups) });
    case 'set-type':
      return t('rules.summary.setType', { value: quote(a.type, t) });
    case 'set-kind':
      return t('rules.summary.setKind', { value: t(`rules.kind.${a.kind}`) });
    case 'set-priority':
      return t('rules.summary.setPriority', { value: t(`priority.${a.priority}`) });
    case 'add-tags':
      return t('rules.summary.addTags', { values: joinList(a.tags.map((x) => quote(x, t)), lookups.locale, 'conjunction') });
    case 'set-sla':
      return t('rules.summary.setSla', { value: a.policyId });
    case 'assign-best':
      return t('rules.summary.assignBest');
    case 'notify':
      return t(a.via === 'sms' ? 'rules.summary.notifySms' : 'rules.summary.notifyEmail', { to: a.to });
    case 'auto-reply':
      return t('rules.summary.autoReply', { value: quote(shorten(a.template, 40), t) });
    case 'stop':
      return t('rules.summary.stop');
  }
}

export function describeActions(actions: readonly RuleAction[], t: Translate, lookups: RuleLookups): string {
  return actions.map((a) => describeAction(a, t, lookups)).join('; ');
}

export function describeTriggers(on: readonly RuleTrigger[], t: Translate, lookups: RuleLookups): string {
  return joinList(
    (['created', 'updated'] as RuleTrigger[]).filter((x) => on.includes(x)).map((x) => t(`rules.trigger.${x}`)),
    lookups.locale,
    'disjunction',
  );
}

function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The fields a dry run reports as changed. */
export const CHANGE_FIELDS = ['departmentId', 'priority', 'type', 'kind', 'tags', 'slaPolicyId'] as const;

/** One value of a dry run's change (department ids as names, priorities translated). */
export function changeValue(field: string, value: unknown, t: Translate, lookups: RuleLookups): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return t('rules.dryRun.none');
  switch (field) {
    case 'departmentId':
      return departmentLabel(String(value), t, lookups);
    case 'priority':
      return t(`priority.${String(value)}`);
    case 'kind':
      return t(`rules.kind.${String(value)}`);
    case 'tags':
      return Array.isArray(value) ? value.map(String).join(', ') : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

export function changeLabel(field: string, t: Translate): string {
  return (CHANGE_FIELDS as readonly string[]).includes(field) ? t(`rules.dryRun.field.${field}`) : field;
}

// ---------------------------------------------------------------------------------------------------
// Field errors

/** The server's messages by path, without the "rule." a dry run puts before the draft's fields. */
export function normalizeErrors(fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.startsWith('rule.') ? path.slice(5) : path, message]));
}

/**
 * The server's messages under `prefix` ("conditions[1]"), keyed by the rest of their path: "" for the
 * prefix itself, "in[0]", "keywords", "[0]" (an item of a list prefix). A dry run names the draft's
 * fields under "rule."; that is taken off.
 */
export function scopeErrors(fields: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [raw, message] of Object.entries(fields)) {
    const path = raw.startsWith('rule.') ? raw.slice(5) : raw;
    if (path === prefix) out[''] = message;
    else if (path.startsWith(`${prefix}.`)) out[path.slice(prefix.length + 1)] = message;
    else if (path.startsWith(`${prefix}[`)) out[path.slice(prefix.length)] = message;
  }
  return out;
}

/** The messages for `key` and what is inside it ("in" takes "in" and "in[2]"), joined. */
export function errorFor(scoped: Record<string, string>, key: string): string | null {
  const messages = Object.entries(scoped)
    .filter(([path]) => path === key || path.startsWith(`${key}[`) || path.startsWith(`${key}.`))
    .map(([, m]) => m);
  return messages.length ? [...new Set(messages)].join(' · ') : null;
}

/** The messages not for any of `keys` (shown with the row or form as a whole). */
export function errorsBesides(scoped: Record<string, string>, keys: readonly string[]): string | null {
  const messages = Object.entries(scoped)
    .filter(([path]) => !keys.some((key) => path === key || path.startsWith(`${key}[`) || path.startsWith(`${key}.`)))
    .map(([, m]) => m);
  return messages.length ? [...new Set(messages)].join(' · ') : null;
}

/** The inputs of a condition, by the name of its field in the rule (what the server's paths end with). */
export function conditionInputs(c: RuleCondition): string[] {
  switch (c.field) {
    case 'text':
      return ['keywords', 'regex', 'where'];
    case 'sender':
      return ['matches'];
    case 'hour':
      return ['from', 'to', 'timeZone'];
    case 'time':
      return [];
    default:
      return ['in'];
  }
}

export function actionInputs(a: RuleAction): string[] {
  switch (a.do) {
    case 'set-department':
      return ['departmentId'];
    case 'set-type':
      return ['type'];
    case 'set-kind':
      return ['kind'];
    case 'set-priority':
      return ['priority'];
    case 'add-tags':
      return ['tags'];
    case 'set-sla':
      return ['policyId'];
    case 'notify':
      return ['via', 'to', 'template'];
    case 'auto-reply':
      return ['template'];
    default:
      return [];
  }
}

/** The top-level paths the editor shows next to an input or list; anything else goes with the form's error. */
export const RULE_INPUTS = ['name', 'active', 'on', 'match', 'conditions', 'actions'] as const;

/** Server messages the editor cannot put next to an input (e.g. "position", a condition index it no longer has). */
export function unplacedErrors(fields: Record<string, string>, draft: RuleInput): string[] {
  const out: string[] = [];
  for (const [raw, message] of Object.entries(fields)) {
    const path = raw.startsWith('rule.') ? raw.slice(5) : raw;
    const m = /^(conditions|actions)\[(\d+)\]/.exec(path);
    if (m) {
      const list = m[1] === 'conditions' ? draft.conditions : draft.actions;
      if (Number(m[2]) < list.length) continue;
    } else if ((RULE_INPUTS as readonly string[]).some((key) => path === key || path.startsWith(`${key}[`) || path.startsWith(`${key}.`))) continue;
    out.push(message);
  }
  return out;
}

/** Where a new action goes: before a trailing "stop" (which must stay last), else at the end. */
export function insertAction(actions: readonly RuleAction[], action: RuleAction): RuleAction[] {
  const last = actions[actions.length - 1];
  if (action.do !== 'stop' && last?.do === 'stop') return [...actions.slice(0, -1), action, last];
  return [...actions, action];
}
