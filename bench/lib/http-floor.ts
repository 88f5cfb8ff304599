/**
 * A second floor, for what the machine itself allows: a bare Node.js HTTP server in its own process (no
 * framework, no database) that reads the same JSON body, parses it and answers 202 with a reference, driven
 * by the same bench client at the same concurrency for the same time. The bench client, the server and the
 * database share the machine's cores, so no intake on it can answer faster than this; set next to the INSERT
 * baseline it shows how much of the ratio target the machine leaves room for.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { HttpClient } from './http.js';
import { closedLoop } from './load.js';
import { round } from './stats.js';

export interface HttpFloorResult {
  concurrency: number;
  durationMs: number;
  answered: number;
  errors: number;
  ratePerSecond: number;
}

/** The whole server: it prints its port, answers every POST with 202 once the body is read and parsed. */
const SERVER = `
import http from 'node:http';
let n = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let status = 202;
    try { JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { status = 400; }
    const body = JSON.stringify({ reference: 'SB-' + ++n });
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

export async function measureHttpFloor(
  options: { concurrency: number; durationMs: number; body: () => unknown },
  log: (msg: string) => void,
): Promise<HttpFloorResult> {
  log(`HTTP floor: a bare Node http server, closed loop C=${options.concurrency} for ${options.durationMs / 1000} s`);
  const child = spawn(process.execPath, ['--input-type=module', '-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const [line] = (await Promise.race([
      once(createInterface({ input: child.stdout! }), 'line'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`the HTTP floor server exited (${code}) before listening`))),
    ])) as [string];
    const client = new HttpClient(`http://127.0.0.1:${Number(line)}`, { maxSockets: options.concurrency, useCookies: false });
    try {
      const r = await closedLoop({
        concurrency: options.concurrency,
        durationMs: options.durationMs,
        task: async () => {
          const res = await client.post('/', options.body());
          if (res.status !== 202) throw new Error(`HTTP ${res.status}`);
        },
      });
      return { concurrency: options.concurrency, durationMs: options.durationMs, answered: r.completed, errors: r.errors, ratePerSecond: round(r.ratePerSecond, 1) };
    } finally {
      client.close();
    }
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
}
