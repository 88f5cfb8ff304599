import { Controller, Get, Inject, Res } from '@nestjs/common';
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
        .catch((e: Error) => ({ status: 'down' as const, message: e.message })),
      this.queue.health().then((h) => ({ status: h.up ? ('up' as const) : ('down' as const), ...(h.message ? { message: h.message } : {}) })),
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
