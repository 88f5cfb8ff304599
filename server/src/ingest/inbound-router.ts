import { Inject, Injectable } from '@nestjs/common';
import type { InboundMessage } from '../../../channels/core/index.js';
import { readTechnicianReply, type AutomaticClassification, type EmailMeta } from '../../../channels/email/index.js';
import { readSmsAnswer, REFERENCE_IN_TEXT } from '../../../channels/twilio-sms/index.js';
import type { Channel } from '../channels/channel.entity.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { ContactDto, MessageDto, MessageFlag, Role, SenderKind } from '../contracts/api.js';
import { ContactsService } from '../customers/contacts.service.js';
import type { Sql } from '../database/sql.js';
import { extractTokensFromAddresses, replyTokenIsForTechnician, verifyReplyToken, type ReplyTokenPayload } from '../domain/reply-token.js';
import { referencedMessageIds, subjectReference, tokenAddresses } from '../domain/threading.js';
import { domainOf, type EmailChannelConfig } from '../email/email-settings.js';
import type { InboundMessageColumns } from '../incidents/incidents.repository.js';

/** The incident columns a thread needs (ThreadIncident), for `incidents i`. */
/** `merged_end`: the incident of id ? or, if it was merged, the one it ended in (a chain of merges, bounded). */
const MERGED_END = `with recursive chain(id, merged_into_id, depth) as (
    select id, merged_into_id, 0 from incidents where id = ?
    union all select i.id, i.merged_into_id, c.depth + 1 from incidents i join chain c on i.id = c.merged_into_id where c.depth < 20),
  merged_end as (select id from chain where merged_into_id is null limit 1)`;
const THREAD_COLUMNS = `i.id, i.reference, i.status, i.contact_id as "contactId", i.customer_id as "customerId", i.assignee_id as "assigneeId"`;

interface ThreadIncident {
  id: string;
  reference: string;
  status: string;
  contactId: string | null;
  customerId: string | null;
  assigneeId: string | null;
}

export interface Route {
  /** The incident it joins; null: a new incident. */
  thread: { incident: ThreadIncident; via: 'token' | 'references' | 'subject' | 'conversation' | 'service-order'; token?: ReplyTokenPayload } | null;
  /** The contact who wrote (null when a user wrote). */
  contact: ContactDto | null;
  /** The contact was created by this message (in its transaction): nothing of theirs exists yet. */
  newContact: boolean;
  user: { id: string; name: string; role: Role } | null;
  author: MessageDto['author'];
  columns: InboundMessageColumns;
  /** The assigned technician answered their service order by reply. */
  answer: { technicianId: string; answer: 'confirmed' | 'declined' } | null;
}

/**
 * ingest's "who wrote, and about what" step: recognises the sender (a user by any of their addresses, else
 * a contact, created when new) and, for e-mail, finds the incident a reply belongs to (domain/threading.ts).
 */
