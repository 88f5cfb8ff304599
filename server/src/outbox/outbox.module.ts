import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { OutboxRepository } from './outbox.repository.js';
import { OutboundMessages } from './outbound-messages.service.js';
import { OutboxService } from './outbox.service.js';

/** Mail and messages to send, sent by workers; channels register how they send (OutboxService.register). */
@Module({
  imports: [ChannelsModule, IncidentsModule],
  providers: [OutboxService, OutboxRepository, OutboundMessages],
  exports: [OutboxService, OutboundMessages],
})
export class OutboxModule {}
