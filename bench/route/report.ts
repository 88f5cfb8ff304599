/** The route bench's result: its shape and the printed report (one block per size, then the ratio and a verdict). */
import { headerLines, labelled, verdict } from '../lib/report.js';
import type { Environment } from '../lib/results.js';
import type { Summary } from '../lib/stats.js';
import type { DataCounts } from './dataset.js';
import type { PartTimes } from './decision.js';
import type { RouteOptions } from './options.js';
import type { RequestKind } from './requests.js';

/** The large size's decision time at most this many times the small one's (p50 and p99). */
export const TARGETS = { ratioMax: 2 } as const;

export interface SizeResult {
  incidents: number;
  data: DataCounts;
  /** Loading (or growing to) this size, then VACUUM ANALYZE. */
  loadMs: number;
  vacuumMs: number;
  measureMs: number;
  parts: Record<keyof PartTimes, Summary>;
  kinds: Record<RequestKind, number>;
  outcomes: { join: number; suggest: number; new: number };
  candidates: { mean: number; max: number };
  rulesFired: number;
  assignBest: number;
  ranked: { candidates: number; rejected: number; none: number };
  explain?: { candidates: string[]; technicians: string[] };
}

export interface RouteResult {
  bench: 'route';
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  environment: Environment;
  postgres: { version: string; sharedBuffers: string; jit: string; workMem: string };
  settings: Omit<RouteOptions, 'pgAdminUrl'>;
  small: SizeResult;
  large: SizeResult;
  ratio: { p50: number; p99: number; mean: number };
  targets: typeof TARGETS;
  met: { p50: boolean; p99: boolean };
}

