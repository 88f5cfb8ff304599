/** A throwaway PostgreSQL database for one bench run, created through the maintenance database. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Refuses anything but a loopback address: the bench only ever talks to this machine. */
export function assertLoopback(url: string, what: string): void {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (!(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`${what} must point at this machine (127.0.0.1 / localhost), got host "${host}"`);
  }
}

export interface TempDatabase {
  name: string;
  /** Connection URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates the database `name` (default `sb_bench_<random>`) through `adminUrl` (a URL to the
 * `postgres` database of a user allowed to create databases).
 */
export async function createTempDatabase(adminUrl: string, name = `sb_bench_${randomBytes(5).toString('hex')}`): Promise<TempDatabase> {
  assertLoopback(adminUrl, 'the PostgreSQL URL');
  if (!/^sb_bench_[0-9a-z_]+$/.test(name)) throw new Error(`refusing to create a database not named sb_bench_*: "${name}"`);
  await withClient(adminUrl, (c) => c.query(`create database ${pg.escapeIdentifier(name)}`));
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    name,
    url: u.toString(),
    drop: async () => {
      // WITH (FORCE) ends sessions a killed server may have left behind (PostgreSQL 13+).
      await withClient(adminUrl, (c) => c.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`));
    },
  };
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
