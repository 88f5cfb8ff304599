#!/usr/bin/env node
// `npm run bench`: makes sure PostgreSQL and Redis answer, builds the server and the benchmarks, then runs
// every benchmark in bench/: ingest, imap, twilio, route, then dedup. Each one reports; a failing one does not stop the
// next, and the exit code is non-zero when any of them failed (not when a target is missed).
//
//   node scripts/bench.mjs [ingest options]    ingest with these options (e.g. --embedded: ingest only,
//                                          --help: every benchmark's options), then imap and twilio with
//                                          their defaults
//   node scripts/bench.mjs --imap [options]    imap only (`npm run bench:imap -- --messages 50`)
//   node scripts/bench.mjs --twilio [options]  twilio only (`npm run bench:twilio -- --rate 50`)
//   node scripts/bench.mjs --route [options]   routing decision time at 10k and 1M incidents only (`npm run bench:route`)
//   node scripts/bench.mjs --dedup             duplicate detection quality only (`npm run bench:dedup`)
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function node(args) {
  return spawnSync(process.execPath, args, { stdio: 'inherit' }).status;
}

function build(args, what) {
  const status = node([tsc, ...args]);
  if (status !== 0) {
    console.error(`${what} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}

const argv = process.argv.slice(2);
/** `--imap` / `--twilio` / `--route` / `--dedup` first: that benchmark only, with the rest of the arguments. */
const only = ['--imap', '--twilio', '--route', '--dedup'].includes(argv[0]) ? argv[0].slice(2) : null;
const help = argv.includes('--help');

/** [name, arguments] of the benchmarks to run, in order. */
const benches = only
  ? [[only, argv.slice(1)]]
  : [
      ['ingest', argv],
      // The imap and twilio benches need PostgreSQL + Redis (they read what was stored from the database).
      ...(argv.includes('--embedded')
        ? []
        : [
            ['imap', help ? ['--help'] : []],
            ['twilio', help ? ['--help'] : []],
            // Dedup + routing decision time with 10,000 and 1,000,000 incidents in PostgreSQL: a few minutes.
            ['route', help ? ['--help'] : []],
          ]),
      // Quality of duplicate detection on the labelled set: no server, a second.
      ...(help ? [] : [['dedup', []]]),
    ];

if (!help) {
  await ensureServices();
  build(['-p', 'tsconfig.build.json'], 'building the server');
}
build(['-p', 'tsconfig.bench.json'], 'building the benchmarks');

const failed = [];
for (const [name, args] of benches) {
  if (benches.length > 1) console.log(help ? '' : `\n=== bench/${name} ===`);
  const status = node([`dist-bench/bench/${name}/run.js`, ...args]);
  if (status !== 0) {
    console.error(`bench/${name} failed (exit ${status})`);
    failed.push({ name, status });
  }
}
if (failed.length > 0) process.exit(failed[0].status ?? 1);
