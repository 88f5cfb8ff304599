import { Injectable } from '@nestjs/common';
import type { RuleDto } from '../contracts/workflow.js';
import type { Sql } from '../database/sql.js';
import type { Rule, RuleDraft, RuleFacts } from '../domain/rules/index.js';

const RULE_COLUMNS = `r.id, r.name, r.position, r.active, r.triggers as "on", r.match, r.conditions, r.actions, r.updated_at as "updatedAt", r.version,
  case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as "createdBy"`;

/** How long a process trusts its copy of the active rules (another process may have changed them). */
const CACHE_MS = 3_000;

/** The workflow rules, and the incident facts they are evaluated on. */
@Injectable()
export class RulesRepository {
  private cache: { at: number; rules: Rule[] } | null = null;

  async list(sql: Sql): Promise<RuleDto[]> {
    const rows = await sql<RuleDto & { updatedAt: Date }>(`select ${RULE_COLUMNS} from workflow_rules r left join users u on u.id = r.created_by order by r.position, r.id`);
    return rows.map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
  }

  async get(sql: Sql, id: string, lock = false): Promise<RuleDto | null> {
    const rows = await sql<RuleDto & { updatedAt: Date }>(`select ${RULE_COLUMNS} from workflow_rules r left join users u on u.id = r.created_by where r.id = ?${lock ? ' for update of r' : ''}`, [id]);
    return rows[0] ? { ...rows[0], updatedAt: new Date(rows[0].updatedAt).toISOString() } : null;
  }

  /** The active rules, as the engine takes them (cached for a few seconds; a write here drops the cache). */
  async active(sql: Sql): Promise<Rule[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.rules;
    const rules = (await this.list(sql)).filter((r) => r.active).map(toRule);
    this.cache = { at: Date.now(), rules };
    return rules;
  }

  /**
   * Drops the cache. Writes drop it too, but inside their transaction: a read before the commit may cache the
   * old rules again, so whoever writes calls this once the transaction has committed.
   */
  forget(): void {
    this.cache = null;
  }

  async insert(sql: Sql, r: RuleDraft, actorId: string): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `insert into workflow_rules (id, name, position, active, triggers, match, conditions, actions, created_by, created_at, updated_at)
       values (gen_random_uuid(), ?, coalesce(?, (select coalesce(max(position) + 1, 0) from workflow_rules)), ?, ?::text[], ?, ?, ?, ?, now(), now()) returning id`,
      [r.name, r.position ?? null, r.active, r.on, r.match, JSON.stringify(r.conditions), JSON.stringify(r.actions), actorId],
    );
    this.cache = null;
    return row!.id;
  }

  async update(sql: Sql, id: string, r: RuleDraft): Promise<void> {
    await sql(
      `update workflow_rules set name = ?, position = coalesce(?, position), active = ?, triggers = ?::text[], match = ?, conditions = ?, actions = ?, updated_at = now(), version = version + 1 where id = ?`,
      [r.name, r.position ?? null, r.active, r.on, r.match, JSON.stringify(r.conditions), JSON.stringify(r.actions), id],
    );
    this.cache = null;
  }

  async delete(sql: Sql, id: string): Promise<boolean> {
    const rows = await sql(`delete from workflow_rules where id = ? returning id`, [id]);
    this.cache = null;
    return rows.length > 0;
  }

  async reorder(sql: Sql, ids: string[]): Promise<void> {
    await sql(`update workflow_rules r set position = o.n - 1, updated_at = now(), version = version + 1 from unnest(?::uuid[]) with ordinality o(id, n) where r.id = o.id`, [ids]);
    this.cache = null;
  }

  /**
   * What the rules see of incidents: the incident, its contact and customer, and its latest customer
   * message. `where` filters `incidents i`.
   */
  async facts(sql: Sql, where: string, params: unknown[], limit = 1): Promise<(RuleFacts & { reference: string })[]> {
    const rows = await sql<{
      id: string;
      reference: string;
      channel: RuleFacts['channel'];
      type: string | null;
      kind: RuleFacts['kind'];
      priority: RuleFacts['priority'];
      departmentId: string | null;
      tags: string[];
      subject: string;
      slaPolicyId: string | null;
      email: string | null;
      phone: string | null;
      contactId: string | null;
      customerId: string | null;
      zone: string | null;
      branch: string | null;
      hasCustomer: boolean;
      language: string | null;
      body: string | null;
      at: Date;
    }>(
      `select i.id, i.reference, i.channel_kind as channel, i.service_type as type, i.maintenance_kind as kind, i.priority, i.department_id as "departmentId",
         i.tags, i.subject, i.sla_policy_id as "slaPolicyId", c.email, c.phone, c.id as "contactId", i.customer_id as "customerId",
         cu.zone, cu.branch, cu.id is not null as "hasCustomer", c.locale as language, i.updated_at as at,
         (select m.body from messages m where m.incident_id = i.id and m.kind = 'inbound' order by m.created_at desc, m.id desc limit 1) as body
       from incidents i left join contacts c on c.id = i.contact_id left join customers cu on cu.id = i.customer_id
       where ${where} order by i.created_at desc, i.id desc limit ?`,
      [...params, limit],
    );
    return rows.map((r) => ({
      incidentId: r.id,
      reference: r.reference,
      channel: r.channel,
      type: r.type,
      kind: r.kind,
      priority: r.priority,
      departmentId: r.departmentId,
      tags: r.tags ?? [],
      subject: r.subject,
      body: r.body ?? '',
      sender: { email: r.email, phone: r.phone, contactId: r.contactId, customerId: r.customerId },
      customer: r.hasCustomer ? { zone: r.zone, branch: r.branch } : null,
      language: r.language,
      coverage: null, // contracts come later
      at: new Date(r.at),
      slaPolicyId: r.slaPolicyId,
    }));
  }
}

export const toRule = (r: RuleDto): Rule => ({ id: r.id, name: r.name, position: r.position, active: r.active, on: r.on, match: r.match, conditions: r.conditions, actions: r.actions });
