import { Injectable } from '@nestjs/common';
import type { DedupPolicyDto, DuplicateSuggestionDto, IncidentMergeDto, IncidentRefDto } from '../contracts/duplicates.js';
import type { Sql } from '../database/sql.js';
import type { IncidentStatus } from '../domain/incident-state.js';
import { siteKeyOf } from '../domain/dedup/index.js';

/** An open incident as duplicate detection reads it: who wrote, when, what its requests said. */
export interface CandidateRow {
  id: string;
  reference: string;
  /** The incident's own contact (who opened it). */
  contactId: string | null;
  contactIds: string[];
  customerId: string | null;
  /** Its service address as compared (siteKeyOf), if it has one. */
  siteKey: string | null;
  departmentId: string | null;
  policy: Partial<DedupPolicyDto> | null;
  lastAt: Date;
  /** The customer requests' texts (subject and body), oldest first: the first one and the latest ones. */
  texts: string[];
  /** Its technician's answer to the service order: 'confirmed' means a visit is on. */
  assignmentStatus: string | null;
}

/** How an incident was before a merge: what unmerge puts back. */
export interface IncidentSnapshot {
  status: IncidentStatus;
  departmentId: string | null;
  assigneeId: string | null;
  assignmentId: string | null;
  assignmentStatus: string | null;
}

interface LockedIncident extends IncidentSnapshot {
  id: string;
  reference: string;
  subject: string;
  mergedIntoId: string | null;
  assigneeName: string | null;
  assigneeRole: string | null;
}

export interface MergeWrite {
  source: LockedIncident;
  target: LockedIncident;
  automatic: boolean;
  score: number | null;
  reasons: string[];
  note: string | null;
  actorId: string | null;
  at: Date;
}

export interface MergeRow {
  id: string;
  sourceId: string | null;
  targetId: string;
  automatic: boolean;
  movedMessages: string[];
  movedCalls: string[];
  /**
   * `siteFilled`: the service address a joined request gave its target, which had none (unmerge takes it back).
   * `reopenedFrom`: the status the joined request reopened its target from (pending: unmerge puts it back).
   */
  before: { source: IncidentSnapshot | null; target: IncidentSnapshot; keptFrom: 'target' | 'source'; siteFilled?: string | null; reopenedFrom?: IncidentStatus | null };
  undoneAt: Date | null;
  createdAt: Date;
}

/** The requests of a candidate read: its first one (what it is about) and the latest (what it says now: "works again"). */
const REQUESTS_PER_INCIDENT = 8;

const LOCK_COLUMNS = `i.id, i.reference, i.subject, i.status, i.department_id as "departmentId", i.assignee_id as "assigneeId", i.assignment_id as "assignmentId",
  i.assignment_status as "assignmentStatus", i.merged_into_id as "mergedIntoId", u.name as "assigneeName", u.role as "assigneeRole"`;

const snapshot = (i: LockedIncident): IncidentSnapshot => ({
  status: i.status,
  departmentId: i.departmentId,
  assigneeId: i.assigneeId,
  assignmentId: i.assignmentId,
  assignmentStatus: i.assignmentStatus,
});

