import { BadRequestException, ConflictException, Injectable, Logger, NotFoundException, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EventEmitter } from 'node:events';
import type { CalendarDto, IncidentSlaDto, SlaActionDto, SlaPolicyDto } from '../contracts/sla.js';
import { inTransaction, sqlOf, type Sql } from '../database/sql.js';
import { businessMinutesBetween, calendarProblems, nextCheckAt, slaClocks, type SlaClock } from '../domain/sla/index.js';
import { roomsOfIncident } from '../domain/visibility.js';
import { IncidentsService, type IncidentChange } from '../incidents/incidents.service.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { JobQueue } from '../jobs/job-queue.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { SlaRepository, type LoadedPolicy, type SlaIncidentRow } from './sla.repository.js';

const CHECK_MS = 30_000;
const BATCH = 500;

/** A warning or breach that just began, with what its policy says to do (email/ carries out 'notify'). */
export interface SlaAlarm {
  incidentId: string;
  reference: string;
  target: 'first-response' | 'resolution';
  state: 'warning' | 'breached';
  dueAt: string;
  policy: string;
  /** Alert the department live (the policy says so, or has no actions). */
  alert: boolean;
  notify: string[];
}

/**
 * SLA clocks on incidents: computed from the policy (targets, warning point, business calendar) and the
 * incident's first response, resolution and pauses (kept by database triggers), stored on the incident for
 * the inbox, refreshed on every change and every 30 s by the workers. Each warning and breach is recorded
 * once (sla_events is unique per incident, target and state) and only the recording call acts on it: its
 * timeline entry, a live alert, the policy's actions.
 */
@Injectable()
export class SlaService implements OnModuleInit, OnApplicationBootstrap {
  private readonly log = new Logger('Sla');
  /** 'alarm' (SlaAlarm) after a warning or breach is recorded. */
  readonly alarms = new EventEmitter();

  constructor(
    private readonly em: EntityManager,
    private readonly repo: SlaRepository,
    private readonly incidents: IncidentsService,
    private readonly publisher: InboxPublisher,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.incidents.changes.on('updated', (c: IncidentChange) => {
      if (c.changed.some((f) => ['status', 'slaPolicyId', 'slaPolicy'].includes(f))) void this.refreshNow(c.incidentId).catch((err: Error) => this.log.warn(`SLA of ${c.incidentId} not refreshed: ${err.message}`));
    });
    this.incidents.changes.on('responded', (incidentId: string) => void this.refreshNow(incidentId).catch((err: Error) => this.log.warn(`SLA of ${incidentId} not refreshed: ${err.message}`)));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.repeat('sla.check', CHECK_MS, () => this.check());
  }

  /** Inside the caller's transaction: the incident's clocks computed and stored (null: it has no policy). */
  async refresh(sql: Sql, incidentId: string, now = new Date()): Promise<{ state: IncidentSlaDto | null; changed: boolean; clocks: SlaClock[]; row: SlaIncidentRow | null; policy: LoadedPolicy | null }> {
    const row = await this.repo.incident(sql, incidentId);
    if (!row) return { state: null, changed: await this.repo.forget(sql, incidentId), clocks: [], row: null, policy: null };
    const policy = await this.repo.loadPolicy(sql, row.policyId);
    if (!policy) return { state: null, changed: false, clocks: [], row, policy: null };
    const clocks = this.clocksOf(row, policy, now);
    const state: IncidentSlaDto = {
      policy: { id: policy.id, name: policy.name },
      clocks: clocks.map((c) => ({ target: c.target, dueAt: c.dueAt.toISOString(), warnAt: c.warnAt.toISOString(), state: c.state, remainingMinutes: c.remainingMinutes })),
      businessHours: policy.calendar !== null,
      computedAt: now.toISOString(),
    };
    // Stored when what it shows changed (remaining minutes alone: the app counts down by itself).
    const key = (s: IncidentSlaDto | null) => JSON.stringify(s ? [s.policy.id, s.clocks.map((c) => [c.target, c.dueAt, c.state])] : null);
    const changed = key(row.slaState) !== key(state);
    if (changed) await this.repo.saveState(sql, incidentId, state);
    const next = nextCheckAt(row.status, clocks, now);
    if (next?.getTime() !== (row.nextCheckAt ? new Date(row.nextCheckAt).getTime() : undefined)) await this.repo.saveNextCheck(sql, incidentId, next);
    return { state, changed, clocks, row, policy };
  }

