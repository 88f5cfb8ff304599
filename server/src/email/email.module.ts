import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { SlaModule } from '../sla/sla.module.js';
import type { InboundMessage } from '../../../channels/core/index.js';
import type { Channel } from '../channels/channel.entity.js';
import type { InboundOutcome } from '../incidents/incidents.service.js';
import { IngestService } from '../ingest/ingest.service.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { TwilioModule } from '../twilio/twilio.module.js';
import { EmailReplies } from './email-replies.service.js';
import { EmailSender } from './email-sender.js';
import { MailboxSyncRepository } from './mailbox-sync.repository.js';
import { MailboxSyncService } from './mailbox-sync.service.js';
import { RepliesController } from './replies.controller.js';
import { ServiceOrdersController } from './service-orders.controller.js';
import { QuarantinedMail } from './quarantined-mail.js';
import { ServiceOrders } from './service-orders.service.js';

/** The e-mail channel's moving parts: the mailbox sync (IMAP in), replies, acknowledgements and service orders (SMTP out). */
@Module({
  imports: [ChannelsModule, IngestModule, IncidentsModule, OutboxModule, TwilioModule, SlaModule],
  controllers: [RepliesController, ServiceOrdersController],
  providers: [MailboxSyncService, MailboxSyncRepository, EmailReplies, EmailSender, ServiceOrders, QuarantinedMail],
  exports: [MailboxSyncService, MailboxSyncRepository, EmailReplies],
})
export class EmailModule implements OnModuleInit {
  private readonly log = new Logger('Email');

  constructor(
    private readonly ingest: IngestService,
    private readonly replies: EmailReplies,
  ) {}

  /** A new request by e-mail gets its acknowledgement once stored (where it was ingested). */
  onModuleInit(): void {
    this.ingest.committed.on('inbound', (outcome: InboundOutcome, m: InboundMessage, channel: Channel) => {
      if (m.kind !== 'email') return;
      void this.replies.acknowledge(outcome, m).catch((err: Error) => this.log.warn(`acknowledgement not queued: ${err.message}`));
      void this.replies.recordBounce(channel.id, m).catch((err: Error) => this.log.warn(`bounce not recorded: ${err.message}`));
    });
  }
}
