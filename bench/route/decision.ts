/**
 * One routing decision for one incoming request, as intake would make it, timed part by part inside one
 * transaction that is rolled back (the data does not grow):
 *   dedup    the server's own DuplicatesService.check(): per-customer advisory lock, the candidates query
 *            (DuplicatesRepository.candidates), gists and decide() with each department's policy;
 *   routing  the customer's zone and branch, RuleFacts and runChain over the bench's 26 rules, and when they
 *            ask for assign-best: what AssignmentService.assignBest() decides with, on the server's own
 *            AssignmentRepository — context() of the incident (department, service type's required skills,
 *            customer's zone, supervisor, earlier offers) and technicians() (every active technician with
 *            profile, departments, open load, last offer, absences), then rankTechnicians + nextOffer.
 * The incident routed is the one intake would create for the request: a fresh incidents row inserted after
 * the duplicate check (as openFromInbound does; always, even when dedup says join, so every request is routed),
 * then updated with what the rules set (department, priority, service type, tags: as WorkflowService.route
 * does). Those two writes are intake's persistence, not the decision: timed apart ('writes'), not in total.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AssignmentRepository } from '../../server/src/assignment/assignment.repository.js';
import type { ContactDto } from '../../server/src/contracts/api.js';
import type { Sql } from '../../server/src/database/sql.js';
import { nextOffer, rankTechnicians, type RankedCandidate, type Ranking } from '../../server/src/domain/assignment/index.js';
import { runChain, type ChainResult, type RuleFacts } from '../../server/src/domain/rules/index.js';
import { DuplicatesRepository } from '../../server/src/duplicates/duplicates.repository.js';
import { DuplicatesService, type DuplicateCheck } from '../../server/src/duplicates/duplicates.service.js';
import type { IncomingRequest } from './requests.js';
import { RULES } from './rules.js';

export type Knex = ReturnType<EntityManager['getKnex']>;

/** The server's default TIME_ZONE (config.ts): for a technician without a profile (none here). */
const DEFAULT_TIME_ZONE = 'Europe/Madrid';

/** Milliseconds spent in each part of one decision. */
export interface PartTimes {
  total: number;
  dedup: number;
  lock: number;
  candidates: number;
  /** Gists and decide() (check() minus its two queries). */
  decide: number;
  routing: number;
  customer: number;
  rules: number;
  /** AssignmentRepository.context() + technicians() (two queries); 0 without assign-best. */
  technicians: number;
  /** rankTechnicians + nextOffer. */
  rank: number;
  /** Not in total: inserting the new incident and writing the rules' outcome onto it. */
  writes: number;
}

export const PARTS: readonly (keyof PartTimes)[] = ['total', 'dedup', 'lock', 'candidates', 'decide', 'routing', 'customer', 'rules', 'technicians', 'rank', 'writes'];

export interface DecisionOutcome {
  times: PartTimes;
  check: DuplicateCheck;
  candidates: number;
  chain: ChainResult;
  ranking: Ranking | null;
  /** Who assignBest() would offer it to (null: nobody left, the supervisor would be alerted). */
  offer: RankedCandidate | null;
}

type Query = { text: string; params: readonly unknown[] };

/** The repository intake uses, timing its two queries (and keeping the last candidates query for EXPLAIN). */
class TimedRepository extends DuplicatesRepository {
  lockMs = 0;
  candidatesMs = 0;
  count = 0;
  lastCandidatesQuery: { text: string; params: readonly unknown[] } | null = null;

  override async lockCustomer(sql: Sql, key: string): Promise<void> {
    const t = performance.now();
    await super.lockCustomer(sql, key);
    this.lockMs = performance.now() - t;
  }

  override async candidates(sql: Sql, r: Parameters<DuplicatesRepository['candidates']>[1]) {
    const recording: Sql = (text, params = []) => {
      this.lastCandidatesQuery = { text, params };
      return sql(text, params);
    };
    const t = performance.now();
    const rows = await super.candidates(recording, r);
    this.candidatesMs = performance.now() - t;
    this.count = rows.length;
    return rows;
  }
}

export class Decider {
  readonly repo = new TimedRepository();
  readonly assignment = new AssignmentRepository();
  /** The last technicians() query as sent (for EXPLAIN). */
  lastTechniciansQuery: Query | null = null;
  // check() uses only the repository; the rest of the service (ORM, incidents, realtime) is not needed here.
  private readonly duplicates = new DuplicatesService(undefined as never, this.repo, undefined as never, undefined as never, undefined as never);

