import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `probe` until `done` holds for its value; throws with the last value after `timeoutMs`. */
export async function waitUntil<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`);
    await sleep(100);
    last = await probe();
  }
  return last;
}
