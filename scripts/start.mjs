#!/usr/bin/env node
// `npm start`: builds what is missing or stale (server with tsc, web app with Vite), then runs the server.
// `--workers` runs the workers process instead; `--seed-demo` loads the demo data and exits.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function run(what, args) {
  console.log(`> ${what}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vite = join(root, 'node_modules/vite/bin/vite.js');
// tsc is incremental: fast when nothing changed, so it always runs.
run('building the server (tsc)', [tsc, '-p', 'tsconfig.build.json']);
const mode = process.argv[2];
if (!mode && newest(join(root, 'web')) > mtime(join(root, 'web/dist/index.html'))) {
  run('building the web app (vite)', [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
}

const entry = {
  undefined: 'dist/server/src/main.js',
  '--workers': 'dist/workers/src/main.js',
  '--seed-demo': 'dist/server/src/seed/seed-demo.js',
}[String(mode)];
if (!entry) {
  console.error(`unknown option ${mode}; use --workers or --seed-demo`);
  process.exit(2);
}
await import(join(root, entry));
