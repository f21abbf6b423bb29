// The proposal commands: propose, vote, look at proposals, close or withdraw them, record outcomes, list decisions.
import { z } from 'zod';
import { fraction, groupFlag, id, member, proposalArg, text } from '../commands/args.js';
import { addMsgIssue } from '../commands/values.js';
import { defineCommand } from '../commands/declare.js';
import { HIDE_RESULTS } from '../commands/types.js';
import type { View } from '../views/types.js';
import { RULES, TIE_MODES, type RuleName } from './rules/types.js';
import { buildCard, closeByHand, decisions, listProposals, propose, recordOutcome, requireProposal, vote, withdraw } from './service.js';

/**
 * Vietnamese names of the rules, as the rule names read in Vietnamese: `--rule đồng-thuận`, `--rule "đồng thuận"`,
 * `--rule dong-thuan` and `--rule đồng thuận` all mean consensus.
 */
export const RULE_ALIASES: Readonly<Record<string, RuleName>> = {
  'đồng-thuận': 'consensus',
  'chấp-thuận': 'consent',
  'đa-số': 'majority',
  'biểu-quyết-đa-số': 'majority',
  'ngón-tay': 'fist-of-five',
  'biểu-quyết-bằng-ngón-tay': 'fist-of-five',
  'thăm-dò': 'poll',
  'thăm-dò-ý-kiến': 'poll',
  'tán-thành': 'approval',
  'bỏ-phiếu-tán-thành': 'approval',
  'xếp-hạng': 'ranked',
  'bỏ-phiếu-xếp-hạng': 'ranked',
  'chấm-điểm': 'score',
  'bỏ-phiếu-bằng-chấm': 'dot',
  'xin-ý-kiến': 'advice',
  'quy-trình-xin-ý-kiến': 'advice',
};

/** Rules whose ballots pick among listed options; the others are yes/no style and take no `--options`. */
export const OPTION_RULES = ['poll', 'approval', 'ranked', 'score', 'dot'] as const;

const OPTION_RULE_SET: ReadonlySet<RuleName> = new Set(OPTION_RULES);

/** Flags that only make sense for some rules, in the order they are checked. */
const RULE_ONLY: readonly { key: 'threshold' | 'decider' | 'dots' | 'minMean' | 'ties'; flag: string; rules: readonly RuleName[] }[] = [
  { key: 'threshold', flag: '--threshold', rules: ['majority'] },
  { key: 'decider', flag: '--decider', rules: ['advice'] },
  { key: 'dots', flag: '--dots', rules: ['dot'] },
  { key: 'minMean', flag: '--min-mean', rules: ['fist-of-five'] },
  { key: 'ties', flag: '--ties', rules: ['ranked'] },
];

const proposeSchema = z
  .object({
    title: text,
    body: text.optional(),
    group: text.optional(),
    rule: z.enum(RULES),
    options: z.array(text).default([]),
    quorum: fraction.optional(),
    threshold: fraction.optional(),
    /** Raw date text, resolved in the member's time zone by the service. */
    closes: text.optional(),
    anonymous: z.boolean().default(false),
    hideResults: z.enum(HIDE_RESULTS).default('never'),
    decider: member.optional(),
    dots: z.number().int().optional(),
    minMean: z.number().optional(),
    /** Ranked choice only: how a tie for fewest votes is settled (default: the group's setting). */
    ties: z.enum(TIE_MODES).optional(),
  })
  .superRefine((v, ctx) => {
    const needsOptions = OPTION_RULE_SET.has(v.rule);
    if (needsOptions && v.options.length === 0) {
      addMsgIssue(ctx, 'cmd.error.optionsRequired', { rule: v.rule, rules: OPTION_RULES.join(', ') });
      return;
    }
    if (!needsOptions && v.options.length > 0) {
      addMsgIssue(ctx, 'cmd.error.flagNotForRule', { flag: '--options', rule: v.rule, rules: OPTION_RULES.join(', ') });
      return;
    }
    // Ballots for these rules are written with , > and =: an option containing one could not be voted for unambiguously.
    if (['approval', 'ranked', 'score', 'dot'].includes(v.rule)) {
      const clash = v.options.find((o) => /[,>=]/.test(o));
      if (clash) {
        addMsgIssue(ctx, 'cmd.error.optionReservedChar', { option: clash, rule: v.rule });
        return;
      }
    }
    for (const only of RULE_ONLY) {
      if (v[only.key] !== undefined && !only.rules.includes(v.rule)) {
        addMsgIssue(ctx, 'cmd.error.flagNotForRule', { flag: only.flag, rule: v.rule, rules: only.rules.join(', ') });
        return;
      }
    }
  });

