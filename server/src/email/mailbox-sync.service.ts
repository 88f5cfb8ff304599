import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import type { Channel } from '../channels/channel.entity.js';
import { ChannelsService } from '../channels/channels.service.js';
import { Secrets } from '../common/secrets.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { sqlOf } from '../database/sql.js';
import { IngestService } from '../ingest/ingest.service.js';
import { JobQueue } from '../jobs/job-queue.js';
import { Leases } from '../jobs/leases.js';
import { MailboxRunner, type RunnerTiming } from './mailbox-runner.js';
import { MailboxSyncRepository } from './mailbox-sync.repository.js';

/** What a runner depends on: a change to any of it restarts the runner. */
const settingsOf = (c: Channel) => JSON.stringify(c.config);

/** How often the set of mailboxes is compared with the active e-mail channels (changes made elsewhere). */
const RECONCILE_MS = 15_000;

/**
 * Where job processors run (the workers process, or the embedded server): one MailboxRunner per active
 * e-mail channel, started, restarted after a settings change and stopped with the process.
 */
@Injectable()
export class MailboxSyncService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('MailboxSync');
  private readonly runners = new Map<string, MailboxRunner>();
  private timer?: NodeJS.Timeout;
  private closing = false;
  private reconciling: Promise<void> = Promise.resolve();
  /** Tests and the bench shorten waits here. */
  timing: Partial<RunnerTiming> = {};

  constructor(
    private readonly em: EntityManager,
    private readonly queue: JobQueue,
    private readonly leases: Leases,
    private readonly channels: ChannelsService,
    private readonly ingest: IngestService,
    private readonly repo: MailboxSyncRepository,
    private readonly secrets: Secrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.queue.runsProcessors) return;
    this.channels.changes.on('changed', (id: string) => void this.reconcile(id));
    this.timer = setInterval(() => void this.reconcile(), RECONCILE_MS);
    this.timer.unref();
    await this.reconcile();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.closing = true;
    clearInterval(this.timer);
    await this.reconciling;
    await Promise.all([...this.runners.values()].map((r) => r.stop()));
    this.runners.clear();
  }

  /**
   * Starts runners for new active e-mail channels, stops those of removed ones, and restarts those whose
   * settings changed (here or in another process: the settings themselves are compared); `restart`
   * forces one.
   */
  reconcile(restart?: string): Promise<void> {
    this.reconciling = this.reconciling.then(async () => {
      if (this.closing) return;
      try {
        const active = await this.channels.activeOfKind('email');
        const wanted = new Map(active.map((c) => [c.id, settingsOf(c)]));
        for (const [id, runner] of this.runners) {
          if (wanted.get(id) !== settingsOf(runner.channel) || id === restart) {
            this.runners.delete(id);
            await runner.stop();
          }
        }
        for (const channel of active) {
          if (this.runners.has(channel.id)) continue;
          const runner = new MailboxRunner(channel, {
            sql: sqlOf(this.em),
            leases: this.leases,
            ingest: this.ingest,
            repo: this.repo,
            secrets: this.secrets,
            maxBytes: this.config.emailMaxBytes,
            timing: this.timing,
          });
          this.runners.set(channel.id, runner);
          runner.start();
        }
      } catch (err) {
        this.log.warn(`mailbox list not refreshed: ${(err as Error).message}`);
      }
    });
    return this.reconciling;
  }
}