  private clocksOf(row: SlaIncidentRow, policy: LoadedPolicy, now: Date): SlaClock[] {
    const ended = row.pauses.filter((p) => p.to);
    const open = row.pauses.find((p) => !p.to);
    const pausedMinutes = ended.reduce((sum, p) => sum + businessMinutesBetween(new Date(p.from), new Date(p.to!), policy.calendar), 0);
    return slaClocks(
      policy,
      { createdAt: new Date(row.createdAt), firstResponseAt: row.firstResponseAt ? new Date(row.firstResponseAt) : null, resolvedAt: row.resolvedAt ? new Date(row.resolvedAt) : null, pausedMinutes, pausedSince: open ? new Date(open.from) : null },
      now,
    );
  }

  /** After a change committed: refresh, act on what began, tell the inboxes. */
  async refreshNow(incidentId: string, now = new Date()): Promise<void> {
    const result = await inTransaction(this.em, async (sql) => {
      const r = await this.refresh(sql, incidentId, now);
      const alarms = r.row && r.policy ? await this.record(sql, r.row, r.policy, r.clocks) : [];
      return { changed: r.changed, alarms };
    });
    await this.announce(incidentId, result.changed, result.alarms);
  }

  /** The workers' sweep: the incidents whose clocks are due to move (next warning, due time, hourly look), in batches. */
  async check(now = new Date()): Promise<number> {
    let after: string | null = null;
    let checked = 0;
    for (;;) {
      const rows = await this.repo.due(sqlOf(this.em), now, after, BATCH);
      for (const row of rows) {
        try {
          await this.refreshNow(row.id, now);
        } catch (err) {
          this.log.warn(`SLA of ${row.reference} not checked: ${(err as Error).message}`);
        }
      }
      checked += rows.length;
      if (rows.length < BATCH) break;
      after = rows.at(-1)!.id;
    }
    return checked;
  }

  /** Inside the transaction: each warning or breach reached, recorded once; the recording call acts on it. */
  private async record(sql: Sql, row: SlaIncidentRow, policy: LoadedPolicy, clocks: SlaClock[]): Promise<SlaAlarm[]> {
    const alarms: SlaAlarm[] = [];
    for (const c of clocks) {
      const reached: ('warning' | 'breached')[] = c.state === 'breached' ? ['breached'] : c.warned && c.state !== 'met' ? ['warning'] : [];
      for (const state of reached) {
        if (!(await this.repo.recordEvent(sql, { incidentId: row.id, target: c.target, state, dueAt: c.dueAt }))) continue;
        const actions: SlaActionDto[] = policy.actions.length ? policy.actions.filter((a) => a.on === state) : [{ on: state, do: 'alert' }];
        const raise = actions.find((a) => a.do === 'set-priority');
        if (raise && raise.do === 'set-priority') await sql(`update incidents set priority = ?, updated_at = now(), version = version + 1 where id = ? and priority <> ?`, [raise.priority, row.id, raise.priority]);
        await sql(`insert into audit_log (id, entity_type, entity_id, actor_id, action, changes, created_at) values (gen_random_uuid(), 'incident', ?, null, ?, ?, now())`, [
          row.id,
          `sla.${state}`,
          JSON.stringify({ target: { from: null, to: c.target }, dueAt: { from: null, to: c.dueAt.toISOString() }, policy: { from: null, to: policy.name }, ...(raise && raise.do === 'set-priority' ? { priority: { from: null, to: raise.priority } } : {}) }),
        ]);
        alarms.push({
          incidentId: row.id,
          reference: row.reference,
          target: c.target,
          state,
          dueAt: c.dueAt.toISOString(),
          policy: policy.name,
          alert: actions.some((a) => a.do === 'alert'),
          notify: actions.flatMap((a) => (a.do === 'notify' ? [a.to] : [])),
        });
      }
    }
    return alarms;
  }