export const proposeCommand = defineCommand({
  name: 'propose',
  words: ['propose'],
  area: 'proposals',
  args: [
    {
      key: 'title',
      placeholder: '"<title>"',
      value: { kind: 'text', max: 200 },
      required: true,
      take: 'rest',
      description: 'cmd.arg.title',
    },
  ],
  flags: [
    {
      name: 'body',
      key: 'body',
      value: { kind: 'text', max: 4000 },
      placeholder: '"<text>"',
      description: 'cmd.flag.body',
    },
    groupFlag('cmd.flag.group.proposal'),
    {
      name: 'rule',
      key: 'rule',
      value: { kind: 'choice', values: RULES, aliases: RULE_ALIASES },
      required: true,
      description: 'cmd.flag.rule',
    },
    {
      name: 'options',
      key: 'options',
      value: { kind: 'options', min: 2, max: 20, maxLength: 80 },
      placeholder: '"A|B|C"',
      description: 'cmd.flag.options',
    },
    {
      name: 'quorum',
      key: 'quorum',
      value: { kind: 'fraction', min: { num: 0, den: 1 }, max: { num: 1, den: 1 }, minExclusive: true },
      placeholder: '60%',
      description: 'cmd.flag.quorum',
    },
    {
      name: 'threshold',
      key: 'threshold',
      value: { kind: 'fraction', min: { num: 1, den: 2 }, max: { num: 1, den: 1 }, minExclusive: false },
      placeholder: '2/3',
      description: 'cmd.flag.threshold',
    },
    {
      name: 'closes',
      key: 'closes',
      value: { kind: 'text', max: 100 },
      placeholder: '"in 3 days"|"2026-12-05 17:00"',
      description: 'cmd.flag.closes',
    },
    { name: 'anonymous', key: 'anonymous', value: { kind: 'boolean' }, description: 'cmd.flag.anonymous' },
    {
      name: 'hide-results',
      key: 'hideResults',
      value: { kind: 'choice', values: HIDE_RESULTS },
      placeholder: 'until-vote|until-close',
      default: 'never',
      description: 'cmd.flag.hideResults',
    },
    {
      name: 'decider',
      key: 'decider',
      value: { kind: 'member' },
      placeholder: '@member',
      description: 'cmd.flag.decider',
    },
    {
      name: 'dots',
      key: 'dots',
      value: { kind: 'integer', min: 1, max: 100 },
      placeholder: '5',
      description: 'cmd.flag.dots',
    },
    {
      name: 'min-mean',
      key: 'minMean',
      value: { kind: 'decimal', min: 0, max: 5 },
      placeholder: '3',
      description: 'cmd.flag.minMean',
    },
    {
      name: 'ties',
      key: 'ties',
      value: { kind: 'choice', values: TIE_MODES },
      default: 'lot',
      description: 'cmd.flag.ties',
    },
  ],
  summary: 'cmd.summary.propose',
  detail: 'cmd.detail.propose',
  examples: [
    { text: 'propose "Move stand-up to 10:00" --rule consent --closes "in 3 days"', sample: 'cmd.sample.propose.0', note: 'cmd.example.propose.consent' },
    {
      text: 'propose "Team offsite venue" --rule ranked --options "Da Lat|Hoi An|Sa Pa" --closes "2026-12-05 17:00"', sample: 'cmd.sample.propose.1',
      note: 'cmd.example.propose.ranked',
    },
    {
      text: 'propose "Raise the travel budget" --rule majority --threshold 2/3 --quorum 60% --anonymous', sample: 'cmd.sample.propose.2',
      note: 'cmd.example.propose.majority',
    },
    { text: 'propose "New logo" --rule advice --decider @lan --body "Drafts are in the shared folder."', sample: 'cmd.sample.propose.3', note: 'cmd.example.propose.advice' },
  ],
  schema: proposeSchema,
  run: (s, c): Promise<View[]> => propose(s, c),
});

