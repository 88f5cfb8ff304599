import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { createHash, randomBytes } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { User } from '../users/user.entity.js';
import type { Viewer } from './auth.decorators.js';
import { Session } from './session.entity.js';

export const SESSION_COOKIE = 'sb_session';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(user: User): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const em = this.em.fork();
    em.create(Session, { tokenHash: sha256(token), user: em.getReference(User, user.id), csrfToken, expiresAt, createdAt: new Date() });
    await em.flush();
    return { token, csrfToken, expiresAt };
  }

  tokenFromCookieHeader(header: string | undefined): string | undefined {
    if (!header) return undefined;
    return parseCookie(header)[SESSION_COOKIE] || undefined;
  }

  /** The viewer behind a session token, or null when it is unknown, expired or the user is inactive. */
  async resolve(token: string | undefined): Promise<Viewer | null> {
    if (!token || token.length > 100) return null;
    const em = this.em.fork();
    const tokenHash = sha256(token);
    const session = await em.findOne(Session, { tokenHash, expiresAt: { $gt: new Date() } }, { populate: ['user', 'user.departments'] });
    if (!session || !session.user.active) return null;
    return {
      user: session.user,
      departmentIds: session.user.departments.getItems().map((d) => d.id),
      csrfToken: session.csrfToken,
      sessionHash: tokenHash,
      expiresAt: session.expiresAt,
    };
  }

  async destroy(viewer: Viewer): Promise<void> {
    await this.em.fork().nativeDelete(Session, { tokenHash: viewer.sessionHash });
  }

  async purgeExpired(): Promise<number> {
    return this.em.fork().nativeDelete(Session, { expiresAt: { $lte: new Date() } });
  }
}
