/**
 * Workflow rules as the API and the admin screen see them. The rule shape itself (conditions, actions)
 * is the domain's (server/src/domain/rules/types.ts), re-exported here so the web app shares it.
 */
import type { Action, Condition, RuleTrigger } from '../domain/rules/types.js';
import type { UserRefDto } from './api.js';

export type { Action as RuleAction, Condition as RuleCondition, RuleTrigger } from '../domain/rules/types.js';
export { CHANNEL_KINDS as RULE_CHANNELS, MAINTENANCE_KINDS, RULE_TRIGGERS } from '../domain/rules/types.js';

export interface RuleDto {
  id: string;
  name: string;
  /** Rules run in this order (0 first). */
  position: number;
  active: boolean;
  /** When it is evaluated: an incident created, an incident changed. */
  on: RuleTrigger[];
  match: 'all' | 'any';
  conditions: Condition[];
  actions: Action[];
  createdBy: UserRefDto | null;
  updatedAt: string;
  /** Optimistic lock: send it back on PATCH. */
  version: number;
}

/** POST /api/rules (appended last unless position is given), PATCH /api/rules/{id} (all fields optional + version). */
export interface RuleInput {
  name: string;
  active?: boolean;
  on: RuleTrigger[];
  match?: 'all' | 'any';
  conditions: Condition[];
  actions: Action[];
  position?: number;
}

/** PUT /api/rules/order: every rule id, in the new order. */
export interface RuleOrder {
  ids: string[];
}

/**
 * POST /api/rules/dry-run: what the rules would have done to the last `limit` incidents (newest first),
 * without changing anything. With `rule`, that draft is evaluated in place of the stored rule of the same
 * id (or added at its position): an admin tries an edit before saving it.
 */
export interface DryRunRequest {
  limit?: number;
  trigger?: RuleTrigger;
  rule?: RuleInput & { id?: string };
}

export interface DryRunEntryDto {
  incident: { id: string; reference: string; subject: string };
  /** Rules that would fire, in order (pass: 0 for the event itself, then each re-evaluation). */
  firings: { ruleId: string; ruleName: string; pass: number }[];
  /** The fields that would change: departmentId, priority, type, kind, tags, slaPolicyId. */
  changes: Record<string, { from: unknown; to: unknown }>;
  /** What would be carried out: assign-best, notify, auto-reply. */
  effects: Action[];
  truncated: boolean;
}

export interface DryRunDto {
  entries: DryRunEntryDto[];
  /** How many of them any rule would change or act on. */
  affected: number;
}
