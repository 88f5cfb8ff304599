import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { WorkflowModule } from '../workflow/workflow.module.js';
import { DuplicatesController } from './duplicates.controller.js';
import { DuplicatesService } from './duplicates.service.js';

/** One problem, one incident: duplicate detection for intake, suggestions, merge and unmerge (the repository lives with incidents). */
@Module({ imports: [IncidentsModule, WorkflowModule], controllers: [DuplicatesController], providers: [DuplicatesService], exports: [DuplicatesService] })
export class DuplicatesModule {}
