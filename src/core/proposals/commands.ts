// The proposal commands: propose, vote, look at proposals, close or withdraw them, record outcomes, list decisions.
import { z } from 'zod';
import { groupFlag, id, proposalArg, text } from '../commands/args.js';
import { defineCommand } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { stakeholderRef } from '../stakeholders/commands.js';
import { advise } from './advise.js';
import { CROSS_SECTOR } from './cross-sector.js';
import { MAX_CONSULTED, outcomeSchema, proposeSchema, RULE_ALIASES, voteSchema } from './fields.js';
import { HIDE_RESULTS } from './ports.js';
import { RULES, TIE_MODES } from './rules/types.js';

export { OPTION_RULES, RULE_ALIASES } from './fields.js';
import { buildCard, closeByHand, decisions, listProposals, propose, recordOutcome, requireProposal, vote, withdraw } from './service.js';

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
    {
      name: 'consult',
      key: 'consult',
      // Room for ten refs such as "S-123456" and their commas; the count itself is checked with the refs.
      value: { kind: 'text', max: MAX_CONSULTED * 12 },
      placeholder: 'S-3,S-5',
      description: 'cmd.flag.consult',
    },
    {
      name: 'cross-sector',
      key: 'crossSector',
      value: { kind: 'integer', min: CROSS_SECTOR.min, max: CROSS_SECTOR.max },
      placeholder: '3',
      description: 'cmd.flag.crossSector',
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
    {
      text: 'propose "Open the community garden on Sundays" --rule consent --consult S-3,S-5 --cross-sector 3',
      sample: 'cmd.sample.propose.4',
      note: 'cmd.example.propose.consult',
    },
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
  schema: voteSchema,
  run: (s, c): Promise<View[]> => vote(s, c),
});

export const adviseCommand = defineCommand({
  name: 'advise',
  words: ['advise'],
  area: 'proposals',
  args: [
    proposalArg,
    { key: 'stakeholder', placeholder: 'S-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.stakeholderAdvised' },
    { key: 'advice', placeholder: '"<advice>"', value: { kind: 'text', max: 2000 }, required: true, take: 'rest', joins: true, description: 'cmd.arg.advice' },
  ],
  summary: 'cmd.summary.advise',
  detail: 'cmd.detail.advise',
  examples: [{ text: 'advise 7 S-3 "Residents can come only after 18:00: hold the opening then."', sample: 'cmd.sample.advise.0' }],
  schema: z.object({ proposal: id, stakeholder: stakeholderRef('S-<n>'), advice: text }),
  run: (s, c): Promise<View[]> => advise(s, c),
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
  schema: outcomeSchema,
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
  adviseCommand,
  proposalShow,
  proposalList,
  closeCommand,
  withdrawCommand,
  outcomeCommand,
  decisionsCommand,
] as const;
