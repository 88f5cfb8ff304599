import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { AssignmentController } from './assignment.controller.js';
import { AssignmentRepository } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';

/** Offering incidents to the most qualified free technician; profiles, absences, service types, workload. */
@Module({ imports: [IncidentsModule, WorkflowModule], controllers: [AssignmentController], providers: [AssignmentRepository, AssignmentService], exports: [AssignmentService] })
export class AssignmentModule {}
