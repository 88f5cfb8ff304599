#!/usr/bin/env node
// `npm test`: everything a fresh clone needs, then all three tiers (unit, integration, end-to-end).
// Installs missing Debian packages (chromium), starts PostgreSQL/Redis if they are down, builds the web app,
// runs Vitest, and ends with one line: "tests: N passed, N failed".
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureServices } from './services.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);

const DEBIAN_PACKAGES = [
  { bin: '/usr/bin/chromium', pkg: 'chromium' },
  { bin: '/usr/sbin/dovecot', pkg: 'dovecot-imapd' }, // throwaway IMAP servers in the e-mail tests
];

function ensureDebianPackages() {
  const missing = DEBIAN_PACKAGES.filter((p) => !existsSync(p.bin)).map((p) => p.pkg);
  if (!missing.length) return;
  console.log(`installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq --no-install-recommends ${missing.join(' ')}`, {
    stdio: 'inherit',
  });
}

function node(args, what) {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${what} failed`);
    console.log('tests: 0 passed, 1 failed');
    process.exit(1);
  }
}

ensureDebianPackages();
await ensureServices();
node([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'], 'type check (server, workers, channels, tests)');
// The integration tests that kill a real workers process run the built one (dist/).
node([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], 'server build');
node([join(root, 'node_modules/vue-tsc/bin/vue-tsc.js'), '-p', 'web/tsconfig.json', '--noEmit'], 'type check (web, templates included)');
node([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], 'web build');

const report = join(root, '.artifacts/vitest-report.json');
mkdirSync(join(root, '.artifacts'), { recursive: true });
rmSync(report, { force: true });
const args = ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), ...args], { stdio: 'inherit' });

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0);
  skipped = r.numPendingTests + (r.numTodoTests ?? 0);
}
if (run.status !== 0 && failed === 0) failed = 1; // the runner itself failed (crash, unhandled error)
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
