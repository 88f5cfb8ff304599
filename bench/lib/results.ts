/**
 * What every bench's results hold besides its own figures (when and where it ran, the agent's socket,
 * the server's log, the CPU profile), and the JSON file they are written to.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, relative } from 'node:path';
import { gitCommit } from './git.js';
import type { InboxWatcher } from './inbox.js';
import type { ProfileSummary } from './profile-summary.js';
import type { RunningServer } from './server.js';

export interface Environment {
  node: string;
  cpus: number;
  platform: string;
  commit: string | null;
}

export interface SocketCounts {
  /** The event counted, e.g. 'incident.created'. */
  event: string;
  eventsReceived: number;
  duplicateEvents: number;
  disconnects: number;
}

export interface ServerLog {
  logFile: string;
  problemLines: number;
  problems: string[];
}

export interface BenchResult {
  startedAt: string;
  finishedAt: string;
  environment: Environment;
  socket: SocketCounts;
  server: ServerLog;
  /** With --profile: where the server's CPU went. */
  profile?: ProfileSummary;
}

/** The common part of a bench's results: when (from `startedAt` to now) and where it ran, the agent's socket, the server's log. */
export function commonResults(root: string, startedAt: string, inbox: InboxWatcher, server: RunningServer): Omit<BenchResult, 'profile'> {
  return { startedAt, finishedAt: new Date().toISOString(), environment: environment(root), socket: socketCounts(inbox), server: serverLog(root, server) };
}

export function environment(root: string): Environment {
  return { node: process.version, cpus: availableParallelism(), platform: `${process.platform}-${process.arch}`, commit: gitCommit(root) };
}

export function socketCounts(inbox: InboxWatcher): SocketCounts {
  return { event: inbox.event, eventsReceived: inbox.received, duplicateEvents: inbox.duplicates, disconnects: inbox.disconnects };
}

/** The server's warning/error lines so far (the first 100 kept) and where its whole log is. */
export function serverLog(root: string, server: RunningServer): ServerLog {
  const problems = server.problems();
  return { logFile: relative(root, server.logFile), problemLines: problems.length, problems: problems.slice(0, 100) };
}

export function writeResults(file: string, result: BenchResult): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
}
