// Opens the database: postgres.js when DATABASE_URL is set, embedded PGlite otherwise. Applies migrations on both.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type AnyColumn, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  driver: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Arbitrary constant: the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK = 7_301_952;

export async function openDatabase(opts: { url?: string | undefined; dataDir?: string | undefined; poolSize?: number }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Migrate on a dedicated connection holding an advisory lock, so several instances can start together.
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(admin), { migrationsFolder: MIGRATIONS_FOLDER });
    await admin`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await admin.end();
  }
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(withPreparedStatements(client), { schema }) as unknown as Db;
  return { db, driver: 'postgres', close: () => client.end() };
}

/** Larger statements are bulk writes whose text changes with their row count: not worth a slot in each connection's statement cache. */
const MAX_PREPARED_PARAMETERS = 100;

/**
 * drizzle sends every query unnamed. postgres.js then needs a describe round trip before each
 * parameterised query and cannot pipeline the next one behind it, so a query costs two round trips.
 * Naming them lets postgres.js prepare each statement once per connection: one round trip, and
 * queries issued together go out in one write.
 */
export function withPreparedStatements<T extends postgres.Sql | postgres.TransactionSql>(client: T): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (query: string, params: postgres.ParameterOrJSON<never>[] = [], options: postgres.UnsafeQueryOptions = {}) =>
          target.unsafe(query, params, { ...options, prepare: params.length > 0 && params.length <= MAX_PREPARED_PARAMETERS });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const open = Reflect.get(target, prop, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const fn = args.pop() as (tx: postgres.TransactionSql) => unknown;
          return open.call(target, ...args, (tx: postgres.TransactionSql) => fn(withPreparedStatements(tx)));
        };
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

/** `dataDir` undefined means in memory (tests); a path keeps data between runs. */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, driver: 'pglite', close: () => client.close() };
}

/** Rows of a raw `db.execute` result; the two drivers shape them differently. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/**
 * `column = any(ids)` with the ids as one array parameter. drizzle's inArray binds each id as its own
 * parameter, which for the hundreds of ids of a batch costs more to build than the query takes to run.
 */
export function anyOf(column: AnyColumn, ids: readonly number[]): SQL {
  return sql`${column} = any(${`{${ids.map((id) => Math.trunc(id)).join(',')}}`}::int8[])`;
}

/** Empties every table (tests and benchmarks). TRUNCATE is allowed on the audit log; UPDATE and DELETE are not. */
export async function resetDatabase(db: Db): Promise<void> {
  await db.execute(
    sql`truncate table slack_enterprise_teams, slack_installations, dispute_agreements, dispute_notes, dispute_parties, disputes, commitment_owners, commitments, ballots, proposal_electorate, proposals, group_invitations, group_members, groups, members, workspaces, audit_log, audit_heads, processed_commands, outbox, jobs restart identity`,
  );
}
