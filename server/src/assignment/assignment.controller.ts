import { BadRequestException, Body, ConflictException, Controller, Delete, Get, HttpCode, Inject, NotFoundException, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { AbsenceDto, AssignBestResult, CandidatesDto, ServiceTypeDto, TechnicianProfileDto, WorkloadDto } from '../contracts/assignment.js';
import { inTransaction, sqlOf } from '../database/sql.js';
import { isValidTimeZone, weeklyHoursProblems } from '../domain/sla/index.js';
import { isUuid } from '../incidents/incidents.repository.js';
import { AssignmentRepository, DEFAULT_CAPACITY, DEFAULT_HOURS } from './assignment.repository.js';
import { AssignmentService } from './assignment.service.js';

const Skills = z.record(z.string().trim().min(1).max(60), z.number().int('a whole level').min(1, 'levels go from 1 to 5').max(5, 'levels go from 1 to 5'));
const Profile = z
  .object({
    skills: Skills.default({}),
    zones: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    capacity: z.number().int().min(0).max(100).default(DEFAULT_CAPACITY),
    workingHours: z.unknown(),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone, e.g. Europe/Madrid').optional(),
  })
  .strict();
const Absence = z
  .object({ from: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }), to: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }), reason: z.string().trim().max(200).optional() })
  .strict()
  .refine((a) => new Date(a.to) > new Date(a.from), { message: 'must be after from', path: ['to'] });
const ServiceType = z.object({ requiredSkills: Skills }).strict();

