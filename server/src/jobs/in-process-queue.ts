import { Logger } from '@nestjs/common';
import { backoffMs, DEFAULT_ATTEMPTS, JobQueue, type JobHandler, type JobOptions } from './job-queue.js';

/** Runs jobs in this process with retries and backoff. For the embedded single-process mode. */
export class InProcessQueue extends JobQueue {
  readonly runsProcessors = true;
  readonly driver = 'in-process' as const;
  private readonly log = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly pendingIds = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private closed = false;

  async add(name: string, data: unknown, options: JobOptions = {}): Promise<void> {
    if (this.closed) return;
    if (options.jobId) {
      if (this.pendingIds.has(options.jobId)) return;
      this.pendingIds.add(options.jobId);
    }
    this.schedule(options.delayMs ?? 0, () => this.run(name, data, 1, options));
  }

  process(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  async every(name: string, everyMs: number): Promise<void> {
    let busy = false;
    const tick = async () => {
      if (busy || this.closed) return;
      busy = true;
      try {
        await this.invoke(name, {});
      } catch (err) {
        this.log.error(`${name} failed: ${(err as Error).message}`);
      } finally {
        busy = false;
      }
    };
    const timer = setInterval(() => void this.track(tick()), everyMs);
    timer.unref();
    this.timers.add(timer);
    this.schedule(0, tick);
  }

  async health() {
    return { up: !this.closed };
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await Promise.allSettled([...this.running]);
  }

  private schedule(delayMs: number, fn: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) void this.track(fn());
    }, delayMs);
    this.timers.add(timer);
  }

  private track(p: Promise<void>): Promise<void> {
    this.running.add(p);
    return p.finally(() => this.running.delete(p));
  }

  private async invoke(name: string, data: unknown): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`no processor registered for job "${name}"`);
    await handler(data);
  }

  private async run(name: string, data: unknown, attempt: number, options: JobOptions): Promise<void> {
    try {
      await this.invoke(name, data);
      if (options.jobId) this.pendingIds.delete(options.jobId);
    } catch (err) {
      const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
      if (attempt >= attempts) {
        if (options.jobId) this.pendingIds.delete(options.jobId);
        this.log.error(`${name} failed for good after ${attempt} attempts: ${(err as Error).message}`);
        return;
      }
      this.log.warn(`${name} failed (attempt ${attempt}/${attempts}), retrying: ${(err as Error).message}`);
      this.schedule(backoffMs(attempt), () => this.run(name, data, attempt + 1, options));
    }
  }
}
