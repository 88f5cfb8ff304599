import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { ChannelDto, ChannelTestResult } from '../contracts/api.js';
import { CreateEmailChannel, UpdateChannel } from '../email/email-settings.js';
import { CreatePhoneChannel } from './phone-settings.js';
import { CreateTwilioChannel } from './twilio-settings.js';
import { ChannelsService } from './channels.service.js';

const CreateWebform = z.object({ kind: z.literal('webform'), name: z.string().trim().min(1, 'required').max(200) }).strict();
const CreateBody = z.discriminatedUnion('kind', [CreateWebform, CreateEmailChannel, CreateTwilioChannel, CreatePhoneChannel], { error: 'kind must be "webform", "email", "sms", "whatsapp" or "phone"' });

@ApiTags('channels')
@ApiCookieAuth()
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  /** Channels with their settings (mailbox hosts and users: admins only). */
  @Get()
  @Roles('admin')
  async list(): Promise<ChannelDto[]> {
    return this.channels.toDtos(await this.channels.list());
  }

  @Post()
  @Roles('admin')
  async create(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ChannelDto> {
    const [dto] = await this.channels.toDtos([await this.channels.create(parse(CreateBody, body), viewer.user)]);
    return dto;
  }

  @Patch(':id')
  @Roles('admin')
  async update(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ChannelDto> {
    const [dto] = await this.channels.toDtos([await this.channels.update(id, parse(UpdateChannel, body), viewer.user)]);
    return dto;
  }

  /** Logs in to the channel's IMAP and SMTP servers with the stored settings and says what failed. */
  @Post(':id/test')
  @Roles('admin')
  @HttpCode(200)
  test(@Param('id', new ParseUUIDPipe()) id: string): Promise<ChannelTestResult> {
    return this.channels.test(id);
  }
}
