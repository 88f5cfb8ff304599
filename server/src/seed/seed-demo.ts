/** `npm run seed:demo`: loads the demo data into the configured database and exits. */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { loadConfig } from '../config/config.js';
import { seedDemo } from './demo-seeder.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...config, workersInProcess: false }, { http: false }), { logger: ['error', 'warn'] });
  try {
    console.log(await seedDemo(app));
  } finally {
    await app.close();
  }
}
main().catch((err) => {
  console.error(err);
  process.exit(1);
});
