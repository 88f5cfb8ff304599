/**
 * One MikroORM configuration for both modes: PostgreSQL when a DATABASE_URL is given, otherwise
 * PGlite (real Postgres in WebAssembly) in DATA_DIR. Migrations are listed explicitly so they run the
 * same from TypeScript (tests) and from the build.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDriver } from 'mikro-orm-pglite';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseTarget {
  /** postgres://... or absent for embedded */
  url?: string;
  /** for embedded: a folder, or 'memory://' for a throwaway database */
  dataDir?: string;
  debug?: boolean;
}

export interface OrmSetup {
  options: Options;
  /** Releases what the ORM does not own (the embedded database); call after orm.close(). */
  release: () => Promise<void>;
}

export function ormOptions(target: DatabaseTarget): OrmSetup {
  const common = {
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    debug: target.debug ?? false,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
  } satisfies Partial<Options>;
  if (target.url) {
    const options = { ...common, driver: PostgreSqlDriver, clientUrl: target.url, pool: { min: 1, max: 10 } } as Options;
    return { options, release: async () => {} };
  }
  const dir = target.dataDir ?? 'memory://';
  if (dir !== 'memory://') mkdirSync(dir, { recursive: true });
  // The driver borrows this instance, so the ORM's close() does not close it: onShutdown does.
  const pglite = new PGlite(dir === 'memory://' ? undefined : join(dir, 'pglite'));
  const options = {
    ...common,
    driver: PGliteDriver as unknown as Options['driver'],
    dbName: 'postgres',
    driverOptions: {
      connection: {
        pglite: () => pglite,
      },
    },
  } as Options;
  return { options, release: () => pglite.close() };
}
