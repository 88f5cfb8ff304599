import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { IngestModule } from '../ingest/ingest.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { MessagingReplies } from './messaging-replies.service.js';
import { SmsServiceOrders } from './sms-service-orders.service.js';
import { TwilioMedia } from './twilio-media.service.js';
import { TwilioSender } from './twilio-sender.js';

/** SMS and WhatsApp through Twilio: replies out, media of inbound messages (in: the webhook in ingest). */
@Module({ imports: [IncidentsModule, OutboxModule, IngestModule, ChannelsModule, AttachmentsModule], providers: [TwilioSender, MessagingReplies, TwilioMedia, SmsServiceOrders], exports: [MessagingReplies] })
export class TwilioModule {}
