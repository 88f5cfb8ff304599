import { Logger } from '@nestjs/common';
import { Queue, Worker, type ConnectionOptions } from 'bullmq';
import { DEFAULT_ATTEMPTS, JobQueue, type JobHandler, type JobOptions } from './job-queue.js';

const QUEUE_NAME = 'switchboard';

function connection(redisUrl: string): ConnectionOptions {
  const u = new URL(redisUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/** BullMQ on Redis: one queue, job names dispatch to processors. */
export class BullMqQueue extends JobQueue {
  readonly driver = 'bullmq' as const;
  private readonly log = new Logger('Jobs');
  private readonly queue: Queue;
  private readonly handlers = new Map<string, JobHandler>();
  private worker?: Worker;

  constructor(
    private readonly redisUrl: string,
    readonly runsProcessors: boolean,
    /** Separates test runs sharing one Redis. */
    private readonly prefix = 'sb',
    private readonly concurrency = 8,
  ) {
    super();
    this.queue = new Queue(QUEUE_NAME, { connection: connection(redisUrl), prefix });
  }

  async add(name: string, data: unknown, options: JobOptions = {}): Promise<void> {
    await this.queue.add(name, data, {
      jobId: options.jobId,
      delay: options.delayMs,
      attempts: options.attempts ?? DEFAULT_ATTEMPTS,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { count: 1000 },
      removeOnFail: { count: 5000 },
    });
  }

  process(name: string, handler: JobHandler): void {
    if (!this.runsProcessors) throw new Error(`this process does not run job processors (job "${name}")`);
    this.handlers.set(name, handler);
    if (this.worker) return;
    // A job due before its processor is registered fails once and is retried with backoff.
    this.worker = new Worker(
      QUEUE_NAME,
      async (job) => {
        const h = this.handlers.get(job.name);
        if (!h) throw new Error(`no processor registered for job "${job.name}"`);
        await h(job.data);
      },
      { connection: connection(this.redisUrl), prefix: this.prefix, concurrency: this.concurrency },
    );
    this.worker.on('failed', (job, err) => this.log.warn(`${job?.name} failed (attempt ${job?.attemptsMade}): ${err.message}`));
  }

  async every(name: string, everyMs: number): Promise<void> {
    await this.queue.upsertJobScheduler(name, { every: everyMs }, { name, data: {} });
  }

  async health() {
    try {
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Redis did not answer within 2 s')), 2000).unref());
      await Promise.race([this.queue.getJobCounts('waiting'), timeout]);
      return { up: true };
    } catch (err) {
      return { up: false, message: (err as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
