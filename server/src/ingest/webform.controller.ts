import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Response } from 'express';
import { IgnoredPayloadError, InvalidPayloadError } from '../../../channels/core/index.js';
import { Public } from '../auth/auth.decorators.js';
import { ChannelsService } from '../channels/channels.service.js';
import type { WebformAccepted } from '../contracts/api.js';
import { localizeErrors, pickLocale, renderForm, renderThanks } from './form-page.js';
import { IngestService } from './ingest.service.js';

const fieldsOf = (body: unknown): Record<string, unknown> => (body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {});

/** The public doors of web-form channels: a JSON/urlencoded API and a plain HTML page. */
@ApiTags('intake')
@Public()
@Controller()
export class WebformController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly ingest: IngestService,
  ) {}

  @Post('api/channels/webform/:key')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  @HttpCode(202)
  @ApiOperation({ summary: 'Submit a web form (JSON or urlencoded): name, email and/or phone, subject, message, optional submissionId' })
  async submit(@Param('key') key: string, @Body() body: unknown): Promise<WebformAccepted> {
    const channel = await this.channels.byKey('webform', key);
    try {
      const [result] = await this.ingest.receive(channel, { fields: fieldsOf(body), receivedAt: new Date().toISOString() });
      return { reference: result?.reference ?? null };
    } catch (err) {
      if (err instanceof IgnoredPayloadError) return { reference: null };
      throw err; // InvalidPayloadError -> 400 with fields (ApiExceptionFilter)
    }
  }

  @Get('forms/:key')
  async form(@Param('key') key: string, @Query('lang') lang: unknown, @Headers('accept-language') al: string | undefined, @Res() res: Response) {
    const locale = pickLocale(lang, al);
    await this.channels.byKey('webform', key);
    this.embeddable(res).type('html').send(renderForm(locale, key));
  }

  @Post('forms/:key')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ login: true })
  async formPost(@Param('key') key: string, @Query('lang') lang: unknown, @Headers('accept-language') al: string | undefined, @Body() body: unknown, @Res() res: Response) {
    const fields = fieldsOf(body);
    const locale = pickLocale(fields.locale ?? lang, al);
    const channel = await this.channels.byKey('webform', key);
    try {
      const [result] = await this.ingest.receive(channel, { fields, receivedAt: new Date().toISOString() });
      this.embeddable(res).type('html').send(renderThanks(locale, key, result?.reference ?? null));
    } catch (err) {
      if (err instanceof IgnoredPayloadError) return void this.embeddable(res).type('html').send(renderThanks(locale, key, null));
      if (err instanceof InvalidPayloadError) {
        return void this.embeddable(res).status(400).type('html').send(renderForm(locale, key, fields, localizeErrors(locale, err.fields)));
      }
      throw err;
    }
  }

  /** The form is meant to be embedded in customers' own sites. */
  private embeddable(res: Response): Response {
    res.removeHeader('X-Frame-Options');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors *; base-uri 'none'");
    return res;
  }
}
