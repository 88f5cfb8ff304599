import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { MessagingReplies } from './messaging-replies.service.js';
import { TwilioSender } from './twilio-sender.js';

/** SMS and WhatsApp out through Twilio (in: the webhook in ingest). */
@Module({ imports: [IncidentsModule, OutboxModule], providers: [TwilioSender, MessagingReplies], exports: [MessagingReplies] })
export class TwilioModule {}