/** Technicians' profiles and absences, service types' skills, the workload, and assigning the best technician. */
@ApiTags('assignment')
@ApiCookieAuth()
@Controller('api')
export class AssignmentController {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly repo: AssignmentRepository,
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('incidents/:id/assign-best')
  @HttpCode(200)
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'Offer the incident to the most qualified free technician not offered it yet' })
  assignBest(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<AssignBestResult> {
    return this.assignment.assignBest(id, viewer);
  }

  @Get('incidents/:id/candidates')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'Who would get it, in order, and why the others would not' })
  async candidates(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<CandidatesDto> {
    const { candidates, rejected } = await this.assignment.rank(id, viewer);
    return { candidates, rejected };
  }

  @Get('workload')
  @Roles('admin', 'agent')
  @ApiOperation({ summary: 'Each technician: open assignments, offers awaiting an answer, capacity, available now' })
  workload(): Promise<WorkloadDto[]> {
    return this.assignment.workload();
  }

  @Get('technicians/:id/profile')
  @Roles('admin', 'agent')
  async profile(@Param('id') id: string): Promise<TechnicianProfileDto> {
    const [t] = isUuid(id) ? await this.repo.technicians(sqlOf(this.em), this.config.timeZone, new Date(), [id]) : [];
    if (!t) throw new NotFoundException(`No active technician ${id}.`);
    return { skills: t.skills, zones: t.zones, capacity: t.capacity, workingHours: t.workingHours, timeZone: t.timeZone };
  }

  @Put('technicians/:id/profile')
  @Roles('admin')
  @ApiOperation({ summary: 'Skills (levels 1-5), zones, capacity, working hours and time zone of a technician' })
  async setProfile(@Param('id') id: string, @Body() body: unknown): Promise<TechnicianProfileDto> {
    const p = parse(Profile, body);
    const hours = p.workingHours ?? DEFAULT_HOURS;
    const problems = weeklyHoursProblems(hours, 'workingHours');
    if (problems.length) throw new BadRequestException({ message: `Working hours: ${problems.map((x) => `${x.path}: ${x.message}`).join('; ')}`, fields: Object.fromEntries(problems.map((x) => [x.path, x.message])) });
    await this.assertTechnician(id);
    await this.repo.upsertProfile(sqlOf(this.em), id, { skills: p.skills, zones: p.zones, capacity: p.capacity, workingHours: hours as TechnicianProfileDto['workingHours'], timeZone: p.timeZone ?? this.config.timeZone });
    this.assignment.announceWorkload('profile', id);
    return this.profile(id);
  }

  @Get('technicians/:id/absences')
  @Roles('admin', 'agent')
  absences(@Param('id') id: string): Promise<AbsenceDto[]> {
    if (!isUuid(id)) throw new NotFoundException(`No technician ${id}.`);
    return this.repo.absences(sqlOf(this.em), id);
  }

  @Post('technicians/:id/absences')
  @Roles('admin')
  @ApiOperation({ summary: 'An absence (holiday, sick leave): not offered anything then' })
  async addAbsence(@Param('id') id: string, @Body() body: unknown): Promise<AbsenceDto[]> {
    const a = parse(Absence, body);
    await this.assertTechnician(id);
    await this.repo.addAbsence(sqlOf(this.em), id, { from: new Date(a.from), to: new Date(a.to), reason: a.reason ?? null });
    this.assignment.announceWorkload('absence', id);
    return this.repo.absences(sqlOf(this.em), id);
  }

  @Delete('technicians/:id/absences/:absenceId')
  @Roles('admin')
  @HttpCode(204)
  async removeAbsence(@Param('id') id: string, @Param('absenceId') absenceId: string): Promise<void> {
    if (!isUuid(id) || !isUuid(absenceId) || !(await this.repo.removeAbsence(sqlOf(this.em), id, absenceId))) throw new NotFoundException(`No absence ${absenceId}.`);
    this.assignment.announceWorkload('absence', id);
  }

  @Get('service-types')
  @Roles('admin', 'agent')
  serviceTypes(): Promise<ServiceTypeDto[]> {
    return this.repo.serviceTypes(sqlOf(this.em));
  }

  @Put('service-types/:name')
  @Roles('admin')
  @ApiOperation({ summary: 'The skills (minimum levels) a service type needs' })
  async setServiceType(@Param('name') name: string, @Body() body: unknown): Promise<ServiceTypeDto[]> {
    const clean = name.trim();
    if (!clean || clean.length > 100) throw new BadRequestException({ message: 'A service type needs a name of at most 100 characters.', fields: { name: 'required' } });
    const { requiredSkills } = parse(ServiceType, body);
    const saved = await inTransaction(this.em, (sql) => this.repo.upsertServiceType(sql, clean, requiredSkills));
    if (saved?.twin) throw new ConflictException({ message: `A service type "${saved.twin}" exists already: edit that one (types are matched without regard to case).`, fields: { name: `"${saved.twin}" exists already` } });
    return this.repo.serviceTypes(sqlOf(this.em));
  }

  @Delete('service-types/:name')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a service type no open incident and no rule uses (409 with inUse otherwise)' })
  async deleteServiceType(@Param('name') name: string): Promise<void> {
    await inTransaction(this.em, async (sql) => {
      const use = await this.repo.serviceTypeUse(sql, name);
      if (!use) throw new NotFoundException(`No service type "${name}" (the name must be written exactly as it is listed).`);
      if (use.incidents > 0 || use.rules.length > 0) {
        const why = [use.incidents > 0 ? `${use.incidents} open incident(s) are of this type` : null, use.rules.length ? `rules set it: ${use.rules.join(', ')}` : null].filter(Boolean).join('; ');
        throw new ConflictException({ message: `The service type "${use.name}" is in use (${why}): close or retype those incidents and change those rules first.`, inUse: { incidents: use.incidents, rules: use.rules } });
      }
      await this.repo.deleteServiceType(sql, name);
    });
  }

  private async assertTechnician(id: string): Promise<void> {
    const rows = isUuid(id) ? await sqlOf(this.em)(`select 1 from users where id = ? and role = 'technician'`, [id]) : [];
    if (!rows.length) throw new NotFoundException(`No technician ${id}.`);
  }
}
