/** Lanes: in order per key, bounded overall, a failing task does not stop its lane. */
import { describe, expect, it } from 'vitest';
import { Lanes } from '../../src/ingest/lanes.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('lanes', () => {
  it('runs the tasks of one key in order, and keys side by side up to the limit', async () => {
    const lanes = new Lanes(2);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      running++;
      most = Math.max(most, running);
      log.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      log.push(`end ${name}`);
      running--;
    };
    const done = [lanes.run('a', task('a1', 10)), lanes.run('a', task('a2', 1)), lanes.run('b', task('b1', 1)), lanes.run('c', task('c1', 1)), lanes.run('d', task('d1', 1))];
    expect(lanes.busy).toBe(4);
    await Promise.all(done);
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(most).toBe(2);
    expect(log.filter((l) => l.startsWith('end'))).toHaveLength(5);
    expect(lanes.busy).toBe(0);
  });

  it('goes on after a task fails, and tells when it is idle', async () => {
    const lanes = new Lanes(1);
    const ran: string[] = [];
    void lanes.run('a', async () => {
      await tick();
      throw new Error('boom');
    });
    void lanes.run('a', async () => void ran.push('after the failure'));
    expect(await lanes.idle(1000)).toBe(true);
    expect(ran).toEqual(['after the failure']);
    void lanes.run('slow', () => new Promise((r) => setTimeout(r, 200)));
    expect(await lanes.idle(20)).toBe(false);
    expect(await lanes.idle(1000)).toBe(true);
  });
});