const f = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));
const ms = (v: number) => `${f(v)} ms`;
const int = (n: number) => n.toLocaleString('en-US');
const pct = (n: number, of: number) => `${of ? Math.round((100 * n) / of) : 0}%`;
export const sizeLabel = (n: number) => (n >= 1_000_000 && n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const x = (a: number, b: number) => (b > 0 ? `x${(a / b).toFixed(2)}` : 'x-');
const mb = (bytes: number) => `${int(Math.round(bytes / 1_048_576))} MB`;

const ROWS: Array<[keyof PartTimes, string]> = [
  ['total', 'decision'],
  ['dedup', '  dedup'],
  ['lock', '    lock'],
  ['candidates', '    candidates SQL'],
  ['decide', '    gists + decide'],
  ['routing', '  routing'],
  ['customer', '    customer SQL'],
  ['rules', '    runChain'],
  ['technicians', '    ctx + techs SQL'],
  ['rank', '    rank + nextOffer'],
];

function dataLine(label: string, s: SizeResult): string {
  const d = s.data;
  return labelled(
    `data ${label}`,
    `${int(d.incidents)} incidents (${int(d.openIncidents)} open), ${int(d.messages)} messages, ${int(d.customers)} customers, ${int(d.contacts)} contacts, ${d.technicians} technicians, ${int(d.offers)} offers; ` +
      `database ${mb(d.databaseBytes)}; loaded in ${(s.loadMs / 1000).toFixed(1)} s + VACUUM ANALYZE ${(s.vacuumMs / 1000).toFixed(1)} s`,
  );
}

function sizeLines(label: string, s: SizeResult, base: SizeResult | null): string[] {
  const lines = [''];
  for (const [part, name] of ROWS) {
    const p = s.parts[part];
    const vs = base ? `   vs ${sizeLabel(base.incidents)}: p50 ${x(p.p50, base.parts[part].p50)}  p99 ${x(p.p99, base.parts[part].p99)}` : '';
    const text = `p50 ${ms(p.p50).padStart(9)}  p90 ${ms(p.p90).padStart(9)}  p99 ${ms(p.p99).padStart(9)}  max ${ms(p.max).padStart(9)}  mean ${ms(p.mean).padStart(9)}${vs}`;
    lines.push(`  ${(part === 'total' ? label : '').padEnd(5)}${name.padEnd(21)}${text}`);
  }
  const n = s.parts.total.count;
  const o = s.outcomes;
  lines.push(
    labelled(
      '',
      `${''.padEnd(8)}dedup: join ${pct(o.join, n)}, suggest ${pct(o.suggest, n)}, new ${pct(o.new, n)}; ${s.candidates.mean.toFixed(2)} candidates a request (max ${s.candidates.max}); ` +
        `rules: ${s.rulesFired.toFixed(1)} fired a request, assign-best for ${pct(s.assignBest, n)}: ${s.ranked.candidates.toFixed(1)} ranked, ${s.ranked.rejected.toFixed(1)} rejected, ${s.ranked.none} with nobody free`,
    ),
  );
  lines.push(labelled('', `${''.padEnd(8)}measured in ${(s.measureMs / 1000).toFixed(1)} s`));
  if (s.explain) {
    lines.push(labelled('', `EXPLAIN candidates (one request, ${label}):`), ...s.explain.candidates.map((l) => `      | ${l}`));
    lines.push(labelled('', `EXPLAIN technicians (${label}):`), ...s.explain.technicians.map((l) => `      | ${l}`));
  }
  return lines;
}

export function verdictLine(r: RouteResult): string {
  const s = sizeLabel(r.small.incidents);
  const l = sizeLabel(r.large.incidents);
  const ok = r.met.p50 && r.met.p99;
  return (
    `route: ${l} incidents p50 ${ms(r.large.parts.total.p50)} / p99 ${ms(r.large.parts.total.p99)} vs ${s} p50 ${ms(r.small.parts.total.p50)} / p99 ${ms(r.small.parts.total.p99)}` +
    ` = x${r.ratio.p50.toFixed(2)} / x${r.ratio.p99.toFixed(2)} (target <= x${r.targets.ratioMax}): ${ok ? 'OK' : 'MISSED'}`
  );
}

export function formatReport(r: RouteResult): string {
  const s = sizeLabel(r.small.incidents);
  const l = sizeLabel(r.large.incidents);
  const k = r.small.kinds;
  const n = r.settings.requests;
  return [
    ...headerLines('routing decision bench — duplicate check + workflow rules + technician ranking per incoming request', r.environment, 'the bench and PostgreSQL'),
    labelled('postgres', `${r.postgres.version}, shared_buffers ${r.postgres.sharedBuffers}, work_mem ${r.postgres.workMem}, jit ${r.postgres.jit}; one connection, one rolled-back transaction a decision`),
    dataLine(s, r.small),
    dataLine(l, r.large),
    labelled(
      'requests',
      `${int(n)} a size after ${int(r.settings.warmup)} warm-up, from existing contacts: ${pct(k.again, n)} the same problem again, ${pct(k['follow-up'], n)} a follow-up, ` +
        `${pct(k['other-problem'], n)} another problem, of a customer with an incident active in the last 4 days; ${pct(k.any, n)} any contact, any problem`,
    ),
    labelled(
      '',
      `routed: a fresh incident per request (inserted after dedup, rules' outcome written: not in the decision, ${s} p50 ${ms(r.small.parts.writes.p50)}, ${l} p50 ${ms(r.large.parts.writes.p50)}); ` +
        `AssignmentRepository.context() + technicians(), rankTechnicians + nextOffer`,
    ),
    ...sizeLines(s, r.small, null),
    ...sizeLines(l, r.large, r.small),
    '',
    labelled(`ratio ${l} / ${s}`, `p50 x${r.ratio.p50.toFixed(2)}${verdict(r.met.p50)}   p99 x${r.ratio.p99.toFixed(2)}${verdict(r.met.p99)}   mean x${r.ratio.mean.toFixed(2)}   (target: ${l} at most x${r.targets.ratioMax} the ${s} figure)`),
    labelled('run', `${(r.durationMs / 1000).toFixed(0)} s in all`),
  ].join('\n');
}
