import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCookieAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { CurrentViewer, Roles, type Viewer } from '../auth/auth.decorators.js';
import { parse } from '../common/validation.js';
import type { ChannelDto } from '../contracts/api.js';
import { ChannelsService, toChannelDto } from './channels.service.js';

const CreateBody = z.object({ kind: z.literal('webform', 'only "webform" channels can be created here for now'), name: z.string().trim().min(1, 'required').max(200) }).strict();

@ApiTags('channels')
@ApiCookieAuth()
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  async list(): Promise<ChannelDto[]> {
    return (await this.channels.list()).map(toChannelDto);
  }

  @Post()
  @Roles('admin')
  async create(@Body() body: unknown, @CurrentViewer() viewer: Viewer): Promise<ChannelDto> {
    const { kind, name } = parse(CreateBody, body);
    return toChannelDto(await this.channels.create(kind, name, viewer.user));
  }
}
