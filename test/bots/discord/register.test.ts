// The registration script: which route it PUTs to and what Discord receives, checked against the documented command shape.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerFromEnv } from '../../../scripts/discord-register.js';
import { APP_ID, FakeDiscord, GUILD, TOKEN } from './support.js';

const API = 'https://discord.example.test/api/v10';
let fake: FakeDiscord;

beforeAll(() => {
  fake = new FakeDiscord(API);
  fake.listen();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

interface Option {
  type: number;
  name: string;
  description: string;
  description_localizations?: { vi?: string };
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string; name_localizations?: { vi?: string } }>;
  min_value?: number;
  max_length?: number;
  options?: Option[];
}
interface Command extends Option {
  contexts: number[];
}

const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: API };
const NAME = /^[-_\p{Ll}\p{Lm}\p{Lo}\p{N}]{1,32}$/u;

function walk(options: Option[] | undefined, path: string, visit: (o: Option, path: string) => void) {
  for (const o of options ?? []) {
    visit(o, `${path} ${o.name}`);
    walk(o.options, `${path} ${o.name}`, visit);
  }
}

describe('npm run discord:register', () => {
  it('registers in one server when DISCORD_GUILD_ID is set', async () => {
    const out: string[] = [];
    expect(await registerFromEnv({ ...env, DISCORD_GUILD_ID: GUILD }, (l) => out.push(l))).toBe(0);
    const [call] = fake.take();
    expect(`${call?.method} ${call?.path}`).toBe(`PUT /applications/${APP_ID}/guilds/${GUILD}/commands`);
    expect(out[0]).toMatch(/^Registered 33 commands in server/);
    const commands = call?.body as Command[];
    expect(commands.map((c) => c.name)).toEqual(['concord', 'proposal', 'vote', 'group', 'decisions', 'audit', 'settings', 'commit', 'commitments', 'done', 'extend', 'blocked', 'commitment', 'stakeholders', 'stakeholder', 'profile', 'inclusion', 'goals', 'goal', 'indicator', 'checkin', 'pledges', 'pledge', 'pools', 'pool', 'bucket', 'allocate', 'retros', 'retro', 'kudos', 'mediate', 'mediation', 'help']);
  });

  it('registers globally otherwise, with typed, localized options', async () => {
    expect(await registerFromEnv(env, () => {})).toBe(0);
    const [call] = fake.take();
    expect(`${call?.method} ${call?.path}`).toBe(`PUT /applications/${APP_ID}/commands`);
    const commands = call?.body as Command[];
    for (const command of commands) {
      expect(command.contexts).toEqual([0]);
      walk([command], '', (o, path) => {
        expect(o.name, path).toMatch(NAME);
        expect(o.description.length, path).toBeGreaterThan(0);
        expect(o.description.length, path).toBeLessThanOrEqual(100);
        expect(o.description_localizations?.vi, path).toBeTruthy();
        expect((o.description_localizations?.vi ?? '').length, path).toBeLessThanOrEqual(100);
        expect((o.options ?? []).length, path).toBeLessThanOrEqual(25);
        const required = (o.options ?? []).map((x) => x.required === true);
        expect(required.indexOf(false) === -1 || required.lastIndexOf(true) < required.indexOf(false), `${path}: required options first`).toBe(true);
        expect(!(o.autocomplete && o.choices), path).toBe(true);
      });
    }
    const proposal = commands.find((c) => c.name === 'proposal');
    const create = proposal?.options?.find((o) => o.name === 'create');
    expect(create?.type).toBe(1);
    const byName = Object.fromEntries((create?.options ?? []).map((o) => [o.name, o]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['title', 'rule', 'options', 'closes', 'quorum', 'anonymous', 'hide-results', 'group']));
    expect(byName.title).toMatchObject({ type: 3, required: true, max_length: 200 });
    expect(byName.rule?.choices?.find((c) => c.value === 'ranked')).toEqual({ name: 'Ranked choice', value: 'ranked', name_localizations: { vi: 'Bỏ phiếu xếp hạng' } });
    expect(byName.anonymous?.type).toBe(5);
    expect(byName.decider?.type).toBe(6);
    expect(byName.group?.autocomplete).toBe(true);
    expect(byName.title?.description_localizations?.vi).toBe('Điều cần quyết định, tối đa 200 ký tự.');
    const vote = commands.find((c) => c.name === 'vote');
    expect(vote?.options?.map((o) => [o.name, o.type, o.required, o.autocomplete])).toEqual([
      ['proposal', 4, true, true],
      ['choice', 3, false, true],
      ['reason', 3, false, undefined],
    ]);
    const audit = commands.find((c) => c.name === 'audit');
    expect(audit?.options?.map((o) => o.name)).toEqual(['log', 'verify']);
  });

  it('explains what is missing instead of calling Discord', async () => {
    const out: string[] = [];
    expect(await registerFromEnv({}, (l) => out.push(l))).toBe(1);
    expect(await registerFromEnv({ DISCORD_TOKEN: 'Bot abc', DISCORD_APPLICATION_ID: '12' }, (l) => out.push(l))).toBe(1);
    expect(out[0]).toMatch(/Set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
    expect(out[1]).toContain('DISCORD_TOKEN: must be the token alone, without the "Bot " prefix');
    expect(out[1]).toContain('DISCORD_APPLICATION_ID: must be the application id from General Information: 17 to 20 digits');
    expect(fake.take()).toEqual([]);
  });
});
