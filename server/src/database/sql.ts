import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Plain SQL for hot paths where the unit of work costs more than the work: `?` placeholders, rows back.
 * Repositories take a Sql so the caller decides the transaction.
 */
export type Sql = <T = Record<string, any>>(text: string, params?: readonly unknown[]) => Promise<T[]>;

export function sqlOf(em: EntityManager): Sql {
  const knex = em.getKnex();
  return async (text, params = []) => (await knex.raw(text, params as never[])).rows;
}

/**
 * Runs fn in one transaction (committed when it resolves, rolled back when it throws).
 * Inside fn use only the given sql: the embedded database has one connection, which the transaction
 * holds, so any other query (an EntityManager's) would wait for it forever.
 */
export function inTransaction<T>(em: EntityManager, fn: (sql: Sql) => Promise<T>): Promise<T> {
  return em.getKnex().transaction(async (trx) => fn(async (text, params = []) => (await trx.raw(text, params as never[])).rows));
}
