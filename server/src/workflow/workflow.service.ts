import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventEmitter } from 'node:events';
import type { Viewer } from '../auth/auth.decorators.js';
import type { IncidentSummaryDto } from '../contracts/api.js';
import type { IncidentSlaDto } from '../contracts/sla.js';
import type { DryRunDto, DryRunRequest, RuleDto, RuleInput } from '../contracts/workflow.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { dryRun, runChain, validateRule, type EffectAction, type Rule, type RuleDraft, type RuleFacts, type RuleTrigger } from '../domain/rules/index.js';
import type { IncidentPlacement } from '../domain/visibility.js';
import { IncidentsService, type IncidentChange, type InboundOutcome } from '../incidents/incidents.service.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { SlaService } from '../sla/sla.service.js';
import { RulesRepository, toRule } from './rules.repository.js';

/** What the rules changed on an incident, and what they ask to be done once that commits. */
export interface Routed {
  incidentId: string;
  before: IncidentPlacement;
  /** Incident fields that changed (as incident.updated names them). */
  changed: string[];
  effects: RuleEffect[];
  /** The incident's summary fields as the rules left them (for the event of an incident just created). */
  summary: Pick<IncidentSummaryDto, 'department' | 'priority' | 'serviceType' | 'maintenanceKind' | 'tags'>;
}

/** An effect to carry out after commit; `key` is unique per firing and effect (carry it out once). */
export interface RuleEffect {
  incidentId: string;
  ruleName: string;
  action: EffectAction;
  key: string;
}

/** Facts the rules change, and the incident column and event field each is. */
const FIELDS: Partial<Record<keyof RuleFacts, { column: string; event: string }>> = {
  departmentId: { column: 'department_id', event: 'department' },
  priority: { column: 'priority', event: 'priority' },
  type: { column: 'service_type', event: 'serviceType' },
  kind: { column: 'maintenance_kind', event: 'maintenanceKind' },
  tags: { column: 'tags', event: 'tags' },
  slaPolicyId: { column: 'sla_policy_id', event: 'slaPolicy' },
};

/**
 * Workflow rules at work: evaluated on an incident when intake creates it (inside intake's transaction, so
 * the inbox first sees it already routed) and when an agent changes it (after that commits, in a new
 * transaction). One chain per event: a rule fires at most once in it, with a bounded depth; what the rules
 * change themselves is not an event again (loop-safe). Each firing is an audit entry 'rule.fired' on the
 * timeline; effects (assign, notify, auto-reply) go out after commit through `effects`.
 */
@Injectable()
export class WorkflowService implements OnModuleInit {
  private readonly log = new Logger('Workflow');
  /** 'effects' (RuleEffect[]) after the change that decided them commits. */
  readonly effects = new EventEmitter();

  constructor(
    private readonly em: EntityManager,
    private readonly repo: RulesRepository,
    private readonly incidents: IncidentsService,
    private readonly sla: SlaService,
  ) {}

  onModuleInit(): void {
    this.incidents.changes.on('updated', (c: IncidentChange) => void this.afterAgentChange(c).catch((err: Error) => this.log.warn(`rules on ${c.incidentId} not evaluated: ${err.message}`)));
  }

  /** Inside the caller's transaction: the rules for an event on this incident, written with their audit. */
  async route(sql: Sql, incidentId: string, trigger: RuleTrigger): Promise<Routed | null> {
    const rules = await this.repo.active(sql);
    if (!rules.some((r) => r.on.includes(trigger))) return null;
    const [facts] = await this.repo.facts(sql, 'i.id = ?', [incidentId]);
    if (!facts) return null;
    const chain = runChain(rules, facts, trigger);
    if (chain.firings.length === 0) return null;
    if (chain.truncated) this.log.warn(`rules on ${facts.reference} stopped at the depth limit (a loop between rules?)`);
    const changedKeys = (Object.keys(FIELDS) as (keyof RuleFacts)[]).filter((k) => JSON.stringify(facts[k]) !== JSON.stringify(chain.facts[k]));
    if (changedKeys.length) {
      const f = chain.facts;
      await sql(
        `update incidents set department_id = ?, priority = ?, service_type = ?, maintenance_kind = ?, tags = ?::text[], sla_policy_id = ?, updated_at = now(), version = version + 1 where id = ?`,
        [f.departmentId, f.priority, f.type, f.kind, [...f.tags], f.slaPolicyId, incidentId],
      );
    }
    const departments = await this.departmentNames(sql, [chain.facts.departmentId, ...chain.firings.flatMap((x) => [x.changes.departmentId?.from, x.changes.departmentId?.to])]);
    const effects: RuleEffect[] = [];
    for (const firing of chain.firings) {
      const changes: Record<string, { from: unknown; to: unknown }> = { rule: { from: null, to: firing.ruleName }, ruleId: { from: null, to: firing.ruleId }, trigger: { from: null, to: trigger } };
      for (const [key, change] of Object.entries(firing.changes) as [keyof RuleFacts, { from: unknown; to: unknown }][]) {
        const field = FIELDS[key];
        if (!field) continue;
        changes[field.event] = key === 'departmentId' ? { from: departments(change.from), to: departments(change.to) } : change;
      }
      const mine = chain.effects.filter((e) => e.ruleId === firing.ruleId).map((e) => e.action);
      // The effects by name (the timeline) and whole (the sweep carries out one a crash left undone: effects.service.ts).
      if (mine.length) Object.assign(changes, { effects: { from: null, to: mine.map((a) => a.do) }, actions: { from: null, to: mine } });
      // At the statement's time (clock_timestamp), not the transaction's start (now()): the timeline shows the
      // firing after the request and the opening it follows.
      const [audit] = await sql<{ id: string }>(
        `insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, null, 'rule.fired', ?, clock_timestamp()) returning id`,
        [incidentId, JSON.stringify(changes)],
      );
      mine.forEach((action, n) => effects.push({ incidentId, ruleName: firing.ruleName, action, key: `${audit!.id}:${n}` }));
    }
    const f = chain.facts;
    const summary = { department: departments(f.departmentId), priority: f.priority, serviceType: f.type, maintenanceKind: f.kind, tags: [...f.tags] };
    return { incidentId, before: { departmentId: facts.departmentId, assigneeId: null }, changed: changedKeys.map((k) => FIELDS[k]!.event), effects, summary };
  }

