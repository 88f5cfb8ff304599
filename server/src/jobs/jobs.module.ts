import { Global, Inject, Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { BullMqQueue } from './bullmq-queue.js';
import { InProcessQueue } from './in-process-queue.js';
import { JobQueue } from './job-queue.js';

/** Before anything else closes: running jobs finish while the database and Redis are still there. */
class QueueCloser implements BeforeApplicationShutdown {
  constructor(@Inject(JobQueue) private readonly queue: JobQueue) {}
  async beforeApplicationShutdown(): Promise<void> {
    await this.queue.close();
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
    QueueCloser,
  ],
  exports: [JobQueue],
})
export class JobsModule {}
