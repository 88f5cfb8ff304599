import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/auth.decorators.js';
import type { ContactDto } from '../contracts/api.js';
import type { DuplicateSuggestionDto, IncidentMergeDto, MergeRequest } from '../contracts/duplicates.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { DEFAULT_DEDUP_POLICY, decide, gistOf, mergeGist, siteKeyOf, type DedupDecision, type DedupIncident, type DedupPolicy } from '../domain/dedup/index.js';
import { roomsOfIncident, roomsThatLostSight, type IncidentPlacement } from '../domain/visibility.js';
import type { IncidentStatus } from '../domain/incident-state.js';
import { toIncidentSummary } from '../incidents/incident.mapper.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { WorkflowService } from '../workflow/workflow.service.js';
import { DuplicatesRepository, type CandidateRow } from './duplicates.repository.js';

/** What duplicate detection made of a request that threaded onto nothing. */
export type DuplicateCheck = DedupDecision & { target: CandidateRow | null };

/** A technician taken off an incident because it was merged into one another technician has. */
export interface Release {
  /** The merge that released the technician: one notice per merge (a merge, unmerge and merge again is two). */
  mergeId: string;
  incidentId: string;
  reference: string;
  technicianId: string;
  intoReference: string;
}

const policyOf = (row: CandidateRow): DedupPolicy => ({ ...DEFAULT_DEDUP_POLICY, ...(row.policy ?? {}) });

/**
 * One problem, one incident. For intake: is this request about an open incident of the same contact or
 * customer (join it, or suggest it to an agent)? For agents: merge two incidents, unmerge, dismiss a
 * suggestion. Every merge is audited on both incidents with its reason and score.
 */
@Injectable()
export class DuplicatesService {
  constructor(
    private readonly em: EntityManager,
    private readonly repo: DuplicatesRepository,
    private readonly incidents: IncidentsService,
    private readonly publisher: InboxPublisher,
    private readonly workflow: WorkflowService,
  ) {}

  /**
   * Inside intake's transaction: compares a request with the open incidents of its contact and customer.
   * Takes a per-customer lock first, so two requests of one customer arriving together are judged one after
   * the other (the second sees the first's incident).
   */
  async check(sql: Sql, r: { contact: ContactDto; newContact?: boolean; at: Date; text: string; siteAddress?: string | null }): Promise<DuplicateCheck> {
    const siteKey = siteKeyOf(r.siteAddress);
    // A contact this very message created has no incident and no customer, and without an address there is
    // nothing to compare with: no lock, no query. (Another delivery from the same new sender waits on the
    // contact's unique e-mail/phone until this transaction commits, then finds the contact and checks here
    // under its lock, seeing this incident.)
    if (r.newContact && !r.contact.customerId && !siteKey) return { action: 'new', best: null, target: null };
    await this.repo.lockCustomer(sql, r.contact.customerId ?? r.contact.id);
    // Reports of one address by different customers are judged one after the other too (always in this order: no deadlock).
    if (siteKey) await this.repo.lockCustomer(sql, `site:${siteKey}`);
    const rows = await this.repo.candidates(sql, { contactId: r.contact.id, customerId: r.contact.customerId, siteKey, at: r.at, defaultWindowHours: DEFAULT_DEDUP_POLICY.windowHours });
    if (rows.length === 0) return { action: 'new', best: null, target: null };
    const byId = new Map(rows.map((row) => [row.id, row]));
    const candidates: DedupIncident[] = rows.map((row) => ({
      id: row.id,
      contactIds: row.contactIds,
      customerId: row.customerId,
      siteKey: row.siteKey,
      lastAt: row.lastAt,
      gist: row.texts.map(gistOf).reduce(mergeGist, gistOf('')),
      technicianConfirmed: row.assignmentStatus === 'confirmed',
    }));
    const decision = decide({ contactId: r.contact.id, customerId: r.contact.customerId, siteKey, at: r.at, text: r.text }, candidates, (c) => policyOf(byId.get(c.id)!));
    return { ...decision, target: decision.best ? (byId.get(decision.best.incidentId) ?? null) : null };
  }

