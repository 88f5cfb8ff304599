import { Injectable, UnauthorizedException } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { UsersService } from '../users/users.service.js';
import { hashPassword, verifyPassword } from './password.js';
import { SessionsService } from './sessions.service.js';

@Injectable()
export class AuthService {
  /** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
  ) {}

  async login(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) throw new UnauthorizedException('Wrong e-mail or password.');
    const session = await this.sessions.create(user);
    return { user, ...session };
  }
}