@Injectable()
export class InboundRouter {
  constructor(
    private readonly contacts: ContactsService,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async route(sql: Sql, channel: Channel, m: InboundMessage): Promise<Route> {
    const user =
      m.kind === 'email' && m.from.email
        ? await this.userByAddress(sql, m.from.email)
        : (m.kind === 'sms' || m.kind === 'whatsapp') && m.from.phone
          ? await this.userByPhone(sql, m.from.phone)
          : null;
    const identified = user ? null : await this.contacts.identifyOrCreate(sql, m.from, m.locale);
    const contact = identified?.contact ?? null;
    const messaging = m.kind === 'sms' || m.kind === 'whatsapp';
    // A technician texting from their registered number answers their pending service order.
    const order = messaging && user?.role === 'technician' ? await this.pendingOrder(sql, user.id, m.text) : null;
    const thread = m.kind === 'email' ? await this.thread(sql, channel, m, contact, user) : order ? order : messaging && contact ? await this.conversation(sql, channel, contact) : null;
    const flags: MessageFlag[] = [];
    const automatic = (m.meta as EmailMeta | undefined)?.automatic as AutomaticClassification | undefined;
    if (automatic && automatic.kind !== 'human') flags.push('automatic');
    if (automatic?.kind === 'bounce') flags.push('bounce');
    const senderKind = this.senderKind(user, contact, thread?.incident ?? null);
    let answer: Route['answer'] = null;
    if (order && user) {
      // The number is theirs (registered), the order is theirs and pending: "1" / "2" or the words.
      const decision = readSmsAnswer(m.text);
      if (decision === 'unclear') flags.push('needs-attention');
      else {
        flags.push(decision);
        answer = { technicianId: user.id, answer: decision };
      }
    } else if (thread?.token?.purpose === 'service-order') {
      // Acts only with a valid token bound to this technician AND mail from one of their addresses, on the
      // assignment that is still theirs; anything else with such a token is suspicious (a forwarded or stolen one).
      const authorized = user?.role === 'technician' && replyTokenIsForTechnician(thread.token, user.id) && thread.incident.assigneeId === user.id;
      if (!authorized) flags.push('suspicious');
      else if (!automatic || automatic.kind === 'human') {
        const reading = readTechnicianReply(m.text);
        if (reading.decision === 'unclear') flags.push('needs-attention');
        else {
          flags.push(reading.decision);
          answer = { technicianId: user.id, answer: reading.decision };
        }
      }
    }
    return {
      thread,
      answer,
      contact,
      newContact: identified?.created ?? false,
      user,
      author: user ? { type: 'user', id: user.id, name: user.name } : { type: 'contact', id: contact!.id, name: contact!.name },
      columns: {
        authorContactId: contact?.id ?? null,
        authorUserId: user?.id ?? null,
        senderKind,
        externalId: m.threading?.messageId ?? null,
        meta: m.kind === 'email' ? { ...m.meta, from: m.from.email ?? null, subject: m.subject ?? null } : (m.meta ?? null),
        flags,
      },
    };
  }

  private senderKind(user: Route['user'], contact: ContactDto | null, incident: ThreadIncident | null): SenderKind {
    if (user) return user.role === 'technician' ? 'technician' : 'agent';
    if (!contact) return 'unknown';
    if (!incident || incident.contactId === contact.id) return 'customer';
    if (incident.customerId && contact.customerId === incident.customerId) return 'contact';
    return 'unknown';
  }

  private async userByPhone(sql: Sql, phone: string): Promise<Route['user']> {
    const [u] = await sql<{ id: string; name: string; role: Role }>(`select id, name, role from users where active and phone = ? limit 1`, [phone]);
    return u ?? null;
  }

  /**
   * The service order a technician's text answers: the one whose reference it names ("1 SB-1042"), else the
   * one sent to them last, of those still awaiting their answer. (Not the incident updated last: a customer's
   * message on another pending order must not make "1" confirm that one.)
   */
  private async pendingOrder(sql: Sql, technicianId: string, text: string): Promise<Route['thread']> {
    const named = REFERENCE_IN_TEXT.exec(text);
    const [row] = await sql<ThreadIncident>(
      `select ${THREAD_COLUMNS}
       from incidents i
       where i.assignee_id = ? and i.assignment_status = 'pending' and i.status <> 'closed'
       order by (i.reference = ?) desc, (select max(o.created_at) from outbox o where o.kind in ('service-order', 'service-order-sms') and o.source_id = i.assignment_id) desc nulls last, i.updated_at desc limit 1`,
      [technicianId, named ? `SB-${named[1]}` : ''],
    );
    return row ? { incident: row, via: 'service-order' } : null;
  }

  private async userByAddress(sql: Sql, email: string): Promise<Route['user']> {
    const [u] = await sql<{ id: string; name: string; role: Role }>(`select id, name, role from users where active and (email = ? or ? = any(extra_emails)) limit 1`, [email, email]);
    return u ?? null;
  }

  private async thread(sql: Sql, channel: Channel, m: InboundMessage, contact: ContactDto | null, user: Route['user']): Promise<Route['thread']> {
    const config = channel.config as unknown as EmailChannelConfig;
    const meta = m.meta as EmailMeta | undefined;
    // 1. a signed token in an address of this mailbox
    const candidates = extractTokensFromAddresses(tokenAddresses(config.address, { deliveredTo: meta?.deliveredTo, to: meta?.to, cc: meta?.cc }), domainOf(config.address));
    for (const token of candidates) {
      const v = verifyReplyToken(token, this.secrets.replyTokenKey);
      if (!v.ok) continue;
      // Its incident, or the one it was merged into (at any depth): a merge combines the timelines.
      const incident = await this.incident(sql, channel.id, 'i.id = (select id from merged_end)', [v.payload.incidentId], MERGED_END);
      if (incident) return { incident, via: 'token', token: v.payload };
    }
    // 2. In-Reply-To / References against mail stored or sent on this mailbox (a bounce: the returned mail's id)
    const automatic = meta?.automatic as AutomaticClassification | undefined;
    const returned = automatic?.kind === 'bounce' && automatic.originalMessageId ? [automatic.originalMessageId] : [];
    const ids = [...returned, ...referencedMessageIds(m.threading)];
    if (ids.length > 0) {
      const rows = await sql<{ incident_id: string; external_id: string }>(`select incident_id, external_id from messages where channel_id = ? and external_id = any(?)`, [channel.id, ids]);
      const best = ids.map((id) => rows.find((r) => r.external_id === id)).find(Boolean);
      const incident = best ? await this.incident(sql, channel.id, 'i.id = ?', [best.incident_id]) : null;
      if (incident) return { incident, via: 'references' };
    }
    // 3. the subject tag, only for someone already taking part
    const reference = subjectReference(m.subject);
    if (reference) {
      const incident = await this.incident(sql, channel.id, 'i.reference = ?', [reference]);
      if (incident && (await this.takesPart(sql, incident, contact, user))) return { incident, via: 'subject' };
    }
    return null;
  }

  /** SMS and WhatsApp: the sender's open incident on this channel, if it was active within the window. */
  private async conversation(sql: Sql, channel: Channel, contact: ContactDto): Promise<Route['thread']> {
    const [row] = await sql<ThreadIncident>(
      `select ${THREAD_COLUMNS}
       from incidents i where i.contact_id = ? and i.channel_id = ? and i.status not in ('resolved', 'closed')
       and i.last_message_at > now() - (? * interval '1 hour') order by i.last_message_at desc limit 1`,
      [contact.id, channel.id, this.config.messagingThreadHours],
    );
    return row ? { incident: row, via: 'conversation' } : null;
  }

  /**
   * An incident of this mailbox (opened from it, or with mail in or out through it): a token, a Message-ID
   * or a tag never reaches across mailboxes. A thread never continues a closed incident: a new message
   * about it starts a new one.
   */
  private async incident(sql: Sql, channelId: string, where: string, params: unknown[], withClause = ''): Promise<ThreadIncident | null> {
    const [row] = await sql<ThreadIncident>(
      `${withClause} select ${THREAD_COLUMNS}
       from incidents i where ${where} and i.status <> 'closed'
       and (i.channel_id = ? or exists (select 1 from messages m where m.incident_id = i.id and m.channel_id = ?))`,
      [...params, channelId, channelId],
    );
    return row ?? null;
  }

  private async takesPart(sql: Sql, incident: ThreadIncident, contact: ContactDto | null, user: Route['user']): Promise<boolean> {
    if (contact && incident.contactId === contact.id) return true;
    const [row] = await sql(
      `select 1 from incidents i where i.id = ? and (i.assignee_id = ? or exists (
         select 1 from messages m where m.incident_id = i.id and (m.author_contact_id = ? or m.author_user_id = ?)))`,
      [incident.id, user?.id ?? null, contact?.id ?? null, user?.id ?? null],
    );
    return Boolean(row);
  }
}
