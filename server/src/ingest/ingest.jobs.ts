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

  onApplicationBootstrap(): Promise<void> {
    return this.queue.repeat('ingest.sweep', INGEST_SWEEP_EVERY_MS, () => this.ingest.sweep());
  }
}
