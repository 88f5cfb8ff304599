/** The throwaway Dovecot of server/test/support/dovecot.ts works the way the IMAP sync tests need. */
import { existsSync } from 'node:fs';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../support/dovecot.js';

function message(subject: string, body = 'Hello from the test harness.'): Buffer {
  return Buffer.from(
    [
      'From: Customer <customer@example.com>',
      'To: Support <support@example.com>',
      `Subject: ${subject}`,
      `Message-ID: <${subject.replace(/\W+/g, '-')}@example.com>`,
      'Date: Mon, 23 Nov 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n'),
  );
}

describe('Dovecot test harness', () => {
  let dovecot: Dovecot;
  const clients: ImapFlow[] = [];

  async function connect(user = 'tester', extra = {}): Promise<ImapFlow> {
    const c = new ImapFlow(dovecot.clientOptions(user, extra));
    c.on('error', () => {}); // a dropped connection must not crash the run; the test's own calls fail instead
    await c.connect();
    clients.push(c);
    return c;
  }

  async function closeAll(): Promise<void> {
    await Promise.all(clients.splice(0).map((c) => c.logout().catch(() => c.close())));
  }

  /** Subjects of all messages in INBOX, ordered by UID, plus the UIDs. */
  async function inbox(): Promise<{ uidValidity: bigint; subjects: string[]; uids: number[] }> {
    const c = await connect();
    const lock = await c.getMailboxLock('INBOX');
    try {
      const subjects: string[] = [];
      const uids: number[] = [];
      for await (const m of c.fetch('1:*', { uid: true, envelope: true })) {
        subjects.push(m.envelope!.subject!);
        uids.push(m.uid);
      }
      return { uidValidity: (c.mailbox as { uidValidity: bigint }).uidValidity, subjects, uids };
    } finally {
      lock.release();
      await closeAll();
    }
  }

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [{ name: 'tester', password: 'secret' }, { name: 'other', password: 'pw2' }] });
  });

  afterAll(async () => {
    await closeAll();
    const root = dovecot?.root;
    await dovecot?.stop();
    if (root) expect(existsSync(root)).toBe(false);
  });

  it('appends a message and fetches the same bytes by UID', async () => {
    const raw = message('first', 'Bytes must survive: ünïcödé, tabs\tand trailing spaces   ');
    const { uid, uidValidity } = await dovecot.append('tester', raw, { flags: ['\\Seen'], internalDate: new Date('2026-01-02T03:04:05Z') });
    expect(uid).toBe(1);
    expect(typeof uidValidity).toBe('bigint');

    const c = await connect();
    const lock = await c.getMailboxLock('INBOX');
    try {
      expect((c.mailbox as { uidValidity: bigint }).uidValidity).toBe(uidValidity);
      const m = await c.fetchOne(String(uid), { uid: true, source: true, flags: true, internalDate: true }, { uid: true });
      expect(m).toBeTruthy();
      if (!m) return;
      expect(Buffer.compare(m.source!, raw)).toBe(0);
      expect([...m.flags!]).toContain('\\Seen');
      expect(new Date(m.internalDate!).toISOString()).toBe('2026-01-02T03:04:05.000Z');
    } finally {
      lock.release();
      await closeAll();
    }

    // users are separate
    const other = await connect('other');
    expect((await other.status('INBOX', { messages: true }) || { messages: -1 }).messages).toBe(0);
    await closeAll();
  });

  it('notifies an IDLE client of a message appended by another client', async () => {
    const watcher = await connect('tester', { autoIdleDelay: 50 });
    const lock = await watcher.getMailboxLock('INBOX');
    lock.release(); // stays selected; released so auto-IDLE can start
    const before = (watcher.mailbox as { exists: number }).exists;
    const deadline = Date.now() + 5_000;
    while (!watcher.idling && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(watcher.idling).toBe(true);

    const exists = new Promise<{ count: number; prevCount: number }>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no EXISTS within 5 s')), 5_000);
      watcher.on('exists', (e) => {
        clearTimeout(t);
        resolve(e);
      });
    });
    const started = Date.now();
    await dovecot.append('tester', message('second'));
    const e = await exists;
    expect(e.prevCount).toBe(before);
    expect(e.count).toBe(before + 1);
    expect(Date.now() - started).toBeLessThan(5_000);
    await closeAll();
  });

  it('restart() keeps messages, UIDs and UIDVALIDITY on the same port', async () => {
    const port = dovecot.port;
    const before = await inbox();
    expect(before.subjects).toEqual(['first', 'second']);

    // a client connected across the restart loses its connection
    const victim = await connect();
    await victim.mailboxOpen('INBOX');
    const closed = new Promise<void>((resolve) => victim.once('close', () => resolve()));
    await dovecot.restart();
    await closed;
    clients.splice(clients.indexOf(victim), 1);

    expect(dovecot.port).toBe(port);
    expect(await inbox()).toEqual(before);
    const { uid, uidValidity } = await dovecot.append('tester', message('third'));
    expect(uid).toBe(3);
    expect(uidValidity).toBe(before.uidValidity);
  });

  it('resetUidValidity() changes UIDVALIDITY and keeps the messages', async () => {
    const before = await inbox();
    await dovecot.resetUidValidity('tester');
    const after = await inbox();
    expect(after.uidValidity).not.toBe(before.uidValidity);
    expect([...after.subjects].sort()).toEqual([...before.subjects].sort());
    // the other user's mailbox is untouched
    const c = await connect('other');
    expect((await c.status('INBOX', { messages: true }) || { messages: -1 }).messages).toBe(0);
    await closeAll();
  });
});
