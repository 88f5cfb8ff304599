/**
 * The bench's own IMAP clients (imapflow, as the server uses): kept-open connections that APPEND
 * (so a measured APPEND is the command, not a login), and a bare client in IDLE that records when the
 * IMAP server announced each new message (EXISTS): the floor any IMAP-fed inbox can reach.
 */
import { performance } from 'node:perf_hooks';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';

async function connected(options: ImapFlowOptions): Promise<ImapFlow> {
  const client = new ImapFlow({ ...options, logger: false, disableAutoIdle: true });
  client.on('error', () => undefined); // a failing command rejects on its own
  await client.connect();
  return client;
}

async function closeClient(client: ImapFlow): Promise<void> {
  await Promise.race([client.logout().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
  client.close();
}

/** A few connections APPENDing to one user's INBOX, used in turn. */
export class Appenders {
  private next = 0;

  private constructor(private readonly clients: ImapFlow[]) {}

  static async open(options: ImapFlowOptions, count: number): Promise<Appenders> {
    const clients: ImapFlow[] = [];
    try {
      for (let i = 0; i < count; i++) clients.push(await connected(options));
    } catch (err) {
      await Promise.all(clients.map(closeClient));
      throw err;
    }
    return new Appenders(clients);
  }

  /** One APPEND to INBOX; resolves the new message's UID (APPENDUID). */
  async append(raw: Buffer, date?: Date, flags: string[] = []): Promise<number> {
    const client = this.clients[this.next++ % this.clients.length];
    const res = await client.append('INBOX', raw, flags, date);
    if (!res || typeof res.uid !== 'number') throw new Error('APPEND returned no APPENDUID');
    return res.uid;
  }

  close(): Promise<void> {
    return Promise.all(this.clients.map(closeClient)).then(() => undefined);
  }
}

/** A bare client with INBOX selected, in IDLE, recording when each message sequence number was announced. */
export class IdleWatcher {
  /** sequence number -> performance.now() when an EXISTS covering it arrived */
  private readonly announced = new Map<number, number>();
  existsEvents = 0;
  /** Messages in INBOX when it was opened (no announcement expected for them). */
  private initial = 0;
  /** The highest message count the server announced so far. */
  private count = 0;

  private constructor(private readonly client: ImapFlow) {
    client.on('exists', (e: { count: number; prevCount: number }) => {
      const at = performance.now();
      this.existsEvents++;
      this.count = Math.max(this.count, e.count);
      for (let seq = e.prevCount + 1; seq <= e.count; seq++) if (!this.announced.has(seq)) this.announced.set(seq, at);
    });
  }

  /**
   * Waits (at most `timeoutMs`) until the server has announced `appended` messages since INBOX was
   * opened: its news can come later on this connection than on another one.
   */
  async waitForAnnounced(appended: number, timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (this.count < this.initial + appended && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }

  static async open(options: ImapFlowOptions): Promise<IdleWatcher> {
    const client = await connected(options);
    try {
      await client.mailboxOpen('INBOX', { readOnly: true });
    } catch (err) {
      await closeClient(client);
      throw err;
    }
    const watcher = new IdleWatcher(client);
    const box = client.mailbox;
    watcher.initial = watcher.count = box && typeof box === 'object' ? box.exists : 0;
    watcher.idle();
    return watcher;
  }

  private idle(): void {
    // Resolves when IDLE ends (the next command breaks it); the events arrive meanwhile.
    void this.client.idle().catch(() => undefined);
  }

  /** After the APPENDs: UID -> when the server announced that message (by its sequence number). */
  async announcedByUid(): Promise<Map<number, number>> {
    const byUid = new Map<number, number>();
    for await (const m of this.client.fetch('1:*', { uid: true })) {
      const at = this.announced.get(m.seq);
      if (at !== undefined) byUid.set(m.uid, at);
    }
    return byUid;
  }

  close(): Promise<void> {
    return closeClient(this.client);
  }
}

/** Connects, runs `fn`, logs out. */
export async function withImap<T>(options: ImapFlowOptions, fn: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await connected(options);
  try {
    return await fn(client);
  } finally {
    await closeClient(client);
  }
}
