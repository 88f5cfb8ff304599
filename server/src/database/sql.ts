import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';

/**
 * Plain SQL for hot paths where the unit of work costs more than the work: `?` placeholders, rows back.
 * Repositories take a Sql so the caller decides the transaction.
 */
export type Sql = <T = Record<string, any>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

export function sqlOf(em: EntityManager): Sql {
  const pool = pgPoolOf(em);
  if (pool) {
    return async (text, params = []) => {
      const connection = await pool.acquireConnection();
      try {
        return await query(connection, text, params);
      } finally {
        await pool.releaseConnection(connection);
      }
    };
  }
  const knex = em.getKnex();
  return async (text, params = []) => (await knex.raw(text, params as never[])).rows;
}

/** Plain SQL inside an EntityManager's own transaction (em.transactional): its connection, its transaction. */
export const sqlInTransactionOf =
  (em: EntityManager): Sql =>
  (text, params = []) =>
    em.getConnection().execute(text, params as unknown[], 'all', em.getTransactionContext());

/**
 * Runs fn in one transaction (committed when it resolves, rolled back when it throws).
 * Inside fn use only the given sql: the embedded database has one connection, which the transaction
 * holds, so any other query (an EntityManager's) would wait for it forever.
 */
export async function inTransaction<T>(em: EntityManager, fn: (sql: Sql) => Promise<T>): Promise<T> {
  const pool = pgPoolOf(em);
  if (!pool) return em.getKnex().transaction(async (trx) => fn(async (text, params = []) => (await trx.raw(text, params as never[])).rows));
  const connection = await pool.acquireConnection();
  try {
    await connection.query('BEGIN');
    let result: T;
    try {
      result = await fn((text, params = []) => query(connection, text, params));
    } catch (err) {
      await connection.query('ROLLBACK').catch(() => undefined); // a broken connection is dropped by the pool's validation
      throw err;
    }
    await connection.query('COMMIT');
    return result;
  } finally {
    await pool.releaseConnection(connection);
  }
}

/**
 * On PostgreSQL (server mode) the Sql runs straight on node-postgres connections borrowed from the ORM's pool,
 * and every statement text is a named prepared statement: each connection parses it once and, after a few
 * runs, keeps a generic plan, instead of parsing and planning the same text on every call. Measured on the
 * web-form intake (bench/ingest, 2026-12-03): the intake's statements are long CTEs, and parsing/planning them
 * was about a third of the database's CPU per submission; knex's raw path (binding rewrite, its transaction
 * machinery) was a tenth of the server's. Together about +40% submissions/s.
 * PGlite (embedded) has one connection and its own driver: there the Sql goes through knex as it is.
 */
interface PgConnection {
  query(config: string | { text: string; values: unknown[]; name?: string }): Promise<{ rows: any[] }>;
}
interface PgPool {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

function pgPoolOf(em: EntityManager): PgPool | null {
  return em.getDriver() instanceof PostgreSqlDriver ? (em.getKnex().client as unknown as PgPool) : null;
}

function query(connection: PgConnection, text: string, params: readonly unknown[]): Promise<any[]> {
  const s = statementOf(text);
  if (s.placeholders !== params.length) return Promise.reject(new Error(`Expected ${s.placeholders} bindings, saw ${params.length}: ${text.slice(0, 120)}`));
  if (params.includes(undefined)) return Promise.reject(new Error(`Undefined binding(s) for: ${text.slice(0, 120)}`));
  return connection.query({ text: s.text, values: params as unknown[], ...(s.name ? { name: s.name } : {}) }).then((r) => r.rows);
}

interface Statement {
  /** The text with `$1 … $n` for the `?` placeholders. */
  text: string;
  placeholders: number;
  /** The prepared statement's name; null: parsed and planned on every run. */
  name: string | null;
}

/**
 * Not named:
 *  - texts with an optional filter (`? is null or ...`): a generic plan cannot drop the branch a given value
 *    rules out, so these are planned for their values every time;
 *  - new texts once MAX_STATEMENTS are known in this process: a text built with values inside it (which should
 *    not happen) must not grow every connection's statement cache without bound.
 * One name is always one text (hash of it), as node-postgres requires. `?` is always a placeholder: our SQL
 * has no `?` of its own (no jsonb `?` operators: use jsonb_exists) and no knex `??` identifiers.
 */
const MAX_STATEMENTS = 2000;
const OPTIONAL_FILTER = /\bis\s+null\s+or\b/i;
const statements = new Map<string, Statement>();

function statementOf(text: string): Statement {
  const known = statements.get(text);
  if (known) return known;
  let placeholders = 0;
  const positioned = text.replace(/\?/g, () => `$${++placeholders}`);
  const cache = statements.size < MAX_STATEMENTS;
  const named = cache && !OPTIONAL_FILTER.test(text);
  const s: Statement = { text: positioned, placeholders, name: named ? `sb_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}` : null };
  if (cache) statements.set(text, s);
  return s;
}
