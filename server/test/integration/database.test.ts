import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/database/database.module.js';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { createTestDatabase, query } from '../support/services.js';

describe('database start-up', () => {
  it('lets several processes start at once on an empty database: one migrates, none fails', async () => {
    const db = await createTestDatabase();
    try {
      const opened = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ databaseUrl: db.url, dataDir: '' })));
      await Promise.all(opened.map((d) => d.close()));
      const rows = await query(db.url, `select name from mikro_orm_migrations`);
      expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await db.drop();
    }
  });
});
