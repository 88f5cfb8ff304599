import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { lockEmbeddedDataDir } from './embedded-lock.js';
import { ormOptions } from './orm-config.js';

/** Opens the database (PostgreSQL or embedded PGlite), brings the schema up to date, closes it on shutdown. */
export async function openDatabase(config: Pick<AppConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const unlock = !config.databaseUrl && config.dataDir !== 'memory://' ? lockEmbeddedDataDir(config.dataDir) : () => {};
  const { options, release } = ormOptions({ url: config.databaseUrl, dataDir: config.dataDir });
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(options);
  } catch (err) {
    unlock();
    throw err;
  }
  try {
    const applied = await migrateUnderLock(orm, Boolean(config.databaseUrl));
    if (applied.length > 0) new Logger('Database').log(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (err) {
    await orm.close(true);
    await release();
    unlock();
    throw err;
  }
  return {
    orm,
    close: async () => {
      await orm.close(true);
      await release();
      unlock();
    },
  };
}

/** Any fixed number, the same in every process: the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 724_001;

/**
 * Several processes (servers, workers) may start at once on an empty database: the first to take the
 * lock migrates, the others wait for it and then find nothing left to do.
 */
async function migrateUnderLock(orm: MikroORM, shared: boolean) {
  if (!shared) return orm.getMigrator().up();
  const knex = orm.em.getKnex();
  const conn = await knex.client.acquireConnection();
  try {
    await conn.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await orm.getMigrator().up();
  } finally {
    await conn.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await knex.client.releaseConnection(conn);
  }
}

export interface Database {
  orm: MikroORM;
  close(): Promise<void>;
}
const DATABASE = Symbol('DATABASE');

class DatabaseCloser implements OnApplicationShutdown {
  constructor(@Inject(DATABASE) private readonly db: Database) {}
  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATABASE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => openDatabase(config) },
        { provide: MikroORM, inject: [DATABASE], useFactory: (db: Database) => db.orm },
        { provide: EntityManager, inject: [MikroORM], useFactory: (orm: MikroORM) => orm.em },
        DatabaseCloser,
      ],
      exports: [MikroORM, EntityManager],
    };
  }
}
