import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { CalendarDto, SlaPolicyDto } from '../contracts/sla.js';
import { PRIORITIES } from '../domain/incident-state.js';
import { SlaService } from './sla.service.js';

const minutes = z.number().int('whole minutes').min(1, 'at least 1 minute').max(525_600, 'at most a year').nullable();
const on = z.enum(['warning', 'breached'], { error: 'must be "warning" or "breached"' });
const Action = z.discriminatedUnion('do', [
  z.object({ on, do: z.literal('alert') }).strict(),
  z.object({ on, do: z.literal('notify'), to: z.string().trim().toLowerCase().email('must be an e-mail address') }).strict(),
  z.object({ on, do: z.literal('set-priority'), priority: z.enum(PRIORITIES) }).strict(),
]);
const Policy = z
  .object({
    name: z.string().trim().min(1, 'required').max(120),
    firstResponseMinutes: minutes.default(null),
    resolutionMinutes: minutes.default(null),
    warnAtPercent: z.number().int().min(1).max(100).default(80),
    calendarId: z.string().uuid('must be an id').nullable().default(null),
    actions: z.array(Action).max(20).default([]),
  })
  .strict();
const Calendar = z
  .object({ name: z.string().trim().min(1, 'required').max(120), timeZone: z.string(), hours: z.record(z.string(), z.unknown()), holidays: z.array(z.string()).max(400).default([]) })
  .strict();

@ApiTags('sla')
@ApiCookieAuth()
@Controller('api/sla')
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  @Get('policies')
  @Roles('admin', 'agent')
  policies(): Promise<SlaPolicyDto[]> {
    return this.sla.policies();
  }

  @Post('policies')
  @Roles('admin')
  @ApiOperation({ summary: 'A policy: first-response and resolution targets (minutes of its calendar), warning point, actions on warning and breach' })
  createPolicy(@Body() body: unknown): Promise<SlaPolicyDto> {
    return this.sla.savePolicy(parse(Policy, body));
  }

  @Put('policies/:id')
  @Roles('admin')
  updatePolicy(@Param('id') id: string, @Body() body: unknown): Promise<SlaPolicyDto> {
    return this.sla.savePolicy(parse(Policy, body), id);
  }

  @Delete('policies/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a policy no incident and no rule uses (409 with inUse otherwise)' })
  deletePolicy(@Param('id') id: string): Promise<void> {
    return this.sla.deletePolicy(id);
  }

  @Get('calendars')
  @Roles('admin', 'agent')
  calendars(): Promise<CalendarDto[]> {
    return this.sla.calendars();
  }

  @Post('calendars')
  @Roles('admin')
  @ApiOperation({ summary: 'A business calendar: time zone, weekly hours ({mon: [["09:00","18:00"]]}), holidays (YYYY-MM-DD)' })
  createCalendar(@Body() body: unknown): Promise<CalendarDto> {
    return this.sla.saveCalendar(parse(Calendar, body) as Omit<CalendarDto, 'id'>);
  }

  @Put('calendars/:id')
  @Roles('admin')
  updateCalendar(@Param('id') id: string, @Body() body: unknown): Promise<CalendarDto> {
    return this.sla.saveCalendar(parse(Calendar, body) as Omit<CalendarDto, 'id'>, id);
  }

  @Delete('calendars/:id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Deletes a calendar no policy counts in (409 with inUse otherwise)' })
  deleteCalendar(@Param('id') id: string): Promise<void> {
    return this.sla.deleteCalendar(id);
  }
}