  private async announce(incidentId: string, changed: boolean, alarms: SlaAlarm[]): Promise<void> {
    if (!changed && alarms.length === 0) return;
    const incident = await this.incidents.findSummary(incidentId);
    if (!incident) return;
    await this.incidents.announceChange(incidentId, { departmentId: incident.department?.id ?? null, assigneeId: incident.assignee?.id ?? null }, ['sla'], null);
    const rooms = roomsOfIncident({ departmentId: incident.department?.id ?? null, assigneeId: incident.assignee?.id ?? null });
    for (const a of alarms) {
      if (a.alert) this.publisher.publish(rooms, 'incident.alert', { incidentId, reference: a.reference, kind: a.state === 'breached' ? 'sla-breached' : 'sla-warning', by: null });
      if (a.notify.length) this.alarms.emit('alarm', a);
    }
  }

  // --- policies and calendars (admins) ---

  policies(): Promise<SlaPolicyDto[]> {
    return this.repo.policies(sqlOf(this.em));
  }

  calendars(): Promise<CalendarDto[]> {
    return this.repo.calendars(sqlOf(this.em));
  }

  async savePolicy(input: Omit<SlaPolicyDto, 'id'>, id?: string): Promise<SlaPolicyDto> {
    if (id && (!isUuid(id) || !(await this.repo.policy(sqlOf(this.em), id)))) throw new NotFoundException(`No SLA policy ${id}.`);
    if (input.firstResponseMinutes === null && input.resolutionMinutes === null) throw new BadRequestException({ message: 'A policy needs a first-response or a resolution target.', fields: { resolutionMinutes: 'required without firstResponseMinutes' } });
    if (input.calendarId && !(await this.repo.calendars(sqlOf(this.em))).some((c) => c.id === input.calendarId)) throw new BadRequestException({ message: 'That calendar does not exist.', fields: { calendarId: 'unknown calendar' } });
    const saved = await this.repo.savePolicy(sqlOf(this.em), { ...input, id });
    if (id) await this.repo.dueNowUnder(sqlOf(this.em), { policyId: id });
    return (await this.repo.policy(sqlOf(this.em), saved))!;
  }

  async saveCalendar(input: Omit<CalendarDto, 'id'>, id?: string): Promise<CalendarDto> {
    const problems = calendarProblems({ timeZone: input.timeZone, hours: input.hours, holidays: input.holidays }, '');
    if (problems.length) throw new BadRequestException({ message: `The calendar is not valid: ${problems.map((p) => `${p.path.replace(/^\./, '')}: ${p.message}`).join('; ')}`, fields: Object.fromEntries(problems.map((p) => [p.path.replace(/^\./, ''), p.message])) });
    if (id && (!isUuid(id) || !(await this.repo.calendars(sqlOf(this.em))).some((c) => c.id === id))) throw new NotFoundException(`No calendar ${id}.`);
    const saved = await this.repo.saveCalendar(sqlOf(this.em), { ...input, id });
    if (id) await this.repo.dueNowUnder(sqlOf(this.em), { calendarId: id });
    return (await this.repo.calendars(sqlOf(this.em))).find((c) => c.id === saved)!;
  }

  /** Only a policy nothing uses goes (one made by mistake): 409 says what still uses it. */
  async deletePolicy(id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException(`No SLA policy ${id}.`);
    await inTransaction(this.em, async (sql) => {
      const use = await this.repo.policyUse(sql, id);
      if (!use) throw new NotFoundException(`No SLA policy ${id}.`);
      if (use.incidents > 0 || use.rules.length > 0) {
        const why = [use.incidents > 0 ? `${use.incidents} incident(s) are under it` : null, use.rules.length ? `rules set it: ${use.rules.join(', ')}` : null].filter(Boolean).join('; ');
        throw new ConflictException({ message: `The policy "${use.name}" is in use (${why}); a policy that incidents are under stays, so their SLA history reads right.`, inUse: { incidents: use.incidents, rules: use.rules } });
      }
      await this.repo.deletePolicy(sql, id);
    });
  }

  /** Only a calendar no policy counts in goes: 409 names the policies. */
  async deleteCalendar(id: string): Promise<void> {
    if (!isUuid(id)) throw new NotFoundException(`No calendar ${id}.`);
    await inTransaction(this.em, async (sql) => {
      const use = await this.repo.calendarUse(sql, id);
      if (!use) throw new NotFoundException(`No calendar ${id}.`);
      if (use.policies.length) throw new ConflictException({ message: `The calendar "${use.name}" is in use by the policies ${use.policies.join(', ')}: choose another calendar for them first.`, inUse: { policies: use.policies } });
      await this.repo.deleteCalendar(sql, id);
    });
  }
}
