import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ThrottlerModule, ThrottlerStorageService } from '@nestjs/throttler';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { FirstAdmin } from './auth/first-admin.js';
import { ChannelsModule } from './channels/channels.module.js';
import { ApiExceptionFilter } from './common/api-exception.filter.js';
import { RedisThrottlerStorage } from './common/rate-limit.js';
import { Secrets } from './common/secrets.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { DatabaseModule } from './database/database.module.js';
import { EmailModule } from './email/email.module.js';
import { HealthController } from './health/health.controller.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { GatewayModule } from './realtime/gateway.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { UsersModule } from './users/users.module.js';
import { AssignmentModule } from './assignment/assignment.module.js';
import { WorkflowEffectsModule } from './workflow/workflow-effects.module.js';

@Module({})
class ConfigModule {
  static forRoot(config: AppConfig, throttleStorage: object): DynamicModule {
    const provider: Provider = { provide: APP_CONFIG, useValue: config };
    const secrets: Provider = { provide: Secrets, useFactory: () => Secrets.resolve(config) };
    // Closes the rate-limit storage's Redis connection on shutdown.
    const closer: Provider = { provide: 'THROTTLE_STORAGE_CLOSER', useValue: { onApplicationShutdown: () => (throttleStorage as { close?: () => Promise<void> }).close?.() } };
    return { module: ConfigModule, global: true, providers: [provider, secrets, closer], exports: [provider, secrets] };
  }
}

export interface AppShape {
  /** The HTTP server: controllers, socket gateway, rate limits. false = workers process. */
  http: boolean;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, shape: AppShape = { http: true }): DynamicModule {
    const storage = config.redisUrl ? new RedisThrottlerStorage(config.redisUrl, config.redisPrefix) : new ThrottlerStorageService();
    const throttler = ThrottlerModule.forRoot({
      throttlers: [
        { name: 'intake', ttl: 60_000, limit: config.intakeRateLimitPerMinute },
        { name: 'login', ttl: 60_000, limit: config.loginRateLimitPerMinute },
      ],
      storage,
      errorMessage: 'Too many requests from your address. Wait a minute and try again.',
    });
    // The throttler is in both shapes because controllers (inert without HTTP) still resolve their guards.
    const core = [ConfigModule.forRoot(config, storage), DatabaseModule.forRoot(), JobsModule, AuditModule, RealtimeModule, throttler];
    const domain = [UsersModule, AuthModule, ChannelsModule, IncidentsModule, IngestModule, EmailModule, WorkflowEffectsModule, AssignmentModule];
    if (!shape.http) return { module: AppModule, imports: [...core, ...domain] };
    return {
      module: AppModule,
      imports: [
        ...core,
        ...domain,
        GatewayModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_FILTER, useClass: ApiExceptionFilter }, FirstAdmin],
    };
  }
}
