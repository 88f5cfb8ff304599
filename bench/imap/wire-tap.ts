/**
 * A TCP relay on 127.0.0.1 between Switchboard and Dovecot that counts the bytes each way and, while
 * recording, keeps the command lines the client sends. It is the bench's own view of what a sync
 * fetched, independent of the counters the server keeps about itself (mailbox_sync): listing every
 * UID of a 10,000-message folder again would not show in those counters, it shows here.
 */
import net from 'node:net';

export interface WireCounters {
  /** Server -> client bytes (what Switchboard downloaded). */
  down: number;
  /** Client -> server bytes. */
  up: number;
  connections: number;
}

export interface WireTap {
  port: number;
  /** Totals since the tap started. */
  counters(): WireCounters;
  /** Starts keeping client command lines (at most `max`, credentials redacted). */
  record(max?: number): void;
  /** Stops keeping them and returns what was kept. */
  recorded(): string[];
  close(): Promise<void>;
}

const LINE_MAX = 200;

/** A command line fit for a report: LOGIN / AUTHENTICATE arguments and continuation data hidden. */
function redact(line: string): string {
  const m = /^(\S+\s+(?:UID\s+)?)(\S+)/i.exec(line);
  if (m && /^(LOGIN|AUTHENTICATE)$/i.test(m[2])) return `${m[1]}${m[2]} <redacted>`;
  const short = line.length > LINE_MAX ? `${line.slice(0, LINE_MAX)}…` : line;
  return short;
}

export async function startWireTap(target: { host: string; port: number }): Promise<WireTap> {
  const totals: WireCounters = { down: 0, up: 0, connections: 0 };
  let recording: string[] | null = null;
  let recordMax = 0;
  const sockets = new Set<net.Socket>();

  const server = net.createServer((client) => {
    totals.connections++;
    const upstream = net.connect({ host: target.host, port: target.port });
    sockets.add(client);
    sockets.add(upstream);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    let pending = '';
    let hideNext = false;
    client.on('data', (chunk: Buffer) => {
      totals.up += chunk.length;
      if (recording) {
        pending += chunk.toString('latin1');
        let nl: number;
        while ((nl = pending.indexOf('\r\n')) >= 0) {
          const line = pending.slice(0, nl);
          pending = pending.slice(nl + 2);
          const shown = hideNext ? '<continuation redacted>' : redact(line);
          hideNext = /^\S+\s+AUTHENTICATE\b/i.test(line);
          if (recording && recording.length < recordMax && line !== '') recording.push(shown);
        }
        if (pending.length > 64 * 1024) pending = ''; // a literal (APPEND data): not a command line
      } else pending = '';
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      totals.down += chunk.length;
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end);
    upstream.on('close', end);
    client.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });

  let closed: Promise<void> | undefined;
  return {
    port: (server.address() as net.AddressInfo).port,
    counters: () => ({ ...totals }),
    record(max = 100) {
      recording = [];
      recordMax = max;
    },
    recorded() {
      const lines = recording ?? [];
      recording = null;
      return lines;
    },
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      })),
  };
}
