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

  onApplicationBootstrap(): Promise<void> {
    return this.queue.repeat('sessions.purge', 3_600_000, () => this.sessions.purgeExpired());
  }
}
