import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CallsModule } from '../calls/calls.module.js';
import { ChannelsModule } from '../channels/channels.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { DuplicatesModule } from '../duplicates/duplicates.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { InboundEventsController } from './inbound-events.controller.js';
import { InboundEventsRepository } from './inbound-events.repository.js';
import { IngestJobs } from './ingest.jobs.js';
import { InboundRouter } from './inbound-router.js';
import { IngestService } from './ingest.service.js';
import { PhoneWebhookController } from './phone.controller.js';
import { TwilioWebhookController } from './twilio.controller.js';
import { WebformController } from './webform.controller.js';

@Module({
  imports: [ChannelsModule, CustomersModule, IncidentsModule, DuplicatesModule, WorkflowModule, AttachmentsModule, CallsModule],
  controllers: [WebformController, TwilioWebhookController, PhoneWebhookController, InboundEventsController],
  providers: [IngestService, IngestJobs, InboundRouter, InboundEventsRepository],
  exports: [IngestService],
})
export class IngestModule {}
