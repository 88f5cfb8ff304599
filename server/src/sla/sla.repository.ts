import { Injectable } from '@nestjs/common';
import type { CalendarDto, IncidentSlaDto, SlaActionDto, SlaPolicyDto } from '../contracts/sla.js';
import type { Sql } from '../database/sql.js';
import type { BusinessCalendar, SlaPolicy } from '../domain/sla/index.js';

/** An incident as its SLA clocks need it. */
export interface SlaIncidentRow {
  id: string;
  reference: string;
  status: string;
  departmentId: string | null;
  assigneeId: string | null;
  policyId: string;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  slaState: IncidentSlaDto | null;
  /** When the sweep next looks at it (null: not until something changes). */
  nextCheckAt: Date | null;
  pauses: { from: string; to: string | null }[];
}

export interface LoadedPolicy extends SlaPolicy {
  actions: SlaActionDto[];
}

const POLICY_COLUMNS = `p.id, p.name, p.first_response_minutes as "firstResponseMinutes", p.resolution_minutes as "resolutionMinutes", p.warn_at_percent as "warnAtPercent",
  p.calendar_id as "calendarId", p.actions`;
const INCIDENT_COLUMNS = `i.id, i.reference, i.status, i.department_id as "departmentId", i.assignee_id as "assigneeId", i.sla_policy_id as "policyId",
  i.created_at as "createdAt", i.first_response_at as "firstResponseAt", i.resolved_at as "resolvedAt", i.sla_state as "slaState",
  i.sla_next_check_at as "nextCheckAt",
  coalesce((select json_agg(json_build_object('from', sp.started_at, 'to', sp.ended_at) order by sp.started_at) from sla_pauses sp where sp.incident_id = i.id), '[]') as pauses`;

/** Policies, calendars, the incidents under a policy, and the warnings and breaches recorded once each. */
@Injectable()
export class SlaRepository {
  async policies(sql: Sql): Promise<SlaPolicyDto[]> {
    return sql<SlaPolicyDto>(`select ${POLICY_COLUMNS} from sla_policies p order by p.name`);
  }

  async policy(sql: Sql, id: string): Promise<SlaPolicyDto | null> {
    return (await sql<SlaPolicyDto>(`select ${POLICY_COLUMNS} from sla_policies p where p.id = ?`, [id]))[0] ?? null;
  }

  /** A policy with its calendar, as the clocks take it. */
  async loadPolicy(sql: Sql, id: string): Promise<LoadedPolicy | null> {
    const [row] = await sql<SlaPolicyDto & { calendar: BusinessCalendar | null }>(
      `select ${POLICY_COLUMNS}, case when c.id is null then null else json_build_object('timeZone', c.time_zone, 'hours', c.hours, 'holidays', c.holidays) end as calendar
       from sla_policies p left join business_calendars c on c.id = p.calendar_id where p.id = ?`,
      [id],
    );
    return row ? { id: row.id, name: row.name, firstResponseMinutes: row.firstResponseMinutes, resolutionMinutes: row.resolutionMinutes, warnAtPercent: row.warnAtPercent, calendar: row.calendar, actions: row.actions } : null;
  }

