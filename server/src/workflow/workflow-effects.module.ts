import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module.js';
import { EmailModule } from '../email/email.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { OutboxModule } from '../outbox/outbox.module.js';
import { WorkflowEffects } from './effects.service.js';
import { WorkflowModule } from './workflow.module.js';

/** The effects of rules that reach outside (mail, SMS): apart from WorkflowModule, which intake needs and e-mail depends on. */
@Module({ imports: [WorkflowModule, EmailModule, OutboxModule, ChannelsModule, IncidentsModule], providers: [WorkflowEffects] })
export class WorkflowEffectsModule {}
