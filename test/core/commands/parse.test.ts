// parseCommand: every command to its exact Command object, and every kind of mistake to a precise message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/core/commands/parse.js';
import { COMMAND_SPECS } from '../../../src/core/commands/spec.js';
import type { Command } from '../../../src/core/commands/types.js';
import type { Msg } from '../../../src/core/i18n/types.js';
import { RULES } from '../../../src/core/proposals/rules/types.js';
import { tEn, tVi } from './translate.js';
import { catalogs } from '../../../src/core/i18n/index.js';

function ok(text: string): Command {
  const result = parseCommand(text);
  if (!result.ok) throw new Error(`${text} → ${JSON.stringify(result.error)}`);
  return result.command;
}

function err(text: string): { error: Msg; usage?: string } {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`${text} parsed as ${JSON.stringify(result.command)}`);
  return result.usage === undefined ? { error: result.error } : { error: result.error, usage: result.usage };
}

const usage = (name: Command['name']): string => COMMAND_SPECS.find((s) => s.name === name)?.usage ?? '';

const proposeDefaults = { name: 'propose', options: [], anonymous: false, hideResults: 'never' } as const;

describe('help', () => {
  it.each([[''], ['   '], ['/concord'], ['/CONCORD  '], ['concord'], ['help'], ['Help']])('%j → overview', (text) => {
    expect(ok(text)).toStrictEqual({ name: 'help' });
  });

  it('keeps the topic, lower case, whatever follows', () => {
    expect(ok('help propose')).toStrictEqual({ name: 'help', topic: 'propose' });
    expect(ok('/concord help Group  Create')).toStrictEqual({ name: 'help', topic: 'group create' });
    expect(ok('help propose --rule')).toStrictEqual({ name: 'help', topic: 'propose --rule' });
    expect(ok('help nonsense')).toStrictEqual({ name: 'help', topic: 'nonsense' });
  });

  it('turns --help on any command into help for it', () => {
    expect(ok('propose --help')).toStrictEqual({ name: 'help', topic: 'propose' });
    expect(ok('group create "x" --help')).toStrictEqual({ name: 'help', topic: 'group create' });
    expect(ok('group --help')).toStrictEqual({ name: 'help', topic: 'group' });
    expect(ok('--help')).toStrictEqual({ name: 'help' });
  });
});

describe('groups', () => {
  it('group create', () => {
    expect(ok('/concord group create "Design Guild"')).toStrictEqual({
      name: 'group.create',
      group: 'Design Guild',
      kind: 'working-group',
      private: false,
    });
    for (const kind of ['working-group', 'task-force', 'committee'] as const) {
      expect(ok(`group create Budget --kind ${kind}`)).toStrictEqual({ name: 'group.create', group: 'Budget', kind, private: false });
    }
    expect(ok('GROUP Create “Budget 2026” --kind=Task-Force')).toStrictEqual({
      name: 'group.create',
      group: 'Budget 2026',
      kind: 'task-force',
      private: false,
    });
  });

  it('group create reads an unquoted name to the end of the line', () => {
    expect(ok('group create Design Team --kind committee')).toStrictEqual({
      name: 'group.create',
      group: 'Design Team',
      kind: 'committee',
      private: false,
    });
  });

  it('private groups: create --private, visibility, invite and uninvite', () => {
    expect(ok('group create "HR" --kind committee --private')).toStrictEqual({ name: 'group.create', group: 'HR', kind: 'committee', private: true });
    expect(ok('group visibility private --group HR')).toStrictEqual({ name: 'group.visibility', visibility: 'private', group: 'HR' });
    expect(ok('group visibility open')).toStrictEqual({ name: 'group.visibility', visibility: 'open' });
    expect(err('group visibility secret').error).toStrictEqual({
      key: 'cmd.error.badChoice',
      params: { field: '<visibility>', given: 'secret', allowed: 'open, private' },
    });
    expect(ok('group invite @lan @minh --group HR')).toStrictEqual({ name: 'group.invite', members: ['lan', 'minh'], group: 'HR' });
    expect(ok('group uninvite @minh')).toStrictEqual({ name: 'group.uninvite', members: ['minh'] });
    expect(err('group invite --group HR').error.key).toBe('cmd.error.missingArg');
  });

  it('group create checks the name length (1..60)', () => {
    expect(ok(`group create "${'x'.repeat(60)}"`)).toMatchObject({ group: 'x'.repeat(60) });
    expect(err(`group create "${'x'.repeat(61)}"`).error).toStrictEqual({
      key: 'cmd.error.tooLong',
      params: { field: '<name>', max: 60, length: 61 },
    });
    expect(err('group create "  "').error).toStrictEqual({ key: 'cmd.error.empty', params: { field: '<name>' } });
    expect(err('group create').error).toStrictEqual({
      key: 'cmd.error.missingArg',
      params: { arg: '"<name>"', command: 'group create' },
    });
  });

  it('group create names a bad kind and lists the kinds', () => {
    expect(err('group create x --kind team').error).toStrictEqual({
      key: 'cmd.error.badChoice',
      params: { field: '--kind', given: 'team', allowed: 'working-group, task-force, committee' },
    });
  });

  it('group join / leave / info take an optional name', () => {
    expect(ok('group join')).toStrictEqual({ name: 'group.join' });
    expect(ok('group join "Design Guild"')).toStrictEqual({ name: 'group.join', group: 'Design Guild' });
    expect(ok('group leave')).toStrictEqual({ name: 'group.leave' });
    expect(ok('group leave Design Guild')).toStrictEqual({ name: 'group.leave', group: 'Design Guild' });
    expect(ok('group info')).toStrictEqual({ name: 'group.info' });
    expect(ok("group info 'Design Guild'")).toStrictEqual({ name: 'group.info', group: 'Design Guild' });
  });

  it('group add takes one or more members and an optional group', () => {
    expect(ok('group add @alice')).toStrictEqual({ name: 'group.add', members: ['alice'] });
    expect(ok('group add @alice bob <@U123|carol> --group "Design Guild"')).toStrictEqual({
      name: 'group.add',
      members: ['alice', 'bob', 'U123'],
      group: 'Design Guild',
    });
    expect(ok('group add --group=Ops @alice')).toStrictEqual({ name: 'group.add', members: ['alice'], group: 'Ops' });
    expect(err('group add --group Ops').error).toStrictEqual({
      key: 'cmd.error.missingArg',
      params: { arg: '@member [@member...]', command: 'group add' },
    });
  });

  it('group role', () => {
    expect(ok('group role @alice convener')).toStrictEqual({ name: 'group.role', member: 'alice', role: 'convener' });
    for (const role of ['convener', 'mediator', 'member', 'observer'] as const) {
      expect(ok(`group role <@123> ${role.toUpperCase()} --group Ops`)).toStrictEqual({
        name: 'group.role',
        member: '123',
        role,
        group: 'Ops',
      });
    }
    expect(err('group role @alice boss').error).toStrictEqual({
      key: 'cmd.error.badChoice',
      params: { field: '<role>', given: 'boss', allowed: 'convener, mediator, member, observer' },
    });
    expect(err('group role @alice').error).toStrictEqual({
      key: 'cmd.error.missingArg',
      params: { arg: 'convener|mediator|member|observer', command: 'group role' },
    });
    expect(err('group role @alice member extra').error).toStrictEqual({
      key: 'cmd.error.tooManyArgs',
      params: { command: 'group role', extra: 'extra', count: 2 },
    });
  });

  it('group list', () => {
    expect(ok('group list')).toStrictEqual({ name: 'group.list' });
    expect(err('group list all').error).toStrictEqual({
      key: 'cmd.error.noArgs',
      params: { command: 'group list', extra: 'all' },
    });
  });
});

