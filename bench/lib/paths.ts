import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root: the nearest folder above `fromUrl` (import.meta.url) whose package.json is
 * the switchboard package. Works from bench/ (TypeScript) and from dist-bench/bench/ (compiled).
 */
export function repoRoot(fromUrl: string): string {
  let dir = dirname(fileURLToPath(fromUrl));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'switchboard') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`no switchboard package.json above ${fileURLToPath(fromUrl)}`);
    dir = up;
  }
}

/** A file in bench/results/ (results JSON, server logs, CPU profiles). */
export function resultsPath(root: string, name: string): string {
  return join(root, 'bench/results', name);
}
