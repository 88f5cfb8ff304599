import { NestFactory } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import { AppModule } from '../../src/app.module.js';
import { loadConfig } from '../../src/config/config.js';
import { IncidentsService } from '../../src/incidents/incidents.service.js';
import { seedDemo } from '../../src/seed/demo-seeder.js';
import { DEMO_REQUESTS, DEMO_USERS } from '../../src/seed/demo-data.js';
import { UsersService } from '../../src/users/users.service.js';

describe('demo data', () => {
  it('loads people, departments and incidents in es/en/ro once, and refuses to load twice', async () => {
    const config = loadConfig({ DATA_DIR: 'memory://', LOG_LEVEL: 'warn', SWITCHBOARD_ADMIN_PASSWORD: 'admin-password-1' });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config, { http: false }), { logger: ['error'] });
    try {
      expect(await seedDemo(app)).toContain(`${DEMO_REQUESTS.length} incidents`);
      expect(await seedDemo(app)).toContain('already there');
      const lucia = (await app.get(UsersService).findByEmail('lucia@demo.switchboard'))!; // an agent of no department sees all
      const list = await app.get(IncidentsService).list({ limit: 50 }, { user: lucia, departmentIds: [], csrfToken: '', sessionHash: '', expiresAt: new Date() });
      expect(list.items).toHaveLength(DEMO_REQUESTS.length);
      expect(list.items.filter((i) => i.assignee)).not.toHaveLength(0);
      expect(list.counts.resolved + list.counts.pending).toBeGreaterThan(0);
      expect((await app.get(UsersService).list()).length).toBe(DEMO_USERS.length);
    } finally {
      await app.close();
    }
  });
});