describe('member references', () => {
  it.each([
    ['@alice', 'alice'],
    ['alice', 'alice'],
    ['@lan.anh_92', 'lan.anh_92'],
    ['@Nguyễn', 'Nguyễn'],
    ['<@U123|alice>', 'U123'],
    ['<@U123>', 'U123'],
    ['<@W0ABC>', 'W0ABC'],
    ['<@123456789012345678>', '123456789012345678'],
    ['<@!123456789012345678>', '123456789012345678'],
    ['<@U9|Lan Anh>', 'U9'],
  ])('%s → %s', (ref, id) => {
    expect(ok(`group role ${ref} member`)).toMatchObject({ member: id });
    expect(ok(`group add ${ref}`)).toMatchObject({ members: [id] });
    expect(ok(`propose x --rule advice --decider ${ref}`)).toMatchObject({ decider: id });
  });

  it.each([['@'], ['@@alice'], ['<@&123>'], ['<#C1|general>'], ['<!here>'], ['"alice smith"'], ['<@U1']])(
    'refuses %s',
    (ref) => {
      const { error } = err(`group add ${ref}`);
      expect(error.key).toBe('cmd.error.badMember');
      expect(error.params?.field).toBe('@member');
    },
  );
});

describe('propose', () => {
  it('needs a title and a rule, and fills in defaults', () => {
    expect(ok('propose "Move stand-up to 10:00" --rule consent')).toStrictEqual({
      ...proposeDefaults,
      title: 'Move stand-up to 10:00',
      rule: 'consent',
    });
  });

  it('reads every flag', () => {
    expect(
      ok(
        '/concord propose “Raise the travel budget” --body "See the sheet.\nThanks" --group "Ops Team" --rule Majority ' +
          '--quorum 60% --threshold 2/3 --closes "in 3 days" --anonymous --hide-results until-close',
      ),
    ).toStrictEqual({
      name: 'propose',
      title: 'Raise the travel budget',
      body: 'See the sheet.\nThanks',
      group: 'Ops Team',
      rule: 'majority',
      options: [],
      quorum: { num: 60, den: 100 },
      threshold: { num: 2, den: 3 },
      closes: 'in 3 days',
      anonymous: true,
      hideResults: 'until-close',
    });
  });

  it('accepts every rule, with options exactly for the option rules', () => {
    for (const rule of ['consensus', 'consent', 'majority', 'fist-of-five', 'advice'] as const) {
      expect(ok(`propose x --rule ${rule}`)).toStrictEqual({ ...proposeDefaults, title: 'x', rule });
    }
    for (const rule of ['poll', 'approval', 'ranked', 'score', 'dot'] as const) {
      expect(ok(`propose x --rule ${rule} --options "A|B|C"`)).toStrictEqual({
        ...proposeDefaults,
        title: 'x',
        rule,
        options: ['A', 'B', 'C'],
      });
    }
  });

  it('rule-specific flags', () => {
    expect(ok('propose x --rule dot --options A|B --dots 7')).toStrictEqual({
      ...proposeDefaults,
      title: 'x',
      rule: 'dot',
      options: ['A', 'B'],
      dots: 7,
    });
    expect(ok('propose x --rule fist-of-five --min-mean 3.5')).toMatchObject({ minMean: 3.5 });
    expect(ok('propose x --rule fist-of-five --min-mean 0')).toMatchObject({ minMean: 0 });
    expect(ok('propose x --rule fist-of-five --min-mean 3,5')).toMatchObject({ minMean: 3.5 });
    expect(ok('propose x --rule advice --decider @lan')).toMatchObject({ decider: 'lan' });
    expect(ok('propose x --rule advice --hide-results until-vote')).toMatchObject({ hideResults: 'until-vote' });
    expect(ok('propose x --rule advice --hide-results never')).toMatchObject({ hideResults: 'never' });
  });

  it('flags can come before the title and in any order', () => {
    expect(ok('propose --rule=consent --anonymous "Title here"')).toStrictEqual({
      ...proposeDefaults,
      title: 'Title here',
      rule: 'consent',
      anonymous: true,
    });
  });

  it('an unquoted title runs to the end of the line, skipping flags', () => {
    expect(ok('propose Lunch on Friday? --rule poll --options "Pizza | Phở |Sushi"')).toStrictEqual({
      ...proposeDefaults,
      title: 'Lunch on Friday?',
      rule: 'poll',
      options: ['Pizza', 'Phở', 'Sushi'],
    });
  });

  it('a quoted "--x" is part of the text, not a flag', () => {
    expect(ok('propose "--rule" --rule consent')).toMatchObject({ title: '--rule', rule: 'consent' });
    expect(ok('propose x --rule consent --body "--anonymous"')).toMatchObject({ body: '--anonymous', anonymous: false });
  });

  it('checks title and body lengths', () => {
    expect(ok(`propose "${'t'.repeat(200)}" --rule consent`)).toMatchObject({ title: 't'.repeat(200) });
    expect(err(`propose "${'t'.repeat(201)}" --rule consent`).error).toStrictEqual({
      key: 'cmd.error.tooLong',
      params: { field: '<title>', max: 200, length: 201 },
    });
    expect(ok(`propose x --rule consent --body "${'b'.repeat(4000)}"`)).toMatchObject({ body: 'b'.repeat(4000) });
    expect(err(`propose x --rule consent --body "${'b'.repeat(4001)}"`).error).toStrictEqual({
      key: 'cmd.error.tooLong',
      params: { field: '--body', max: 4000, length: 4001 },
    });
    // Characters, not UTF-16 units: emoji and Vietnamese count once each.
    expect(ok(`propose "${'😀'.repeat(200)}" --rule consent`)).toMatchObject({ title: '😀'.repeat(200) });
  });

  it('requires --rule and lists the rules', () => {
    const { error, usage: shown } = err('propose "Lunch"');
    expect(error).toStrictEqual({
      key: 'cmd.error.missingFlag',
      params: { flag: '--rule', command: 'propose', allowed: RULES.join(', ') },
    });
    expect(shown).toBe(usage('propose'));
  });

  it('suggests the closest rule for a typo', () => {
    expect(err('propose x --rule concensus').error).toStrictEqual({
      key: 'cmd.error.badChoiceSuggest',
      params: { field: '--rule', given: 'concensus', allowed: RULES.join(', '), suggestion: 'consensus' },
    });
    expect(err('propose x --rule vote').error.key).toBe('cmd.error.badChoice');
  });

  it('requires options for option rules and refuses them for the others', () => {
    expect(err('propose x --rule ranked').error).toStrictEqual({
      key: 'cmd.error.optionsRequired',
      params: { rule: 'ranked', rules: 'poll, approval, ranked, score, dot' },
    });
    expect(err('propose x --rule consensus --options "A|B"').error).toStrictEqual({
      key: 'cmd.error.flagNotForRule',
      params: { flag: '--options', rule: 'consensus', rules: 'poll, approval, ranked, score, dot' },
    });
  });

  it('validates options: count, emptiness, length, case-insensitive duplicates', () => {
    const at = (options: string): Msg => err(`propose x --rule poll --options "${options}"`).error;
    expect(at('A')).toStrictEqual({
      key: 'cmd.error.optionCount',
      params: { field: '--options', count: 1, min: 2, max: 20 },
    });
    expect(at('A,B,C').key).toBe('cmd.error.optionCount');
    const many = Array.from({ length: 21 }, (_, i) => `o${i}`).join('|');
    expect(at(many)).toStrictEqual({
      key: 'cmd.error.optionCount',
      params: { field: '--options', count: 21, min: 2, max: 20 },
    });
    expect(ok(`propose x --rule poll --options "${Array.from({ length: 20 }, (_, i) => `o${i}`).join('|')}"`)).toMatchObject({
      options: expect.arrayContaining(['o0', 'o19']),
    });
    expect(at('A||B')).toStrictEqual({ key: 'cmd.error.optionEmpty', params: { field: '--options', given: 'A||B' } });
    expect(at('A|B|').key).toBe('cmd.error.optionEmpty');
    expect(at(`A|${'x'.repeat(81)}`)).toStrictEqual({
      key: 'cmd.error.optionTooLong',
      params: { field: '--options', option: `${'x'.repeat(40)}…`, max: 80 },
    });
    expect(ok(`propose x --rule poll --options "A|${'x'.repeat(80)}"`)).toMatchObject({ options: ['A', 'x'.repeat(80)] });
    expect(at('Pizza|Sushi|pizza')).toStrictEqual({
      key: 'cmd.error.optionDuplicate',
      params: { field: '--options', option: 'pizza' },
    });
    expect(at('Phở|PHỞ').key).toBe('cmd.error.optionDuplicate');
  });

  it.each([
    ['60%', { num: 60, den: 100 }],
    ['0.6', { num: 6, den: 10 }],
    ['0,6', { num: 6, den: 10 }],
    ['.75', { num: 75, den: 100 }],
    ['3/5', { num: 3, den: 5 }],
    ['2/4', { num: 2, den: 4 }],
    ['66.5%', { num: 665, den: 1000 }],
    ['100%', { num: 100, den: 100 }],
    ['1', { num: 1, den: 1 }],
    ['1/1', { num: 1, den: 1 }],
    ['1%', { num: 1, den: 100 }],
  ])('quorum %s is kept as written: %j', (text, fraction) => {
    expect(ok(`propose x --rule consent --quorum ${text}`)).toMatchObject({ quorum: fraction });
  });

  it.each([['0'], ['0%'], ['0/5'], ['101%'], ['1.2'], ['6/5'], ['-10%']])('quorum %s is out of range', (text) => {
    expect(err(`propose x --rule consent --quorum ${text}`).error).toStrictEqual({
      key: 'cmd.error.fractionAbove',
      params: { field: '--quorum', given: text, min: '0%', max: '100%' },
    });
  });

  it.each([['abc'], ['60 percent'], ['3/0'], ['1/2/3'], ['%'], ['0.1234567']])('quorum %j is not a fraction', (text) => {
    expect(err(`propose x --rule consent --quorum "${text}"`).error).toStrictEqual({
      key: 'cmd.error.badFraction',
      params: { field: '--quorum', given: text },
    });
  });

  it.each([
    ['2/3', { num: 2, den: 3 }],
    ['66%', { num: 66, den: 100 }],
    ['0.75', { num: 75, den: 100 }],
    ['1/2', { num: 1, den: 2 }],
    ['50%', { num: 50, den: 100 }],
    ['1', { num: 1, den: 1 }],
  ])('threshold %s → %j', (text, fraction) => {
    expect(ok(`propose x --rule majority --threshold ${text}`)).toMatchObject({ threshold: fraction });
  });

  it.each([['49%'], ['0.4'], ['1/3'], ['3/2'], ['101%']])('threshold %s is out of range', (text) => {
    expect(err(`propose x --rule majority --threshold ${text}`).error).toStrictEqual({
      key: 'cmd.error.fractionRange',
      params: { field: '--threshold', given: text, min: '50%', max: '100%' },
    });
  });

  it.each([
    ['--threshold 2/3', 'consensus', '--threshold', 'majority'],
    ['--dots 3', 'poll', '--dots', 'dot'],
    ['--min-mean 3', 'majority', '--min-mean', 'fist-of-five'],
    ['--decider @lan', 'consent', '--decider', 'advice'],
  ])('%s is refused for %s', (flag, rule, name, rules) => {
    const options = ['poll'].includes(rule) ? ' --options "A|B"' : '';
    expect(err(`propose x --rule ${rule}${options} ${flag}`).error).toStrictEqual({
      key: 'cmd.error.flagNotForRule',
      params: { flag: name, rule, rules },
    });
  });

  it('bounds --dots and --min-mean', () => {
    expect(ok('propose x --rule dot --options A|B --dots 1')).toMatchObject({ dots: 1 });
    expect(ok('propose x --rule dot --options A|B --dots 100')).toMatchObject({ dots: 100 });
    for (const dots of ['0', '101', '2.5', 'five', '-1']) {
      expect(err(`propose x --rule dot --options A|B --dots ${dots}`).error).toStrictEqual({
        key: 'cmd.error.badInteger',
        params: { field: '--dots', given: dots, min: 1, max: 100 },
      });
    }
    for (const mean of ['5.5', '-1', 'x', '3.']) {
      expect(err(`propose x --rule fist-of-five --min-mean ${mean}`).error).toStrictEqual({
        key: 'cmd.error.badNumber',
        params: { field: '--min-mean', given: mean, min: 0, max: 5 },
      });
    }
  });

  it('rejects a bad --hide-results value', () => {
    expect(err('propose x --rule consent --hide-results always').error).toStrictEqual({
      key: 'cmd.error.badChoice',
      params: { field: '--hide-results', given: 'always', allowed: 'never, until-vote, until-close' },
    });
  });

  it('reads flags autocorrected to dashes by phones', () => {
    expect(ok('propose “Lunch” —rule consent —anonymous')).toMatchObject({ rule: 'consent', anonymous: true });
  });
});

