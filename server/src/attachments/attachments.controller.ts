import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentViewer, type Viewer } from '../auth/auth.decorators.js';
import { AttachmentsService, INLINE_TYPES } from './attachments.service.js';

@ApiTags('attachments')
@ApiCookieAuth()
@Controller('api/attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  /** The file as a download; `?inline=1` shows an image in place (images only). */
  @Get(':id')
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Query('inline') inline: string | undefined, @CurrentViewer() viewer: Viewer, @Res() res: Response): Promise<void> {
    const file = await this.attachments.download(id, viewer);
    const showInline = inline === '1' && INLINE_TYPES.has(file.contentType);
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `${showInline ? 'inline' : 'attachment'}; filename="${file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Even opened directly, a file never runs anything in our origin.
    res.setHeader('Content-Security-Policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.send(file.content);
  }
}
