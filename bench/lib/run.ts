/**
 * The entry-point skeleton every bench shares: parse the options (usage on --help, usage and exit 2 on
 * a bad option), run with a clean-up that also runs on errors and SIGINT/SIGTERM, then print the
 * report (and with --profile the server's CPU profile summary) and write the results JSON. Exit 0
 * whether or not the targets were met, 1 when the bench itself failed.
 */
import { relative } from 'node:path';
import { Cleanup } from './cleanup.js';
import { serverProfileFile } from './bench-server.js';
import { repoRoot, resultsPath } from './paths.js';
import { formatProfileSummary, summarizeProfile } from './profile-summary.js';
import { writeResults, type BenchResult } from './results.js';

export interface Bench<O extends { profile: boolean }, R extends BenchResult> {
  usage: string;
  /** The options, or null when --help was asked for; throws on a bad option. */
  parseOptions(argv: string[]): O | null;
  /** Everything it starts registers its own clean-up. */
  run(root: string, options: O, cleanup: Cleanup): Promise<R>;
  formatReport(result: R): string;
  /** The server's name (startBenchServer's): its --profile CPU profile is bench/results/server-<name>.cpuprofile. */
  serverName(options: O): string;
  /** The results file in bench/results/, e.g. ingest-latest.json. */
  resultsName(options: O): string;
}

async function main<O extends { profile: boolean }, R extends BenchResult>(bench: Bench<O, R>, argv: string[]): Promise<number> {
  let options: O | null;
  try {
    options = bench.parseOptions(argv);
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${bench.usage}`);
    return 2;
  }
  if (!options) {
    console.log(bench.usage);
    return 0;
  }
  const root = repoRoot(import.meta.url);
  const cleanup = new Cleanup();
  cleanup.installHandlers();
  let result: R;
  try {
    result = await bench.run(root, options, cleanup);
  } catch (err) {
    if (cleanup.interruptedBy) console.error(`interrupted (${cleanup.interruptedBy}): no report`);
    else console.error(`\nthe bench failed: ${(err as Error).stack ?? err}`);
    return 1;
  } finally {
    await cleanup.runAll(); // stops the server (which writes its CPU profile) and all else the bench started
  }
  console.log(bench.formatReport(result));
  if (options.profile) {
    const file = serverProfileFile(root, bench.serverName(options));
    try {
      result.profile = summarizeProfile(file);
      console.log(formatProfileSummary(result.profile, relative(root, file)));
    } catch (err) {
      console.error(`  server CPU profile: could not read ${file}: ${(err as Error).message}`);
    }
  }
  const file = resultsPath(root, bench.resultsName(options));
  writeResults(file, result);
  console.log(`\nfigures written to ${relative(root, file)}`);
  return 0;
}

/** Runs `bench` with the process's arguments and sets the exit code. */
export async function runBench<O extends { profile: boolean }, R extends BenchResult>(bench: Bench<O, R>): Promise<void> {
  process.exitCode = await main(bench, process.argv.slice(2));
  // Nothing should be left running, but a stray handle must not keep a finished bench alive.
  setTimeout(() => process.exit(), 2000).unref();
}
