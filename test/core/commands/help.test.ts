// Help text: overview, per-command pages in both languages, families and unknown topics.
import { describe, expect, it } from 'vitest';
import { helpText, localizePlaceholders, parseErrorText } from '../../../src/core/commands/help.js';
import { parseCommand } from '../../../src/core/commands/parse.js';
import { translator, type Msg } from '../../../src/core/i18n/index.js';
import { AREAS, COMMAND_SPECS } from '../../../src/core/commands/spec.js';
import { commandMessages } from '../../../src/core/commands/messages.js';
import { tEn, tVi } from './translate.js';

const LANGUAGES = [
  ['en', tEn],
  ['vi', tVi],
] as const;

describe('helpText', () => {
  it.each(LANGUAGES)('overview in %s lists every command by area and ends with a pointer', (_, t) => {
    const text = helpText(t);
    expect(text).not.toMatch(/!cmd\./);
    for (const area of AREAS) expect(text).toContain(t({ key: `cmd.area.${area}` }));
    for (const spec of COMMAND_SPECS.filter((s) => s.area !== 'help')) {
      expect(text).toContain(localizePlaceholders(`/concord ${spec.usage}`, t));
      expect(text).toContain(t({ key: spec.summary }));
    }
    expect(text.trim().endsWith(t({ key: 'cmd.help.more' }))).toBe(true);
    expect(text).toContain('`/concord help propose`');
  });

  it('groups the overview in the documented order', () => {
    const text = helpText(tEn);
    const positions = ['Groups', 'Proposals & voting', 'Decisions', 'Audit', 'Settings'].map((h) => text.indexOf(`\n${h}\n`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  for (const spec of COMMAND_SPECS) {
    const topic = spec.words.join(' ');
    it.each(LANGUAGES)(`help ${topic} (%s) shows usage, description, flags and examples`, (_, t) => {
      const text = helpText(t, topic);
      expect(text).not.toMatch(/!cmd\./);
      expect(text).toContain(localizePlaceholders(`/concord ${spec.usage}`, t));
      expect(text).toContain(t({ key: spec.summary }));
      expect(text).toContain(t({ key: spec.detail }));
      for (const arg of spec.args) expect(text).toContain(t({ key: arg.description }));
      for (const flag of spec.flags) {
        expect(text).toContain(`--${flag.name}`);
        expect(text).toContain(t({ key: flag.description }));
      }
      expect(spec.examples.length).toBeGreaterThan(0);
      for (const example of spec.examples) {
        expect(text).toContain(`/concord ${example.sample === undefined ? example.text : t({ key: example.sample })}`);
        if (example.note) expect(text).toContain(t({ key: example.note }));
      }
    });
  }

  it('vote help shows one example per ballot format', () => {
    const text = helpText(tEn, 'vote');
    for (const ballot of ['vote 7 agree', '"B>A>C"', '"A=5 B=2 C=0"', '"A=3 C=2"', '"A,C"']) expect(text).toContain(ballot);
    for (const format of ['choice', 'ranked', 'score', 'dot', 'approval'] as const) {
      expect(text).toContain(tEn({ key: `cmd.example.vote.${format}` }));
    }
  });

  it('marks required flags and shows defaults', () => {
    const propose = helpText(tEn, 'propose');
    expect(propose).toMatch(/--rule consensus\|.*\(required\)/);
    expect(propose).toMatch(/--hide-results until-vote\|until-close.*\(default: never\)/);
    expect(helpText(tVi, 'audit')).toMatch(/--limit <số mục>.*\(mặc định: 20\)/);
  });

  it('accepts topics however they are written', () => {
    const expected = helpText(tEn, 'group create');
    for (const topic of ['Group Create', 'group.create', '/concord group create', '  group   create ', 'group create "x" --kind']) {
      expect(helpText(tEn, topic)).toBe(expected);
    }
    expect(helpText(tEn, 'proposal.list')).toBe(helpText(tEn, 'proposals'));
    expect(helpText(tEn, 'vote 7 agree')).toBe(helpText(tEn, 'vote'));
  });

  it('a group word lists its commands', () => {
    const text = helpText(tEn, 'group');
    expect(text.startsWith('Groups\n')).toBe(true);
    for (const spec of COMMAND_SPECS.filter((s) => s.words[0] === 'group')) expect(text).toContain(`/concord ${spec.usage}`);
    expect(text).toContain('Try `/concord help group create`');
    expect(helpText(tEn, 'group nonsense')).toBe(text);
  });

  it('a command that heads others also lists them', () => {
    const text = helpText(tEn, 'settings');
    expect(text).toContain('Usage: `/concord settings`');
    expect(text).toContain('Related commands:');
    expect(text).toContain('/concord settings timezone <IANA zone> [--workspace]');
    expect(helpText(tEn, 'audit')).toContain('/concord audit verify');
  });

  it('an unknown topic gives the overview preceded by a notice', () => {
    expect(helpText(tEn, 'xylophone')).toBe(`There is no help on "xylophone". Here is the overview.\n\n${helpText(tEn)}`);
    expect(helpText(tEn, 'propsoe')).toBe(
      `There is no help on "propsoe". Did you mean \`/concord help propose\`? Here is the overview.\n\n${helpText(tEn)}`,
    );
    expect(helpText(tVi, 'xylophone').startsWith('Không có hướng dẫn nào cho "xylophone".')).toBe(true);
  });

  it('treats an empty topic as no topic', () => {
    expect(helpText(tEn, '')).toBe(helpText(tEn));
    expect(helpText(tEn, '   ')).toBe(helpText(tEn));
  });

  it('uses only keys that exist in both catalogs', () => {
    const seen = new Set<string>();
    const spy = (m: Msg): string => {
      seen.add(m.key);
      return tEn(m);
    };
    helpText(spy);
    helpText(spy, 'nonsense');
    helpText(spy, 'propsoe');
    helpText(spy, 'group');
    for (const spec of COMMAND_SPECS) helpText(spy, spec.words.join(' '));
    for (const key of seen) {
      expect(commandMessages.en[key], key).toBeDefined();
      expect(commandMessages.vi[key], key).toBeDefined();
    }
  });
});

describe('Vietnamese placeholders and examples', () => {
  const viT = translator('vi');
  const enT = translator('en');
  /** English placeholders as they appear in usage lines and errors. */
  const english = /<(?:[a-z][a-z -]*|IANA zone)>|@member|\[reason\.\.\.\]|"in \d+ (?:days|months)"|"friday 17:00"/;

  it('help pages in Vietnamese contain no English placeholder', () => {
    const pages = [helpText(viT), ...COMMAND_SPECS.map((s) => helpText(viT, s.words.join(' ')))];
    for (const page of pages) expect(page).not.toMatch(english);
    expect(helpText(viT, 'propose')).toContain('propose "<tiêu đề>"');
    expect(helpText(viT, 'propose')).toContain('--closes "3 ngày nữa"');
    expect(helpText(enT, 'propose')).toContain('propose "<title>"');
  });

  it('Vietnamese error replies contain no English placeholder', () => {
    const broken = [
      'propose', 'propose x', 'mediate @a @b', 'commit "x"', 'extend 3', 'group create', 'group role @a', 'vote', 'vote 7',
      'group create "  "', 'settings timezone', 'settings quiet-hours 25 1', 'close x', 'group add <@&1>', 'settings locale fr',
      'audit --limit 0', 'propose x --rule consent --body', 'mediation close 3 maybe', 'settings digest someday',
    ];
    for (const line of broken) {
      const result = parseCommand(line);
      expect(result.ok, line).toBe(false);
      if (result.ok) continue;
      const text = parseErrorText(viT, result.error, result.usage);
      expect(text, line).not.toMatch(english);
      expect(text, line).not.toMatch(/\{\w+\}|!cmd\.|error\.usage/);
    }
  });

  it('says what a required flag looks like, in the reader\'s words', () => {
    const result = parseCommand('mediate @lan @minh');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toStrictEqual({ key: 'cmd.error.missingFlagLike', params: { command: 'mediate', example: '--topic "<what it is about>"' } });
    expect(parseErrorText(enT, result.error)).toBe('`mediate` needs `--topic "<what it is about>"`.');
    expect(parseErrorText(viT, result.error)).toBe('`mediate` cần có `--topic "<nội dung bất đồng>"`.');
  });

  it('Vietnamese examples are the same commands as the English ones', () => {
    for (const spec of COMMAND_SPECS) {
      for (const example of spec.examples) {
        if (example.sample === undefined) continue;
        expect(commandMessages.en[example.sample], example.sample).toBe(example.text);
        const vi = parseCommand(commandMessages.vi[example.sample] ?? '');
        const en = parseCommand(example.text);
        expect(vi.ok && en.ok && vi.command.name === en.command.name, example.sample).toBe(true);
        if (vi.ok && en.ok) expect(Object.keys(vi.command).sort(), example.sample).toEqual(Object.keys(en.command).sort());
      }
    }
  });
});
