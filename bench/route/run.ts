/**
 * Routing decision bench: how long intake takes to decide what to do with one incoming request — duplicate
 * check (lock, candidates query, decide) plus routing (workflow rules, then the server's AssignmentRepository
 * context() and technicians() and rankTechnicians + nextOffer, as assignBest() decides) — with 10,000 and with 1,000,000 incidents in the database. The 10k figure is
 * the baseline measured in the same run; target: the large case at most 2x the small one (p50 and p99).
 * A throwaway database sb_bench_route_<random> on this machine (migrated by the server's openDatabase) is
 * loaded with set-based SQL, measured, grown in place to the large size, measured again, and dropped
 * (also on errors and Ctrl-C). Reports; exit 0 whether or not the target is met, 1 when the bench failed.
 *
 *   npm run build:server && npx tsc -p tsconfig.bench.json && node dist-bench/bench/route/run.js [--help]
 */
import 'reflect-metadata';
import { mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openDatabase } from '../../server/src/database/database.module.js';
import { Cleanup } from '../lib/cleanup.js';
import { repoRoot, resultsPath } from '../lib/paths.js';
import { assertLoopback, createTempDatabase } from '../lib/postgres.js';
import { environment } from '../lib/results.js';
import { newRunId } from '../lib/run-storage.js';
import { round, summarize, type Summary } from '../lib/stats.js';
import { assignOpenIncidents, counts, createStaff, loadIncidents } from './dataset.js';
import { Decider, PARTS, type Knex, type PartTimes } from './decision.js';
import { parseOptions, USAGE, type RouteOptions } from './options.js';
import { formatReport, sizeLabel, TARGETS, verdictLine, type RouteResult, type SizeResult } from './report.js';
import { makeRequests, type RequestKind } from './requests.js';

const log = (msg: string) => console.log(`[bench] ${msg}`);
const CHUNK = 50_000;
/** Below this much free space where PostgreSQL keeps its data, the large size is scaled down. */
const MIN_FREE_BYTES = 10 * 1024 ** 3;
const SCALED_DOWN_LARGE = 200_000;

async function vacuum(c: pg.Client): Promise<number> {
  const t = performance.now();
  await c.query('vacuum analyze');
  // Flush the load's dirty pages now rather than in a checkpoint during the measurement.
  await c.query('checkpoint').catch(() => undefined);
  return performance.now() - t;
}

async function explain(knex: Knex, text: string, params: readonly unknown[]): Promise<string[]> {
  const res = await knex.raw(`explain (analyze, buffers) ${text}`, params as never[]);
  return (res.rows as Array<Record<string, string>>).map((r) => r['QUERY PLAN']!);
}

async function measure(c: pg.Client, knex: Knex, label: string, options: RouteOptions, seed: number): Promise<Omit<SizeResult, 'incidents' | 'data' | 'loadMs' | 'vacuumMs'>> {
  const requests = await makeRequests(c, options.warmup + options.requests, seed);
  const decider = new Decider(knex);
  log(`${label}: ${options.warmup} warm-up decisions, then ${options.requests} measured`);
  for (const req of requests.slice(0, options.warmup)) await decider.decide(req);
  const samples: Record<keyof PartTimes, number[]> = Object.fromEntries(PARTS.map((p) => [p, [] as number[]])) as never;
  const kinds: Record<RequestKind, number> = { again: 0, 'follow-up': 0, 'other-problem': 0, any: 0 };
  const outcomes = { join: 0, suggest: 0, new: 0 };
  let candidates = 0;
  let maxCandidates = 0;
  let fired = 0;
  let assignBest = 0;
  let ranked = 0;
  let rejected = 0;
  let none = 0;
  const started = performance.now();
  for (const req of requests.slice(options.warmup)) {
    const d = await decider.decide(req);
    for (const p of PARTS) samples[p].push(d.times[p]);
    kinds[req.kind]++;
    outcomes[d.check.action]++;
    candidates += d.candidates;
    maxCandidates = Math.max(maxCandidates, d.candidates);
    fired += d.chain.firings.length;
    if (d.ranking) {
      assignBest++;
      ranked += d.ranking.candidates.length;
      rejected += d.ranking.rejected.length;
      if (!d.offer) none++;
    }
  }
  const measureMs = performance.now() - started;
  const n = options.requests;
  const parts = Object.fromEntries(PARTS.map((p) => [p, summarize(samples[p]) as Summary])) as Record<keyof PartTimes, Summary>;
  let plans: SizeResult['explain'];
  if (options.explain) {
    const sample = requests.find((r) => r.kind === 'again') ?? requests[0]!;
    await decider.decide(sample);
    const q = decider.repo.lastCandidatesQuery!;
    const t = decider.lastTechniciansQuery;
    plans = { candidates: await explain(knex, q.text, q.params), technicians: t ? await explain(knex, t.text, t.params) : ['(no assign-best in this run)'] };
  }
  return {
    measureMs,
    parts,
    kinds,
    outcomes,
    candidates: { mean: round(candidates / n, 3), max: maxCandidates },
    rulesFired: round(fired / n, 2),
    assignBest,
    ranked: { candidates: assignBest ? round(ranked / assignBest, 2) : 0, rejected: assignBest ? round(rejected / assignBest, 2) : 0, none },
    ...(plans ? { explain: plans } : {}),
  };
}

