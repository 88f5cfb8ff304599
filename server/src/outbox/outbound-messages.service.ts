import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { ChannelKind, MessageDto, MessageFlag } from '../contracts/api.js';
import { inTransaction } from '../database/sql.js';
import { preview, toEmailDto } from '../incidents/incident.mapper.js';
import { IncidentsRepository } from '../incidents/incidents.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { OutboxService } from './outbox.service.js';

/** An automatic message of this kind for this source exists already. */
export class AlreadyQueued extends Error {
  constructor() {
    super('already queued');
  }
}

const SUPPRESSED = 'Not sent: too many automatic messages to this address within an hour.';

export interface QueuedMessage {
  incidentId: string;
  channelId: string;
  channelKind: ChannelKind;
  /** The text shown on the timeline. */
  body: string;
  /** What the channel's sender needs (OutboundMail, OutboundText ...), stored on the outbox row. */
  mail: unknown;
  recipient: string;
  /** Known before sending (an e-mail's Message-ID); else the provider's id once accepted. */
  externalId: string | null;
  meta: Record<string, unknown>;
  kind: string;
  automatic: boolean;
  author: { id: string; name: string } | null;
  flags: MessageFlag[];
  sourceId?: string;
}

/**
 * A message Switchboard sends on an incident (a reply, an acknowledgement, a service order, an SMS): an
 * outbound message on its timeline and an outbox row, in one transaction; a worker sends it.
 */
@Injectable()
export class OutboundMessages {
  private readonly log = new Logger('Outbound');

  constructor(
    private readonly em: EntityManager,
    private readonly repo: IncidentsRepository,
    private readonly incidents: IncidentsService,
    private readonly outbox: OutboxService,
  ) {}

  /** Throws AlreadyQueued when an automatic message for this source exists. */
  async queue(o: QueuedMessage): Promise<MessageDto> {
    const at = new Date();
    const messageId = randomUUID();
    const outboxId = randomUUID();
    let status: 'queued' | 'suppressed' = 'queued';
    let statusChanged = false;
    await inTransaction(this.em, async (sql) => {
      const made = await this.repo.appendOutbound(sql, {
        incidentId: o.incidentId,
        messageId,
        channelKind: o.channelKind,
        channelId: o.channelId,
        body: o.body,
        preview: preview(o.body),
        authorUserId: o.author?.id ?? null,
        byAgent: o.author !== null,
        externalId: o.externalId,
        meta: o.meta,
        flags: o.flags,
        deliveryStatus: 'queued',
        at,
      });
      statusChanged = made.statusChanged;
      const queued = await this.outbox.enqueue(sql, { id: outboxId, messageId, sourceId: o.sourceId ?? null, channelId: o.channelId, kind: o.kind, automatic: o.automatic, recipient: o.recipient, mail: o.mail });
      if (!queued) throw new AlreadyQueued(); // rolls the message back too
      status = queued;
      if (queued === 'suppressed') await sql(`update messages set delivery_status = 'failed', delivery_error = ? where id = ?`, [SUPPRESSED, messageId]);
    });
    const message: MessageDto = {
      id: messageId,
      incidentId: o.incidentId,
      kind: 'outbound',
      channelKind: o.channelKind,
      body: o.body,
      author: o.author ? { type: 'user', id: o.author.id, name: o.author.name } : { type: 'system', id: null, name: 'Switchboard' },
      senderKind: null,
      call: null,
      flags: o.flags,
      email: o.channelKind === 'email' ? toEmailDto(o.meta) : null,
      attachments: [],
      delivery: status === 'queued' ? { status: 'queued', error: null } : { status: 'failed', error: SUPPRESSED },
      createdAt: at.toISOString(),
    };
    if (status === 'queued') await this.outbox.kick(outboxId);
    await this.incidents.announceOutbound(o.incidentId, message, o.author, statusChanged).catch((err: Error) => this.log.warn(`message not announced: ${err.message}`));
    return message;
  }
}
