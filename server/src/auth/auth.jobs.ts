import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { SessionsService } from './sessions.service.js';

/** Where processors run: forget expired logins once an hour. */
@Injectable()
export class AuthJobs implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly sessions: SessionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsProcessors) return;
    this.queue.process('sessions.purge', async () => void (await this.sessions.purgeExpired()));
    await this.queue.every('sessions.purge', 3_600_000);
  }
}
