import { Global, Inject, Module, type BeforeApplicationShutdown, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BullMqQueue } from './bullmq-queue.js';
import { InProcessQueue } from './in-process-queue.js';
import { JobQueue } from './job-queue.js';
import { InProcessLeases, Leases, RedisLeases } from './leases.js';

/** Before anything else closes: running jobs finish while the database and Redis are still there. */
class QueueCloser implements BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(JobQueue) private readonly queue: JobQueue,
    @Inject(Leases) private readonly leases: Leases,
  ) {}
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.leases.close();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: JobQueue,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig): JobQueue =>
        c.redisUrl ? new BullMqQueue(c.redisUrl, c.workersInProcess, c.redisPrefix) : new InProcessQueue(),
    },
    {
      provide: Leases,
      inject: [APP_CONFIG],
      useFactory: (c: AppConfig): Leases => (c.redisUrl ? new RedisLeases(c.redisUrl, c.redisPrefix) : new InProcessLeases()),
    },
    QueueCloser,
  ],
  exports: [JobQueue, Leases],
})
export class JobsModule {}