describe('vote', () => {
  it('takes an id with or without #, a choice and an optional reason', () => {
    expect(ok('vote 7 agree')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'agree' });
    expect(ok('vote #7 agree')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'agree' });
    expect(ok('vote 7 Agree Looks good, ship it')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'Agree',
      reason: 'Looks good, ship it',
    });
    expect(ok('vote 7 block "I have a concern" about cost')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'block',
      reason: 'I have a concern about cost',
    });
    expect(ok("vote 7 object it's too early")).toMatchObject({ reason: "it's too early" });
  });

  it('keeps quoted ballots whole', () => {
    expect(ok('vote 7 "B>A>C"')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'B>A>C' });
    expect(ok('vote 7 "A=5 B=2 C=0" fair enough')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'A=5 B=2 C=0',
      reason: 'fair enough',
    });
    expect(ok('vote 12 “Hội An > Đà Lạt”')).toStrictEqual({ name: 'vote', proposal: 12, choice: 'Hội An > Đà Lạt' });
    expect(ok('vote 7 A,C')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'A,C' });
    expect(ok('vote 7 4')).toStrictEqual({ name: 'vote', proposal: 7, choice: '4' });
  });

  it('does not split an unquoted score, dot or ranked ballot into a reason', () => {
    expect(ok('vote 7 A=5 B=2 C=0')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'A=5 B=2 C=0' });
    expect(ok('vote 7 A=3 C=2 spreading out')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'A=3 C=2',
      reason: 'spreading out',
    });
    expect(ok('vote 7 B > A > C because')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'B > A > C', reason: 'because' });
    expect(ok('vote 7 B> A> C')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'B> A> C' });
  });

  it('keeps multi-word Vietnamese choices together, with or without diacritics', () => {
    expect(ok('vote 7 đồng ý tôi thấy ổn')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'đồng ý',
      reason: 'tôi thấy ổn',
    });
    expect(ok('vote 7 Không đồng ý')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'Không đồng ý' });
    expect(ok('vote 7 phieu trang')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'phieu trang' });
    expect(ok('vote 7 có lý do riêng')).toStrictEqual({ name: 'vote', proposal: 7, choice: 'có', reason: 'lý do riêng' });
  });

  it('accepts --reason instead of trailing words, but not both', () => {
    expect(ok('vote 7 agree --reason "Fine by me"')).toStrictEqual({
      name: 'vote',
      proposal: 7,
      choice: 'agree',
      reason: 'Fine by me',
    });
    expect(ok('vote --reason=ok 7 agree')).toMatchObject({ reason: 'ok', choice: 'agree' });
    expect(err('vote 7 agree because --reason "x"').error).toStrictEqual({
      key: 'cmd.error.argAndFlag',
      params: { arg: '<reason>', flag: '--reason' },
    });
  });

  it('explains a bad proposal id', () => {
    for (const id of ['seven', '0', '#0', '-3', '7.5', '##7', '99999999999']) {
      expect(err(`vote ${id} agree`).error).toStrictEqual({
        key: 'cmd.error.badProposalId',
        params: { field: '<id>', given: id },
      });
    }
  });

  it('names the missing piece', () => {
    expect(err('vote').error).toStrictEqual({ key: 'cmd.error.missingArg', params: { arg: '<id>', command: 'vote' } });
    expect(err('vote 7').error).toStrictEqual({ key: 'cmd.error.missingArg', params: { arg: '<choice>', command: 'vote' } });
    expect(err('vote 7').usage).toBe('vote <id> <choice> [reason...] [--reason "<text>"]');
  });
});

