import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import { CALL_OUTCOMES, type CallDto, type CallLogEntryDto } from '../contracts/api.js';
import { CallsService } from './calls.service.js';

const ListQuery = z.object({
  contactId: z.string().uuid('must be an id').optional(),
  outcome: z.enum(CALL_OUTCOMES).optional(),
  before: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const ManualCall = z
  .object({
    incidentId: z.string().uuid('must be an id').optional(),
    contactId: z.string().uuid('must be an id').optional(),
    direction: z.enum(['in', 'out'], { error: 'must be "in" or "out"' }),
    number: z.string().trim().min(3, 'must be a phone number').max(40).optional(),
    durationSeconds: z.number().int('whole seconds').min(0).max(86_400).optional(),
    outcome: z.enum(['answered', 'missed', 'busy', 'failed'], { error: 'must be answered, missed, busy or failed' }),
    notes: z.string().max(10_000).optional(),
    startedAt: z.iso.datetime({ offset: true, error: 'must be an ISO date-time' }).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.incidentId) !== Boolean(v.contactId), { message: 'give the incident or the contact the call was with (one of them)', path: ['incidentId'] });

const Attach = z.object({ incidentId: z.string().uuid('must be an id').optional() }).strict();

@ApiTags('calls')
@ApiCookieAuth()
@Roles('admin', 'agent')
@Controller('api/calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOperation({ summary: 'The call log, newest first (filters: contactId, outcome, before; limit)' })
  list(@Query() query: unknown, @CurrentViewer() viewer: Viewer): Promise<CallLogEntryDto[]> {
    return this.calls.list(parse(ListQuery, query), viewer);
  }

  @Post()
  @ApiOperation({ summary: 'Log a call by hand, on an incident (its timeline) or a contact' })
  log(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<CallDto> {
    return this.calls.logByHand(parse(ManualCall, body), viewer);
  }

  @Post(':id/incident')
  @ApiOperation({ summary: 'Put a call on an incident, or open a new incident from it' })
  attach(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<CallDto> {
    return this.calls.attach(id, parse(Attach, body).incidentId, viewer);
  }
}