async function run(root: string, options: RouteOptions, cleanup: Cleanup, notes: string[]): Promise<RouteResult> {
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  assertLoopback(options.pgAdminUrl, 'the PostgreSQL URL');
  const db = await createTempDatabase(options.pgAdminUrl, `sb_bench_route_${newRunId()}`);
  cleanup.add(`drop database ${db.name}`, db.drop);
  log(`database ${db.name}`);
  const database = await openDatabase({ databaseUrl: db.url, dataDir: '' });
  cleanup.add('close the ORM', () => database.close());
  const knex: Knex = database.orm.em.getKnex();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  cleanup.add('close the loading connection', () => c.end());

  const settings = (await c.query<{ version: string; sb: string; jit: string; wm: string; dir: string | null }>(
    `select current_setting('server_version') as version, current_setting('shared_buffers') as sb, current_setting('jit') as jit,
       current_setting('work_mem') as wm, (select setting from pg_settings where name = 'data_directory') as dir`,
  )).rows[0]!;
  try {
    const fs = statfsSync(settings.dir ?? '/');
    const free = fs.bavail * fs.bsize;
    log(`free space for PostgreSQL's data: ${(free / 1024 ** 3).toFixed(1)} GB`);
    if (free < MIN_FREE_BYTES && options.large > SCALED_DOWN_LARGE) {
      notes.push(`only ${(free / 1024 ** 3).toFixed(1)} GB free: the large size was scaled down from ${options.large} to ${SCALED_DOWN_LARGE} incidents`);
      options = { ...options, large: Math.max(SCALED_DOWN_LARGE, options.small + 20) };
    }
  } catch {
    notes.push('could not read the free space of the data directory');
  }

  const anchor = new Date();
  await createStaff(c, anchor);
  const sizes: SizeResult[] = [];
  let loaded = 0;
  for (const [i, target] of [options.small, options.large].entries()) {
    const label = sizeLabel(target);
    const t = performance.now();
    log(`${label}: loading incidents ${loaded}..${target - 1}`);
    let shown = 0;
    await loadIncidents(c, { from: loaded, to: target, anchor, chunk: CHUNK }, (done) => {
      if (done - shown >= 200_000) {
        shown = done;
        log(`  ${done} incidents loaded (${((performance.now() - t) / 1000).toFixed(0)} s)`);
      }
    });
    await assignOpenIncidents(c, anchor);
    const loadMs = performance.now() - t;
    loaded = target;
    const vacuumMs = await vacuum(c);
    const data = await counts(c);
    log(`${label}: ${data.incidents} incidents, ${data.messages} messages in ${(loadMs / 1000).toFixed(1)} s, VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s, database ${(data.databaseBytes / 1_048_576).toFixed(0)} MB`);
    const m = await measure(c, knex, label, options, 42 + i);
    sizes.push({ incidents: target, data, loadMs, vacuumMs, ...m });
  }
  const [small, large] = sizes as [SizeResult, SizeResult];
  const ratio = {
    p50: round(large.parts.total.p50 / small.parts.total.p50, 3),
    p99: round(large.parts.total.p99 / small.parts.total.p99, 3),
    mean: round(large.parts.total.mean / small.parts.total.mean, 3),
  };
  const { pgAdminUrl: _url, ...shown } = options;
  return {
    bench: 'route',
    startedAt,
    finishedAt: new Date().toISOString(),
    durationMs: performance.now() - t0,
    environment: environment(root),
    postgres: { version: settings.version, sharedBuffers: settings.sb, jit: settings.jit, workMem: settings.wm },
    settings: shown,
    small,
    large,
    ratio,
    targets: TARGETS,
    met: { p50: ratio.p50 <= TARGETS.ratioMax, p99: ratio.p99 <= TARGETS.ratioMax },
  };
}

async function main(argv: string[]): Promise<number> {
  let options: RouteOptions | null;
  try {
    options = parseOptions(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }
  const root = repoRoot(import.meta.url);
  const cleanup = new Cleanup();
  cleanup.installHandlers();
  const notes: string[] = [];
  let result: RouteResult;
  try {
    result = await run(root, options, cleanup, notes);
  } catch (err) {
    if (cleanup.interruptedBy) console.error(`interrupted (${cleanup.interruptedBy}): no report`);
    else console.error(`\nthe bench failed: ${(err as Error).stack ?? err}`);
    return 1;
  } finally {
    await cleanup.runAll(); // closes the connections and drops the database
  }
  console.log(formatReport(result));
  for (const note of notes) console.log(`  note               ${note}`);
  const file = resultsPath(root, 'route-latest.json');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ...result, notes }, null, 2)}\n`);
  console.log(`\nfigures written to ${relative(root, file)}`);
  console.log(verdictLine(result));
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
// Nothing should be left running, but a stray handle must not keep a finished bench alive.
setTimeout(() => process.exit(), 2000).unref();