  constructor(private readonly knex: Knex) {}

  async decide(req: IncomingRequest): Promise<DecisionOutcome> {
    const trx = await this.knex.transaction();
    try {
      const sql: Sql = async (text, params = []) => (await trx.raw(text, params as never[])).rows;
      const at = new Date();
      const contact: ContactDto = { id: req.contactId, name: '', email: req.email, phone: req.phone, customerId: req.customerId, customerName: null };
      const text = `${req.subject ?? ''}\n${req.body}`;

      const t0 = performance.now();
      const check = await this.duplicates.check(sql, { contact, at, text });
      const t1 = performance.now();
      // Intake's new incident (IncidentsRepository.insertFromInboundEvent's incidents row): not timed.
      const incidentId = randomUUID();
      const subject = (req.subject ?? '').slice(0, 200) || req.body.slice(0, 80);
      await sql(
        `insert into incidents (id, reference, subject, status, priority, contact_id, customer_id, channel_kind, created_at, updated_at, last_message_at, last_message_preview, message_count, version)
         values (?, 'SB-' || nextval('incident_reference_seq'), ?, 'new', 'normal', ?, ?, ?, ?, ?, ?, ?, 1, 1)`,
        [incidentId, subject, req.contactId, req.customerId, req.channel, at, at, at, req.body.replace(/\s+/g, ' ').slice(0, 160)],
      );
      const t2 = performance.now();
      const [customer] = await sql<{ zone: string | null; branch: string | null }>(`select zone, branch from customers where id = ?`, [req.customerId]);
      const facts: RuleFacts = {
        incidentId,
        channel: req.channel,
        type: null,
        kind: null,
        priority: 'normal',
        departmentId: null,
        tags: [],
        subject: req.subject ?? '',
        body: req.body,
        sender: { email: req.email, phone: req.phone, contactId: req.contactId, customerId: req.customerId },
        customer: customer ? { zone: customer.zone, branch: customer.branch } : null,
        language: req.locale,
        coverage: null,
        at,
        slaPolicyId: null,
      };
      const t3 = performance.now();
      const chain = runChain(RULES, facts, 'created');
      const t4 = performance.now();
      // What the rules set, written as WorkflowService.route does: not timed.
      const f = chain.facts;
      await sql(`update incidents set department_id = ?, priority = ?, service_type = ?, maintenance_kind = ?, tags = ?::text[], updated_at = now(), version = version + 1 where id = ?`, [
        f.departmentId,
        f.priority,
        f.type,
        f.kind,
        [...f.tags],
        incidentId,
      ]);
      const t5 = performance.now();
      let ranking: Ranking | null = null;
      let offer: RankedCandidate | null = null;
      let t6 = t5;
      if (chain.effects.some((e) => e.action.do === 'assign-best')) {
        // AssignmentService.assignBest(): context, then ranking() = technicians + rankTechnicians, then nextOffer.
        const context = await this.assignment.context(sql, incidentId);
        if (!context) throw new Error(`incident ${incidentId} vanished inside its transaction`);
        const recording: Sql = (q, params = []) => {
          this.lastTechniciansQuery = { text: q, params };
          return sql(q, params);
        };
        const technicians = await this.assignment.technicians(recording, DEFAULT_TIME_ZONE, at);
        t6 = performance.now();
        ranking = rankTechnicians({ departmentId: context.departmentId, requiredSkills: context.requiredSkills, zone: context.zone, window: null, now: at, exclude: context.offered }, technicians);
        offer = nextOffer(ranking.candidates, context.offered);
      }
      const t7 = performance.now();
      const dedup = t1 - t0;
      const customerMs = t3 - t2;
      const rules = t4 - t3;
      const technicians = t6 - t5;
      const rank = t7 - t6;
      const routing = customerMs + rules + technicians + rank;
      const times: PartTimes = {
        total: dedup + routing,
        dedup,
        lock: this.repo.lockMs,
        candidates: this.repo.candidatesMs,
        decide: Math.max(0, dedup - this.repo.lockMs - this.repo.candidatesMs),
        routing,
        customer: customerMs,
        rules,
        technicians,
        rank,
        writes: t2 - t1 + (t5 - t4),
      };
      return { times, check, candidates: this.repo.count, chain, ranking, offer };
    } finally {
      await trx.rollback();
    }
  }
}
