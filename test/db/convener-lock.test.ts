// A group always keeps a convener, even when its last two leave or demote each other at the same moment.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

async function twoConveners(name: string): Promise<void> {
  await h.exec('alice', `group create "${name}"`, { channel: name });
  await h.exec('bob', 'group join', { channel: name });
  await h.exec('carol', 'group join', { channel: name });
  await h.exec('alice', `group role @bob convener --group "${name}"`);
}

async function conveners(name: string): Promise<string> {
  const info = await h.exec('carol', `group info "${name}"`);
  return /Conveners: (.*)/.exec(info.text)?.[1] ?? '';
}

describe('the last convener', () => {
  it('cannot be lost to two conveners leaving at once', async () => {
    for (let run = 0; run < 10; run++) {
      const name = `leave${run}`;
      await twoConveners(name);
      const replies = await Promise.all([h.exec('alice', `group leave "${name}"`), h.exec('bob', `group leave "${name}"`)]);
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(replies.find((r) => !r.ok)?.text).toMatch(/needs at least one convener/);
      expect(await conveners(name)).toMatch(/^@(alice|bob)$/);
    }
  });

  it('cannot be lost to two conveners demoting each other at once', async () => {
    for (let run = 0; run < 10; run++) {
      const name = `demote${run}`;
      await twoConveners(name);
      const replies = await Promise.all([
        h.exec('alice', `group role @bob member --group "${name}"`),
        h.exec('bob', `group role @alice member --group "${name}"`),
      ]);
      expect(replies.filter((r) => r.ok)).toHaveLength(1);
      expect(await conveners(name)).toMatch(/^@(alice|bob)$/);
    }
  });
});
