/** The built workers process (dist/workers/src/main.js) as a child, to kill it for real. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('../../../dist/workers/src/main.js', import.meta.url));

export interface WorkersProcess {
  readonly child: ChildProcess;
  /** Everything it printed. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export function startWorkersProcess(env: Record<string, string>): WorkersProcess {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build:server" (npm test does)`);
  const child = spawn(process.execPath, [ENTRY], { env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return {
    child,
    output: () => out,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
