import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue.js';
import { IngestService } from './ingest.service.js';

export const INGEST_SWEEP_EVERY_MS = 30_000;

/** Where processors run: re-process inbound events that a crash or an outage left unprocessed. */
@Injectable()
export class IngestJobs implements OnApplicationBootstrap {
  constructor(
    private readonly queue: JobQueue,
    private readonly ingest: IngestService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsProcessors) return;
    this.queue.process('ingest.sweep', async () => void (await this.ingest.sweep()));
    await this.queue.every('ingest.sweep', INGEST_SWEEP_EVERY_MS);
  }
}
