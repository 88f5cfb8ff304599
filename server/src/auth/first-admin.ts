import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { UsersService } from '../users/users.service.js';
import { generatePassword } from './password.js';

/** The HTTP server, on start: with no user at all, create the first admin (from configuration, or with a password printed once). */
@Injectable()
export class FirstAdmin implements OnApplicationBootstrap {
  private readonly log = new Logger('Auth');

  constructor(
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const email = this.config.adminEmail ?? 'admin@switchboard.local';
    const password = this.config.adminPassword ?? generatePassword();
    try {
      await this.users.create({ email, name: 'Administrator', password, role: 'admin', locale: 'en' }, null);
    } catch (err) {
      if ((await this.users.count()) > 0) return; // another server process created it first
      throw err;
    }
    if (this.config.adminPassword) this.log.log(`created the first admin ${email} (password from SWITCHBOARD_ADMIN_PASSWORD)`);
    // Printed once, on purpose: this is the only way to learn it.
    else console.log(`\n  First admin created: ${email}\n  Password (shown only this once): ${password}\n`);
  }
}
