import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators.js';
import { IngestService } from './ingest.service.js';

/** Admins see the payloads that could not become messages, and replay them after a fix. */
@ApiTags('intake')
@ApiCookieAuth()
@Roles('admin')
@Controller('api/inbound-events')
export class InboundEventsController {
  constructor(private readonly ingest: IngestService) {}

  @Get('attention')
  @ApiOperation({ summary: 'Invalid payloads, and failed ones the retries gave up on (newest first)' })
  async attention() {
    return (await this.ingest.needingAttention()).map((e) => ({ ...e, receivedAt: new Date(e.receivedAt).toISOString() }));
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Normalise and process a kept payload again; answers the incident reference' })
  async replay(@Param('id', new ParseUUIDPipe()) id: string): Promise<{ reference: string | null }> {
    return { reference: await this.ingest.replay(id) };
  }
}