describe('proposals, decisions, audit', () => {
  it('proposal / proposals / close / withdraw', () => {
    expect(ok('proposal 7')).toStrictEqual({ name: 'proposal.show', proposal: 7 });
    expect(ok('proposal #12')).toStrictEqual({ name: 'proposal.show', proposal: 12 });
    expect(ok('proposals')).toStrictEqual({ name: 'proposal.list', all: false });
    expect(ok('proposals --all')).toStrictEqual({ name: 'proposal.list', all: true });
    expect(ok('close #3')).toStrictEqual({ name: 'close', proposal: 3 });
    expect(ok('withdraw 3')).toStrictEqual({ name: 'withdraw', proposal: 3 });
  });

  it('outcome', () => {
    expect(ok('outcome 7 "Stand-up moves to 10:00"')).toStrictEqual({
      name: 'outcome',
      proposal: 7,
      statement: 'Stand-up moves to 10:00',
    });
    expect(ok('outcome #7 We adopt the rota --review "in 6 months"')).toStrictEqual({
      name: 'outcome',
      proposal: 7,
      statement: 'We adopt the rota',
      review: 'in 6 months',
    });
    expect(err('outcome 7').error).toStrictEqual({
      key: 'cmd.error.missingArg',
      params: { arg: '"<statement>"', command: 'outcome' },
    });
  });

  it('decisions', () => {
    expect(ok('decisions')).toStrictEqual({ name: 'decisions' });
    expect(ok('decisions --group "Design Guild"')).toStrictEqual({ name: 'decisions', group: 'Design Guild' });
  });

  it('audit and audit verify', () => {
    expect(ok('audit')).toStrictEqual({ name: 'audit', limit: 20 });
    expect(ok('audit --limit 1')).toStrictEqual({ name: 'audit', limit: 1 });
    expect(ok('audit --limit=200')).toStrictEqual({ name: 'audit', limit: 200 });
    expect(ok('audit verify')).toStrictEqual({ name: 'audit.verify' });
    expect(ok('Audit Verify')).toStrictEqual({ name: 'audit.verify' });
    for (const limit of ['0', '201', 'ten']) {
      expect(err(`audit --limit ${limit}`).error).toStrictEqual({
        key: 'cmd.error.badInteger',
        params: { field: '--limit', given: limit, min: 1, max: 200 },
      });
    }
  });
});