  async savePolicy(sql: Sql, p: Omit<SlaPolicyDto, 'id'> & { id?: string }): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `insert into sla_policies (id, name, first_response_minutes, resolution_minutes, warn_at_percent, calendar_id, actions, created_at)
       values (coalesce(?::uuid, gen_random_uuid()), ?, ?, ?, ?, ?, ?, now())
       on conflict (id) do update set name = excluded.name, first_response_minutes = excluded.first_response_minutes, resolution_minutes = excluded.resolution_minutes,
         warn_at_percent = excluded.warn_at_percent, calendar_id = excluded.calendar_id, actions = excluded.actions returning id`,
      [p.id ?? null, p.name, p.firstResponseMinutes, p.resolutionMinutes, p.warnAtPercent, p.calendarId, JSON.stringify(p.actions)],
    );
    return row!.id;
  }

  /** A policy or calendar changed: the open incidents under it are due for a look at the next sweep. */
  async dueNowUnder(sql: Sql, by: { policyId: string } | { calendarId: string }): Promise<void> {
    const policies = 'policyId' in by ? `select ?::uuid` : `select id from sla_policies where calendar_id = ?`;
    await sql(`update incidents set sla_next_check_at = now() where sla_policy_id in (${policies}) and status in ('new', 'open', 'pending')`, ['policyId' in by ? by.policyId : by.calendarId]);
  }

  /**
   * What keeps a policy: the incidents under it (open or closed: their SLA history reads by it) and the rules
   * that set it. Locks the policy's row first, so an incident cannot take it on between this look and a delete
   * (setting incidents.sla_policy_id locks the referenced row for key share). null: no such policy.
   */
  async policyUse(sql: Sql, id: string): Promise<{ name: string; incidents: number; rules: string[] } | null> {
    const [row] = await sql<{ name: string }>(`select name from sla_policies where id = ? for update`, [id]);
    if (!row) return null;
    const [use] = await sql<{ incidents: number; rules: string[] }>(
      `select (select count(*)::int from incidents where sla_policy_id = ?) as incidents,
         array(select r.name from workflow_rules r where r.actions @> ?::jsonb order by r.position, r.id) as rules`,
      [id, JSON.stringify([{ do: 'set-sla', policyId: id }])],
    );
    return { name: row.name, ...use };
  }

  async deletePolicy(sql: Sql, id: string): Promise<void> {
    await sql(`delete from sla_policies where id = ?`, [id]);
  }

  /** The policies that count in a calendar (locked first, as policyUse). null: no such calendar. */
  async calendarUse(sql: Sql, id: string): Promise<{ name: string; policies: string[] } | null> {
    const [row] = await sql<{ name: string }>(`select name from business_calendars where id = ? for update`, [id]);
    if (!row) return null;
    const policies = await sql<{ name: string }>(`select name from sla_policies where calendar_id = ? order by name`, [id]);
    return { name: row.name, policies: policies.map((p) => p.name) };
  }

  async deleteCalendar(sql: Sql, id: string): Promise<void> {
    await sql(`delete from business_calendars where id = ?`, [id]);
  }

  async calendars(sql: Sql): Promise<CalendarDto[]> {
    return sql<CalendarDto>(`select id, name, time_zone as "timeZone", hours, holidays from business_calendars order by name`);
  }

  async saveCalendar(sql: Sql, c: Omit<CalendarDto, 'id'> & { id?: string }): Promise<string> {
    const [row] = await sql<{ id: string }>(
      `insert into business_calendars (id, name, time_zone, hours, holidays, created_at) values (coalesce(?::uuid, gen_random_uuid()), ?, ?, ?, ?::text[], now())
       on conflict (id) do update set name = excluded.name, time_zone = excluded.time_zone, hours = excluded.hours, holidays = excluded.holidays returning id`,
      [c.id ?? null, c.name, c.timeZone, JSON.stringify(c.hours), c.holidays],
    );
    return row!.id;
  }

  async incident(sql: Sql, id: string): Promise<SlaIncidentRow | null> {
    return (await sql<SlaIncidentRow>(`select ${INCIDENT_COLUMNS} from incidents i where i.id = ? and i.sla_policy_id is not null`, [id]))[0] ?? null;
  }

  /**
   * The incidents whose clocks are due to move by `now` (their next warning point or due time, or the hourly
   * look at an open one: index incidents_sla_next_check_index), in id order after `after`.
   */
  async due(sql: Sql, now: Date, after: string | null, limit: number): Promise<SlaIncidentRow[]> {
    return sql<SlaIncidentRow>(
      `select ${INCIDENT_COLUMNS} from incidents i
       where i.sla_next_check_at <= ? and (?::uuid is null or i.id > ?) order by i.id limit ?`,
      [now, after, after, limit],
    );
  }

  /** An incident without a policy: no clocks, nothing for the sweep. true when it had some. */
  async forget(sql: Sql, id: string): Promise<boolean> {
    const rows = await sql(`update incidents set sla_state = null, sla_next_check_at = null where id = ? and (sla_state is not null or sla_next_check_at is not null) returning id`, [id]);
    return rows.length > 0;
  }

  async saveNextCheck(sql: Sql, id: string, at: Date | null): Promise<void> {
    await sql(`update incidents set sla_next_check_at = ? where id = ?`, [at, id]);
  }

  async saveState(sql: Sql, id: string, state: IncidentSlaDto | null): Promise<void> {
    await sql(`update incidents set sla_state = ? where id = ?`, [state ? JSON.stringify(state) : null, id]);
  }

  /** true when this call recorded it (the one to act on it). */
  async recordEvent(sql: Sql, e: { incidentId: string; target: string; state: 'warning' | 'breached'; dueAt: Date }): Promise<boolean> {
    const rows = await sql(`insert into sla_events (incident_id, target, state, due_at) values (?, ?, ?, ?) on conflict (incident_id, target, state) do nothing returning id`, [e.incidentId, e.target, e.state, e.dueAt]);
    return rows.length > 0;
  }
}
