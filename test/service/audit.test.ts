// The audit log as members read it: who may read what, readable entries, verification, and anonymous ballots.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';

let database: TestDatabase;
let h: Harness;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  h = await createHarness(database);
});

async function groupOf(members: string[], name = 'Budget', channel = 'budget') {
  const [convener, ...rest] = members;
  await h.run(convener!, `group create "${name}"`, { channel });
  for (const m of rest) await h.run(m, `group join "${name}"`, { channel });
  h.messenger.take();
}

async function deleteEntry(seq: number) {
  // Someone with owner rights disables the append-only trigger and removes history.
  await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
  await database.db.execute(sql`delete from audit_log where seq = ${seq}`);
  await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
}

describe('audit verify', () => {
  it('names the entry deleted from the middle of the chain as missing, in English and Vietnamese', async () => {
    await groupOf(['alice', 'bob', 'carol']);
    await h.run('alice', 'propose "Audit me" --rule consent');
    await h.run('bob', 'vote 1 consent');
    expect((await h.run('alice', 'audit verify')).text).toMatch(/intact: 5 entries/);
    await deleteEntry(3);
    const en = await h.run('alice', 'audit verify');
    expect(en.text).toMatch(/entry #3 is missing/);
    expect(en.text).toMatch(/2 entries before it are intact/);
    expect(en.text).not.toMatch(/#4/);
    const vi = await h.run('bob', 'audit verify', { locale: 'vi' });
    expect(vi.text).toMatch(/mục #3 đã bị mất/);
  });

  it('says entries were cut off the end when the newest one is deleted', async () => {
    await groupOf(['alice', 'bob']);
    await deleteEntry(2);
    expect((await h.run('alice', 'audit verify')).text).toMatch(/entries from #2 on were removed from its end\. The 1 entry before them is intact/);
    expect((await h.run('alice', 'audit verify', { locale: 'vi' })).text).toMatch(/các mục từ #2 trở đi đã bị xóa/);
  });
});