describe('settings', () => {
  it('settings shows', () => {
    expect(ok('settings')).toStrictEqual({ name: 'settings.show' });
  });

  it('settings locale', () => {
    expect(ok('settings locale vi')).toStrictEqual({ name: 'settings.locale', locale: 'vi', scope: 'me' });
    expect(ok('settings locale EN --workspace')).toStrictEqual({ name: 'settings.locale', locale: 'en', scope: 'workspace' });
    expect(err('settings locale fr').error).toStrictEqual({
      key: 'cmd.error.badChoice',
      params: { field: '<locale>', given: 'fr', allowed: 'en, vi' },
    });
  });

  it('settings timezone validates IANA names and accepts UTC', () => {
    expect(ok('settings timezone Asia/Ho_Chi_Minh')).toStrictEqual({
      name: 'settings.timezone',
      timezone: 'Asia/Ho_Chi_Minh',
      scope: 'me',
    });
    expect(ok('settings timezone UTC --workspace')).toStrictEqual({
      name: 'settings.timezone',
      timezone: 'UTC',
      scope: 'workspace',
    });
    expect(ok('settings timezone utc')).toMatchObject({ timezone: 'UTC' });
    expect(ok('settings timezone europe/berlin')).toMatchObject({ timezone: 'Europe/Berlin' });
    expect(ok('settings timezone America/New_York')).toMatchObject({ timezone: 'America/New_York' });
  });

  it('settings timezone explains unknown zones, suggesting a close one', () => {
    expect(err('settings timezone Mars/Olympus').error).toStrictEqual({
      key: 'cmd.error.badTimezone',
      params: { field: '<IANA zone>', given: 'Mars/Olympus' },
    });
    expect(err('settings timezone Europe/Londn').error).toStrictEqual({
      key: 'cmd.error.badTimezoneSuggest',
      params: { field: '<IANA zone>', given: 'Europe/Londn', suggestion: 'Europe/London' },
    });
    expect(err('settings timezone London').error).toMatchObject({ params: { suggestion: 'Europe/London' } });
    expect(err('settings timezone +07:00').error.key).toBe('cmd.error.badTimezone');
  });

  it('settings reminder', () => {
    expect(ok('settings reminder 24')).toStrictEqual({ name: 'settings.reminder', hours: 24 });
    expect(ok('settings reminder 0')).toStrictEqual({ name: 'settings.reminder', hours: 0 });
    expect(ok('settings reminder 168')).toStrictEqual({ name: 'settings.reminder', hours: 168 });
    for (const hours of ['169', '-1', '1.5', 'soon']) {
      expect(err(`settings reminder ${hours}`).error).toStrictEqual({
        key: 'cmd.error.badInteger',
        params: { field: '<hours>', given: hours, min: 0, max: 168 },
      });
    }
    expect(err('settings reminder --workspace').error).toStrictEqual({
      key: 'cmd.error.noFlags',
      params: { flag: '--workspace', command: 'settings reminder' },
    });
  });
});

