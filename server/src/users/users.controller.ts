import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import { LOCALES, ROLES, type DepartmentDto, type UserDto } from '../contracts/api.js';
import { toDepartmentDto, toUserDto } from './user.mapper.js';
import { UsersService } from './users.service.js';

const NewUserBody = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an e-mail address').max(254),
    name: z.string().trim().min(1, 'required').max(200),
    password: z.string().min(10, 'must be at least 10 characters').max(200),
    role: z.enum(ROLES),
    locale: z.enum(LOCALES).default('es'),
    departmentIds: z.array(z.string().uuid('must be an id')).max(50).default([]),
    /** More addresses the person writes from (a technician's phone): their replies are recognised as theirs. */
    extraEmails: z.array(z.string().trim().toLowerCase().email('must be an e-mail address').max(254)).max(10).default([]),
    /** A mobile number in E.164 (+34600111222): service orders by SMS, answered from it. */
    phone: z.string().trim().regex(/^\+[1-9]\d{6,14}$/, 'must be a number in E.164, e.g. +34600111222').optional(),
  })
  .strict();
const NewDepartmentBody = z.object({ name: z.string().trim().min(1, 'required').max(120) }).strict();
const DedupPolicy = z
  .object({
    windowHours: z.number().int('whole hours').min(1, 'at least 1 hour').max(720, 'at most 720 hours (30 days)'),
    joinAt: z.number().min(0.05, 'between 0.05 and 1').max(1, 'between 0.05 and 1'),
    suggestAt: z.number().min(0.05, 'between 0.05 and 1').max(1, 'between 0.05 and 1'),
  })
  .strict()
  .refine((p) => p.suggestAt <= p.joinAt, { message: 'must not be above joinAt (below it a request is only suggested)', path: ['suggestAt'] });
const DepartmentPatchBody = z
  .object({
    name: z.string().trim().min(1, 'required').max(120).optional(),
    dedup: DedupPolicy.nullable().optional(),
    supervisorId: z.string().uuid('must be an id').nullable().optional(),
    offerMinutes: z.number().int('whole minutes').min(1, 'at least 1 minute').max(10_080, 'at most a week').optional(),
  })
  .strict();

@ApiTags('users')
@ApiCookieAuth()
@Controller('api')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  async list(): Promise<UserDto[]> {
    return (await this.users.list()).map((u) => toUserDto(u));
  }

  @Post('users')
  @Roles('admin')
  async create(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<UserDto> {
    const input = parse(NewUserBody, body);
    return toUserDto(await this.users.create(input, viewer.user), input.departmentIds);
  }

  @Get('departments')
  async departments(): Promise<DepartmentDto[]> {
    return (await this.users.listDepartments()).map(toDepartmentDto);
  }

  @Patch('departments/:id')
  @Roles('admin')
  async updateDepartment(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<DepartmentDto> {
    return toDepartmentDto(await this.users.updateDepartment(id, parse(DepartmentPatchBody, body), viewer.user));
  }

  @Post('departments')
  @Roles('admin')
  async createDepartment(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<DepartmentDto> {
    return toDepartmentDto(await this.users.createDepartment(parse(NewDepartmentBody, body).name, viewer.user));
  }
}
