// Native commands become the same command lines a member would type, and the adapter's configuration explains bad values.
import { describe, expect, it } from 'vitest';
import { ApplicationCommandOptionType as T } from 'discord.js';
import { parseCommand } from '../../../src/core/commands/index.js';
import { NATIVE_COMMANDS, nativeToLine, type GivenOption } from '../../../src/bots/discord/commands.js';
import { loadDiscordConfig } from '../../../src/bots/discord/index.js';
import { discordMessages, localeOf } from '../../../src/bots/discord/messages.js';
import { ballotText } from '../../../src/bots/discord/command-line.js';

const sample: Record<number, string | number | boolean> = {
  [T.String]: 'Budget "2027" \\ draft',
  [T.Integer]: 7,
  [T.Number]: 3.5,
  [T.Boolean]: true,
  [T.User]: '123456789012345678',
};

/** A value core accepts for each option, where the generic sample would not do. */
const VALUES: Record<string, string | number> = {
  rule: 'poll',
  options: 'A|B|C',
  quorum: '60%',
  threshold: '2/3',
  kind: 'task-force',
  role: 'observer',
  visibility: 'private',
  locale: 'vi',
  timezone: 'Asia/Ho_Chi_Minh',
  'hide-results': 'until-vote',
  members: '<@123456789012345678> @lan,@minh',
  owner: '@lan,@minh',
  day: 'monday',
  hours: 24,
  hour: 9,
  from: 21,
  to: 8,
  'min-mean': 3,
  ties: 'batch',
  dots: 5,
  offsets: '3d,1d',
  filter: 'overdue',
  text: 'help propose',
  limit: 50,
  outcome: 'resolved',
  parties: '<@123456789012345678> @lan',
  stakeholder: 'S-3',
  other: 'S-5',
  represents: 'S-3',
  identity: 'young people|first-time voters',
  'min-cell': 5,
  goal: 'G-2',
  indicator: 'I-5',
  checkin: 'weekly',
  unit: 't CO2',
  at: 'yesterday',
  'at-risk': 0.1,
  'off-track': 0.25,
  clear: 'group,note',
  consult: 'S-3,S-5',
  retro: 'R-1',
  template: 'blameless',
  closes: 'friday 17:00',
  column: 'lacked',
  'per-item': 3,
  pledge: 'PL-3',
  amount: '5tr',
  currency: 'VND',
  'in-kind': 'two tents',
  evidence: 'https://example.org/receipt/118',
  pool: 'P-1',
  bucket: 'B-4',
  'per-member': '500k',
  cap: '1tr',
  'matching-cap': 0.25,
  'target-shares': 'community=40%',
  min: '5tr',
  max: '8tr',
};

/** The value for an option: its named or sample value, kept to its choices and its range. */
function pick(o: { name: string; type: number; choices?: Array<{ value: string }>; min?: number; max?: number }): string | number | boolean {
  // A user (6) or boolean (5) option gets its type's sample, whatever its name: `--owner` names one member here and
  // several elsewhere, `--clear` is a switch on a profile and a list on a stakeholder.
  const named = (o.type === 6 || o.type === 5 ? undefined : VALUES[o.name]) ?? sample[o.type] ?? 'x';
  if (o.choices?.length && !o.choices.some((c) => c.value === named)) return o.choices[0]!.value;
  if (typeof named === 'number') return Math.min(o.max ?? named, Math.max(o.min ?? named, named));
  return named;
}

