import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppModule } from '../../src/app.module.js';
import { normalizeWebform } from '../../../channels/webform/index.js';
import { ApiClient, nextEvent, submission } from '../support/api-client.js';
import { query } from '../support/services.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('production shape: server without processors + a separate workers process on BullMQ', () => {
  let server: TestServer;
  let workers: INestApplicationContext;
  let admin: ApiClient;

  beforeAll(async () => {
    server = await startTestServer({ mode: 'production', env: { WORKERS_IN_PROCESS: 'false' } });
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await workers?.close();
    await server?.close();
  });

  it('the workers process re-finds a stored but unprocessed payload and the inbox hears of it', async () => {
    const { id: channelId } = await admin.createWebform();
    const socket = await admin.connectInbox();
    const fields = submission({ subject: 'Picked up by the workers', submissionId: 'w-1' });
    const envelope = { fields, receivedAt: new Date().toISOString() };
    const key = normalizeWebform(envelope, { defaultCountry: 'ES' }).idempotencyKey;
    await query(
      server.databaseUrl!,
      `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, received_at)
       values (gen_random_uuid(), $1, $3, $2, 'failed', 1, now() - interval '1 minute')`,
      [channelId, JSON.stringify(envelope), key],
    );
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Picked up by the workers', 15_000);
    workers = await NestFactory.createApplicationContext(AppModule.forRoot({ ...server.config, workersInProcess: true }, { http: false }), { logger: ['error', 'warn'] });
    await workers.init();
    const { incident } = await created; // pushed through the socket.io Redis emitter into the server's sockets
    expect(incident.status).toBe('new');
    const rows = await query(server.databaseUrl!, `select status from inbound_events where idempotency_key = $1`, [key]);
    expect(rows).toEqual([{ status: 'processed' }]);
    socket.disconnect();
  });
});
