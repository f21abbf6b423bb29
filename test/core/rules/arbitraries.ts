// fast-check generators for well-formed ballots and configs of every rule.
import fc from 'fast-check';
import { choicesFor } from '../../../src/core/proposals/rules/index.js';
import type {
  Ballot,
  BallotValue,
  Fraction,
  RuleConfig,
  RuleName,
  TallyInput,
} from '../../../src/core/proposals/rules/types.js';

const NAMES = ['A', 'B', 'C', 'D', 'E', 'New office', 'Phương án G'];

export const optionsArb = (min = 1, max = 5): fc.Arbitrary<string[]> =>
  fc.shuffledSubarray(NAMES, { minLength: min, maxLength: max });

export const fractionArb: fc.Arbitrary<Fraction> = fc
  .tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }))
  .map(([a, b]) => ({ num: Math.min(a, b), den: Math.max(a, b) }));

const countsToRecord = (names: string[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const n of names) out[n] = (out[n] ?? 0) + 1;
  return out;
};

/** A ballot value that parseBallot could have produced for this rule and config. */
export function valueArb(rule: RuleName, config: RuleConfig): fc.Arbitrary<BallotValue> {
  const { options } = config;
  switch (rule) {
    case 'consensus':
    case 'consent':
    case 'majority':
    case 'fist-of-five':
    case 'advice':
    case 'poll':
      return fc.constantFrom(...choicesFor(rule, config)).map((choice) => ({ kind: 'choice', choice }));
    case 'approval':
      return fc.subarray(options, { minLength: 1 }).map((choices) => ({ kind: 'approval', choices }));
    case 'ranked':
      return fc.shuffledSubarray(options, { minLength: 1 }).map((order) => ({ kind: 'ranked', order }));
    case 'score':
      return fc
        .subarray(options)
        .chain((picked) => fc.tuple(...picked.map((o) => fc.tuple(fc.constant(o), fc.integer({ min: 0, max: 5 })))))
        .map((pairs) => ({ kind: 'score', scores: Object.fromEntries(pairs) }));
    case 'dot':
      return fc
        .array(fc.constantFrom(...options), { minLength: 1, maxLength: config.dots ?? 5 })
        .map((picks) => ({ kind: 'dot', dots: countsToRecord(picks) }));
  }
}

export const ballotArb = (rule: RuleName, config: RuleConfig): fc.Arbitrary<Ballot> =>
  fc.record({ value: valueArb(rule, config), reason: fc.constantFrom(null, 'because') });

const OPTION_RULES = new Set<RuleName>(['poll', 'approval', 'ranked', 'score', 'dot']);

export function configArb(rule: RuleName): fc.Arbitrary<RuleConfig> {
  return fc.record(
    {
      options: OPTION_RULES.has(rule) ? optionsArb() : fc.constant([]),
      threshold: fractionArb,
      minMean: fc.integer({ min: 0, max: 5 }),
      dots: fc.integer({ min: 1, max: 8 }),
      quorum: fractionArb,
    },
    { requiredKeys: ['options'] },
  );
}

/** A whole tally input: config, electorate and up to `max` well-formed ballots. */
export function inputArb(rule: RuleName, max = 25): fc.Arbitrary<TallyInput> {
  return configArb(rule).chain((config) =>
    fc.record({
      config: fc.constant(config),
      ballots: fc.array(ballotArb(rule, config), { maxLength: max }),
      electorate: fc.integer({ min: 0, max: 40 }),
    }),
  );
}
