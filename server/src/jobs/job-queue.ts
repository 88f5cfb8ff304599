/**
 * One queue interface, two drivers: BullMQ on Redis (several processes) and an in-process driver for the
 * embedded single process. The database, not the queue, is the source of truth: every job either
 * re-reads its rows or is re-found by a periodic sweep, so a job lost with a process is not lost work.
 */
export type JobHandler = (data: any) => Promise<void>;

export interface JobOptions {
  /** Same id twice = one job (BullMQ dedup; in-process: ignored while the first is pending). */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
}

export abstract class JobQueue {
  /** True where this process runs job processors (workers process, or the embedded server). */
  abstract readonly runsProcessors: boolean;
  abstract readonly driver: 'bullmq' | 'in-process';
  abstract add(name: string, data: unknown, options?: JobOptions): Promise<void>;
  /** Registers the processor of a job name; only called where runsProcessors. */
  abstract process(name: string, handler: JobHandler): void;
  /** A repeating job (one schedule across all processes). */
  abstract every(name: string, everyMs: number): Promise<void>;
  abstract health(): Promise<{ up: boolean; message?: string }>;

  /** A periodic job, run only where this process runs processors: the one way modules schedule work. */
  async repeat(name: string, everyMs: number, handler: () => Promise<unknown>): Promise<void> {
    if (!this.runsProcessors) return;
    this.process(name, async () => void (await handler()));
    await this.every(name, everyMs);
  }
  abstract close(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 5;
export const backoffMs = (attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1));
