/**
 * Spawns the built Switchboard server as a child process on a free loopback port, waits for
 * GET /api/health to answer 200, keeps its log (to a file and a short in-memory tail, with the
 * warning/error lines picked out) and stops it (SIGTERM, then SIGKILL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { probe } from './http.js';

/** Every variable the server's loadConfig() reads: removed from the inherited environment. */
const SERVER_ENV_KEYS = [
  'PORT', 'HOST', 'DATABASE_URL', 'REDIS_URL', 'DATA_DIR', 'REDIS_PREFIX', 'WORKERS_IN_PROCESS', 'PUBLIC_URL',
  'SECURE_COOKIES', 'TRUST_PROXY', 'SESSION_TTL_HOURS', 'BODY_LIMIT', 'INTAKE_RATE_LIMIT', 'LOGIN_RATE_LIMIT',
  'DEFAULT_COUNTRY', 'SWITCHBOARD_ADMIN_EMAIL', 'SWITCHBOARD_ADMIN_PASSWORD', 'WEB_DIST', 'LOG_LEVEL', 'SECRET_KEY', 'EMAIL_MAX_BYTES', 'ATTACHMENT_MAX_BYTES', 'MESSAGING_THREAD_HOURS', 'TWILIO_API_URL',
];

/** Lines of the server log worth showing: warnings, errors and stack frames. */
const PROBLEM_LINE = /\b(WARN|ERROR|FATAL)\b|\b\w*Error\b|^\s+at\s|unhandled|uncaught/i;
/** Colour codes, in case the logger colours anyway. */
const ANSI = /\x1b\[[0-9;]*m/g;

export interface ServerOptions {
  /** The server entry point (dist/server/src/main.js). */
  entry: string;
  cwd: string;
  /** Environment for the server, on top of the inherited one minus SERVER_ENV_KEYS. PORT/HOST are set here. */
  env: Record<string, string>;
  /** Where the server's stdout and stderr go. */
  logFile: string;
  /** Extra node options before the entry (e.g. --import a preload). */
  nodeArgs?: string[];
  /** Log lines that are expected in this set-up and not worth reporting. */
  expectedLines?: RegExp[];
  startTimeoutMs?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Warning/error lines seen in the server log so far (at most 500). */
  problems(): string[];
  /** The last lines of the log. */
  tail(): string[];
  /** Why the server is no longer running (e.g. "exited with code 1"), or null while it runs. */
  death(): string | null;
  /** Stops the server; safe to call more than once. */
  stop(): Promise<void>;
  /** Synchronous last resort (process exit). */
  killNow(): void;
}

/** A TCP port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  if (!existsSync(options.entry)) {
    throw new Error(`the server is not built (${options.entry} is missing): run "npm run build:server" first`);
  }
  const port = await freePort();
  const host = '127.0.0.1';
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !SERVER_ENV_KEYS.includes(k)) env[k] = v;
  delete env.FORCE_COLOR;
  Object.assign(env, { NO_COLOR: '1' }, options.env, { PORT: String(port), HOST: host });

  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'w' });
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });

  const tail: string[] = [];
  const problems: string[] = [];
  const expected = options.expectedLines ?? [];
  const onLine = (raw: string) => {
    const line = raw.replace(ANSI, '');
    if (!log.writableEnded) log.write(`${line}\n`);
    tail.push(line);
    if (tail.length > 60) tail.shift();
    if (PROBLEM_LINE.test(line) && !expected.some((re) => re.test(line)) && problems.length < 500) problems.push(line);
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);

  let exitCode: number | null | undefined;
  let exitSignal: NodeJS.Signals | null = null;
  let stopping = false;
  // 'close' rather than 'exit': by then the output has been read to the end.
  const exited = new Promise<void>((resolve) =>
    child.once('close', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      resolve();
    }),
  );
  const death = () => (exitCode === undefined ? null : `the server exited (code ${exitCode}, signal ${exitSignal})${stopping ? '' : ' unexpectedly'}`);
  let stopped: Promise<void> | undefined;

  const url = `http://${host}:${port}`;
  const server: RunningServer = {
    url,
    port,
    pid: child.pid ?? -1,
    logFile: options.logFile,
    problems: () => [...problems],
    tail: () => [...tail],
    death,
    stop: () => {
      stopping = true;
      stopped ??= stopChild(child, exited, () => exitCode !== undefined).then(() => new Promise<void>((resolve) => log.end(resolve)));
      return stopped;
    },
    killNow: () => {
      if (exitCode === undefined) child.kill('SIGKILL');
    },
  };

  try {
    await waitForHealth(url, options.startTimeoutMs ?? 60_000, death);
  } catch (err) {
    await server.stop();
    const msg = `${(err as Error).message}\n--- last lines of ${options.logFile} ---\n${tail.join('\n')}`;
    throw new Error(msg);
  }
  return server;
}

async function waitForHealth(baseUrl: string, timeoutMs: number, died: () => string | null): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const death = died();
    if (death) throw new Error(death);
    try {
      const status = await probe(`${baseUrl}/api/health`, 2000);
      if (status === 200) return;
      last = `GET /api/health answered ${status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(200);
  }
  throw new Error(`the server was not healthy within ${timeoutMs / 1000} s (${last})`);
}

async function stopChild(child: ChildProcess, exited: Promise<void>, hasExited: () => boolean): Promise<void> {
  if (hasExited()) return;
  child.kill('SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!graceful && !hasExited()) {
    console.error(`the server (pid ${child.pid}) did not stop within 10 s of SIGTERM: killing it`);
    child.kill('SIGKILL');
    await exited;
  }
}
