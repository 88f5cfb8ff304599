import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { DryRunDto, RuleDto } from '../contracts/workflow.js';
import { RULE_TRIGGERS } from '../domain/rules/index.js';
import { WorkflowService } from './workflow.service.js';

const Order = z.object({ ids: z.array(z.string().uuid('must be an id')).max(1000) }).strict();
const Patch_ = z.object({ version: z.number().int().positive().optional() }).passthrough();
const DryRun = z
  .object({
    limit: z.number().int().min(1).max(500).optional(),
    trigger: z.enum(RULE_TRIGGERS).optional(),
    rule: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

/** The rule itself is checked by the domain's validateRule (each problem named with its path). */
@ApiTags('workflow')
@ApiCookieAuth()
@Roles('admin')
@Controller('api/rules')
export class RulesController {
  constructor(private readonly workflow: WorkflowService) {}

  @Get()
  @ApiOperation({ summary: 'Workflow rules in the order they run' })
  list(): Promise<RuleDto[]> {
    return this.workflow.list();
  }

  @Post()
  @ApiOperation({ summary: 'A new rule (appended last unless position is given)' })
  create(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<RuleDto> {
    return this.workflow.create(body, viewer);
  }

  @Put('order')
  @ApiOperation({ summary: 'Every rule id, in the new order' })
  reorder(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<RuleDto[]> {
    return this.workflow.reorder(parse(Order, body).ids, viewer);
  }

  @Post('dry-run')
  @HttpCode(200)
  @ApiOperation({ summary: 'What the rules (with a draft in place) would have done to the last N incidents; changes nothing' })
  dryRun(@Body() body: unknown): Promise<DryRunDto> {
    return this.workflow.dryRun(parse(DryRun, body) as never);
  }

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<RuleDto> {
    return this.workflow.update(id, parse(Patch_, body), viewer);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string, @CurrentViewer() viewer: Viewer): Promise<void> {
    return this.workflow.remove(id, viewer);
  }
}