  /** After the change the rules belong to commits: their effects. */
  /**
   * Inside the transaction that just made `outcome`'s incident (intake, a call, an unmerge): the 'created'
   * rules, their result in the outcome (its event shows the incident routed, with its SLA clocks) and in
   * `outcome.routed` for `carryOut` after commit.
   */
  async routeCreated(sql: Sql, outcome: Extract<InboundOutcome, { kind: 'created' }>): Promise<void> {
    const routed = await this.routeNew(sql, outcome.incident.id);
    outcome.routed = routed;
    if (!routed) return;
    Object.assign(outcome.incident, routed.summary, { version: outcome.incident.version + (routed.changed.length ? 1 : 0) });
    if (routed.sla !== undefined) outcome.incident.sla = routed.sla;
  }

  /** Inside the transaction that made incident `id`: the 'created' rules, and its SLA clocks when they set a policy. */
  async routeNew(sql: Sql, id: string): Promise<(Routed & { sla?: IncidentSlaDto | null }) | null> {
    const routed = await this.route(sql, id, 'created');
    if (!routed?.changed.includes('slaPolicy')) return routed;
    return { ...routed, sla: (await this.sla.refresh(sql, id)).state };
  }

  carryOut(routed: Routed | null | undefined): void {
    if (routed?.effects.length) this.effects.emit('effects', routed.effects);
  }

  /** An agent changed an incident: the 'updated' rules, in their own transaction, then the inboxes are told. */
  private async afterAgentChange(c: IncidentChange): Promise<void> {
    const routed = await inTransaction(this.em, (sql) => this.route(sql, c.incidentId, 'updated'));
    if (!routed) return;
    if (routed.changed.length) await this.incidents.announceChange(c.incidentId, c.after, routed.changed, null);
    this.carryOut(routed);
  }

  private async departmentNames(sql: Sql, ids: unknown[]): Promise<(id: unknown) => { id: string; name: string } | null> {
    const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
    const rows = wanted.length ? await sql<{ id: string; name: string }>(`select id, name from departments where id = any(?::uuid[])`, [wanted]) : [];
    return (id) => (typeof id === 'string' ? (rows.find((r) => r.id === id) ?? { id, name: id }) : null);
  }

  // --- the rules themselves (admins) ---

  list(): Promise<RuleDto[]> {
    return this.repo.list(sqlOf(this.em));
  }

  async create(input: unknown, viewer: Viewer): Promise<RuleDto> {
    const draft = await this.checked(input);
    const id = await inTransaction(this.em, async (sql) => {
      const id = await this.repo.insert(sql, draft, viewer.user.id);
      await this.auditRule(sql, id, viewer, 'created', { name: { from: null, to: draft.name } });
      return id;
    });
    this.repo.forget();
    return (await this.repo.get(sqlOf(this.em), id))!;
  }

  async update(id: string, patch: Record<string, unknown>, viewer: Viewer): Promise<RuleDto> {
    await inTransaction(this.em, async (sql) => {
      const current = isUuid(id) ? await this.repo.get(sql, id, true) : null;
      if (!current) throw new NotFoundException(`No rule ${id}.`);
      const { version, ...rest } = patch;
      if (version !== undefined && version !== current.version) throw new ConflictException(`This rule changed meanwhile (version ${current.version}, you had ${String(version)}). Reload it and try again.`);
      const draft = await this.checked({ name: current.name, active: current.active, on: current.on, match: current.match, conditions: current.conditions, actions: current.actions, ...rest });
      await this.repo.update(sql, id, draft);
      const changes = Object.fromEntries(
        (['name', 'active', 'on', 'match', 'conditions', 'actions', 'position'] as const)
          .filter((k) => rest[k] !== undefined && JSON.stringify(rest[k]) !== JSON.stringify(current[k]))
          .map((k) => [k, { from: current[k], to: rest[k] }]),
      );
      if (Object.keys(changes).length) await this.auditRule(sql, id, viewer, 'updated', changes);
    });
    this.repo.forget();
    return (await this.repo.get(sqlOf(this.em), id))!;
  }

