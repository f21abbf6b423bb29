// The Store on each driver: one transaction per command, on postgres.js, PGlite, or any drizzle database.
import type { PGlite } from '@electric-sql/pglite';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteSession, PgliteTransaction } from 'drizzle-orm/pglite';
import { PostgresJsSession, PostgresJsTransaction } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Store, Tx } from '../core/ports.js';
import { withPreparedStatements, type Db, type DbTx } from './client.js';
import type { Statements } from './repositories/rows.js';
import { DrizzleTx } from './repositories/tx.js';

/** The relational config drizzle gives its own transactions, so ours behave the same. */
function relationalSchema(db: Db) {
  return db._.schema ? { fullSchema: db._.fullSchema, schema: db._.schema, tableNamesMap: db._.tableNamesMap } : undefined;
}

const isPostgresJs = (client: unknown): client is postgres.Sql =>
  typeof client === 'function' && typeof (client as Partial<postgres.Sql>).reserve === 'function';
const isPglite = (client: unknown): client is PGlite =>
  typeof client === 'object' && client !== null && typeof (client as Partial<PGlite>).transaction === 'function';

/**
 * On postgres.js the store runs the transaction itself on a reserved connection: BEGIN goes out with
 * the first statement and COMMIT with the writes left for the end, so neither costs a round trip.
 */
function postgresJsStore(db: Db, client: postgres.Sql): Store {
  const dialect = new PgDialect();
  const schema = relationalSchema(db);
  return {
    async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      const conn = await client.reserve();
      const run = (text: string, params: readonly unknown[] = []) => conn.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: params.length > 0 });
      const atCommit: (readonly [string, readonly unknown[]])[] = [];
      const statements: Statements = {
        rows: async <R>(text: string, params: readonly unknown[]) => (await run(text, params)) as unknown as R[],
        beforeCommit: (text, params) => void atCommit.push([text, params]),
      };
      const session = new PostgresJsSession(withPreparedStatements(conn), dialect, schema);
      // drizzle's declarations want a TransactionSql under a transaction; a reserved connection answers the same calls.
      const tx = new DrizzleTx(new PostgresJsTransaction(dialect, session as never, schema) as unknown as DbTx, statements);
      const begun = run('begin');
      begun.catch(() => {});
      try {
        const result = await fn(tx);
        const sent = [begun, ...atCommit.map(([text, params]) => run(text, params)), run('commit')];
        // A failed write turns COMMIT into ROLLBACK without an error of its own: report the write's.
        const failed = (await Promise.allSettled(sent)).find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        return result;
      } catch (error) {
        await run('rollback').catch(() => {});
        throw error;
      } finally {
        conn.release();
      }
    },
  };
}

function pgliteStore(db: Db, client: PGlite): Store {
  const dialect = new PgDialect();
  const schema = relationalSchema(db);
  return {
    transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
      return client.transaction(async (pgTx) => {
        const atCommit: (readonly [string, readonly unknown[]])[] = [];
        const statements: Statements = {
          rowsAreCostly: true,
          rows: async <R>(text: string, params: readonly unknown[]) => (await pgTx.query<R>(text, [...params])).rows,
          beforeCommit: (text, params) => void atCommit.push([text, params]),
        };
        const session = new PgliteSession(pgTx, dialect, schema);
        const result = await fn(new DrizzleTx(new PgliteTransaction(dialect, session, schema) as unknown as DbTx, statements));
        for (const [text, params] of atCommit) await pgTx.query(text, [...params]);
        return result;
      });
    },
  };
}

export function drizzleStore(db: Db): Store {
  const client = (db as { $client?: unknown }).$client;
  if (isPostgresJs(client)) return postgresJsStore(db, client);
  if (isPglite(client)) return pgliteStore(db, client);
  return { transaction: (fn) => db.transaction((dbTx) => fn(new DrizzleTx(dbTx))) };
}
