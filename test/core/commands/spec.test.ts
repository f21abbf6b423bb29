// The command declarations: usage lines as documented, one declaration per name and phrase, each with its help
// (that their words are in both catalogs is checked in messages.test.ts).
import { describe, expect, it } from 'vitest';
import { usageLine } from '../../../src/core/commands/declare.js';
import { helpText } from '../../../src/core/commands/help.js';
import { COMMAND_SPECS, specByName } from '../../../src/core/commands/spec.js';
import { parseCommand } from '../../../src/core/commands/parse.js';
import { editDistance, closest } from '../../../src/core/commands/suggest.js';
import { tEn } from './translate.js';

describe('COMMAND_SPECS', () => {
  it('has one declaration per name and per phrase', () => {
    const names = COMMAND_SPECS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const phrases = COMMAND_SPECS.map((s) => s.words.join(' '));
    expect(new Set(phrases).size).toBe(phrases.length);
    for (const spec of COMMAND_SPECS) expect(specByName(spec.name), spec.name).toBe(spec);
  });

  it('gives every declaration a usage line generated from its words, arguments and flags', () => {
    for (const spec of COMMAND_SPECS) {
      expect(spec.usage, spec.name).toBe(usageLine(spec.words, spec.args, spec.flags));
      expect(spec.usage.startsWith(spec.words.join(' ')), spec.name).toBe(true);
      expect(spec.examples.length, spec.name).toBeGreaterThan(0);
    }
  });

  it('gives every declaration a help page of its own', () => {
    for (const spec of COMMAND_SPECS) {
      const page = helpText(tEn, spec.words.join(' '));
      expect(page, spec.name).toContain(`\`/concord ${spec.usage}\``);
      expect(page, spec.name).toContain(tEn({ key: spec.detail }));
    }
  });

  it('generates the documented usage lines', () => {
    expect(specByName('group.create').usage).toBe('group create "<name>" [--kind working-group|task-force|committee] [--private]');
    expect(specByName('group.add').usage).toBe('group add @member [@member...] [--group <name>]');
    expect(specByName('group.role').usage).toBe('group role @member convener|mediator|member|observer [--group <name>]');
    expect(specByName('propose').usage).toBe(
      'propose "<title>" [--body "<text>"] [--group <name>] ' +
        '--rule consensus|consent|majority|fist-of-five|poll|approval|ranked|score|dot|advice [--options "A|B|C"] ' +
        '[--quorum 60%] [--threshold 2/3] [--closes "in 3 days"|"2026-12-05 17:00"] [--anonymous] ' +
        '[--hide-results until-vote|until-close] [--decider @member] [--dots 5] [--min-mean 3] [--ties lot|batch] [--consult S-3,S-5] [--cross-sector 3]',
    );
    expect(specByName('settings.ties').usage).toBe('settings ties lot|batch [--group <name>]');
    expect(specByName('vote').usage).toBe('vote <id> <choice> [reason...] [--reason "<text>"]');
    expect(specByName('settings.timezone').usage).toBe('settings timezone <IANA zone> [--workspace]');
    expect(specByName('audit').usage).toBe('audit [--limit <n>]');
  });

  it('every example parses to its own command', () => {
    for (const spec of COMMAND_SPECS) {
      for (const example of spec.examples) {
        const result = parseCommand(example.text);
        expect(result.ok, example.text).toBe(true);
        if (result.ok && spec.name !== 'help') expect(result.command.name, example.text).toBe(spec.name);
      }
    }
  });

  it('flag names are unique within a command and keys never collide except on purpose', () => {
    for (const spec of COMMAND_SPECS) {
      const names = spec.flags.map((f) => f.name);
      expect(new Set(names).size, spec.name).toBe(names.length);
      const argKeys = new Set(spec.args.map((a) => a.key));
      const shared = spec.flags.filter((f) => argKeys.has(f.key)).map((f) => f.key);
      // vote's reason can be written after the choice or with --reason; the parser refuses both at once.
      expect(shared, spec.name).toEqual(spec.name === 'vote' ? ['reason'] : []);
    }
  });
});

describe('suggestions', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('propsoe', 'propose')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests only close candidates, or a unique prefix', () => {
    expect(closest('vot', ['vote', 'group'])).toBe('vote');
    expect(closest('xyz', ['vote', 'group'])).toBeUndefined();
    expect(closest('sett', ['settings', 'propose'])).toBe('settings');
    expect(closest('pro', ['proposal', 'proposals', 'propose'])).toBeUndefined();
    expect(closest('ab', ['ac'])).toBeUndefined();
  });
});