export const voteCommand = defineCommand({
  name: 'vote',
  words: ['vote'],
  area: 'proposals',
  args: [
    proposalArg,
    {
      key: 'choice',
      placeholder: '<choice>',
      value: { kind: 'text', max: 1000 },
      required: true,
      take: 'ballot',
      description: 'cmd.arg.choice',
    },
    {
      key: 'reason',
      placeholder: '[reason...]',
      value: { kind: 'text', max: 2000 },
      required: false,
      take: 'rest',
      joins: true,
      description: 'cmd.arg.reason',
    },
  ],
  flags: [
    {
      name: 'reason',
      key: 'reason',
      value: { kind: 'text', max: 2000 },
      placeholder: '"<text>"',
      description: 'cmd.flag.reason',
    },
  ],
  summary: 'cmd.summary.vote',
  detail: 'cmd.detail.vote',
  examples: [
    { text: 'vote 7 agree Looks good to me', sample: 'cmd.sample.vote.0', note: 'cmd.example.vote.choice' },
    { text: 'vote #7 "B>A>C"', note: 'cmd.example.vote.ranked' },
    { text: 'vote 7 "A=5 B=2 C=0"', note: 'cmd.example.vote.score' },
    { text: 'vote 7 "A=3 C=2"', note: 'cmd.example.vote.dot' },
    { text: 'vote 7 "A,C" --reason "Both work for me"', sample: 'cmd.sample.vote.4', note: 'cmd.example.vote.approval' },
  ],
  /** `choice` is the raw ballot text ("agree", "B>A>C", "A=5 B=2", "A,C", "4"); the service validates it against the rule. */
  schema: z.object({ proposal: id, choice: text, reason: text.optional() }),
  run: (s, c): Promise<View[]> => vote(s, c),
});

export const proposalShow = defineCommand({
  name: 'proposal.show',
  words: ['proposal'],
  area: 'proposals',
  args: [proposalArg],
  summary: 'cmd.summary.proposal.show',
  detail: 'cmd.detail.proposal.show',
  examples: [{ text: 'proposal 7' }],
  schema: z.object({ proposal: id }),
  run: async (s, c): Promise<View[]> => {
    const p = await requireProposal(s, c.proposal);
    const ballot = await s.tx.ballots.of(p.id, s.actor.id);
    return [await buildCard(s.tx, p, { locale: s.locale, timezone: s.timezone, now: s.now, viewerHasVoted: !!ballot, showVoters: true })];
  },
});

export const proposalList = defineCommand({
  name: 'proposal.list',
  words: ['proposals'],
  area: 'proposals',
  flags: [{ name: 'all', key: 'all', value: { kind: 'boolean' }, description: 'cmd.flag.all' }],
  summary: 'cmd.summary.proposal.list',
  detail: 'cmd.detail.proposal.list',
  examples: [{ text: 'proposals' }, { text: 'proposals --all' }],
  schema: z.object({ all: z.boolean().default(false) }),
  run: (s, c): Promise<View[]> => listProposals(s, c.all),
});

export const closeCommand = defineCommand({
  name: 'close',
  words: ['close'],
  area: 'proposals',
  args: [proposalArg],
  summary: 'cmd.summary.close',
  detail: 'cmd.detail.close',
  examples: [{ text: 'close 7' }],
  schema: z.object({ proposal: id }),
  run: (s, c): Promise<View[]> => closeByHand(s, c.proposal),
});

export const withdrawCommand = defineCommand({
  name: 'withdraw',
  words: ['withdraw'],
  area: 'proposals',
  args: [proposalArg],
  summary: 'cmd.summary.withdraw',
  detail: 'cmd.detail.withdraw',
  examples: [{ text: 'withdraw 7' }],
  schema: z.object({ proposal: id }),
  run: (s, c): Promise<View[]> => withdraw(s, c.proposal),
});

export const outcomeCommand = defineCommand({
  name: 'outcome',
  words: ['outcome'],
  area: 'decisions',
  args: [
    proposalArg,
    {
      key: 'statement',
      placeholder: '"<statement>"',
      value: { kind: 'text', max: 4000 },
      required: true,
      take: 'rest',
      description: 'cmd.arg.statement',
    },
  ],
  flags: [
    {
      name: 'review',
      key: 'review',
      value: { kind: 'text', max: 100 },
      placeholder: '"in 6 months"',
      description: 'cmd.flag.review',
    },
  ],
  summary: 'cmd.summary.outcome',
  detail: 'cmd.detail.outcome',
  examples: [{ text: 'outcome 7 "Stand-up moves to 10:00 from Monday" --review "in 6 months"', sample: 'cmd.sample.outcome.0' }],
  schema: z.object({ proposal: id, statement: text, review: text.optional() }),
  run: (s, c): Promise<View[]> => recordOutcome(s, c),
});

export const decisionsCommand = defineCommand({
  name: 'decisions',
  words: ['decisions'],
  area: 'decisions',
  flags: [groupFlag('cmd.flag.group.filter')],
  summary: 'cmd.summary.decisions',
  detail: 'cmd.detail.decisions',
  examples: [{ text: 'decisions' }, { text: 'decisions --group "Design Guild"', sample: 'cmd.sample.decisions.1' }],
  schema: z.object({ group: text.optional() }),
  run: (s, c): Promise<View[]> => decisions(s, c.group),
});

export const proposalCommands = [
  proposeCommand,
  voteCommand,
  proposalShow,
  proposalList,
  closeCommand,
  withdrawCommand,
  outcomeCommand,
  decisionsCommand,
] as const;