  /** Inside intake's transaction: the request joined `targetId` by itself; recorded (audit, unmerge) with its score. */
  async recordJoin(sql: Sql, j: { targetId: string; messageId: string; check: DuplicateCheck; channelKind: string; sender: string; siteFilled?: string | null; reopenedFrom?: IncidentStatus | null }): Promise<void> {
    const at = new Date();
    const target = await this.repo.lockOne(sql, j.targetId);
    if (!target) throw new Error(`incident ${j.targetId} vanished`);
    const { score, reasons } = j.check.best!;
    const mergeId = await this.repo.recordJoin(sql, { targetId: j.targetId, messageId: j.messageId, score, reasons, target, at, siteFilled: j.siteFilled ?? null, reopenedFrom: j.reopenedFrom ?? null });
    await this.auditIncident(sql, j.targetId, null, 'duplicate.joined', { merge: mergeId, message: j.messageId, sender: j.sender, channel: j.channelKind, score, reasons }, at);
  }

  /**
   * Inside intake's transaction: a possible duplicate for an agent to decide, one suggestion per incident
   * offered (the best, and any that fit the request alike).
   */
  recordSuggestions(sql: Sql, incidentId: string, check: DuplicateCheck & { action: 'suggest' }): Promise<string[]> {
    const offers = [check.best, ...check.rivals].map((s) => ({ candidateId: s.incidentId, score: s.score, reasons: s.reasons }));
    return this.repo.insertSuggestions(sql, incidentId, offers, new Date());
  }

  /** After commit: each suggestion to everyone who sees either of its incidents. */
  async announceSuggestions(ids: readonly string[]): Promise<void> {
    for (const s of await this.repo.suggestionsById(sqlOf(this.em), ids)) {
      const rooms = await this.roomsOf([s.incident.id, s.candidate.id]);
      this.publisher.publish(rooms, 'incident.duplicate', { suggestion: s });
    }
  }

  /** Open suggestions and merges of one incident (its detail view). */
  async of(incidentId: string): Promise<{ duplicates: DuplicateSuggestionDto[]; merges: IncidentMergeDto[] }> {
    const sql = sqlOf(this.em);
    const [duplicates, merges] = await Promise.all([this.repo.suggestionsOf(sql, incidentId), this.repo.mergesInto(sql, incidentId)]);
    return { duplicates, merges };
  }

