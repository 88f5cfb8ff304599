/**
 * Starts the real Switchboard HTTP server in-process on 127.0.0.1, in one of the two modes:
 * - 'production': a fresh PostgreSQL database and BullMQ on Redis (own key prefix);
 * - 'embedded': PGlite in memory and in-process jobs.
 */
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/app.js';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import { clearRedisPrefix, createTestDatabase, REDIS_URL } from './services.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestServer {
  url: string;
  app: NestExpressApplication;
  config: AppConfig;
  databaseUrl?: string;
  close(): Promise<void>;
}

/** The SECRET_KEY of production-mode test servers (and their workers). */
export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdefghijklmnop';

export interface TestServerOptions {
  mode: 'production' | 'embedded';
  /** Reuse a database (several server processes on one database). */
  databaseUrl?: string;
  redisPrefix?: string;
  env?: Record<string, string>;
  /** Listen on this port (to restart a server where its clients expect it); default: any free port. */
  port?: number;
}

export async function startTestServer(opts: TestServerOptions): Promise<TestServer> {
  const db = opts.mode === 'production' && !opts.databaseUrl ? await createTestDatabase() : undefined;
  const redisPrefix = opts.redisPrefix ?? `sbt${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    WEB_DIST: '',
    SWITCHBOARD_ADMIN_EMAIL: ADMIN.email,
    SWITCHBOARD_ADMIN_PASSWORD: ADMIN.password,
    INTAKE_RATE_LIMIT: '100000',
    LOGIN_RATE_LIMIT: '100000',
    ...(opts.mode === 'production'
      ? { DATABASE_URL: opts.databaseUrl ?? db!.url, REDIS_URL, REDIS_PREFIX: redisPrefix, WORKERS_IN_PROCESS: 'true', SECRET_KEY: TEST_SECRET_KEY }
      : { DATA_DIR: 'memory://' }),
    ...opts.env,
  });
  const app = await createApp(config);
  await app.listen(opts.port ?? 0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    databaseUrl: config.databaseUrl,
    close: async () => {
      await app.close();
      if (opts.mode === 'production' && !opts.redisPrefix && !opts.databaseUrl) await clearRedisPrefix(redisPrefix);
      await db?.drop();
    },
  };
}
