// Typed ballots: every accepted format, every alias, and every error with its format hint.
import { describe, expect, it } from 'vitest';
import {
  ballotExample,
  choiceLabel,
  choicesFor,
  describeRule,
  parseBallot,
  quorumNeeded,
  requiresReason,
  RULES,
  type BallotValue,
  type RuleConfig,
  type RuleName,
} from '../../../src/core/proposals/rules/index.js';
import { CHOICE_ALIASES, foldDiacritics } from '../../../src/core/proposals/rules/ballots.js';
import { parseCommand } from '../../../src/core/commands/parse.js';

const NONE: RuleConfig = { options: [] };
const ABC: RuleConfig = { options: ['A', 'B', 'C'] };

function ok(rule: RuleName, config: RuleConfig, raw: string, reason?: string | null): BallotValue {
  const r = parseBallot(rule, config, raw, reason);
  if (!r.ok) throw new Error(`expected ${raw} to parse, got ${JSON.stringify(r.error)}`);
  return r.value;
}

function err(rule: RuleName, config: RuleConfig, raw: string, reason?: string | null) {
  const r = parseBallot(rule, config, raw, reason);
  if (r.ok) throw new Error(`expected ${raw} to fail, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const word = (rule: RuleName, raw: string, reason?: string): string => {
  const v = ok(rule, NONE, raw, reason);
  return v.kind === 'choice' ? v.choice : `<${v.kind}>`;
};

describe('choicesFor', () => {
  it('lists canonical choices for word rules and the options for option rules', () => {
    expect(choicesFor('consensus', ABC)).toEqual(['agree', 'abstain', 'disagree', 'block']);
    expect(choicesFor('consent', ABC)).toEqual(['consent', 'object']);
    expect(choicesFor('majority', ABC)).toEqual(['yes', 'no', 'abstain']);
    expect(choicesFor('fist-of-five', ABC)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(choicesFor('advice', ABC)).toEqual(['support', 'concern', 'abstain']);
    for (const rule of ['poll', 'approval', 'ranked', 'score', 'dot'] as const) {
      expect(choicesFor(rule, ABC)).toEqual(['A', 'B', 'C']);
    }
  });

  it('returns a copy callers may mutate', () => {
    choicesFor('consensus', ABC).push('x');
    const options = choicesFor('poll', ABC);
    options.push('D');
    expect(choicesFor('consensus', ABC)).toHaveLength(4);
    expect(ABC.options).toHaveLength(3);
  });
});

describe('requiresReason', () => {
  it('is true only for a consensus block and a consent objection', () => {
    const needing = RULES.flatMap((rule) =>
      choicesFor(rule, ABC)
        .filter((c) => requiresReason(rule, c))
        .map((c) => `${rule}:${c}`),
    );
    expect(needing).toEqual(['consensus:block', 'consent:object']);
  });
});

describe('parseBallot: word rules', () => {
  it('accepts canonical words in any case and surrounding space', () => {
    expect(word('consensus', 'agree')).toBe('agree');
    expect(word('consensus', '  AGREE ')).toBe('agree');
    expect(word('consent', 'Consent')).toBe('consent');
    expect(word('majority', 'No')).toBe('no');
    expect(word('advice', 'concern')).toBe('concern');
  });

  it('accepts Vietnamese for consensus, with spaces, hyphens, decomposed input or no diacritics', () => {
    expect(word('consensus', 'đồng-ý')).toBe('agree');
    expect(word('consensus', 'Đồng ý')).toBe('agree');
    expect(word('consensus', 'đồng ý'.normalize('NFD'))).toBe('agree');
    expect(word('consensus', 'dong y')).toBe('agree');
    expect(word('consensus', 'phản-đối')).toBe('disagree');
    expect(word('consensus', 'không đồng ý')).toBe('disagree');
    expect(word('consensus', 'chặn', 'breaks billing')).toBe('block');
    expect(word('consensus', 'phiếu-trắng')).toBe('abstain');
    expect(word('consensus', 'bỏ phiếu trắng')).toBe('abstain');
  });

  it('accepts Vietnamese for consent, majority and advice', () => {
    expect(word('consent', 'đồng-thuận')).toBe('consent');
    expect(word('consent', 'chấp thuận')).toBe('consent');
    expect(word('consent', 'phản đối', 'too costly')).toBe('object');
    expect(word('majority', 'có')).toBe('yes');
    expect(word('majority', 'Không')).toBe('no');
    expect(word('majority', 'khong')).toBe('no');
    expect(word('majority', 'phiếu trắng')).toBe('abstain');
    expect(word('advice', 'ủng hộ')).toBe('support');
    expect(word('advice', 'lo ngại')).toBe('concern');
  });

  it('maps every listed alias to its own choice, with and without diacritics, without collisions', () => {
    for (const [rule, table] of Object.entries(CHOICE_ALIASES) as [RuleName, Record<string, readonly string[]>][]) {
      const folded = new Map<string, string>();
      for (const [canonical, aliases] of Object.entries(table)) {
        for (const alias of aliases) {
          const reason = 'because';
          expect(word(rule, alias, reason)).toBe(canonical);
          expect(word(rule, foldDiacritics(alias), reason)).toBe(canonical);
          const f = foldDiacritics(alias);
          expect(folded.get(f) ?? canonical, `${rule}: ${alias}`).toBe(canonical);
          folded.set(f, canonical);
        }
      }
    }
  });

  it('rejects unknown words with the rule’s choices and an example', () => {
    expect(err('consensus', NONE, 'maybe')).toEqual({
      key: 'ballot.consensus.unknown',
      params: { input: 'maybe', choices: 'agree, abstain, disagree, block', example: 'agree' },
    });
    expect(err('consent', NONE, 'agree').key).toBe('ballot.consent.unknown');
    expect(err('majority', NONE, 'block')).toMatchObject({
      key: 'ballot.majority.unknown',
      params: { choices: 'yes, no, abstain', example: 'yes' },
    });
    expect(err('advice', NONE, 'yes')).toMatchObject({
      key: 'ballot.advice.unknown',
      params: { choices: 'support, concern, abstain', example: 'support' },
    });
  });

  it('requires a non-blank reason for a block or an objection', () => {
    expect(err('consensus', NONE, 'block')).toEqual({
      key: 'ballot.reasonRequired',
      params: { rule: 'consensus', choice: 'block' },
    });
    expect(err('consensus', NONE, 'chặn', '   ').key).toBe('ballot.reasonRequired');
    expect(err('consent', NONE, 'object', null)).toEqual({
      key: 'ballot.reasonRequired',
      params: { rule: 'consent', choice: 'object' },
    });
    // Quoted back as typed, so a Vietnamese reply never names the stored English word.
    expect(err('consent', NONE, '  Phản   đối ', null)).toEqual({ key: 'ballot.reasonRequired', params: { rule: 'consent', choice: 'Phản đối' } });
    expect(err('consensus', NONE, 'chặn')).toEqual({ key: 'ballot.reasonRequired', params: { rule: 'consensus', choice: 'chặn' } });
    expect(word('consent', 'object', 'it double-bills customers')).toBe('object');
    // Other choices never need one.
    expect(word('consensus', 'disagree')).toBe('disagree');
  });

  it('rejects an empty ballot with an example', () => {
    expect(err('consensus', NONE, '   ')).toEqual({
      key: 'ballot.empty',
      params: { rule: 'consensus', example: 'agree' },
    });
  });
});

describe('parseBallot: fist of five', () => {
  it('accepts 0 to 5', () => {
    for (const n of ['0', '1', '2', '3', '4', '5']) expect(word('fist-of-five', n)).toBe(n);
    expect(word('fist-of-five', ' 4 ')).toBe('4');
  });

  it('rejects anything else', () => {
    for (const bad of ['6', '-1', '3.5', 'four', '05']) {
      expect(err('fist-of-five', NONE, bad)).toEqual({
        key: 'ballot.fist-of-five.unknown',
        params: { input: bad, example: '4' },
      });
    }
  });
});

describe('parseBallot: poll', () => {
  const spaced: RuleConfig = { options: ['Option A', 'Phương án B', 'C'] };

  it('matches an option label case-insensitively or by its number', () => {
    expect(ok('poll', ABC, 'b')).toEqual({ kind: 'choice', choice: 'B' });
    expect(ok('poll', ABC, '3')).toEqual({ kind: 'choice', choice: 'C' });
    expect(ok('poll', spaced, '  option   a ')).toEqual({ kind: 'choice', choice: 'Option A' });
    expect(ok('poll', spaced, 'phuong an b')).toEqual({ kind: 'choice', choice: 'Phương án B' });
  });

  it('prefers a label that is itself a number over position', () => {
    expect(ok('poll', { options: ['2', '1'] }, '1')).toEqual({ kind: 'choice', choice: '1' });
  });

  it('rejects unknown options and out-of-range numbers', () => {
    expect(err('poll', ABC, 'D')).toEqual({
      key: 'ballot.poll.unknownOption',
      params: { option: 'D', options: 'A, B, C', count: 3, example: 'A' },
    });
    expect(err('poll', ABC, '4').key).toBe('ballot.poll.unknownOption');
    expect(err('poll', ABC, '0').key).toBe('ballot.poll.unknownOption');
  });

  it('refuses to guess between labels that differ only by diacritics', () => {
    expect(err('poll', { options: ['Bò', 'Bó'] }, 'bo').key).toBe('ballot.poll.unknownOption');
  });

  it('rejects empty ballots and proposals without options', () => {
    expect(err('poll', ABC, '').key).toBe('ballot.empty');
    expect(err('poll', NONE, 'A')).toEqual({ key: 'ballot.noOptions', params: { rule: 'poll' } });
  });
});

describe('parseBallot: approval', () => {
  it('takes comma-separated options, stored in proposal order', () => {
    expect(ok('approval', ABC, 'C, a')).toEqual({ kind: 'approval', choices: ['A', 'C'] });
    expect(ok('approval', ABC, 'B')).toEqual({ kind: 'approval', choices: ['B'] });
    expect(ok('approval', ABC, 'A,C,')).toEqual({ kind: 'approval', choices: ['A', 'C'] });
    expect(ok('approval', { options: ['Option A', 'Option B'] }, 'Option B,Option A')).toEqual({
      kind: 'approval',
      choices: ['Option A', 'Option B'],
    });
  });

  it('rejects unknown, duplicate and empty selections', () => {
    expect(err('approval', ABC, 'A,D')).toEqual({
      key: 'ballot.approval.unknownOption',
      params: { option: 'D', options: 'A, B, C', count: 3, example: 'A,C' },
    });
    expect(err('approval', ABC, 'A,a')).toMatchObject({ key: 'ballot.approval.duplicate', params: { option: 'A' } });
    expect(err('approval', ABC, 'A,1')).toMatchObject({ key: 'ballot.approval.duplicate', params: { option: 'A' } });
    expect(err('approval', ABC, ' , ,')).toEqual({ key: 'ballot.empty', params: { rule: 'approval', example: 'A,C' } });
  });
});

describe('parseBallot: ranked', () => {
  it('takes a full or partial ranking with >', () => {
    expect(ok('ranked', ABC, 'B>A>C')).toEqual({ kind: 'ranked', order: ['B', 'A', 'C'] });
    expect(ok('ranked', ABC, ' c > b ')).toEqual({ kind: 'ranked', order: ['C', 'B'] });
    expect(ok('ranked', ABC, 'A')).toEqual({ kind: 'ranked', order: ['A'] });
    expect(ok('ranked', { options: ['New office', 'Stay remote'] }, 'stay remote > new office')).toEqual({
      kind: 'ranked',
      order: ['Stay remote', 'New office'],
    });
  });

  it('rejects unknown options with the format and a real example', () => {
    expect(err('ranked', ABC, 'B>D>A')).toEqual({
      key: 'ballot.ranked.unknownOption',
      params: { option: 'D', options: 'A, B, C', count: 3, example: 'B>A>C' },
    });
  });

  it('rejects duplicates and empty ranks', () => {
    expect(err('ranked', ABC, 'A>B>a')).toMatchObject({ key: 'ballot.ranked.duplicate', params: { option: 'A' } });
    expect(err('ranked', ABC, 'A>>B')).toEqual({ key: 'ballot.ranked.format', params: { example: 'B>A>C' } });
    expect(err('ranked', ABC, 'A>').key).toBe('ballot.ranked.format');
    expect(err('ranked', ABC, '').key).toBe('ballot.empty');
  });
});

describe('parseBallot: score', () => {
  it('takes name=score pairs, names with spaces, any separator', () => {
    expect(ok('score', ABC, 'A=5 B=2 C=0')).toEqual({ kind: 'score', scores: { A: 5, B: 2, C: 0 } });
    expect(ok('score', ABC, 'c = 1, a=4')).toEqual({ kind: 'score', scores: { A: 4, C: 1 } });
    expect(ok('score', { options: ['Option A', 'Option B'] }, 'Option A=3 Option B=2')).toEqual({
      kind: 'score',
      scores: { 'Option A': 3, 'Option B': 2 },
    });
  });

  it('rejects malformed input with the format and an example', () => {
    const format = { key: 'ballot.score.format', params: { max: 5, example: 'A=5 B=2 C=0' } };
    expect(err('score', ABC, 'A 5')).toEqual(format);
    expect(err('score', ABC, 'A=5 B')).toEqual(format);
    expect(err('score', ABC, '=5')).toEqual(format);
  });

  it('rejects unknown options, repeats and out-of-range values', () => {
    expect(err('score', ABC, 'A=1 D=2')).toMatchObject({
      key: 'ballot.score.unknownOption',
      params: { option: 'D', options: 'A, B, C' },
    });
    expect(err('score', ABC, 'A=1 a=2')).toMatchObject({ key: 'ballot.score.duplicate', params: { option: 'A' } });
    expect(err('score', ABC, 'A=6')).toEqual({
      key: 'ballot.score.badValue',
      params: { option: 'A', value: '6', max: 5, example: 'A=5 B=2 C=0' },
    });
    expect(err('score', ABC, 'A=2.5').key).toBe('ballot.score.badValue');
    expect(err('score', ABC, 'A=-1').key).toBe('ballot.score.badValue');
    expect(err('score', ABC, 'A=').key).toBe('ballot.score.badValue');
  });
});

describe('parseBallot: dot', () => {
  it('takes name=dots pairs within the budget', () => {
    expect(ok('dot', ABC, 'A=3 B=2')).toEqual({ kind: 'dot', dots: { A: 3, B: 2 } });
    expect(ok('dot', ABC, 'C=1')).toEqual({ kind: 'dot', dots: { C: 1 } });
    expect(ok('dot', { ...ABC, dots: 10 }, 'B=7,A=3')).toEqual({ kind: 'dot', dots: { A: 3, B: 7 } });
  });

  it('rejects going over the budget or placing nothing', () => {
    expect(err('dot', ABC, 'A=3 B=3')).toEqual({
      key: 'ballot.dot.tooMany',
      params: { total: 6, dots: 5, example: 'A=3 B=2' },
    });
    expect(err('dot', { ...ABC, dots: 2 }, 'A=3')).toEqual({
      key: 'ballot.dot.tooMany',
      params: { total: 3, dots: 2, example: 'A=1 B=1' },
    });
    expect(err('dot', ABC, 'A=0 B=0')).toEqual({ key: 'ballot.dot.none', params: { dots: 5, example: 'A=3 B=2' } });
  });

  it('rejects bad numbers, unknown options, repeats and malformed input', () => {
    expect(err('dot', ABC, 'A=two')).toEqual({
      key: 'ballot.dot.badValue',
      params: { option: 'A', value: 'two', dots: 5, example: 'A=3 B=2' },
    });
    expect(err('dot', ABC, 'A=1 Z=1')).toMatchObject({ key: 'ballot.dot.unknownOption', params: { option: 'Z' } });
    expect(err('dot', ABC, 'A=1 A=1')).toMatchObject({ key: 'ballot.dot.duplicate', params: { option: 'A' } });
    expect(err('dot', ABC, 'A')).toEqual({ key: 'ballot.dot.format', params: { dots: 5, example: 'A=3 B=2' } });
  });
});

describe('ballotExample', () => {
  it('quotes the example in errors when option names have spaces, so it can be typed as shown', () => {
    const config: RuleConfig = { options: ['Da Lat', 'Hoi An', 'Sa Pa'] };
    const examples = { poll: '"Da Lat"', ranked: '"Hoi An>Da Lat>Sa Pa"', approval: '"Da Lat,Sa Pa"', score: '"Da Lat=5 Hoi An=2 Sa Pa=0"' };
    for (const [rule, example] of Object.entries(examples)) {
      const error = err(rule as RuleName, config, 'Hue');
      expect(error.params?.example, rule).toBe(example);
      const typed = parseCommand(`vote 7 ${example}`);
      expect(typed.ok && typed.command.name === 'vote' && parseBallot(rule as RuleName, config, typed.command.choice).ok, rule).toBe(true);
    }
    expect(err('poll', { options: ['A', 'B'] }, 'C').params?.example).toBe('A');
  });

  it('builds examples from the real options that themselves parse', () => {
    const configs: RuleConfig[] = [
      { options: ['Only'] },
      { options: ['Red', 'Blue'] },
      { options: ['Option A', 'Option B', 'Option C', 'Option D'], dots: 1 },
    ];
    for (const config of configs) {
      for (const rule of RULES) {
        const example = ballotExample(rule, config);
        expect(parseBallot(rule, config, example).ok, `${rule}: ${example}`).toBe(true);
      }
    }
  });
});

describe('describeRule and choiceLabel', () => {
  it('describes each rule, reflecting its settings', () => {
    expect(describeRule('consensus', NONE)).toEqual({ key: 'rule.describe.consensus' });
    expect(describeRule('majority', NONE)).toEqual({ key: 'rule.describe.majority' });
    expect(describeRule('majority', { options: [], threshold: { num: 2, den: 3 } })).toEqual({
      key: 'rule.describe.majority.threshold',
      params: { threshold: '2/3' },
    });
    expect(describeRule('fist-of-five', { options: [], minMean: 3.5 })).toEqual({
      key: 'rule.describe.fist-of-five',
      params: { min: 3.5 },
    });
    expect(describeRule('dot', ABC)).toEqual({ key: 'rule.describe.dot', params: { count: 5 } });
    expect(describeRule('score', ABC)).toEqual({ key: 'rule.describe.score', params: { max: 5 } });
  });

  it('labels word choices and fingers, and leaves options as they are', () => {
    expect(choiceLabel('consensus', 'block')).toEqual({ key: 'choice.block' });
    expect(choiceLabel('fist-of-five', '3')).toEqual({ key: 'choice.fist-of-five.3' });
    expect(choiceLabel('poll', 'A')).toBeNull();
  });
});

describe('quorumNeeded', () => {
  it('rounds the share of the electorate up', () => {
    expect(quorumNeeded({ num: 1, den: 2 }, 5)).toBe(3);
    expect(quorumNeeded({ num: 2, den: 3 }, 3)).toBe(2);
    expect(quorumNeeded({ num: 2, den: 3 }, 10)).toBe(7);
    expect(quorumNeeded({ num: 60, den: 100 }, 10)).toBe(6);
    expect(quorumNeeded({ num: 1, den: 1 }, 7)).toBe(7);
  });

  it('is 0 without a usable quorum or electorate', () => {
    expect(quorumNeeded(undefined, 10)).toBe(0);
    expect(quorumNeeded({ num: 0, den: 2 }, 10)).toBe(0);
    expect(quorumNeeded({ num: 1, den: 0 }, 10)).toBe(0);
    expect(quorumNeeded({ num: 1, den: 2 }, 0)).toBe(0);
  });

  it('does not round up representation error in fractional inputs', () => {
    expect(quorumNeeded({ num: 0.6, den: 1 }, 5)).toBe(3);
    expect(quorumNeeded({ num: 0.1, den: 0.3 }, 3)).toBe(1);
  });
});