  /** An agent merges `sourceId` into another incident: timelines combined, the source closed, pointing at it. */
  async merge(sourceId: string, req: MergeRequest, viewer: Viewer): Promise<IncidentMergeDto> {
    if (sourceId === req.targetId) throw new BadRequestException({ message: 'An incident cannot be merged into itself.', fields: { targetId: 'same incident' } });
    await this.assertVisible([sourceId, req.targetId], viewer);
    const at = new Date();
    const suggestion = req.suggestionId ? await this.repo.suggestion(sqlOf(this.em), req.suggestionId) : null;
    if (req.suggestionId && !suggestion) throw new NotFoundException(`No duplicate suggestion ${req.suggestionId}.`);
    const pair = suggestion ? [suggestion.incident.id, suggestion.candidate.id].sort().join() : null;
    const fromSuggestion = suggestion && pair === [sourceId, req.targetId].sort().join() ? suggestion : null;
    const made = await inTransaction(this.em, async (sql) => {
      const locked = await this.repo.lockPair(sql, sourceId, req.targetId);
      const source = locked.get(sourceId);
      const target = locked.get(req.targetId);
      if (!source || !target) throw new NotFoundException('One of the two incidents does not exist.');
      for (const i of [source, target]) {
        if (i.mergedIntoId) throw new ConflictException(`${i.reference} was already merged into another incident.`);
        if (i.status === 'closed') throw new ConflictException(`${i.reference} is closed: a closed incident cannot be merged.`);
      }
      const merged = await this.repo.merge(sql, {
        source,
        target,
        automatic: false,
        score: fromSuggestion?.score ?? null,
        reasons: fromSuggestion?.reasons ?? [],
        note: req.note?.trim() || null,
        actorId: viewer.user.id,
        at,
      });
      if (fromSuggestion) await this.repo.decideSuggestion(sql, fromSuggestion.id, 'merged', viewer.user.id, at);
      const common = { merge: merged.id, score: fromSuggestion?.score ?? null, reasons: fromSuggestion?.reasons ?? [], note: req.note?.trim() || null, messages: merged.moved.length };
      await this.auditIncident(sql, source.id, viewer.user.id, 'merged', { ...common, into: target.reference, status: { from: source.status, to: 'closed' } }, at);
      await this.auditIncident(sql, target.id, viewer.user.id, 'merged-in', { ...common, from: source.reference, ...(merged.released ? { released: merged.released.name } : {}) }, at);
      const release: Release | null = merged.released ? { mergeId: merged.id, incidentId: source.id, reference: source.reference, technicianId: merged.released.id, intoReference: target.reference } : null;
      return { id: merged.id, release, before: { source: { departmentId: source.departmentId, assigneeId: source.assigneeId }, target: { departmentId: target.departmentId, assigneeId: target.assigneeId } } };
    });
    await this.announceChanged([sourceId, req.targetId], viewer, ['merge', 'status', 'messages'], [made.before.source, made.before.target]);
    if (made.release) this.incidents.assignments.emit('released', made.release);
    return (await this.repo.mergeById(sqlOf(this.em), made.id))!;
  }

  /** Puts a merge back; a request that had joined by itself gets an incident of its own. */
  async unmerge(mergeId: string, viewer: Viewer): Promise<IncidentMergeDto> {
    if (!isUuid(mergeId)) throw new NotFoundException(`No merge ${mergeId}.`);
    // Like a merge, only by someone who sees both incidents (404 otherwise, as for any incident they may not see).
    const seen = await this.repo.mergeById(sqlOf(this.em), mergeId);
    if (!seen) throw new NotFoundException(`No merge ${mergeId}.`);
    await this.assertVisible([seen.target.id, ...(seen.source ? [seen.source.id] : [])], viewer);
    const at = new Date();
    const done = await inTransaction(this.em, async (sql) => {
      const m = await this.repo.lockMerge(sql, mergeId);
      if (!m) throw new NotFoundException(`No merge ${mergeId}.`);
      if (m.undoneAt) throw new ConflictException('This merge was undone already.');
      // Both incidents in one order (by id), as a merge locks them: an unmerge and a merge of the pair never deadlock.
      const pair = m.sourceId ? await this.repo.lockPair(sql, m.sourceId, m.targetId) : null;
      const target = pair ? (pair.get(m.targetId) ?? null) : await this.repo.lockOne(sql, m.targetId);
      if (!target) throw new NotFoundException('The incident it was merged into no longer exists.');
      if (target.mergedIntoId) throw new ConflictException(`${target.reference} was merged further into another incident: undo that merge first.`);
      const sourceId = m.sourceId ?? (await this.incidents.openFromMessage(sql, m.movedMessages[0]!, at));
      const source = pair?.get(sourceId) ?? (await this.repo.lockOne(sql, sourceId));
      const { returned, targetStatus } = await this.repo.unmerge(sql, m, sourceId, viewer.user.id, at);
      await this.auditIncident(sql, sourceId, viewer.user.id, 'unmerged', { merge: m.id, from: target.reference, messages: returned, ...(m.sourceId ? { status: { from: 'closed', to: m.before.source?.status ?? 'new' } } : {}) }, at);
      await this.auditIncident(sql, m.targetId, viewer.user.id, 'unmerged-out', { merge: m.id, into: source?.reference ?? null, messages: returned, ...(targetStatus ? { status: targetStatus } : {}) }, at);
      // A request that had joined by itself becomes a new incident: the 'created' rules route it.
      const routed = m.sourceId ? null : await this.workflow.routeNew(sql, sourceId);
      return { sourceId, created: !m.sourceId, routed };
    });
    if (done.created) await this.incidents.announceCreated(done.sourceId);
    this.workflow.carryOut(done.routed);
    const merge = (await this.repo.mergeById(sqlOf(this.em), mergeId))!;
    await this.announceChanged([merge.source!.id, merge.target.id], viewer, ['merge', 'status', 'messages'], []);
    return merge;
  }

