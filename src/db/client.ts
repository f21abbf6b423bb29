// Opens the database: postgres.js when DATABASE_URL is set, embedded PGlite otherwise. Applies migrations on both.
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql, type AnyColumn, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import type { Msg } from '../core/i18n/types.js';
import { damaged, DataDirError, prepareDataDir } from './data-dir.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export interface Database {
  db: Db;
  driver: 'postgres' | 'pglite';
  /** Postgres: the connection string, for a thread that opens a connection of its own. */
  url?: string;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Arbitrary constant: the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK = 7_301_952;

export interface OpenOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** Told what is happening when it takes a while or changes something (the embedded database's first start). */
  notify?: (m: Msg) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.notify ? { notify: opts.notify } : {});
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
  return { db, driver: 'postgres', url, close: () => client.end() };
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

/**
 * `dataDir` undefined means in memory (tests); a path keeps data between runs, in a folder this process
 * alone uses while it runs (see data-dir.ts). Throws DataDirError when the folder cannot be used.
 */
export async function openPglite(dataDir?: string, opts: { notify?: (m: Msg) => void } = {}): Promise<Database> {
  if (!dataDir) {
    const client = new PGlite();
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    return { db: drizzlePglite(client, { schema }) as unknown as Db, driver: 'pglite', close: () => client.close() };
  }
  const folder = prepareDataDir(dataDir, opts);
  if (folder.fresh) opts.notify?.({ key: 'data.preparing', params: { dir: folder.path } });
  let client: PGlite | null = null;
  try {
    client = new PGlite(folder.path);
    await client.waitReady;
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client?.close().catch(() => {});
    folder.release();
    if (error instanceof DataDirError) throw error;
    throw damaged(folder.path, { key: 'data.problem.openFailed', params: { error: firstLine(error) } });
  }
  const opened = client;
  const db = drizzlePglite(opened, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    async close() {
      try {
        await opened.close();
      } finally {
        folder.release();
      }
    },
  };
}

/** What the driver said, without drizzle's echo of the query and its parameters. */
function firstLine(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const inner = cause instanceof Error ? cause : error;
  const text = inner instanceof Error ? inner.message || inner.name : String(inner);
  return (text.split('\n')[0] ?? text).slice(0, 300);
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
    sql`truncate table allocations, buckets, pool_members, pools, pledges, kudos, retro_votes, retro_items, retros, indicator_values, indicators, goals, proposal_advice, proposal_consultations, member_profiles, stakeholder_links, stakeholder_ratings, stakeholders, slack_enterprise_teams, slack_installations, dispute_agreements, dispute_notes, dispute_parties, disputes, commitment_owners, commitments, ballots, proposal_electorate, proposals, group_invitations, group_members, groups, members, workspaces, audit_log, audit_heads, processed_commands, outbox, jobs, intake, intake_holders restart identity`,
  );
}