  async remove(id: string, viewer: Viewer): Promise<void> {
    await inTransaction(this.em, async (sql) => {
      const current = isUuid(id) ? await this.repo.get(sql, id, true) : null;
      if (!current) throw new NotFoundException(`No rule ${id}.`);
      await this.repo.delete(sql, id);
      await this.auditRule(sql, id, viewer, 'deleted', { name: { from: current.name, to: null }, rule: { from: current, to: null } });
    });
    this.repo.forget();
  }

  async reorder(ids: string[], viewer: Viewer): Promise<RuleDto[]> {
    await inTransaction(this.em, async (sql) => {
      const all = await this.repo.list(sql);
      const known = new Set(all.map((r) => r.id));
      if (ids.length !== all.length || new Set(ids).size !== ids.length || ids.some((x) => !known.has(x))) {
        throw new BadRequestException({ message: 'Give every rule exactly once, in the new order.', fields: { ids: `expected the ${all.length} rule ids` } });
      }
      await this.repo.reorder(sql, ids);
      await this.auditRule(sql, null, viewer, 'reordered', { order: { from: all.map((r) => r.name), to: ids.map((x) => all.find((r) => r.id === x)!.name) } });
    });
    this.repo.forget();
    return this.list();
  }

  /** What the rules (with an unsaved draft in place) would have done to the last `limit` incidents. */
  async dryRun(req: DryRunRequest): Promise<DryRunDto> {
    const sql = sqlOf(this.em);
    const stored = (await this.repo.list(sql)).map(toRule);
    let rules: Rule[] = stored.filter((r) => r.active);
    if (req.rule) {
      const draft = await this.checked(req.rule);
      const id = req.rule.id ?? 'draft';
      const existing = stored.find((r) => r.id === id);
      const tried: Rule = { ...draft, id, position: draft.position ?? existing?.position ?? Number.MAX_SAFE_INTEGER, active: true };
      rules = [...rules.filter((r) => r.id !== id), tried];
    }
    const limit = Math.min(Math.max(req.limit ?? 50, 1), 500);
    const facts = await this.repo.facts(sql, 'i.merged_into_id is null', [], limit);
    const results = dryRun(rules, facts, req.trigger ?? 'created');
    const entries = results.map((r, n) => ({
      incident: { id: facts[n]!.incidentId, reference: facts[n]!.reference, subject: facts[n]!.subject },
      firings: r.firings.map((f) => ({ ruleId: f.ruleId, ruleName: f.ruleName, pass: f.pass })),
      changes: r.changes,
      effects: r.effects.map((e) => e.action),
      truncated: r.truncated,
    }));
    return { entries, affected: entries.filter((e) => Object.keys(e.changes).length > 0 || e.effects.length > 0).length };
  }

  private async checked(input: unknown): Promise<RuleDraft> {
    const v = validateRule(input);
    if (!v.ok) throw new BadRequestException({ message: `The rule is not valid: ${v.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, fields: Object.fromEntries(v.errors.map((e) => [e.path, e.message])) });
    const departments = v.rule.actions.filter((a) => a.do === 'set-department').map((a) => (a as { departmentId: string }).departmentId);
    if (departments.length) {
      const known = departments.every(isUuid) ? await sqlOf(this.em)<{ id: string }>(`select id from departments where id = any(?::uuid[])`, [departments]) : [];
      const missing = departments.findIndex((d) => !known.some((k) => k.id === d));
      if (missing >= 0) {
        const at = v.rule.actions.findIndex((a) => a.do === 'set-department' && a.departmentId === departments[missing]);
        throw new BadRequestException({ message: 'That department does not exist.', fields: { [`actions[${at}].departmentId`]: 'unknown department' } });
      }
    }
    const policies = v.rule.actions.flatMap((a, n) => (a.do === 'set-sla' ? [[n, a.policyId] as const] : []));
    for (const [n, id] of policies) {
      const known = isUuid(id) ? await sqlOf(this.em)(`select 1 from sla_policies where id = ?`, [id]) : [];
      if (!known.length) throw new BadRequestException({ message: 'That SLA policy does not exist.', fields: { [`actions[${n}].policyId`]: 'unknown SLA policy' } });
    }
    return v.rule;
  }

  private async auditRule(sql: Sql, id: string | null, viewer: Viewer, action: string, changes: Record<string, { from: unknown; to: unknown }>): Promise<void> {
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'workflow_rule', ?, ?, ?, ?, now())`, [
      id ?? '00000000-0000-0000-0000-000000000000',
      viewer.user.id,
      action,
      JSON.stringify(changes),
    ]);
  }
}

export type { RuleInput };
