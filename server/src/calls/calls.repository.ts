import { Injectable } from '@nestjs/common';
import { callDurations, callOutcome, type CallState } from '../../../channels/phone/index.js';
import type { CallDto, CallLogEntryDto, CallOutcome, ContactDto } from '../contracts/api.js';
import type { Sql } from '../database/sql.js';
import { seesEverything, type ViewerScope } from '../domain/visibility.js';

/** A contact as a call needs it (the language its timeline text is written in). */
export type CallContact = ContactDto & { locale: string | null };

/** A calls row with its agent's name, as the repository reads it. */
export interface CallRow {
  id: string;
  channelId: string | null;
  source: CallDto['source'];
  state: CallState;
  agentUserId: string | null;
  agentName: string | null;
  /** Who took (inbound) or made (outbound) it, as the PBX or the agent who logged it named them. */
  agentLabel: string | null;
  contactId: string | null;
  incidentId: string | null;
  messageId: string | null;
  notes: string | null;
}

const COLUMNS = `c.id, c.channel_id as "channelId", c.source, c.state, c.agent_user_id as "agentUserId", u.name as "agentName", c.agent_label as "agentLabel",
  c.contact_id as "contactId", c.incident_id as "incidentId", c.message_id as "messageId", c.notes`;
const FROM = `calls c left join users u on u.id = c.agent_user_id`;

const DATES = ['startedAt', 'answeredAt', 'endedAt'] as const;

/** jsonb -> CallState (dates come back as ISO strings). */
function revive(row: CallRow): CallRow {
  const s = { ...(row.state as unknown as Record<string, unknown>) };
  for (const k of DATES) s[k] = s[k] ? new Date(s[k] as string) : null;
  return { ...row, state: s as unknown as CallState };
}

/** What the API shows of a call. */
export function toCallDto(r: CallRow): CallDto {
  const s = r.state;
  const { waitSeconds, talkSeconds } = callDurations(s);
  return {
    id: r.id,
    source: r.source,
    direction: s.direction,
    from: s.from ?? s.fromRaw,
    to: s.to ?? s.toRaw,
    agent: r.agentUserId && r.agentName ? { id: r.agentUserId, name: r.agentName } : null,
    agentLabel: r.agentLabel,
    queue: s.queue,
    outcome: callOutcome(s),
    startedAt: (s.startedAt ?? s.answeredAt ?? s.endedAt ?? new Date()).toISOString(),
    answeredAt: s.answeredAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    waitSeconds,
    talkSeconds,
    recordingUrl: s.recordingUrl,
    cause: s.cause,
    notes: r.notes,
    contactId: r.contactId,
    incidentId: r.incidentId,
  };
}

/** The only place that reads and writes calls. Every method takes the caller's Sql (its transaction). */
@Injectable()
export class CallsRepository {
  /**
   * The call an event belongs to, created when it is the first event seen, and locked for the rest of the
   * transaction: a call's events are merged one at a time, whatever order they arrive in.
   */
  async lockForEvent(sql: Sql, channelId: string, callId: string, source: 'cti' | 'twilio', first: CallState): Promise<CallRow> {
    await sql(
      `insert into calls (id, channel_id, call_id, source, direction, outcome, state, created_at, updated_at)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, now(), now()) on conflict (channel_id, call_id) where call_id is not null do nothing`,
      [channelId, callId, source, first.direction, callOutcome(first), JSON.stringify(first)],
    );
    const [row] = await sql<CallRow>(`select ${COLUMNS} from ${FROM} where c.channel_id = ? and c.call_id = ? for update of c`, [channelId, callId]);
    if (!row) throw new Error(`call ${channelId}/${callId} vanished`);
    return revive(row);
  }

  async lockById(sql: Sql, id: string): Promise<CallRow | null> {
    const [row] = await sql<CallRow>(`select ${COLUMNS} from ${FROM} where c.id = ? for update of c`, [id]);
    return row ? revive(row) : null;
  }

  /** Writes the merged state and what is derived from it (the columns the call log filters and sorts on). */
  async save(sql: Sql, r: Omit<CallRow, 'agentName' | 'channelId' | 'source'>): Promise<void> {
    const s = r.state;
    await sql(
      `update calls set state = ?, direction = ?, outcome = ?, from_number = ?, to_number = ?, agent_user_id = ?, agent_label = ?, queue = ?,
         started_at = ?, answered_at = ?, ended_at = ?, duration_seconds = ?, cause = ?, answering_number = ?, recording_url = ?,
         contact_id = ?, incident_id = ?, message_id = ?, notes = ?, updated_at = now() where id = ?`,
      [
        JSON.stringify(s),
        s.direction,
        callOutcome(s),
        s.from ?? s.fromRaw,
        s.to ?? s.toRaw,
        r.agentUserId,
        r.agentLabel,
        s.queue,
        s.startedAt,
        s.answeredAt,
        s.endedAt,
        s.durationSeconds,
        s.cause,
        s.answeringNumber,
        s.recordingUrl,
        r.contactId,
        r.incidentId,
        r.messageId,
        r.notes,
        r.id,
      ],
    );
  }

