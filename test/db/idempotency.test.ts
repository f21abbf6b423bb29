// A command's idempotency key is claimed once, with its transaction, and the reply stored with it is what a retry gets.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { drizzleStore } from '../../src/db/store.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();
let store: Store;
let workspaceId: number;
const at = new Date('2026-12-01T09:00:00Z');

beforeEach(async () => {
  store = drizzleStore(t.database.db);
  const workspace = await store.transaction((tx) =>
    tx.workspaces.ensure({ platform: 'console', externalId: 'test', name: 'Test', locale: 'en', timezone: 'UTC', reminderHours: 24, at }),
  );
  workspaceId = workspace.id;
});

class Rollback extends Error {}

describe('idempotency keys', () => {
  it('are claimed once, and keep the reply stored with them', async () => {
    expect(await store.transaction((tx) => tx.idempotency.claim(workspaceId, 'k1', at))).toBe(true);
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'k1'))).toEqual({});
    await store.transaction((tx) => tx.idempotency.saveReply(workspaceId, 'k1', { ok: true, text: 'Recorded' }));
    expect(await store.transaction((tx) => tx.idempotency.claim(workspaceId, 'k1', at))).toBe(false);
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'k1'))).toEqual({ ok: true, text: 'Recorded' });
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'unknown'))).toBeNull();
  });

  it('are claimed several at once, telling how many were still free, and get their replies in one statement', async () => {
    await store.transaction((tx) => tx.idempotency.claim(workspaceId, 'taken', at));
    expect(await store.transaction((tx) => tx.idempotency.used(workspaceId, 'taken'))).toBe(true);
    expect(await store.transaction((tx) => tx.idempotency.used(workspaceId, 'a'))).toBe(false);
    const claimed = await store.transaction(async (tx) => {
      const n = await tx.idempotency.claimMany(workspaceId, ['a', 'taken', 'b'], at);
      await tx.idempotency.saveReplies(workspaceId, [{ key: 'a', reply: { text: 'A' } }, { key: 'b', reply: { text: 'B' } }]);
      return n;
    });
    expect(claimed).toBe(2);
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'a'))).toEqual({ text: 'A' });
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'b'))).toEqual({ text: 'B' });
    // The key claimed before keeps its own reply.
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'taken'))).toEqual({});
  });

  it('are free again when the command that claimed one rolls back, reply and all', async () => {
    await expect(
      store.transaction(async (tx) => {
        expect(await tx.idempotency.claim(workspaceId, 'k2', at)).toBe(true);
        await tx.idempotency.saveReply(workspaceId, 'k2', { ok: true });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await store.transaction((tx) => tx.idempotency.storedReply(workspaceId, 'k2'))).toBeNull();
    expect(await store.transaction((tx) => tx.idempotency.claim(workspaceId, 'k2', at))).toBe(true);
  });

  it('belong to their workspace', async () => {
    const other = await store.transaction((tx) =>
      tx.workspaces.ensure({ platform: 'console', externalId: 'other', name: 'Other', locale: 'en', timezone: 'UTC', reminderHours: 24, at }),
    );
    expect(await store.transaction((tx) => tx.idempotency.claim(workspaceId, 'k3', at))).toBe(true);
    expect(await store.transaction((tx) => tx.idempotency.claim(other.id, 'k3', at))).toBe(true);
  });
});
