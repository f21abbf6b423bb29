// Installations at rest: tokens sealed under SLACK_TOKEN_KEY, plain rows sealed at start, keys rotated, a missing key refused.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Installation } from '@slack/bolt';
import { rowsOf } from '../../../src/db/client.js';
import { DrizzleInstallationStore } from '../../../src/bots/slack/installations.js';
import { TokenSeal, TokenSealError } from '../../../src/bots/slack/token-seal.js';
import { useTestDatabase } from '../../support/db.js';

const NEW_KEY = 'the-new-key-0123456789abcdefghijklmnop';
const OLD_KEY = 'the-old-key-0123456789abcdefghijklmnop';
const TOKEN = 'xoxb-1111-2222-secret';

const installation = (teamId: string, token = TOKEN): Installation<'v2', false> => ({
  team: { id: teamId, name: 'Team' },
  enterprise: undefined,
  isEnterpriseInstall: false,
  bot: { token, userId: 'UBOT', id: 'BBOT', scopes: ['commands'] },
  user: { id: 'U1', token: undefined, scopes: undefined },
  tokenType: 'bot',
  authVersion: 'v2',
  appId: 'A1',
});

describe('TokenSeal', () => {
  it('opens what it sealed, seals the same text differently each time, and passes plain text through', () => {
    const seal = new TokenSeal([NEW_KEY]);
    const a = seal.seal(TOKEN);
    const b = seal.seal(TOKEN);
    expect(a).not.toContain(TOKEN);
    expect(a).not.toBe(b);
    expect([seal.open(a), seal.open(b), seal.open(TOKEN)]).toEqual([TOKEN, TOKEN, TOKEN]);
    expect([TokenSeal.isSealed(a), TokenSeal.isSealed(TOKEN), seal.isCurrent(a)]).toEqual([true, false, true]);
  });

  it('refuses a value altered after sealing, or sealed under a key it was not given', () => {
    const seal = new TokenSeal([NEW_KEY]);
    const sealed = seal.seal(TOKEN);
    const last = sealed.at(-1) === 'A' ? 'B' : 'A';
    expect(() => seal.open(sealed.slice(0, -1) + last)).toThrow(TokenSealError);
    expect(() => new TokenSeal([OLD_KEY]).open(sealed)).toThrow(/not among SLACK_TOKEN_KEY's keys/);
    // A tag cut short would be easier to forge: refused even when its bytes are a prefix of the real one.
    const parts = sealed.split(':');
    parts[4] = Buffer.from(parts[4]!, 'base64url').subarray(0, 8).toString('base64url');
    expect(() => seal.open(parts.join(':'))).toThrow(TokenSealError);
  });

  it('opens values sealed under any key it holds, and seals under the first', () => {
    const old = new TokenSeal([OLD_KEY]).seal(TOKEN);
    const rotated = new TokenSeal([NEW_KEY, OLD_KEY]);
    expect(rotated.open(old)).toBe(TOKEN);
    expect(rotated.isCurrent(old)).toBe(false);
    expect(rotated.isCurrent(rotated.seal(TOKEN))).toBe(true);
  });
});

describe('DrizzleInstallationStore', () => {
  const t = useTestDatabase({ fresh: true });

  const stored = async () => rowsOf<{ id: string; bot_token: string | null; installation: unknown }>(await t.database.db.execute(sql`select id, bot_token, installation from slack_installations order by id`));

  it('keeps no token in plain text when sealing, and gives Bolt and the outbox what Slack gave', async () => {
    const store = new DrizzleInstallationStore(t.database.db, { seal: new TokenSeal([NEW_KEY]) });
    await store.storeInstallation(installation('T1'));
    const rows = await stored();
    expect(JSON.stringify(rows)).not.toContain('xoxb-');
    expect(rows[0]!.installation).toEqual({ sealed: expect.stringMatching(/^sealed:v1:/) });
    expect(await store.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false })).toEqual(installation('T1'));
    expect(await store.botToken('T1')).toBe(TOKEN);
  });

  it('seals rows stored in plain text, and reseals rows under an older key, once', async () => {
    await new DrizzleInstallationStore(t.database.db).storeInstallation(installation('T1', 'xoxb-plain'));
    await new DrizzleInstallationStore(t.database.db, { seal: new TokenSeal([OLD_KEY]) }).storeInstallation(installation('T2', 'xoxb-old'));
    const store = new DrizzleInstallationStore(t.database.db, { seal: new TokenSeal([NEW_KEY, OLD_KEY]) });
    expect(await store.sealAll()).toEqual({ sealed: 2 });
    expect(await store.sealAll()).toEqual({ sealed: 0 });
    const current = new DrizzleInstallationStore(t.database.db, { seal: new TokenSeal([NEW_KEY]) });
    expect([await current.botToken('T1'), await current.botToken('T2')]).toEqual(['xoxb-plain', 'xoxb-old']);
    expect(JSON.stringify(await stored())).not.toContain('xoxb-');
  });

  it('refuses to start without a key when rows are sealed, and reads plain rows without one', async () => {
    await new DrizzleInstallationStore(t.database.db).storeInstallation(installation('T1', 'xoxb-plain'));
    const plain = new DrizzleInstallationStore(t.database.db);
    expect(await plain.sealAll()).toEqual({ sealed: 0 });
    expect(await plain.botToken('T1')).toBe('xoxb-plain');
    await new DrizzleInstallationStore(t.database.db, { seal: new TokenSeal([NEW_KEY]) }).storeInstallation(installation('T2'));
    await expect(plain.sealAll()).rejects.toThrow('SLACK_TOKEN_KEY is not set, but 1 Slack installation is sealed');
    await expect(plain.botToken('T2')).rejects.toThrow(/set SLACK_TOKEN_KEY/);
  });
});
