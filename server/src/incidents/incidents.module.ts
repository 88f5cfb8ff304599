import { Module } from '@nestjs/common';
import { DuplicatesRepository } from '../duplicates/duplicates.repository.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsRepository } from './incidents.repository.js';
import { IncidentsService } from './incidents.service.js';

@Module({ controllers: [IncidentsController], providers: [IncidentsService, IncidentsRepository, DuplicatesRepository], exports: [IncidentsService, IncidentsRepository, DuplicatesRepository] })
export class IncidentsModule {}