  /** A call an agent logs by hand (no channel, no provider id). */
  async insertManual(sql: Sql, r: { id: string; state: CallState; agentUserId: string; agentLabel: string; contactId: string | null; notes: string | null }): Promise<void> {
    await sql(
      `insert into calls (id, channel_id, call_id, source, direction, outcome, state, created_by, created_at, updated_at) values (?, null, null, 'manual', ?, ?, ?, ?, now(), now())`,
      [r.id, r.state.direction, callOutcome(r.state), JSON.stringify(r.state), r.agentUserId],
    );
    await this.save(sql, { ...r, incidentId: null, messageId: null });
  }

  /** The timeline entry of a call shows its latest state (and is flagged for a call back while it needs one). */
  async updateMessage(sql: Sql, messageId: string, call: CallDto, body: string, callBack: boolean): Promise<void> {
    await sql(
      `update messages set meta = jsonb_build_object('call', ?::jsonb), body = ?,
         flags = case when ? then array_append(array_remove(flags, 'call-back'), 'call-back') else array_remove(flags, 'call-back') end where id = ?`,
      [JSON.stringify(call), body, callBack, messageId],
    );
  }

  /** A registered user the PBX names (e-mail or name), or whose mobile answered. */
  async agentOf(sql: Sql, label: string | null, answeringNumber: string | null): Promise<{ id: string; name: string } | null> {
    if (!label && !answeringNumber) return null;
    const [u] = await sql<{ id: string; name: string }>(
      `select id, name from users where active and role <> 'technician' and (lower(email) = lower(?) or lower(name) = lower(?) or phone = ?) order by (phone = ?) desc nulls last limit 1`,
      [label, label, answeringNumber, answeringNumber],
    );
    return u ?? null;
  }

  /** The contact's most recently active open incident: a call about it lands on its timeline. */
  async openIncidentOf(sql: Sql, contactId: string): Promise<string | null> {
    const [row] = await sql<{ id: string }>(`select id from incidents where contact_id = ? and status in ('new', 'open', 'pending') order by last_message_at desc limit 1`, [contactId]);
    return row?.id ?? null;
  }

  contactById(sql: Sql, id: string): Promise<CallContact | null> {
    return this.contactWhere(sql, 'c.id = ?', id);
  }

  /** The contact with this number (E.164), if there is one. */
  contactByPhone(sql: Sql, phone: string): Promise<CallContact | null> {
    return this.contactWhere(sql, 'c.phone = ?', phone);
  }

  private async contactWhere(sql: Sql, where: string, value: string): Promise<CallContact | null> {
    const [row] = await sql<CallContact>(
      `select c.id, c.name, c.email, c.phone, c.customer_id as "customerId", cu.name as "customerName", c.locale from contacts c left join customers cu on cu.id = c.customer_id where ${where} limit 1`,
      [value],
    );
    return row ?? null;
  }

  /**
   * The call log, newest first: everything, or one contact's. A call on an incident this viewer may not see
   * (another department's) is left out: its notes and incident are that department's business.
   */
  async list(sql: Sql, f: { contactId?: string; outcome?: CallOutcome; before?: Date; limit: number }, scope: ViewerScope): Promise<CallLogEntryDto[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (!seesEverything(scope)) where.push('(i.id is null or i.department_id is null or i.department_id = any(?) or i.assignee_id = ?)') && params.push(scope.departmentIds, scope.userId);
    if (f.contactId) where.push('c.contact_id = ?') && params.push(f.contactId);
    if (f.outcome) where.push('c.outcome = ?') && params.push(f.outcome);
    if (f.before) where.push('c.created_at < ?') && params.push(f.before);
    const rows = await sql<CallRow & { incidentReference: string | null; contact: ContactDto | null }>(
      `select ${COLUMNS}, i.reference as "incidentReference",
         case when ct.id is null then null else json_build_object('id', ct.id, 'name', ct.name, 'email', ct.email, 'phone', ct.phone, 'customerId', ct.customer_id, 'customerName', cu.name) end as contact
       from ${FROM} left join incidents i on i.id = c.incident_id left join contacts ct on ct.id = c.contact_id left join customers cu on cu.id = ct.customer_id
       ${where.length ? `where ${where.join(' and ')}` : ''} order by c.created_at desc, c.id desc limit ?`,
      [...params, f.limit],
    );
    return rows.map((r) => ({ ...toCallDto(revive(r)), contact: r.contact, incidentReference: r.incidentReference }));
  }
}