describe('native commands', () => {
  it('turn every command with every option into a line core parses', () => {
    for (const def of NATIVE_COMMANDS) {
      const given: GivenOption[] = def.options
        .filter((o) => !(def.spec === 'propose' && ['threshold', 'decider', 'dots', 'min-mean', 'ties', 'cross-sector'].includes(o.name)))
        // `--clear` goes alone; core refuses it with other parts, after parsing.
        .filter((o) => !(def.spec === 'profile' && o.name === 'clear'))
        // A value given by name when it is one of the option's choices, else its first choice.
        .map((o) => ({ name: o.name, type: o.type, value: pick(o) }));
      const line = nativeToLine(def.path[0], def.path[1] ?? null, given);
      expect(line, def.path.join(' ')).not.toBeNull();
      const parsed = parseCommand(line ?? '');
      expect(parsed.ok, `${def.path.join(' ')} → ${line} → ${JSON.stringify(parsed)}`).toBe(true);
      if (def.spec && parsed.ok) expect(parsed.command.name).toBe(def.spec);
    }
  });

  it('quotes text so it comes back exactly as entered', () => {
    const line = nativeToLine('proposal', 'create', [
      { name: 'title', type: T.String, value: 'Say "yes" to --everything \\o/' },
      { name: 'rule', type: T.String, value: 'advice' },
      { name: 'anonymous', type: T.Boolean, value: false },
      { name: 'decider', type: T.User, value: '123456789012345678' },
    ]);
    expect(line).toBe('propose "Say \\"yes\\" to --everything \\\\o/" --rule "advice" --decider <@123456789012345678>');
    const parsed = parseCommand(line ?? '');
    expect(parsed.ok && parsed.command.name === 'propose' && parsed.command.title).toBe('Say "yes" to --everything \\o/');
    expect(nativeToLine('commitments', null, [{ name: 'filter', type: T.String, value: 'mine' }])).toBe('commitments --mine');
    expect(nativeToLine('vote', null, [{ name: 'proposal', type: T.Integer, value: 4 }, { name: 'choice', type: T.String, value: 'B>A' }, { name: 'reason', type: T.String, value: 'Closer' }])).toBe('vote 4 "B>A" --reason "Closer"');
    expect(nativeToLine('concord', null, [{ name: 'text', type: T.String, value: '/concord group list' }])).toBe('group list');
    expect(nativeToLine('nope', null, [])).toBeNull();
    expect(nativeToLine('retro', 'vote', [{ name: 'retro', type: T.String, value: 'R-1' }, { name: 'item', type: T.Integer, value: 3 }, { name: 'dots', type: T.Integer, value: 2 }])).toBe('retro vote "R-1" 3 --dots 2');
    expect(nativeToLine('kudos', 'give', [{ name: 'member', type: T.User, value: '123456789012345678' }, { name: 'why', type: T.String, value: 'For the venue' }])).toBe('kudos <@123456789012345678> "For the venue"');
  });

  it('writes ballots with option numbers unless a label is itself a number', () => {
    expect(ballotText(['Da Lat', 'Hoi An', 'Sa Pa'], { rule: 'ranked', order: [1, 2, 0] })).toBe('2>3>1');
    expect(ballotText(['2026', '2027'], { rule: 'approval', chosen: [1, 0] })).toBe('2026,2027');
    expect(ballotText(['A', 'B'], { rule: 'score', amounts: [[0, 5], [1, 0]] })).toBe('1=5 2=0');
  });
});

describe('loadDiscordConfig', () => {
  const good = { DISCORD_TOKEN: 'MTEw.GdG.abc_def-123', DISCORD_APPLICATION_ID: '1100000000000000001' };

  it('is null without Discord variables, and reads the API URL with or without a version', () => {
    expect(loadDiscordConfig({})).toBeNull();
    expect(loadDiscordConfig(good)).toEqual({ token: good.DISCORD_TOKEN, applicationId: good.DISCORD_APPLICATION_ID, api: 'https://discord.com/api', version: '10' });
    expect(loadDiscordConfig({ ...good, DISCORD_GUILD_ID: '1100000000000000002', DISCORD_API_URL: 'http://localhost:8080/api/v9/' })).toMatchObject({
      guildId: '1100000000000000002',
      api: 'http://localhost:8080/api',
      version: '9',
    });
  });

  it('reports one line per bad value', () => {
    expect(() => loadDiscordConfig({ DISCORD_GUILD_ID: 'general', DISCORD_API_URL: 'discord.com' })).toThrow(
      [
        'Invalid configuration:',
        '  DISCORD_TOKEN: is required: the bot token from the Developer Portal (Bot → Reset Token)',
        '  DISCORD_APPLICATION_ID: is required: the application id from General Information (17 to 20 digits)',
        '  DISCORD_GUILD_ID: must be a server id (enable Developer Mode, then right-click the server → Copy Server ID): 17 to 20 digits',
        '  DISCORD_API_URL: must be an http(s) URL such as https://discord.com/api',
      ].join('\n'),
    );
  });
});

describe('messages', () => {
  it('exist in English and Vietnamese alike', () => {
    expect(Object.keys(discordMessages.vi).sort()).toEqual(Object.keys(discordMessages.en).sort());
    expect(localeOf('vi')).toBe('vi');
    expect(localeOf('en-GB')).toBe('en');
    expect(localeOf(undefined)).toBe('en');
  });
});
