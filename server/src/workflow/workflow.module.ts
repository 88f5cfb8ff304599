import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { RulesController } from './rules.controller.js';
import { RulesRepository } from './rules.repository.js';
import { WorkflowService } from './workflow.service.js';

/** Workflow rules: stored, edited by admins, evaluated on incidents (their effects are carried out by the channels' modules). */
@Module({ imports: [IncidentsModule, SlaModule], controllers: [RulesController], providers: [RulesRepository, WorkflowService], exports: [WorkflowService] })
export class WorkflowModule {}
