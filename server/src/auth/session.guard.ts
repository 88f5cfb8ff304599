import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { CSRF_HEADER, type Role } from '../contracts/api.js';
import { PUBLIC_ROUTE, ROLES } from './auth.decorators.js';
import { SessionsService } from './sessions.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Global guard: every route needs a live session unless marked @Public(); every cookie-authenticated
 * write must carry the session's CSRF token in the x-csrf-token header; @Roles() restricts by role.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const req = ctx.switchToHttp().getRequest<Request & { viewer?: unknown }>();
    const viewer = await this.sessions.resolve(this.sessions.tokenFromCookieHeader(req.headers.cookie));
    if (!viewer) throw new UnauthorizedException('Log in first: the session is missing or has expired.');
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, viewer.csrfToken)) {
        throw new ForbiddenException(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken from /api/auth/me.`);
      }
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(viewer.user.role)) throw new ForbiddenException(`Only ${roles.join(' or ')} may do this.`);
    req.viewer = viewer;
    return true;
  }
}
