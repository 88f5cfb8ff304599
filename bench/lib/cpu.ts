/**
 * CPU time per request, by process: the server, PostgreSQL (every process of the cluster: backends, WAL
 * writer, checkpointer), Redis and the bench client, read from /proc over one phase. Unlike a rate or a
 * latency, CPU time per request barely moves when something else on the machine takes the cores for a while,
 * so two builds can be compared on a busy machine; and it says where a request's cost goes.
 * Linux only, and only for processes on this machine (the bench's services are on loopback): a process
 * whose /proc entry cannot be read counts as absent.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { withClient } from './postgres.js';
import { round } from './stats.js';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** user + system CPU seconds of one process so far, or null when it cannot be read. */
export function cpuSecondsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime (fields 14, 15)
  } catch {
    return null;
  }
}

/** The processes to account for, by name (pids, read at the start of the phase). */
export type ProcessGroups = Record<string, number[]>;

/** The server, the PostgreSQL cluster of `databaseUrl` (its pg_stat_activity lists background processes too), Redis, this client. */
export async function benchProcesses(serverPid: number, databaseUrl: string | null, redisUrl: string | null): Promise<ProcessGroups> {
  const groups: ProcessGroups = { server: [serverPid], client: [process.pid] };
  if (databaseUrl) {
    const rows = await withClient(databaseUrl, (c) => c.query<{ pid: number }>('select pid from pg_stat_activity where pid <> pg_backend_pid()'));
    groups.postgres = rows.rows.map((r) => r.pid);
  }
  if (redisUrl) {
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
    try {
      await redis.connect();
      const pid = /process_id:(\d+)/.exec(await redis.info('server'))?.[1];
      if (pid) groups.redis = [Number(pid)];
    } finally {
      redis.disconnect();
    }
  }
  return groups;
}

export interface CpuPerRequest {
  requests: number;
  /** Milliseconds of CPU (user + system) per request, by process group; null: could not be read. */
  msPerRequest: Record<string, number | null>;
}

/** Starts counting; `stop(requests)` answers the CPU each group spent per request since. */
export function startCpuCount(groups: ProcessGroups): { stop(requests: number): CpuPerRequest } {
  const read = () => Object.fromEntries(Object.entries(groups).map(([name, pids]) => [name, pids.map(cpuSecondsOf)]));
  const before = read();
  return {
    stop(requests) {
      const after = read();
      const msPerRequest: Record<string, number | null> = {};
      for (const name of Object.keys(groups)) {
        // A process gone meanwhile (a backend closed) is left out rather than counted as a negative.
        const deltas = before[name]!.map((b, i) => (b === null || after[name]![i] === null ? null : after[name]![i]! - b)).filter((d): d is number => d !== null);
        msPerRequest[name] = deltas.length === 0 || requests === 0 ? null : round((deltas.reduce((a, d) => a + d, 0) * 1000) / requests, 3);
      }
      return { requests, msPerRequest };
    },
  };
}