describe('errors', () => {
  it('unknown command, with a suggestion by edit distance', () => {
    expect(err('propsoe "x" --rule consent')).toStrictEqual({
      error: { key: 'cmd.error.unknownCommandSuggest', params: { command: 'propsoe', suggestion: 'propose' } },
      usage: usage('propose'),
    });
    expect(err('vot 7 agree').error).toStrictEqual({
      key: 'cmd.error.unknownCommandSuggest',
      params: { command: 'vot', suggestion: 'vote' },
    });
    expect(err('grup creat x').error).toStrictEqual({
      key: 'cmd.error.unknownCommandSuggest',
      params: { command: 'grup', suggestion: 'group create' },
    });
    expect(err('group creat x')).toStrictEqual({
      error: { key: 'cmd.error.unknownCommandSuggest', params: { command: 'group creat', suggestion: 'group create' } },
      usage: usage('group.create'),
    });
    expect(err('settings timzone UTC').error).toStrictEqual({
      key: 'cmd.error.unknownCommandSuggest',
      params: { command: 'settings timzone', suggestion: 'settings timezone' },
    });
    expect(err('audit verfy').error).toMatchObject({ params: { suggestion: 'audit verify' } });
  });

  it('unknown command without a plausible suggestion', () => {
    expect(err('xylophone')).toStrictEqual({ error: { key: 'cmd.error.unknownCommand', params: { command: 'xylophone' } } });
    expect(err('settings colour blue')).toStrictEqual({
      error: { key: 'cmd.error.unknownCommand', params: { command: 'settings colour' } },
      usage: 'settings [locale|timezone|reminder|reminders|quiet-hours|digest|ties|digest-empty|group-creation|inclusion-min-cell|inclusion-threshold|goal-thresholds|retro-dots|kudos-limit]',
    });
    expect(err('"quoted" x').error.key).toBe('cmd.error.unknownCommand');
    expect(err('--rule x').error).toStrictEqual({ key: 'cmd.error.unknownCommand', params: { command: '--rule' } });
  });

  it('a group word with no subcommand lists the subcommands', () => {
    expect(err('group')).toStrictEqual({
      error: {
        key: 'cmd.error.missingSubcommand',
        params: { command: 'group', subcommands: 'create, join, leave, add, role, list, info, visibility, invite, uninvite' },
      },
      usage: 'group create|join|leave|add|role|list|info|visibility|invite|uninvite',
    });
    expect(err('group --kind committee').error.key).toBe('cmd.error.missingSubcommand');
  });

  it('unknown flag names it and lists the valid ones', () => {
    expect(err('vote 7 agree --anonymous')).toStrictEqual({
      error: { key: 'cmd.error.unknownFlag', params: { flag: '--anonymous', command: 'vote', flags: '--reason' } },
      usage: usage('vote'),
    });
    expect(err('propose x --rule poll --colses "in 3 days"').error).toStrictEqual({
      key: 'cmd.error.unknownFlagSuggest',
      params: {
        flag: '--colses',
        command: 'propose',
        flags:
          '--body, --group, --rule, --options, --quorum, --threshold, --closes, --anonymous, --hide-results, --decider, --dots, --min-mean, --ties, --consult, --cross-sector',
        suggestion: '--closes',
      },
    });
    expect(err('close 7 --force').error).toStrictEqual({
      key: 'cmd.error.noFlags',
      params: { flag: '--force', command: 'close' },
    });
  });

  it('flag given twice', () => {
    expect(err('propose x --rule consent --rule majority').error).toStrictEqual({
      key: 'cmd.error.duplicateFlag',
      params: { flag: '--rule' },
    });
    expect(err('proposals --all --all').error).toStrictEqual({ key: 'cmd.error.duplicateFlag', params: { flag: '--all' } });
  });

  it('missing flag value', () => {
    expect(err('propose x --rule').error).toStrictEqual({
      key: 'cmd.error.missingValue',
      params: { flag: '--rule', expected: RULES.join('|') },
    });
    expect(err('propose x --body --rule consent').error).toStrictEqual({
      key: 'cmd.error.missingValue',
      params: { flag: '--body', expected: '"<text>"' },
    });
    expect(err('propose x --rule consent --closes=').error.key).toBe('cmd.error.missingValue');
    expect(err('propose x --rule consent --body ""').error.key).toBe('cmd.error.missingValue');
  });

  it('a switch given a value', () => {
    expect(err('proposals --all=yes').error).toStrictEqual({
      key: 'cmd.error.flagTakesNoValue',
      params: { flag: '--all', given: 'yes' },
    });
  });

  it('too many arguments', () => {
    expect(err('close 7 8')).toStrictEqual({
      error: { key: 'cmd.error.tooManyArgs', params: { command: 'close', extra: '8', count: 1 } },
      usage: 'close <id>',
    });
    expect(err('settings timezone Asia/Ho_Chi_Minh please').error).toStrictEqual({
      key: 'cmd.error.tooManyArgs',
      params: { command: 'settings timezone', extra: 'please', count: 1 },
    });
    expect(err('audit verify now').error).toStrictEqual({
      key: 'cmd.error.noArgs',
      params: { command: 'audit verify', extra: 'now' },
    });
  });

  it('unterminated quote, still showing the usage of the command it belongs to', () => {
    expect(err('propose "Lunch on Friday --rule consent')).toStrictEqual({
      error: { key: 'cmd.error.unterminatedQuote', params: { quote: '"', near: 'Lunch on Friday --rule c…' } },
      usage: usage('propose'),
    });
    expect(err('“oops').usage).toBeUndefined();
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const result = parseCommand(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
    const pieces = ['propose', 'vote', 'group', 'create', '--rule', 'poll', '"', '“', "'", '--options', 'A|B', '#7', '@a', '<@U1>', '=', '>', '\\', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const result = parseCommand(parts.join(' '));
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('options that would make ballots ambiguous', () => {
  it('refuses , > and = in options of rules whose ballots use them as separators', () => {
    const result = parseCommand('propose "Venue" --rule ranked --options "Hall, north|Park"');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ key: 'cmd.error.optionReservedChar', params: { option: 'Hall, north' } });
    expect(parseCommand('propose "Venue" --rule poll --options "Hall, north|Park"').ok).toBe(true);
  });
});

describe('commitment commands', () => {
  it('parses a commitment with several owners, a group, a proposal and reminder offsets', () => {
    expect(parseCommand('commit "Book the venue" --due "2026-12-05" --owner @lan,@minh --group Budget --proposal #7 --remind "2d,4h"')).toStrictEqual({
      ok: true,
      command: { name: 'commit', what: 'Book the venue', due: '2026-12-05', owners: ['lan', 'minh'], group: 'Budget', proposal: 7, remind: '2d,4h' },
    });
    expect(parseCommand('commit Draft the budget --due friday')).toMatchObject({ ok: true, command: { what: 'Draft the budget', owners: [] } });
  });

  it('needs a due date', () => {
    const result = parseCommand('commit "Draft"');
    expect(result.ok).toBe(false);
  });

  it('parses the follow-up commands', () => {
    expect(parseCommand('done 3 Shared in the drive')).toStrictEqual({ ok: true, command: { name: 'done', commitment: 3, note: 'Shared in the drive' } });
    expect(parseCommand('extend #3 --due "next monday" --reason "Waiting for quotes"')).toStrictEqual({
      ok: true,
      command: { name: 'extend', commitment: 3, due: 'next monday', reason: 'Waiting for quotes' },
    });
    expect(parseCommand('blocked 3 "No figures yet"')).toStrictEqual({ ok: true, command: { name: 'blocked', commitment: 3, reason: 'No figures yet' } });
    expect(parseCommand('cancel 3')).toStrictEqual({ ok: true, command: { name: 'cancel', commitment: 3 } });
    expect(parseCommand('commitments --overdue')).toStrictEqual({ ok: true, command: { name: 'commitment.list', filter: 'overdue' } });
    expect(parseCommand('commitments stats --group Budget')).toStrictEqual({ ok: true, command: { name: 'commitment.stats', group: 'Budget' } });
    expect(parseCommand('commitments --mine --overdue').ok).toBe(false);
    expect(parseCommand('settings quiet-hours 21 8')).toStrictEqual({ ok: true, command: { name: 'settings.quiet', from: 21, to: 8 } });
    expect(parseCommand('settings group-creation admins')).toStrictEqual({ ok: true, command: { name: 'settings.groupCreation', policy: 'admins' } });
    expect(parseCommand('settings digest monday 9 --group Budget')).toStrictEqual({ ok: true, command: { name: 'settings.digest', day: 'monday', hour: 9, group: 'Budget' } });
    expect(parseCommand('settings ties batch --group Budget')).toStrictEqual({ ok: true, command: { name: 'settings.ties', ties: 'batch', group: 'Budget' } });
    expect(parseCommand('propose x --rule ranked --options "A|B" --ties batch')).toMatchObject({ ok: true, command: { ties: 'batch' } });
  });
});

describe('bounds', () => {
  it('refuses an enormous line at once, saying the limit, in both languages', () => {
    const line = `propose "${'x'.repeat(200_000)}" --rule consent`;
    const started = performance.now();
    const { error } = err(line);
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toStrictEqual({ key: 'cmd.error.lineTooLong', params: { max: 10_000, length: line.length } });
    expect(tEn(error)).toContain('at most 10000');
    expect(tVi(error)).toContain('tối đa 10000 ký tự');
  });

  it('refuses a long word where a short value is expected before looking for suggestions', () => {
    const { error } = err(`settings timezone ${'Europe/Lond'.repeat(100)}`);
    expect(error).toStrictEqual({ key: 'cmd.error.tooLong', params: { field: '<IANA zone>', max: 200, length: 1100 } });
  });

  it('quotes back only a short prefix of what was typed', () => {
    const long = 'z'.repeat(5000);
    for (const line of [`close ${long}`, `audit --limit ${long.slice(0, 150)}`, `${long}`, `close 7 ${long}`, `propose x --rule consent --${long}`]) {
      const { error } = err(line);
      for (const value of Object.values(error.params ?? {})) {
        expect(String(value).length, `${line.slice(0, 30)}: ${error.key}`).toBeLessThanOrEqual(200);
      }
      expect(tEn(error).length).toBeLessThan(400);
      expect(tVi(error).length).toBeLessThan(400);
    }
    expect(err(`close ${'7'.repeat(60)}`).error.params?.given).toBe(`${'7'.repeat(40)}…`);
  });
});

describe('invisible control characters', () => {
  it.each([
    ['propose "Budget\u202e3202" --rule consent', 'U+202E'],
    ['propose "Q2" --rule poll --options "A|\u2066B\u2069"', 'U+2066'],
    ['done 3 "note\u0000"', 'U+0000'],
    ['vote 7 object "because\u202a"', 'U+202A'],
    ['commit "Task\u0007" --due friday', 'U+0007'],
    ['mediation note "\u0085x"', 'U+0085'],
  ])('refuses %j with a translated message naming the character', (line, code) => {
    const position = line.indexOf(String.fromCodePoint(parseInt(code.slice(2), 16))) + 1;
    const { error } = err(line);
    expect(error).toStrictEqual({ key: 'cmd.error.controlChar', params: { code, position } });
    expect(tEn(error)).toContain(`(${code}) at character ${position}`);
    expect(tVi(error)).toContain(`(${code}) ở ký tự thứ ${position}`);
  });

  it('still takes tabs and line breaks', () => {
    expect(ok('propose "Q2" --rule consent --body "one\r\ntwo\tthree"')).toMatchObject({ body: 'one\r\ntwo\tthree' });
  });
});

describe('left-over words', () => {
  it('refuses a word after an unquoted date instead of gluing it onto the title', () => {
    const { error } = err('propose "Budget" --rule consent --closes tomorrow 9am');
    expect(error).toStrictEqual({
      key: 'cmd.error.strayAfterFlag',
      params: { extra: '9am', flag: '--closes', value: 'tomorrow', fix: '--closes "tomorrow 9am"' },
    });
    expect(tEn(error)).toContain('put the whole value in quotes: `--closes "tomorrow 9am"`');
    expect(tVi(error)).toContain('hãy đặt cả giá trị trong ngoặc kép: `--closes "tomorrow 9am"`');
  });

  it('gives the same hint for an unquoted relative date, wherever the title is', () => {
    for (const line of ['propose "Budget" --rule consent --closes in 3 days', 'propose --rule consent --closes in 3 days Budget']) {
      expect(err(line).error.params).toMatchObject({ extra: expect.stringMatching(/^3 days/), fix: expect.stringMatching(/^--closes "in 3 days/) });
    }
    expect(err('commit "Draft" --due=next friday').error.params).toMatchObject({ fix: '--due "next friday"' });
    expect(err('commit "Book it" --due friday --owner @lan @minh').error.params).toMatchObject({ fix: '--owner "@lan @minh"' });
  });

  it('says a switch takes no value', () => {
    const { error } = err('propose "Q2" --rule consent --anonymous true');
    expect(error).toStrictEqual({ key: 'cmd.error.flagTakesNoValue', params: { flag: '--anonymous', given: 'true' } });
    expect(tEn(error)).toContain('Write just `--anonymous`');
    expect(tVi(error)).toContain('Chỉ cần viết `--anonymous`');
    expect(err('propose --anonymous có "Q2" --rule consent').error).toMatchObject({ key: 'cmd.error.flagTakesNoValue' });
    expect(err('commitments --mine yes').error).toMatchObject({ key: 'cmd.error.flagTakesNoValue', params: { flag: '--mine', given: 'yes' } });
  });

  it('refuses words written next to a quoted title', () => {
    const { error } = err('commit "Task" extra --due friday');
    expect(error).toStrictEqual({ key: 'cmd.error.strayNextToQuoted', params: { extra: 'extra', fix: '"Task extra"' } });
    expect(tEn(error)).toContain('like "Task extra"');
    expect(tVi(error)).toContain('ví dụ "Task extra"');
    expect(err('propose Budget "2026" --rule consent').error).toMatchObject({ key: 'cmd.error.strayNextToQuoted', params: { fix: '"Budget 2026"' } });
    expect(err('done 3 "Shared" in the drive').error.params).toMatchObject({ fix: '"Shared in the drive"' });
  });

  it('still reads unquoted titles that nothing else could claim', () => {
    expect(ok('propose Budget plan --rule consent --closes "in 3 days"')).toMatchObject({ title: 'Budget plan', closes: 'in 3 days' });
    expect(ok('propose --rule consent Budget plan')).toMatchObject({ title: 'Budget plan' });
    expect(ok('propose --closes "friday" Budget plan --rule consent')).toMatchObject({ title: 'Budget plan', closes: 'friday' });
    expect(ok('propose --anonymous Budget plan --rule consent')).toMatchObject({ title: 'Budget plan', anonymous: true });
    expect(ok('group add --group Ops @alice <@U1>')).toMatchObject({ members: ['alice', 'U1'], group: 'Ops' });
    expect(ok('vote 7 block "I have a concern" about cost')).toMatchObject({ reason: 'I have a concern about cost' });
  });

  it('asks where a word belongs when an argument follows an unquoted text value', () => {
    expect(err('vote 7 --reason because agree').error).toMatchObject({ key: 'cmd.error.strayAfterFlag', params: { fix: '--reason "because agree"' } });
    expect(ok('vote 7 --reason "because" agree')).toMatchObject({ choice: 'agree', reason: 'because' });
    expect(ok('group role --group Ops @alice member')).toMatchObject({ member: 'alice', role: 'member', group: 'Ops' });
  });

  it('refuses a title split by a flag', () => {
    expect(err('propose Budget --rule consent plan').error).toMatchObject({ key: 'cmd.error.tooManyArgs', params: { extra: 'plan' } });
    expect(err('mediate @lan @minh --topic Who leads').error).toMatchObject({ key: 'cmd.error.strayAfterFlag', params: { fix: '--topic "Who leads"' } });
  });
});

describe('options that ballots could not tell apart', () => {
  it.each([['Hội An|Hoi An'], ['Hoi An|hội an'], ['Đà Lạt|Da Lat|Sa Pa'], ['Phở|Pho']])('refuses %j at propose time', (options) => {
    const { error } = err(`propose "Venue" --rule poll --options "${options}"`);
    expect(error.key).toBe('cmd.error.optionTooSimilar');
    expect(tEn(error)).toMatch(/differ only by accents/);
    expect(tVi(error)).toMatch(/chỉ khác nhau ở dấu/);
  });

  it('refuses options that differ only in spacing, and keeps options that really differ', () => {
    expect(err('propose "Venue" --rule poll --options "Hoi An|Hoi  An"').error.key).toBe('cmd.error.optionDuplicate');
    expect(ok('propose "Venue" --rule poll --options "Hội An|Hội Am"')).toMatchObject({ options: ['Hội An', 'Hội Am'] });
  });
});

describe('caps on people', () => {
  const people = (n: number, sep: string): string => Array.from({ length: n }, (_, i) => `@p${i}`).join(sep);

  it('refuses a commitment with 400 owners, in both languages', () => {
    const { error } = err(`commit "Task" --due friday --owner ${people(400, ',')}`);
    expect(error).toStrictEqual({ key: 'cmd.error.tooManyPeople', params: { field: '--owner', count: 400, max: 20 } });
    expect(tEn(error)).toContain('names 400 people, and at most 20 are allowed');
    expect(tVi(error)).toContain('nêu tên 400 người, trong khi chỉ được tối đa 20 người');
    expect(ok(`commit "Task" --due friday --owner ${people(20, ',')}`)).toMatchObject({ owners: expect.any(Array) });
  });

  it('refuses too many members or parties in one command', () => {
    expect(err(`group add ${people(501, ' ')}`).error).toStrictEqual({ key: 'cmd.error.tooManyPeople', params: { field: '@member', count: 501, max: 500 } });
    expect(err(`mediate ${people(21, ' ')} --topic x`).error).toStrictEqual({ key: 'cmd.error.tooManyPeople', params: { field: '@member', count: 21, max: 20 } });
    expect(ok(`group add ${people(300, ' ')}`)).toMatchObject({ name: 'group.add' });
  });

  it('refuses more mentions than the cap in a text', () => {
    const mentions = Array.from({ length: 21 }, (_, i) => `<@U${i}>`).join(' ');
    const { error } = err(`propose "Hello ${mentions}" --rule consent`);
    expect(error).toStrictEqual({ key: 'cmd.error.tooManyMentions', params: { field: '<title>', count: 21, max: 20 } });
    expect(tEn(error)).toContain('at most 20');
    expect(tVi(error)).toContain('tối đa 20');
    expect(err(`vote 7 object --reason "${mentions}"`).error).toMatchObject({ key: 'cmd.error.tooManyMentions', params: { field: '--reason' } });
    const named = Array.from({ length: 21 }, (_, i) => `<@U${i}|Lan Nguyen ${i}>`).join(' ');
    expect(err(`propose "${named}" --rule consent`).error).toMatchObject({ key: 'cmd.error.tooManyMentions', params: { count: 21 } });
  });
});

describe('Vietnamese rule names', () => {
  it.each([
    ['--rule đồng-thuận', 'consensus'],
    ['--rule dong-thuan', 'consensus'],
    ['--rule "đồng thuận"', 'consensus'],
    ['--rule đồng thuận', 'consensus'],
    ['--rule Chấp_Thuận', 'consent'],
    ['--rule=chap-thuan', 'consent'],
    ['--rule xin ý kiến', 'advice'],
    ['--rule xin-y-kien', 'advice'],
    ['--rule "quy trình xin ý kiến"', 'advice'],
    ['--rule đa số', 'majority'],
    ['--rule ngón tay', 'fist-of-five'],
    ['--rule fist of five', 'fist-of-five'],
  ])('propose "Q" %s → %s', (flag, rule) => {
    expect(ok(`propose "Q" ${flag}`)).toMatchObject({ rule, title: 'Q' });
  });

  it('reads a spaced name only as far as it names a rule', () => {
    expect(ok('propose --rule đồng thuận Ngân sách quý hai')).toMatchObject({ rule: 'consensus', title: 'Ngân sách quý hai' });
  });

  it('calls the advice process by one name in Vietnamese', () => {
    const vi = Object.values(catalogs.vi).join('\n');
    expect(vi).not.toMatch(/quy trình tham vấn|quy trình tư vấn/);
    expect(vi).toMatch(/quy trình xin ý kiến/i);
  });
});

describe('the rule as typed', () => {
  it('names the rule in errors the way the member wrote it', () => {
    expect(err('propose "Q" --rule chấp thuận --options "A|B"').error).toMatchObject({ key: 'cmd.error.flagNotForRule', params: { rule: 'chấp thuận' } });
    expect(err('propose "Q" --rule xep-hang').error).toMatchObject({ key: 'cmd.error.optionsRequired', params: { rule: 'xep-hang' } });
    expect(err('propose "Q" --rule consent --dots 3').error).toMatchObject({ params: { rule: 'consent' } });
  });
});