/** Duplicate candidates, suggestions and merges: the only place that writes them. */
@Injectable()
export class DuplicatesRepository {
  /**
   * The open incidents of this contact or customer, or at this service address, active within the widest
   * window any department uses (each candidate is then judged by its own department's window). Index-backed
   * (incidents_open_contact_index, incidents_open_customer_index, incidents_open_site_index): the cost grows
   * with one customer's (one address's) open incidents, not with the table.
   */
  async candidates(sql: Sql, r: { contactId: string; customerId: string | null; siteKey: string | null; at: Date; defaultWindowHours: number }): Promise<CandidateRow[]> {
    const rows = await sql<Omit<CandidateRow, 'lastAt'> & { lastAt: string | Date }>(
      `with w as (select greatest(?::int, coalesce(max((dedup_policy->>'windowHours')::int), 0)) as hours from departments),
       open as (
         select i.id from incidents i, w where i.contact_id = ? and i.status in ('new', 'open', 'pending') and i.merged_into_id is null
           and i.last_message_at > ?::timestamptz - w.hours * interval '1 hour'
         union
         select i.id from incidents i, w where ?::uuid is not null and i.customer_id = ? and i.status in ('new', 'open', 'pending') and i.merged_into_id is null
           and i.last_message_at > ?::timestamptz - w.hours * interval '1 hour'
         union
         select i.id from incidents i, w where ?::text is not null and i.site_key = ? and i.status in ('new', 'open', 'pending') and i.merged_into_id is null
           and i.last_message_at > ?::timestamptz - w.hours * interval '1 hour')
       select i.id, i.reference, i.contact_id as "contactId", i.customer_id as "customerId", i.site_key as "siteKey", i.department_id as "departmentId", d.dedup_policy as policy, i.last_message_at as "lastAt", i.assignment_status as "assignmentStatus",
         array(select distinct x from unnest(array_append(array(select m.author_contact_id from messages m where m.incident_id = i.id and m.author_contact_id is not null), i.contact_id)) x where x is not null) as "contactIds",
         array(select x.t from (
                 select coalesce(m.meta->>'subject', case when m.created_at = i.created_at then i.subject end, '') || E'\\n' || left(m.body, 2000) as t, m.created_at, m.id,
                   row_number() over (order by m.created_at, m.id) as n, count(*) over () as total
                 from messages m where m.incident_id = i.id and m.kind = 'inbound') x
               where x.n = 1 or x.n > x.total - ${REQUESTS_PER_INCIDENT - 1} order by x.created_at, x.id) as texts
       from incidents i join open on open.id = i.id left join departments d on d.id = i.department_id
       order by i.last_message_at desc limit 50`,
      [r.defaultWindowHours, r.contactId, r.at, r.customerId, r.customerId, r.at, r.siteKey, r.siteKey, r.at],
    );
    return rows.map((row) => ({ ...row, lastAt: new Date(row.lastAt) }));
  }

