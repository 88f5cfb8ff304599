import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ChannelsService } from '../channels/channels.service.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { Locale } from '../contracts/api.js';
import { inTransaction, sqlOf } from '../database/sql.js';
import { linkAssignmentId, signServiceOrderLink, verifyServiceOrderLink } from '../domain/service-order-link.js';
import { preview } from '../incidents/incident.mapper.js';
import type { Unassignable } from '../assignment/assignment.service.js';
import { SlaService, type SlaAlarm } from '../sla/sla.service.js';
import type { Release } from '../duplicates/duplicates.service.js';
import { IncidentsService, type Assignment } from '../incidents/incidents.service.js';
import { JobQueue } from '../jobs/job-queue.js';
import { AlreadyQueued } from '../outbox/outbound-messages.service.js';
import { keyOf, recordUnsendable, settledKeys, sourceIdOf, unsendableExists, type OutboxKey, type UnsendableReason } from '../outbox/outbox-key.js';
import { EmailReplies } from './email-replies.service.js';
import type { EmailChannelConfig } from './email-settings.js';
import { composeIncidentMail } from './outbound-mail.js';
import { localeOr, released, serviceOrder, slaNotice, unassignable } from './templates.js';

const SWEEP_MS = 30_000;
const TOKEN_DAYS = 30;

interface OrderRow {
  id: string;
  reference: string;
  subject: string;
  priority: string;
  site_address: string | null;
  asset: string | null;
  service_type: string | null;
  requested_window: string | null;
  channel_id: string | null;
  assignment_status: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  customer_name: string | null;
  tech_id: string;
  tech_email: string;
  tech_locale: string;
  tech_name: string;
}

/** The outbox key of an SLA notice: one mail per incident, target, state and recipient (the same address in another case is one). */
export function slaNoticeKey(a: Pick<SlaAlarm, 'incidentId' | 'target' | 'state'>, to: string): OutboxKey {
  return { kind: `sla-${a.target}-${a.state}`, sourceId: sourceIdOf(`sla-notice\0${a.incidentId}\0${a.target}\0${a.state}\0${to.trim().toLowerCase()}`) };
}

export type LinkAction = 'confirm' | 'decline';
export type LinkOutcome =
  | { kind: 'invalid' }
  | { kind: 'stale'; locale: Locale; reference: string }
  | { kind: 'ask' | 'done' | 'already'; locale: Locale; reference: string; subject: string; answer: 'confirmed' | 'declined' };

/**
 * Service orders: when an incident is assigned to a technician, they get it by e-mail in their language,
 * with a reply address bound to them and the incident, and one-click Confirm / Decline links. Their answer
 * (by reply: IngestService; by link: answerByLink) confirms the assignment or hands the incident back.
 */
