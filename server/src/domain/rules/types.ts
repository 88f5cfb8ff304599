/**
 * The shape of workflow rules: what a rule can look at (RuleFacts, a snapshot the caller builds), the
 * conditions it can test and the actions it can take. The lists of allowed values live here too, so the
 * validator, the evaluator and the admin screen agree on them.
 */
import type { Priority } from '../incident-state.js';
import type { BusinessCalendar } from '../sla/index.js';

export { PRIORITIES, type Priority } from '../incident-state.js';

export const MAINTENANCE_KINDS = ['preventive', 'conductive', 'corrective', 'inductive'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];
// The same list as the contract's CHANNEL_KINDS; repeated because the domain does not import the HTTP contract.
export const CHANNEL_KINDS = ['webform', 'email', 'sms', 'whatsapp', 'phone'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export const RULE_TRIGGERS = ['created', 'updated'] as const;
export type RuleTrigger = (typeof RULE_TRIGGERS)[number];

/** What rules see of an incident (a snapshot; the caller builds it). */
export interface RuleFacts {
  incidentId: string;
  channel: ChannelKind;
  type: string | null;
  kind: MaintenanceKind | null;
  priority: Priority;
  departmentId: string | null;
  tags: readonly string[];
  subject: string;
  /** Text of the first/latest customer message. */
  body: string;
  sender: { email: string | null; phone: string | null; contactId: string | null; customerId: string | null };
  customer: { zone: string | null; branch: string | null } | null;
  /** 'es' | 'en' | 'ro' | other/null */
  language: string | null;
  /** Contract coverage level once contracts exist, e.g. 'full', 'parts', 'none'; null unknown. */
  coverage: string | null;
  /** When the event happened. */
  at: Date;
  slaPolicyId: string | null;
}

export type Condition =
  | { field: 'channel'; in: ChannelKind[] }
  | { field: 'type'; in: string[] }
  | { field: 'kind'; in: MaintenanceKind[] }
  | { field: 'priority'; in: Priority[] }
  | { field: 'zone'; in: string[] }
  | { field: 'branch'; in: string[] }
  | { field: 'language'; in: string[] }
  | { field: 'coverage'; in: string[] }
  | { field: 'department'; in: (string | null)[] }
  /** The incident has any of these tags. */
  | { field: 'tag'; in: string[] }
  /** keywords: any word/phrase, accent- and case-insensitive ('calefac*' a prefix); regex: JS source, case-insensitive. Either may match. */
  | { field: 'text'; keywords?: string[]; regex?: string; where: 'subject' | 'body' | 'any' }
  /** Exact e-mail/phone, or '@domain.com' for a domain. */
  | { field: 'sender'; matches: string }
  /** Inside (true) or outside (false) business hours. */
  | { field: 'time'; businessHours: boolean; calendar: BusinessCalendar }
  /** 'HH:MM' local; `to` may wrap past midnight (22:00 -> 06:00). */
  | { field: 'hour'; from: string; to: string; timeZone: string };

export type ConditionField = Condition['field'];

export type Action =
  | { do: 'set-department'; departmentId: string }
  | { do: 'set-type'; type: string }
  | { do: 'set-kind'; kind: MaintenanceKind }
  | { do: 'set-priority'; priority: Priority }
  | { do: 'add-tags'; tags: string[] }
  | { do: 'set-sla'; policyId: string }
  | { do: 'assign-best' }
  | { do: 'notify'; via: 'email' | 'sms'; to: string; template?: string }
  | { do: 'auto-reply'; template: string }
  | { do: 'stop' };

export type ActionKind = Action['do'];

export interface Rule {
  id: string;
  name: string;
  position: number;
  active: boolean;
  on: RuleTrigger[];
  match: 'all' | 'any';
  conditions: Condition[];
  actions: Action[];
}

/** A rule as an admin submits it: id and position are the store's business, kept when given. */
export type RuleDraft = Omit<Rule, 'id' | 'position'> & { id?: string; position?: number };

/** The actions the caller carries out (rules only decide them). */
export type EffectAction = Extract<Action, { do: 'assign-best' | 'notify' | 'auto-reply' }>;
export interface Effect {
  ruleId: string;
  action: EffectAction;
}

export interface Firing {
  ruleId: string;
  ruleName: string;
  actions: Action[];
  /** The facts this firing changed (e.g. 'priority', 'departmentId'); empty when all were already so. */
  changed: (keyof RuleFacts)[];
  /** The same, with the value before and after this firing (what its timeline entry says). */
  changes: Partial<Record<keyof RuleFacts, { from: unknown; to: unknown }>>;
}

export interface Evaluation {
  /** After the set-* and add-tags actions. */
  facts: RuleFacts;
  firings: Firing[];
  /** assign-best, notify, auto-reply: for the caller to carry out. */
  effects: Effect[];
  stoppedBy: string | null;
  /** The depth limit was hit while a rule would still have fired. */
  truncated: boolean;
}

export interface EvaluationContext {
  /** Rules that already fired earlier in this chain of events: they never fire again in it. */
  fired: ReadonlySet<string>;
  /** Which pass of the chain this is (0 for the event itself). */
  depth: number;
  maxDepth?: number;
}

export interface ChainResult {
  facts: RuleFacts;
  firings: (Firing & { pass: number })[];
  /** Each effect at most once, in the order decided. */
  effects: Effect[];
  stoppedBy: string | null;
  truncated: boolean;
}

export interface DryRunResult {
  incidentId: string;
  firings: ChainResult['firings'];
  /** The facts that would change, by name. */
  changes: Record<string, { from: unknown; to: unknown }>;
  effects: Effect[];
  truncated: boolean;
}
