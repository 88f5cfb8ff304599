import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UnsupportedMediaTypeException, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { parse } from '../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { MeDto } from '../contracts/api.js';
import { InboxPublisher } from '../realtime/inbox-publisher.js';
import { toUserDto } from '../users/user.mapper.js';
import { CurrentViewer, Public, type Viewer } from './auth.decorators.js';
import { AuthService } from './auth.service.js';
import { SESSION_COOKIE, SessionsService } from './sessions.service.js';

const LoginBody = z.object({ email: z.string().trim().min(1, 'required').max(254), password: z.string().min(1, 'required').max(200) });

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly publisher: InboxPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ intake: true })
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<MeDto> {
    // Only JSON: a cross-site HTML form cannot send it, so nobody can log a victim into another account.
    if (!req.is('application/json')) throw new UnsupportedMediaTypeException('Send the login as JSON (Content-Type: application/json).');
    const { email, password } = parse(LoginBody, body);
    const { user, token, csrfToken, expiresAt } = await this.auth.login(email, password);
    res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.secureCookies, path: '/', expires: expiresAt });
    return { user: toUserDto(user), csrfToken };
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.destroy(viewer);
    this.publisher.disconnectSession(viewer.sessionHash);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @Get('me')
  me(@CurrentViewer() viewer: Viewer): MeDto {
    return { user: toUserDto(viewer.user, viewer.departmentIds), csrfToken: viewer.csrfToken };
  }
}
