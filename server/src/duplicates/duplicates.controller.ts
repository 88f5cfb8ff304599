import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { DuplicateSuggestionDto, IncidentMergeDto } from '../contracts/duplicates.js';
import { DuplicatesService } from './duplicates.service.js';

const MergeBody = z
  .object({
    targetId: z.string().uuid('must be an id'),
    note: z.string().trim().max(2000).optional(),
    suggestionId: z.string().uuid('must be an id').optional(),
  })
  .strict();

@ApiTags('duplicates')
@ApiCookieAuth()
@Roles('admin', 'agent')
@Controller('api')
export class DuplicatesController {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Post('incidents/:id/merge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Merge this incident into another (timelines combined, this one closes pointing there)' })
  merge(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<IncidentMergeDto> {
    return this.duplicates.merge(id, parse(MergeBody, body), viewer);
  }

  @Post('incident-merges/:id/undo')
  @HttpCode(200)
  @ApiOperation({ summary: 'Unmerge: the moved messages go back where they came from' })
  unmerge(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<IncidentMergeDto> {
    return this.duplicates.unmerge(id, viewer);
  }

  @Post('duplicate-suggestions/:id/dismiss')
  @HttpCode(200)
  @ApiOperation({ summary: 'Not a duplicate: the suggestion goes away' })
  dismiss(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<DuplicateSuggestionDto> {
    return this.duplicates.dismiss(id, viewer);
  }
}
