import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { HealthDto } from '../contracts/api.js';
import { JobQueue } from '../jobs/job-queue.js';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  private readonly log = new Logger('Health');
  constructor(
    private readonly orm: MikroORM,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const [database, queue] = await Promise.all([
      this.orm.em
        .getConnection()
        .execute('select 1')
        .then(() => ({ status: 'up' as const }))
        .catch((e: Error) => {
          this.log.error(`database check failed: ${e.message}`);
          return { status: 'down' as const, message: 'database unreachable' };
        }),
      this.queue.health().then((h) => {
        if (!h.up) this.log.error(`queue check failed: ${h.message}`);
        return h.up ? { status: 'up' as const } : { status: 'down' as const, message: 'queue unreachable' };
      }),
    ]);
    const ok = database.status === 'up' && queue.status === 'up';
    if (!ok) res.status(503);
    return {
      status: ok ? 'ok' : 'error',
      mode: { database: this.config.databaseUrl ? 'postgres' : 'embedded', jobs: this.queue.driver === 'bullmq' ? 'bullmq' : 'in-process' },
      details: { database, queue },
    };
  }
}
