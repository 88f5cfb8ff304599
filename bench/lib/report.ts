/** What the benches' printed reports share: the header, the socket and server-log lines, figure formats. */
import type { Environment, ServerLog, SocketCounts } from './results.js';
import type { Summary } from './stats.js';

export const ms = (v: number | null | undefined) => (v === undefined || v === null || Number.isNaN(v) ? '-' : `${v.toFixed(1)} ms`);
export const verdict = (ok: boolean | null) => (ok === null ? '' : ok ? '  OK' : '  MISSED');
export const pcts = (s: Summary | null) => (s ? `p50 ${ms(s.p50)}  p90 ${ms(s.p90)}  p99 ${ms(s.p99)}  max ${ms(s.max)}` : 'no samples');

/** The report's first lines: which bench against what, and the machine it shared with `sharedBy`. */
export function headerLines(title: string, env: Environment, sharedBy: string): string[] {
  return ['', `Switchboard ${title}`, `  node ${env.node}, ${env.cpus} CPUs, commit ${env.commit ?? 'unknown'}; ${sharedBy} share the machine`, ''];
}

export function socketLine(s: SocketCounts, count: (v: number) => string = String): string {
  return `  socket             ${count(s.eventsReceived)} incident.created received, duplicates ${s.duplicateEvents}, disconnects ${s.disconnects}`;
}

/** The server log's warning/error count and its first 15 such lines. */
export function serverLogLines(s: ServerLog): string[] {
  const lines = [`  server log         ${s.problemLines} warning/error line(s) in ${s.logFile}`];
  for (const p of s.problems.slice(0, 15)) lines.push(`    | ${p}`);
  if (s.problems.length > 15) lines.push(`    | ... (${s.problems.length - 15} more in the log)`);
  return lines;
}
