import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { CallRecorder } from './call-recorder.service.js';
import { CallsController } from './calls.controller.js';
import { CallsRepository } from './calls.repository.js';
import { CallsService } from './calls.service.js';

/** Phone calls: the call log, calls on timelines, the pop-up (events in: the phone webhooks in ingest). */
@Module({ imports: [IncidentsModule, CustomersModule, WorkflowModule], controllers: [CallsController], providers: [CallsRepository, CallRecorder, CallsService], exports: [CallRecorder] })
export class CallsModule {}
