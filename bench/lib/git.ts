/**
 * The commit a bench ran on, for its report: short SHA, "+dirty" when tracked files were changed.
 * Read-only (--no-optional-locks: git status does not even refresh the index).
 */
import { execFileSync } from 'node:child_process';

export function gitCommit(root: string): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['--no-optional-locks', 'status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${sha}+dirty` : sha;
  } catch {
    return null;
  }
}
