import { Inject, Injectable, Logger, UnauthorizedException, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { User } from '../users/user.entity.js';
import { UsersService } from '../users/users.service.js';
import { generatePassword, hashPassword, verifyPassword } from './password.js';
import { SessionsService } from './sessions.service.js';

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly log = new Logger('Auth');
  /** Verified against when the e-mail is unknown, so timing does not reveal which accounts exist. */
  private dummyHash?: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
  }

  async login(email: string, password: string) {
    const user = await this.users.findByEmail(email);
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    if (!user || !ok || !user.active) throw new UnauthorizedException('Wrong e-mail or password.');
    const session = await this.sessions.create(user);
    return { user, ...session };
  }

  /** With no user at all, create the first admin from configuration, or with a generated password printed once. */
  private async ensureFirstAdmin(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.config.adminEmail ?? 'admin@switchboard.local';
    const password = this.config.adminPassword ?? generatePassword();
    try {
      await this.users.create({ email, name: 'Administrator', password, role: 'admin', locale: 'en' }, null as User | null);
    } catch (err) {
      if ((await this.users.count()) > 0) return; // another process created it first
      throw err;
    }
    if (this.config.adminPassword) this.log.log(`created the first admin ${email} (password from SWITCHBOARD_ADMIN_PASSWORD)`);
    else {
      // Printed once, on purpose: this is the only way to learn it.
      console.log(`\n  First admin created: ${email}\n  Password (shown only this once): ${password}\n`);
    }
  }
}
