import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { IncidentDetailDto, IncidentListDto, MessageDto } from '../contracts/api.js';
import { INCIDENT_STATUSES, PRIORITIES } from '../domain/incident-state.js';
import { decodeCursor, IncidentsService } from './incidents.service.js';

const idOr = (...words: string[]) => z.union([z.string().uuid('must be an id'), ...words.map((w) => z.literal(w))] as [z.ZodType<string>, ...z.ZodType<string>[]]);

const ListQuery = z.object({
  status: z.enum(INCIDENT_STATUSES).optional(),
  departmentId: idOr('none').optional(),
  assigneeId: idOr('none', 'me').optional(),
  contactId: z.string().uuid('must be an id').optional(),
  active: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const PatchBody = z
  .object({
    status: z.enum(INCIDENT_STATUSES).optional(),
    priority: z.enum(PRIORITIES).optional(),
    departmentId: z.string().uuid('must be an id').nullable().optional(),
    assigneeId: z.string().uuid('must be an id').nullable().optional(),
    siteAddress: z.string().trim().max(300).nullable().optional(),
    asset: z.string().trim().max(200).nullable().optional(),
    serviceType: z.string().trim().max(100).nullable().optional(),
    requestedWindow: z.string().trim().max(200).nullable().optional(),
    slaPolicyId: z.string().uuid('must be an id').nullable().optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();

const NoteBody = z.object({ body: z.string().trim().min(1, 'required').max(20_000) }).strict();

@ApiTags('incidents')
@ApiCookieAuth()
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Get()
  @ApiOperation({ summary: 'Incidents the viewer may see, newest activity first, with counts per status' })
  list(@Query() query: unknown, @CurrentViewer() viewer: Viewer): Promise<IncidentListDto> {
    const q = parse(ListQuery, query);
    return this.incidents.list(
      {
        status: q.status,
        departmentId: q.departmentId,
        assigneeId: q.assigneeId === 'me' ? viewer.user.id : q.assigneeId,
        contactId: q.contactId,
        active: q.active === 'true',
        q: q.q || undefined,
        cursor: q.cursor ? decodeCursor(q.cursor) : undefined,
        limit: q.limit,
      },
      viewer,
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One incident with its timeline (messages and audit entries)' })
  get(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<IncidentDetailDto> {
    return this.incidents.get(id, viewer);
  }

  @Post(':id/notes')
  @ApiOperation({ summary: 'Add an internal note' })
  addNote(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<MessageDto> {
    return this.incidents.addNote(id, parse(NoteBody, body).body, viewer);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change status, priority, department or assignee (allowed transitions only)' })
  update(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<IncidentDetailDto> {
    return this.incidents.update(id, parse(PatchBody, body), viewer);
  }
}
