import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.js';
import { loadConfig } from './config/config.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const url = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const db = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const jobs = config.redisUrl ? `BullMQ on Redis${config.workersInProcess ? ', processors in this process' : ' (run "npm run start:workers")'}` : 'in-process jobs';
  new Logger('Switchboard').log(`mode: ${db}; ${jobs}`);
  console.log(`\n  Switchboard is running: open ${url}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
