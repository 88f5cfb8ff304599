import { Module } from '@nestjs/common';
import { IncidentsModule } from '../incidents/incidents.module.js';
import { SlaController } from './sla.controller.js';
import { SlaRepository } from './sla.repository.js';
import { SlaService } from './sla.service.js';

/** SLA policies and calendars, the clocks on incidents, warnings and breaches once each. */
@Module({ imports: [IncidentsModule], controllers: [SlaController], providers: [SlaRepository, SlaService], exports: [SlaService] })
export class SlaModule {}
