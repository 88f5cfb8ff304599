import { ConflictException, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../auth/auth.decorators.js';
import { ChannelsService } from '../channels/channels.service.js';
import { Secrets } from '../common/secrets.js';
import type { MessageDto, MessageFlag } from '../contracts/api.js';
import { sqlOf } from '../database/sql.js';
import { IncidentsRepository, type ResolvedReplyRoute } from '../incidents/incidents.repository.js';
import { IncidentsService, type InboundOutcome } from '../incidents/incidents.service.js';
import { AlreadyQueued, OutboundMessages } from '../outbox/outbound-messages.service.js';
import type { InboundMessage } from '../../../channels/core/index.js';
import type { EmailMeta } from '../../../channels/email/index.js';
import type { EmailChannelConfig } from './email-settings.js';
import { composeIncidentMail, type OutboundMail } from './outbound-mail.js';
import { acknowledgement, agentReply, localeOr } from './templates.js';

/**
 * Mail Switchboard sends on an incident: agents' replies and the acknowledgement of a new request. Each is
 * an outbound message on the timeline and an outbox row, written in one transaction; a worker sends it.
 */
/** An acknowledgement is for a request that arrived within the last day, after the channel existed. */
const ACK_MAX_AGE_MS = 24 * 3600_000;
const CLOCK_SKEW_MS = 5 * 60_000;
/** When the mail reached our mailbox (IMAP INTERNALDATE), else its Date. */
const arrival = (m: InboundMessage) => Date.parse((m.meta as EmailMeta | undefined)?.receivedAt ?? '') || m.sentAt.getTime();

@Injectable()
export class EmailReplies {
  constructor(
    private readonly em: EntityManager,
    private readonly incidents: IncidentsService,
    private readonly repo: IncidentsRepository,
    private readonly channels: ChannelsService,
    private readonly outbound: OutboundMessages,
    private readonly secrets: Secrets,
  ) {}

  /** An agent answers the customer by e-mail. */
  /** `route`: IncidentsRepository.replyRoute of the incident, looked up by the caller. */
  async reply(incidentId: string, body: string, viewer: Viewer, route: ResolvedReplyRoute | null): Promise<MessageDto> {
    const incident = await this.incidents.visible(incidentId, viewer);
    if (!route || route.channelKind !== 'email') throw new ConflictException('This incident cannot be answered by e-mail: the customer has no address, or there is no active e-mail channel.');
    const channel = await this.channels.byId(route.channelId);
    const config = channel.config as unknown as EmailChannelConfig;
    const thread = await this.repo.threadIds(sqlOf(this.em), incidentId);
    const mail = composeIncidentMail(
      {
        mailbox: config,
        to: route.to,
        text: agentReply(body, viewer.user.name, config.displayName),
        thread: { incidentId, reference: incident.reference, subject: incident.subject, threadIds: thread.all, inReplyTo: thread.lastInbound },
      },
      this.secrets.replyTokenKey,
    );
    return this.send({ incidentId, channelId: channel.id, body, mail, kind: 'reply', automatic: false, author: { id: viewer.user.id, name: viewer.user.name }, flags: [] });
  }

  /**
   * "We have your request, reference SB-1234": for a new incident opened by a person's e-mail (never for
   * automatic mail: no robot conversations), at most once per request, within the per-recipient cap.
   */
  async acknowledge(outcome: InboundOutcome, m: InboundMessage): Promise<void> {
    if (outcome.kind !== 'created' || outcome.message.channelKind !== 'email') return;
    if (outcome.message.email?.automatic !== 'human' || outcome.message.senderKind !== 'customer') return;
    // Only for fresh mail: not for history imported with a new mailbox, nor days late after an outage.
    const receivedAt = arrival(m);
    if (Date.now() - receivedAt > ACK_MAX_AGE_MS) return;
    const incident = outcome.incident;
    const route = await this.repo.replyRoute(incident.id);
    if (!route || route.to !== outcome.message.email.from) return;
    const undeliverable = await sqlOf(this.em)(`select 1 from contacts where email = ? and email_undeliverable_at is not null`, [route.to]);
    if (undeliverable.length > 0) return;
    const channel = await this.channels.byId(route.channelId);
    // (INTERNALDATE has whole seconds, and the mail server's clock may differ from ours by a little.)
    if (receivedAt < channel.createdAt.getTime() - CLOCK_SKEW_MS) return;
    const config = channel.config as unknown as EmailChannelConfig;
    const thread = await this.repo.threadIds(sqlOf(this.em), incident.id);
    const words = acknowledgement(localeOr(route.locale), { name: route.name, reference: incident.reference, mailbox: config.displayName });
    const mail = composeIncidentMail(
      {
        mailbox: config,
        to: route.to,
        text: words.text,
        subjectPrefix: words.subjectPrefix,
        automatic: 'auto-replied',
        thread: { incidentId: incident.id, reference: incident.reference, subject: incident.subject, threadIds: thread.all, inReplyTo: thread.lastInbound },
      },
      this.secrets.replyTokenKey,
    );
    try {
      await this.send({ incidentId: incident.id, channelId: channel.id, body: words.text, mail, kind: 'ack', automatic: true, author: null, flags: ['automatic'], sourceId: outcome.message.id });
    } catch (err) {
      if (!(err instanceof AlreadyQueued)) throw err;
    }
  }

  /**
   * A delivery report about mail we sent: the original outbound message shows "bounced" with the reason,
   * and a permanent failure marks the address undeliverable (no more automatic mail to it).
   */
  async recordBounce(channelId: string, m: InboundMessage): Promise<void> {
    const automatic = (m.meta as EmailMeta | undefined)?.automatic;
    if (automatic?.kind !== 'bounce' || !automatic.originalMessageId) return;
    // Only a report about mail this mailbox really sent, and only for its recipient: anyone can write a
    // "delivery report", and it must not silence other customers.
    const sql = sqlOf(this.em);
    const [sent] = await sql<{ id: string; recipient: string | null }>(
      `select m.id, o.recipient from messages m left join outbox o on o.message_id = m.id
       where m.external_id = ? and m.kind = 'outbound' and m.channel_id = ? limit 1`,
      [automatic.originalMessageId, channelId],
    );
    if (!sent?.recipient) return;
    const recipient = sent.recipient.toLowerCase();
    const about = automatic.recipients.filter((r) => r.address === recipient);
    if (about.length === 0 && !automatic.failedRecipients.includes(recipient)) return;
    const reason = about.map((r) => [r.address, r.status, r.diagnostic].filter(Boolean).join(' ')).join('; ') || `${recipient}: the mail could not be delivered.`;
    await sql(`update messages set delivery_status = 'bounced', delivery_error = ? where id = ?`, [reason.slice(0, 1000), sent.id]);
    await this.incidents.announceMessageChanged(sent.id);
    if (automatic.permanent && automatic.failedRecipients.includes(recipient)) {
      await sql(`update contacts set email_undeliverable_at = now() where email = ? and email_undeliverable_at is null`, [recipient]);
    }
  }

  /**
   * An automatic notice about an incident to someone on the desk's side (a technician let go, a supervisor, a
   * rule's or an SLA's recipient), from the incident's mailbox or else the first active one; on its timeline,
   * once per (kind, sourceId). false: there is no mailbox to send it from.
   */
  async notice(n: { incidentId: string; reference: string; subject: string; to: string; text: string; subjectPrefix: string; kind: string; sourceId: string }): Promise<boolean> {
    const sql = sqlOf(this.em);
    const [mailbox] = await sql<{ id: string }>(
      `select id from channels where kind = 'email' and active order by (id = (select channel_id from incidents where id = ?)) desc nulls last, created_at limit 1`,
      [n.incidentId],
    );
    if (!mailbox) return false;
    const channel = await this.channels.byId(mailbox.id);
    const mail = composeIncidentMail(
      { mailbox: channel.config as unknown as EmailChannelConfig, to: n.to, text: n.text, subjectPrefix: n.subjectPrefix, automatic: 'auto-generated', thread: { incidentId: n.incidentId, reference: n.reference, subject: n.subject, threadIds: [] } },
      this.secrets.replyTokenKey,
    );
    try {
      await this.send({ incidentId: n.incidentId, channelId: channel.id, body: n.text, mail, kind: n.kind, automatic: true, author: null, flags: ['automatic'], sourceId: n.sourceId });
    } catch (err) {
      if (!(err instanceof AlreadyQueued)) throw err;
    }
    return true;
  }

  /** Queues a mail about an incident: an outbound message on its timeline and an outbox row, one transaction. */
  send(o: { incidentId: string; channelId: string; body: string; mail: OutboundMail; kind: string; automatic: boolean; author: { id: string; name: string } | null; flags: MessageFlag[]; sourceId?: string }): Promise<MessageDto> {
    const meta = { from: o.mail.from.address, to: [o.mail.to], cc: [], subject: o.mail.subject, fullText: o.mail.text, automatic: { kind: o.automatic ? 'auto-reply' : 'human' } };
    return this.outbound.queue({ ...o, channelKind: 'email', recipient: o.mail.to, externalId: o.mail.messageId, meta });
  }
}
