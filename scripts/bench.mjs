#!/usr/bin/env node
// `npm run bench`: builds the server and the benchmarks, then runs each benchmark in bench/.
// Extra arguments go to the benchmark (e.g. `npm run bench -- --embedded`, `-- --help`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function run(args, what) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

await ensureServices();
run([tsc, '-p', 'tsconfig.build.json'], 'building the server');
run([tsc, '-p', 'tsconfig.bench.json'], 'building the benchmarks');
run(['dist-bench/bench/ingest/run.js', ...process.argv.slice(2)], 'bench/ingest');
