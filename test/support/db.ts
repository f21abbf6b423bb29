// One database per test file: in-memory PGlite always, or a fresh Postgres database when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, openPglite, resetDatabase, type Database } from '../../src/db/client.js';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export interface TestDatabase extends Database {
  reset(): Promise<void>;
  /** The connection string when on Postgres (for a second process or pool). */
  url?: string;
}

export async function openTestDatabase(opts: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const db = await openPglite();
    return { ...db, reset: () => resetDatabase(db.db) };
  }
  const name = `concord_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: opts.poolSize ?? 20 });
  return {
    ...db,
    url: url.toString(),
    reset: () => resetDatabase(db.db),
    async close() {
      await db.close();
      const dropper = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * One database for the test file (or the describe block it is called in), opened before the first
 * test and closed after the last; with `fresh`, emptied before each test.
 * Hooks declared after this call run after it before a test and before it after one.
 */
export function useTestDatabase(opts: { fresh?: boolean } = {}): { readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });
  if (opts.fresh) {
    beforeEach(async () => {
      await database!.reset();
    });
  }
  return {
    get database() {
      return database!;
    },
  };
}
