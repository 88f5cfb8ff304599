import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded database is one process's: a second process opening the same folder would corrupt it.
 * Returns the release function.
 */
export function lockEmbeddedDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'switchboard.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx'); // atomic: of two processes starting together, one gets it
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new Error(
          `Another Switchboard process (pid ${pid}) is using the embedded database in ${dataDir}. ` +
            'Stop it first: the embedded database serves one process. (Use DATABASE_URL and REDIS_URL to run several.)',
        );
      }
      rmSync(file, { force: true }); // left by a process that died
    }
  }
  throw new Error(`could not take the lock ${file}`);
}