  /** Serialises duplicate decisions for one customer (or contact) until the transaction ends. */
  async lockCustomer(sql: Sql, key: string): Promise<void> {
    await sql(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`dedup:${key}`]);
  }

  /** One suggestion per candidate of a new incident, in one statement; the ids of those not there before. */
  async insertSuggestions(sql: Sql, incidentId: string, offers: readonly { candidateId: string; score: number; reasons: string[] }[], at: Date): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      `insert into duplicate_suggestions (id, incident_id, candidate_id, score, reasons, status, created_at)
       select gen_random_uuid(), ?, o.candidate_id, o.score, o.reasons, 'open', ? from unnest(?::uuid[], ?::real[], ?::jsonb[]) o(candidate_id, score, reasons)
       on conflict (incident_id, candidate_id) do nothing returning id`,
      [incidentId, at, offers.map((o) => o.candidateId), offers.map((o) => o.score), offers.map((o) => JSON.stringify(o.reasons))],
    );
    return rows.map((r) => r.id);
  }

  /** Open suggestions involving this incident (either side), both sides still unmerged. */
  async suggestionsOf(sql: Sql, incidentId: string): Promise<DuplicateSuggestionDto[]> {
    return this.suggestions(sql, `(s.incident_id = ? or s.candidate_id = ?) and s.status = 'open' and a.merged_into_id is null and b.merged_into_id is null`, [incidentId, incidentId]);
  }

  async suggestion(sql: Sql, id: string): Promise<DuplicateSuggestionDto | null> {
    return (await this.suggestions(sql, `s.id = ?`, [id]))[0] ?? null;
  }

  suggestionsById(sql: Sql, ids: readonly string[]): Promise<DuplicateSuggestionDto[]> {
    return this.suggestions(sql, `s.id = any(?::uuid[])`, [ids]);
  }

  private async suggestions(sql: Sql, where: string, params: unknown[]): Promise<DuplicateSuggestionDto[]> {
    const rows = await sql<{ id: string; score: number; reasons: string[]; status: DuplicateSuggestionDto['status']; createdAt: Date; a: IncidentRefDto; b: IncidentRefDto }>(
      `select s.id, s.score, s.reasons, s.status, s.created_at as "createdAt",
         json_build_object('id', a.id, 'reference', a.reference, 'subject', a.subject) as a,
         json_build_object('id', b.id, 'reference', b.reference, 'subject', b.subject) as b
       from duplicate_suggestions s join incidents a on a.id = s.incident_id join incidents b on b.id = s.candidate_id
       where ${where} order by s.created_at desc limit 20`,
      params,
    );
    return rows.map((r) => ({ id: r.id, incident: r.a, candidate: r.b, score: Number(r.score), reasons: r.reasons, status: r.status, createdAt: new Date(r.createdAt).toISOString() }));
  }

  async decideSuggestion(sql: Sql, id: string, status: 'merged' | 'dismissed', by: string | null, at: Date): Promise<boolean> {
    const rows = await sql(`update duplicate_suggestions set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'open' returning id`, [status, by, at, id]);
    return rows.length > 0;
  }

  /** Both incidents, locked in a fixed order (two merges of the same pair never deadlock). */
  async lockPair(sql: Sql, a: string, b: string): Promise<Map<string, LockedIncident>> {
    const rows = await sql<LockedIncident>(
      `select ${LOCK_COLUMNS} from incidents i left join users u on u.id = i.assignee_id where i.id in (?, ?) order by i.id for update of i`,
      [a, b],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  async lockOne(sql: Sql, id: string): Promise<LockedIncident | null> {
    const [row] = await sql<LockedIncident>(`select ${LOCK_COLUMNS} from incidents i left join users u on u.id = i.assignee_id where i.id = ? for update of i`, [id]);
    return row ?? null;
  }

  /**
   * Moves the source's messages and calls into the target and closes the source pointing at it. The target
   * keeps its assignment; when it has none it takes the source's. Returns the merge's id, the messages
   * moved and the technician released (the source's, when the target kept another one).
   */
  async merge(sql: Sql, w: MergeWrite): Promise<{ id: string; moved: string[]; released: { id: string; name: string } | null; keptFrom: 'target' | 'source' }> {
    const { source, target, at } = w;
    const moved = (await sql<{ id: string }>(`update messages set incident_id = ? where incident_id = ? returning id`, [target.id, source.id])).map((r) => r.id);
    const calls = (await sql<{ id: string }>(`update calls set incident_id = ? where incident_id = ? returning id`, [target.id, source.id])).map((r) => r.id);
    const keptFrom = !target.assigneeId && source.assigneeId ? 'source' : 'target';
    const released = keptFrom === 'target' && source.assigneeId && source.assigneeId !== target.assigneeId && source.assigneeRole === 'technician' ? { id: source.assigneeId, name: source.assigneeName ?? '' } : null;
    await sql(
      `update incidents set merged_into_id = ?, status = 'closed', assignee_id = null, assignment_id = null, assignment_status = null, updated_at = ?, version = version + 1 where id = ?`,
      [target.id, at, source.id],
    );
    await sql(
      `update incidents set updated_at = ?, version = version + 1,
         department_id = coalesce(department_id, ?),
         assignee_id = case when ? then ? else assignee_id end, assignment_id = case when ? then ? else assignment_id end,
         assignment_status = case when ? then ? else assignment_status end
       where id = ?`,
      [at, source.departmentId, ...[keptFrom === 'source', source.assigneeId, keptFrom === 'source', source.assignmentId, keptFrom === 'source', source.assignmentStatus], target.id],
    );
    // The assignment module's offers follow the assignments (both incidents are locked already: incidents
    // first, then offers, as every writer of both). The target taking the source's assignment takes its
    // offer too, so that the offer expires (and the next technician is asked) for the target; any other
    // offer left standing on the source ends (the source is closed and not offered to anyone).
    if (keptFrom === 'source' && source.assignmentId) {
      await sql(`update assignment_offers set status = 'withdrawn', answered_at = ? where incident_id = ? and status = 'offered' and id <> ?`, [at, target.id, source.assignmentId]);
      await sql(`update assignment_offers set incident_id = ? where id = ? and incident_id = ?`, [target.id, source.assignmentId, source.id]);
    }
    await sql(`update assignment_offers set status = 'withdrawn', answered_at = ? where incident_id = ? and status = 'offered'`, [at, source.id]);
    await this.recount(sql, [source.id, target.id]);
    const [row] = await sql<{ id: string }>(
      `insert into incident_merges (id, source_id, target_id, automatic, score, reasons, note, moved_messages, moved_calls, before, released, actor_id, created_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?::uuid[], ?::uuid[], ?, ?, ?, ?) returning id`,
      [source.id, target.id, w.automatic, w.score, JSON.stringify(w.reasons), w.note, moved, calls, JSON.stringify({ source: snapshot(source), target: snapshot(target), keptFrom }), released ? JSON.stringify(released) : null, w.actorId, at],
    );
    return { id: row!.id, moved, released, keptFrom };
  }

  /** A request that joined an open incident by itself (no incident of its own yet): recorded for unmerge. */
  async recordJoin(sql: Sql, j: { targetId: string; messageId: string; score: number; reasons: string[]; target: IncidentSnapshot; at: Date; siteFilled: string | null; reopenedFrom: IncidentStatus | null }): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `insert into incident_merges (id, source_id, target_id, automatic, score, reasons, moved_messages, before, created_at)
       values (gen_random_uuid(), null, ?, true, ?, ?, ?::uuid[], ?, ?) returning id`,
      [j.targetId, j.score, JSON.stringify(j.reasons), [j.messageId], JSON.stringify({ source: null, target: j.target, keptFrom: 'target', siteFilled: j.siteFilled, reopenedFrom: j.reopenedFrom }), j.at],
    );
    return row!.id;
  }

  async lockMerge(sql: Sql, id: string): Promise<MergeRow | null> {
    const [row] = await sql<MergeRow>(
      `select id, source_id as "sourceId", target_id as "targetId", automatic, moved_messages as "movedMessages", moved_calls as "movedCalls", before, undone_at as "undoneAt", created_at as "createdAt"
       from incident_merges where id = ? for update`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Puts a merge back: the moved messages and calls return to the source (still in the target: later
   * messages stay), the source gets its status and assignment back, and the target its assignment when it
   * had taken the source's, and the status a joined request reopened it from (below). `targetStatus`: the
   * target's status change, if any.
   */
  async unmerge(sql: Sql, m: MergeRow, sourceId: string, actorId: string, at: Date): Promise<{ returned: number; targetStatus: { from: IncidentStatus; to: IncidentStatus } | null }> {
    const returned = await sql(`update messages set incident_id = ? where id = any(?::uuid[]) and incident_id = ? returning id`, [sourceId, m.movedMessages, m.targetId]);
    // A joined request that reopened its target (pending, waiting for the customer) takes the reopening with it,
    // unless the target's status has changed since or its customer or a contact has written since (a human reply
    // from them reopens: incidents.service.ts, appendFromInbound), which would have reopened it anyway.
    const reopenedFrom = m.before.reopenedFrom ?? null;
    const [restore] = reopenedFrom
      ? await sql<{ status: IncidentStatus }>(
          `update incidents i set status = ? where i.id = ? and i.status = ?
             and not exists (select 1 from audit_log a where a.entity_type = 'incident' and a.entity_id = i.id and a.created_at > ? and a.changes->'status' is not null)
             and not exists (select 1 from messages x where x.incident_id = i.id and x.kind = 'inbound' and x.sender_kind in ('customer', 'contact')
                               and not ('automatic' = any(x.flags)) and x.created_at > ?)
           returning i.status`,
          [reopenedFrom, m.targetId, m.before.target.status, m.createdAt, m.createdAt],
        )
      : [];
    await sql(`update calls set incident_id = ? where id = any(?::uuid[]) and incident_id = ?`, [sourceId, m.movedCalls, m.targetId]);
    const s = m.before.source;
    if (s) {
      await sql(
        `update incidents set merged_into_id = null, status = ?, department_id = ?, assignee_id = ?, assignment_id = ?, assignment_status = ?, updated_at = ?, version = version + 1 where id = ?`,
        [s.status, s.departmentId, s.assigneeId, s.assignmentId, s.assignmentStatus, at, sourceId],
      );
    }
    const t = m.before.target;
    // The target gives back the source's assignment only if it is still that one.
    await sql(
      `update incidents set updated_at = ?, version = version + 1,
         department_id = case when ? and department_id is not distinct from ? then ? else department_id end,
         assignee_id = case when ? and assignment_id is not distinct from ? then ? else assignee_id end,
         assignment_status = case when ? and assignment_id is not distinct from ? then ? else assignment_status end,
         assignment_id = case when ? and assignment_id is not distinct from ? then ? else assignment_id end
       where id = ?`,
      [
        at,
        ...[t.departmentId === null && s !== null, s?.departmentId ?? null, null],
        ...[m.before.keptFrom === 'source', s?.assignmentId ?? null, t.assigneeId],
        ...[m.before.keptFrom === 'source', s?.assignmentId ?? null, t.assignmentStatus],
        ...[m.before.keptFrom === 'source', s?.assignmentId ?? null, t.assignmentId],
        m.targetId,
      ],
    );
    // The address a joined request gave the target goes with the request, unless someone has changed it since.
    if (m.before.siteFilled) {
      await sql(`update incidents set site_address = null, site_key = null where id = ? and site_address = ?`, [m.targetId, m.before.siteFilled]);
      if (!m.sourceId) await sql(`update incidents set site_address = ?, site_key = ? where id = ? and site_address is null`, [m.before.siteFilled, siteKeyOf(m.before.siteFilled), sourceId]);
    }
    // The offer of the source's assignment, taken by the target with it, goes back with it.
    if (m.before.keptFrom === 'source' && s?.assignmentId) await sql(`update assignment_offers set incident_id = ? where id = ? and incident_id = ?`, [sourceId, s.assignmentId, m.targetId]);
    await this.recount(sql, [sourceId, m.targetId]);
    await sql(`update incident_merges set source_id = ?, undone_at = ?, undone_by = ? where id = ?`, [sourceId, at, actorId, m.id]);
    return { returned: returned.length, targetStatus: restore ? { from: m.before.target.status, to: restore.status } : null };
  }

  /** Message counters and the list's last message, from the messages an incident has now. */
  private async recount(sql: Sql, ids: string[]): Promise<void> {
    await sql(
      `update incidents i set message_count = x.n, last_message_at = coalesce(x.last_at, i.created_at), last_message_preview = coalesce(x.preview, '')
       from (select i2.id, count(m.id)::int as n,
               max(m.created_at) filter (where m.kind = 'inbound' or m.author_user_id is not null) as last_at,
               (select left(regexp_replace(m2.body, '\\s+', ' ', 'g'), 160) from messages m2 where m2.incident_id = i2.id and m2.kind <> 'note'
                 order by m2.created_at desc, m2.id desc limit 1) as preview
             from incidents i2 left join messages m on m.incident_id = i2.id where i2.id = any(?::uuid[]) group by i2.id) x
       where i.id = x.id`,
      [ids],
    );
  }

  async mergesInto(sql: Sql, incidentId: string): Promise<IncidentMergeDto[]> {
    return this.merges(sql, `g.target_id = ?`, [incidentId]);
  }

  async mergeById(sql: Sql, id: string): Promise<IncidentMergeDto | null> {
    return (await this.merges(sql, `g.id = ?`, [id]))[0] ?? null;
  }

  private async merges(sql: Sql, where: string, params: unknown[]): Promise<IncidentMergeDto[]> {
    const rows = await sql<{ id: string; automatic: boolean; score: number | null; reasons: string[]; note: string | null; messages: number; createdAt: Date; undoneAt: Date | null; source: IncidentRefDto | null; target: IncidentRefDto; by: { id: string; name: string } | null; firstMessage: string | null }>(
      `select g.id, g.automatic, g.score, g.reasons, g.note, cardinality(g.moved_messages) as messages, g.created_at as "createdAt", g.undone_at as "undoneAt",
         case when s.id is null then null else json_build_object('id', s.id, 'reference', s.reference, 'subject', s.subject) end as source,
         json_build_object('id', t.id, 'reference', t.reference, 'subject', t.subject) as target,
         case when u.id is null then null else json_build_object('id', u.id, 'name', u.name) end as by
       from incident_merges g join incidents t on t.id = g.target_id left join incidents s on s.id = g.source_id left join users u on u.id = g.actor_id
       where ${where} order by g.created_at desc limit 50`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      source: r.source,
      target: r.target,
      automatic: r.automatic,
      score: r.score === null ? null : Number(r.score),
      reasons: r.reasons,
      note: r.note,
      messages: Number(r.messages),
      by: r.by,
      createdAt: new Date(r.createdAt).toISOString(),
      undoneAt: r.undoneAt ? new Date(r.undoneAt).toISOString() : null,
    }));
  }
}