  async dismiss(suggestionId: string, viewer: Viewer): Promise<DuplicateSuggestionDto> {
    if (!isUuid(suggestionId)) throw new NotFoundException(`No duplicate suggestion ${suggestionId}.`);
    const s = await this.repo.suggestion(sqlOf(this.em), suggestionId);
    if (!s) throw new NotFoundException(`No duplicate suggestion ${suggestionId}.`);
    await this.assertVisible([s.incident.id], viewer);
    const at = new Date();
    const changed = await inTransaction(this.em, async (sql) => {
      if (!(await this.repo.decideSuggestion(sql, suggestionId, 'dismissed', viewer.user.id, at))) return false;
      await this.auditIncident(sql, s.incident.id, viewer.user.id, 'duplicate.dismissed', { candidate: s.candidate.reference, score: s.score }, at);
      return true;
    });
    if (!changed) throw new ConflictException(`This suggestion was already ${s.status}.`);
    const after = { ...s, status: 'dismissed' as const };
    this.publisher.publish(await this.roomsOf([s.incident.id, s.candidate.id]), 'incident.duplicate', { suggestion: after });
    return after;
  }

  private async assertVisible(ids: string[], viewer: Viewer): Promise<void> {
    for (const id of ids) await this.incidents.visible(id, viewer); // 404 when not
  }

  private async roomsOf(ids: string[]): Promise<string[]> {
    const rooms = new Set<string>();
    for (const id of ids) {
      const i = await this.incidents.findSummary(id);
      if (i) for (const r of roomsOfIncident({ departmentId: i.department?.id ?? null, assigneeId: i.assignee?.id ?? null })) rooms.add(r);
    }
    return [...rooms];
  }

  /**
   * Each incident, as it is now, to who sees it now; who saw it before (`before[k]` is where `ids[k]` was) and
   * no longer does, a merge having moved its assignment, is told it went ('incident.removed'), never shown it.
   */
  private async announceChanged(ids: string[], viewer: Viewer, changed: string[], before: IncidentPlacement[]): Promise<void> {
    for (const [k, id] of ids.entries()) {
      const i = await this.incidents.findSummary(id);
      if (!i) continue;
      const now: IncidentPlacement = { departmentId: i.department?.id ?? null, assigneeId: i.assignee?.id ?? null };
      const rooms = roomsOfIncident(now);
      this.publisher.publish(rooms, 'incident.updated', { incident: toIncidentSummary(i), changed, by: { id: viewer.user.id, name: viewer.user.name } });
      const was = before[k];
      if (was) this.publisher.publish(roomsThatLostSight(was, now), 'incident.removed', { incidentId: id }, rooms);
    }
  }

  private async auditIncident(sql: Sql, id: string, actorId: string | null, action: string, details: Record<string, unknown>, at: Date): Promise<void> {
    // Plain facts (not from/to pairs) are kept as { from: null, to: value } like every other audit change.
    const changes = Object.fromEntries(Object.entries(details).map(([k, v]) => [k, v && typeof v === 'object' && 'from' in v && 'to' in v ? v : { from: null, to: v }]));
    await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, ?, ?, ?, ?)`, [id, actorId, action, JSON.stringify(changes), at]);
  }
}
