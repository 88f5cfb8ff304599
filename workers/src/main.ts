/**
 * The workers process: the same modules as the server without HTTP, running the job processors
 * (BullMQ on Redis). Events it produces reach the inboxes through the socket.io Redis emitter.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../server/src/app.module.js';
import { logLevels, QuietLogger } from '../../server/src/common/quiet-logger.js';
import { loadConfig } from '../../server/src/config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redisUrl || !config.databaseUrl) {
    console.error('The workers process needs DATABASE_URL and REDIS_URL. Without them, "npm start" runs jobs in-process.');
    process.exit(2);
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, workersInProcess: true }, { http: false }), {
    logger: new QuietLogger(config.logLevel === 'debug', logLevels(config.logLevel)),
  });
  app.enableShutdownHooks();
  await app.init();
  new Logger('Workers').log('job processors running (BullMQ)');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