@Injectable()
export class ServiceOrders implements OnApplicationBootstrap {
  private readonly log = new Logger('ServiceOrders');

  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentsService,
    private readonly channels: ChannelsService,
    private readonly replies: EmailReplies,
    private readonly secrets: Secrets,
    private readonly queue: JobQueue,
    private readonly sla: SlaService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.incidents.assignments.on('assigned', (a: Assignment) => void this.send(a).catch((err: Error) => this.log.warn(`service order for ${a.incidentId} not queued (the sweep retries): ${err.message}`)));
    this.incidents.assignments.on('released', (r: Release) => void this.sendRelease(r).catch((err: Error) => this.log.warn(`release notice for ${r.reference} not queued: ${err.message}`)));
    this.sla.alarms.on('alarm', (a: SlaAlarm) => void this.sendSlaNotice(a).catch((err: Error) => this.log.warn(`SLA notice for ${a.reference} not queued: ${err.message}`)));
    this.incidents.assignments.on('unassignable', (u: Unassignable) => void this.sendUnassignable(u).catch((err: Error) => this.log.warn(`supervisor alert for ${u.reference} not queued: ${err.message}`)));
    // Assignments whose order was never queued (the process stopped right after the assignment).
    await this.queue.repeat('service-orders.sweep', SWEEP_MS, () => this.sweep());
  }

  async sweep(): Promise<void> {
    // Offers whose order never went out; not while no mailbox is active (send says so once on the timeline, and
    // the orders go out once one is).
    const rows = await sqlOf(this.em)<{ id: string; assignee_id: string; assignment_id: string }>(
      `select id, assignee_id, assignment_id from incidents i where assignment_status = 'pending' and assignment_id is not null
       and exists (select 1 from channels c where c.kind = 'email' and c.active)
       and not exists (select 1 from outbox o where o.kind = 'service-order' and o.source_id = i.assignment_id) limit 100`,
    );
    for (const r of rows) await this.send({ incidentId: r.id, technicianId: r.assignee_id, assignmentId: r.assignment_id });
    // Merges of the last day whose released technician was never told (the process stopped right after the merge).
    const releases = await sqlOf(this.em)<{ id: string; source_id: string; reference: string; technician_id: string; into_reference: string }>(
      `select m.id, m.source_id, s.reference, m.released->>'id' as technician_id, t.reference as into_reference
       from incident_merges m join incidents s on s.id = m.source_id join incidents t on t.id = m.target_id
       where m.released is not null and m.created_at > now() - interval '1 day'
         and not exists (select 1 from outbox o where o.kind = 'service-release' and o.source_id in (m.id, m.source_id))
         and not ${unsendableExists(`'service-release'`, 'm.id::text')} limit 100`,
    );
    for (const r of releases) await this.sendRelease({ mergeId: r.id, incidentId: r.source_id, reference: r.reference, technicianId: r.technician_id, intoReference: r.into_reference });
    // SLA warnings and breaches of the last day whose notices never went out (the process stopped right after
    // recording the event): to the addresses the incident's policy names for that state, each once still.
    const events = await sqlOf(this.em)<{ incidentId: string; reference: string; target: SlaAlarm['target']; state: SlaAlarm['state']; dueAt: Date; policy: string; actions: { on: string; do: string; to?: string }[] }>(
      `select e.incident_id as "incidentId", i.reference, e.target, e.state, e.due_at as "dueAt", p.name as policy, p.actions
       from sla_events e join incidents i on i.id = e.incident_id join sla_policies p on p.id = i.sla_policy_id
       where e.created_at between now() - interval '1 day' and now() - interval '1 minute' and p.actions @> '[{"do": "notify"}]'::jsonb
       order by e.created_at limit 100`,
    );
    const notices = events.map((e) => {
      const notify = e.actions.filter((a) => a.do === 'notify' && a.on === e.state && a.to).map((a) => a.to!);
      const alarm: SlaAlarm = { incidentId: e.incidentId, reference: e.reference, target: e.target, state: e.state, dueAt: new Date(e.dueAt).toISOString(), policy: e.policy, alert: false, notify };
      return { alarm, keys: notify.map((to) => ({ to, key: slaNoticeKey(alarm, to) })) };
    });
    const settled = await settledKeys(sqlOf(this.em), notices.flatMap((n) => n.keys.map((k) => k.key)));
    for (const { alarm, keys } of notices) {
      const missing = keys.filter((k) => !settled.has(keyOf(k.key))).map((k) => k.to);
      if (missing.length) await this.sendSlaNotice({ ...alarm, notify: missing });
    }
  }

  /** Queues the service order of an assignment (once; nothing when the assignment changed meanwhile). */
  async send(a: Assignment): Promise<void> {
    const sql = sqlOf(this.em);
    const [row] = await sql<OrderRow>(
      `select i.id, i.reference, i.subject, i.priority, i.site_address, i.asset, i.service_type, i.requested_window, i.channel_id, i.assignment_status,
         c.name as contact_name, c.phone as contact_phone, cu.name as customer_name, u.id as tech_id, u.email as tech_email, u.locale as tech_locale, u.name as tech_name
       from incidents i join users u on u.id = i.assignee_id left join contacts c on c.id = i.contact_id left join customers cu on cu.id = i.customer_id
       where i.id = ? and i.assignee_id = ? and i.assignment_id = ?`,
      [a.incidentId, a.technicianId, a.assignmentId],
    );
    if (!row) return;
    const [mailbox] = await sql<{ id: string }>(`select id from channels where kind = 'email' and active order by (id = ?) desc, created_at limit 1`, [row.channel_id]);
    if (!mailbox) return this.unsendable(row.id, { kind: 'service-order', sourceId: a.assignmentId }, row.tech_email, `the service order for ${row.reference}`);
    const channel = await this.channels.byId(mailbox.id);
    const config = channel.config as unknown as EmailChannelConfig;
    const last = await sql<{ created_at: Date; author: string; body: string }>(
      `select m.created_at, coalesce(u.name, c.name, 'Switchboard') as author, m.body from messages m
       left join users u on u.id = m.author_user_id left join contacts c on c.id = m.author_contact_id
       where m.incident_id = ? and (m.kind = 'inbound' or (m.kind = 'outbound' and m.author_user_id is not null)) order by m.created_at desc limit 3`,
      [row.id],
    );
    const link = signServiceOrderLink({ assignmentId: a.assignmentId, incidentId: row.id, technicianId: row.tech_id }, this.secrets.linkKey);
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    const locale = localeOr(row.tech_locale);
    const words = serviceOrder(locale, {
      reference: row.reference,
      subject: row.subject,
      customer: row.customer_name ?? row.contact_name,
      siteAddress: row.site_address,
      contactName: row.contact_name,
      contactPhone: row.contact_phone,
      asset: row.asset,
      serviceType: row.service_type,
      priority: row.priority,
      requestedWindow: row.requested_window,
      lastMessages: last.reverse().map((m) => ({ at: new Date(m.created_at), author: m.author, text: preview(m.body) })),
      links: base ? { confirm: `${base}/service-orders/${link}/confirm`, decline: `${base}/service-orders/${link}/decline` } : null,
    });
    const mail = composeIncidentMail(
      {
        mailbox: config,
        to: row.tech_email,
        text: words.text,
        subjectPrefix: words.subjectPrefix,
        automatic: 'auto-generated',
        // Not the customer's thread: the technician's answer threads by its own token and Message-ID.
        thread: { incidentId: row.id, reference: row.reference, subject: row.subject, threadIds: [] },
        token: { purpose: 'service-order', technicianId: row.tech_id, expiresAt: new Date(Date.now() + TOKEN_DAYS * 86_400_000) },
      },
      this.secrets.replyTokenKey,
    );
    try {
      await this.replies.send({ incidentId: row.id, channelId: channel.id, body: words.text, mail, kind: 'service-order', automatic: false, author: null, flags: [], sourceId: a.assignmentId });
    } catch (err) {
      if (!(err instanceof AlreadyQueued)) throw err;
    }
  }

  /**
   * A technician whose incident was merged into another one (handled by someone else) is told they need not
   * go, on the merged incident's timeline (once per incident).
   */
  async sendRelease(r: Release): Promise<void> {
    const key = { kind: 'service-release', sourceId: r.mergeId };
    const [row] = await sqlOf(this.em)<{ subject: string; email: string; locale: string }>(`select i.subject, u.email, u.locale from incidents i, users u where i.id = ? and u.id = ?`, [r.incidentId, r.technicianId]);
    if (!row) return this.unsendable(r.incidentId, key, null, `the release notice for ${r.reference}`, 'no-recipient');
    const words = released(localeOr(row.locale), { reference: r.reference, subject: row.subject, into: r.intoReference });
    const sent = await this.replies.notice({ incidentId: r.incidentId, reference: r.reference, subject: row.subject, to: row.email, ...words, ...key });
    if (!sent) await this.unsendable(r.incidentId, key, row.email, `the release notice for ${r.reference}`);
  }

  /** An SLA warning or breach to the addresses its policy names (once each: the event is recorded once). */
  async sendSlaNotice(a: SlaAlarm): Promise<void> {
    const sql = sqlOf(this.em);
    const [row] = await sql<{ subject: string }>(`select subject from incidents where id = ?`, [a.incidentId]);
    if (!row) return;
    for (const to of a.notify) {
      const [user] = await sql<{ locale: string }>(`select locale from users where email = ?`, [to]);
      const words = slaNotice(localeOr(user?.locale), { reference: a.reference, target: a.target, state: a.state, dueAt: new Date(a.dueAt), policy: a.policy, link: this.linkTo(a.incidentId) });
      const sent = await this.replies.notice({ incidentId: a.incidentId, reference: a.reference, subject: row.subject, to, ...words, ...slaNoticeKey(a, to) });
      if (!sent) await this.unsendable(a.incidentId, slaNoticeKey(a, to), to, `the SLA notice for ${a.reference}`);
    }
  }

  /** Nobody is left to offer an incident to: its department's supervisor hears of it (once per round of offers). */
  async sendUnassignable(u: Unassignable): Promise<void> {
    const [row] = await sqlOf(this.em)<{ locale: string }>(`select locale from users where id = ?`, [u.supervisor.id]);
    const words = unassignable(localeOr(row?.locale), { reference: u.reference, subject: u.subject, offers: u.offers, link: this.linkTo(u.incidentId) });
    const key = { kind: `unassignable-${u.offers}`, sourceId: u.incidentId };
    const sent = await this.replies.notice({ incidentId: u.incidentId, reference: u.reference, subject: u.subject, to: u.supervisor.email, ...words, ...key });
    if (!sent) await this.unsendable(u.incidentId, key, u.supervisor.email, `the supervisor alert for ${u.reference}`);
  }

  /**
   * No mailbox to send a notice from (or nobody to send it to): said once on the timeline, and the sweep does not
   * try it again; a service order goes out once a mailbox is active (the sweep).
   */
  private async unsendable(incidentId: string, key: OutboxKey, to: string | null, what: string, reason: UnsendableReason = 'no-email-channel'): Promise<void> {
    if (await recordUnsendable(sqlOf(this.em), { incidentId, key, recipient: to, reason })) this.log.warn(`${what} cannot be sent: ${reason}`);
  }

  /** The incident in the agent app, when the public address is known. */
  private linkTo(incidentId: string): string | null {
    const base = this.config.publicUrl?.replace(/\/+$/, '');
    return base ? `${base}/incidents/${incidentId}` : null;
  }

  /**
   * Whether a link is one we signed for this assignment and technician. It was signed with the incident the
   * order was sent for, which is the one holding the assignment now or, after a merge moved the assignment
   * (with its messages) into another incident, one of those merged into it (at any depth). The assignment
   * id is random and signed only ever with its own incident, so accepting any of those accepts nothing else.
   */
  private async genuineLink(token: string, assignmentId: string, incidentId: string, technicianId: string): Promise<boolean> {
    const key = this.secrets.linkKey;
    if (verifyServiceOrderLink(token, { assignmentId, incidentId, technicianId }, key)) return true;
    const merged = await sqlOf(this.em)<{ id: string }>(
      `with recursive m(id) as (select id from incidents where merged_into_id = ? union select i.id from incidents i join m on i.merged_into_id = m.id) select id from m limit 100`,
      [incidentId],
    );
    return merged.some((m) => verifyServiceOrderLink(token, { assignmentId, incidentId: m.id, technicianId }, key));
  }

  /** A one-click link: GET asks (`act` false), POST acts. */
  async answerByLink(token: string, action: LinkAction, act: boolean): Promise<LinkOutcome> {
    const assignmentId = linkAssignmentId(token);
    if (!assignmentId) return { kind: 'invalid' };
    const answer = action === 'confirm' ? 'confirmed' : 'declined';
    const sql = sqlOf(this.em);
    const [row] = await sql<{ id: string; reference: string; subject: string; assignee_id: string | null; assignment_status: string | null; locale: string | null }>(
      `select i.id, i.reference, i.subject, i.assignee_id, i.assignment_status, u.locale from incidents i left join users u on u.id = i.assignee_id where i.assignment_id = ?`,
      [assignmentId],
    );
    if (!row || !row.assignee_id) {
      // Declined (the assignment is gone) or reassigned: the link names an assignment that no longer is.
      const [was] = await sql<{ id: string; reference: string; tech_id: string; locale: string }>(
        `select i.id, i.reference, u.id as tech_id, u.locale from outbox o join messages m on m.id = o.message_id join incidents i on i.id = m.incident_id
         join users u on u.email = o.recipient where o.kind = 'service-order' and o.source_id = ?`,
        [assignmentId],
      );
      const genuine = was && (await this.genuineLink(token, assignmentId, was.id, was.tech_id));
      return genuine ? { kind: 'stale', locale: localeOr(was.locale), reference: was.reference } : { kind: 'invalid' };
    }
    if (!(await this.genuineLink(token, assignmentId, row.id, row.assignee_id))) return { kind: 'invalid' };
    const locale = localeOr(row.locale);
    const base = { locale, reference: row.reference, subject: row.subject, answer } as const;
    if (row.assignment_status === answer) return { kind: 'already', ...base };
    if (!act) return { kind: 'ask', ...base };
    const technicianId = row.assignee_id;
    const answered = await inTransaction(this.em, (tx) => this.incidents.answerAssignment(tx, { incidentId: row.id, technicianId, assignmentId, answer, via: 'link', at: new Date() }));
    if (!answered) return { kind: 'stale', locale, reference: row.reference };
    const incident = await this.incidents.findSummary(row.id);
    const [tech] = await sql<{ name: string }>(`select name from users where id = ?`, [technicianId]);
    if (incident) this.incidents.announceAnswer(incident, answered, { id: technicianId, name: tech?.name ?? '' });
    return { kind: 'done', ...base };
  }
}
