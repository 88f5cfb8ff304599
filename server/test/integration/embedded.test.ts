import { MikroORM } from '@mikro-orm/postgresql';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncidentDetailDto, IncidentListDto } from '../../src/contracts/api.js';
import { normalizeWebform } from '../../../channels/webform/index.js';
import { ApiClient, nextEvent, submission } from '../support/api-client.js';
import { ADMIN, startTestServer, type TestServer } from '../support/test-server.js';

describe('embedded mode: PGlite and in-process jobs, one process', () => {
  let dir: string;
  let server: TestServer;
  let admin: ApiClient;
  let key: string;
  let channelId: string;

  const start = () => startTestServer({ mode: 'embedded', env: { DATA_DIR: dir } });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sb-embedded-'));
    server = await start();
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    const channel = await admin.createWebform();
    key = channel.key;
    channelId = channel.id;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports its mode', async () => {
    expect((await admin.get('/api/health')).body.mode).toEqual({ database: 'embedded', jobs: 'in-process' });
  });

  it('runs the whole path: form -> incident -> live event -> assignment -> note', async () => {
    const socket = await admin.connectInbox();
    const form = submission({ subject: 'Embedded path' });
    const created = nextEvent(socket, 'incident.created', (p) => p.incident.subject === 'Embedded path');
    const r = await new ApiClient(server.url).post(`/api/channels/webform/${key}`, form);
    expect(r.status).toBe(202);
    const { incident } = await created;
    expect(incident.reference).toBe(r.body.reference);

    const dup = await new ApiClient(server.url).post(`/api/channels/webform/${key}`, form);
    expect(dup.body.reference).toBe(r.body.reference); // same content again = same submission

    const updated = nextEvent(socket, 'incident.updated', (p) => p.incident.id === incident.id);
    await admin.ok(admin.patch(`/api/incidents/${incident.id}`, { assigneeId: admin.me!.user.id }));
    expect((await updated).incident.status).toBe('open');
    await admin.ok(admin.post(`/api/incidents/${incident.id}/notes`, { body: 'ok' }));
    const detail = await admin.ok<IncidentDetailDto>(admin.get(`/api/incidents/${incident.id}`));
    expect(detail.timeline.map((e) => (e.type === 'message' ? e.kind : e.action))).toEqual(['inbound', 'created', 'updated', 'note']);
    socket.disconnect();
  });

  it('survives many submissions at once on its single connection', async () => {
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => new ApiClient(server.url).post(`/api/channels/webform/${key}`, submission({ subject: `Burst ${i}` }))));
    expect(answers.every((a) => a.status === 202 && /^SB-/.test(a.body.reference))).toBe(true);
    expect(new Set(answers.map((a) => a.body.reference)).size).toBe(25);
  });

  it('after a crash between storing and processing, processes the stored payload once on restart', async () => {
    // What a failed processing leaves behind before a restart: a 'failed' raw event, no incident.
    const orm = server.app.get(MikroORM);
    const fields = submission({ subject: 'Left behind by a crash', submissionId: 'crash-1' });
    const envelope = { fields, receivedAt: new Date().toISOString() };
    await orm.em.getConnection().execute(
      `insert into inbound_events (id, channel_id, idempotency_key, payload, status, attempts, received_at)
       values (gen_random_uuid(), ?, ?, ?, 'failed', 1, now() - interval '5 minutes')`,
      [channelId, normalizeWebform(envelope, { defaultCountry: 'ES' }).idempotencyKey, JSON.stringify(envelope)],
    );
    await server.close();
    server = await start(); // same data folder
    admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);

    let list: IncidentListDto | undefined;
    for (let i = 0; i < 50 && !list?.items.length; i++) {
      list = await admin.ok<IncidentListDto>(admin.get('/api/incidents?q=Left%20behind'));
      if (!list.items.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(list!.items).toHaveLength(1);
    // and the client's retry of the same submission maps to it, not to a second incident
    const retry = await new ApiClient(server.url).post(`/api/channels/webform/${key}`, fields);
    expect(retry.body.reference).toBe(list!.items[0].reference);
  });
});
