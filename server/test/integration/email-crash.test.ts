/**
 * The workers process killed (SIGKILL) in the middle of a mailbox sync: the next one finishes it, and
 * every message is stored exactly once. Runs the built workers process (npm test builds it).
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelDto } from '../../src/contracts/api.js';
import { ApiClient } from '../support/api-client.js';
import { startDovecot, type Dovecot } from '../support/dovecot.js';
import { createEmailChannel, mail, MAILBOX } from '../support/mailbox.js';
import { query, REDIS_URL } from '../support/services.js';
import { ADMIN, startTestServer, TEST_SECRET_KEY, type TestServer } from '../support/test-server.js';
import { waitUntil } from '../support/wait.js';
import { startWorkersProcess, type WorkersProcess } from '../support/workers-process.js';

const N = 150;

describe('a workers process killed in the middle of a mailbox sync', () => {
  let dovecot: Dovecot;
  let server: TestServer;
  let channel: ChannelDto;
  const workers: WorkersProcess[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ name: MAILBOX.user, password: MAILBOX.password }] });
    // The HTTP server runs no processors here: the workers processes read the mailbox.
    server = await startTestServer({ mode: 'production', env: { WORKERS_IN_PROCESS: 'false' } });
    const admin = new ApiClient(server.url);
    await admin.login(ADMIN.email, ADMIN.password);
    channel = await createEmailChannel(admin, dovecot);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
    await server?.close();
    await dovecot?.stop();
  });

  it('loses nothing and stores nothing twice', async () => {
    for (let i = 0; i < N; i++) await dovecot.append(MAILBOX.user, mail(`k${i}`));
    const env = { DATABASE_URL: server.databaseUrl!, REDIS_URL, REDIS_PREFIX: server.config.redisPrefix, SECRET_KEY: TEST_SECRET_KEY };
    const count = async () => Number((await query(server.databaseUrl!, `select count(*) as n from inbound_events where channel_id = $1`, [channel.id]))[0].n);

    const first = startWorkersProcess(env);
    workers.push(first);
    const before = await waitUntil(count, (n) => n >= 20, 'the first workers process to store some messages', 30_000);
    await first.kill('SIGKILL');
    const atKill = await count();
    expect(atKill).toBeGreaterThanOrEqual(before);
    expect(atKill).toBeLessThan(N); // it really was killed in the middle

    // A killed holder's lease runs out after its TTL (30 s); let it run out now.
    const redis = new Redis(REDIS_URL);
    await redis.del(`${server.config.redisPrefix}:lease:mailbox:${channel.id}`);
    await redis.quit();

    const second = startWorkersProcess(env);
    workers.push(second);
    await waitUntil(count, (n) => n >= N, `all ${N} messages`, 60_000);
    await second.kill('SIGTERM');

    const rows = await query(server.databaseUrl!, `select status, count(*)::int as n from inbound_events where channel_id = $1 group by status`, [channel.id]);
    expect(rows).toEqual([{ status: 'processed', n: N }]);
    const [incidents] = await query(server.databaseUrl!, `select count(*)::int as n, count(distinct subject)::int as subjects from incidents where channel_id = $1`, [channel.id]);
    expect(incidents).toEqual({ n: N, subjects: N });
    const [sync] = await query(server.databaseUrl!, `select last_uid from mailbox_sync where channel_id = $1`, [channel.id]);
    expect(Number(sync.last_uid)).toBe(N);
    expect(second.output()).not.toMatch(/ERROR/);
  }, 120_000);
});
