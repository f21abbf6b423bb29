// The single table of commands that parsing, help text and the README all read from.
import { RULES, TIE_MODES, type RuleName } from '../proposals/rules/types.js';
import { GROUP_KINDS, HIDE_RESULTS, ROLES, type CommandName } from './types.js';
import { MAX_ADDED, MAX_OWNERS, MAX_PARTIES } from './caps.js';
import { commitmentArg, disputeArg, groupFlag, ID, NAME, optionalGroupArg, proposalArg, workspaceFlag } from './args.js';
import { auditCommands } from '../audit/commands.js';
import { usageLine, type ArgSpec, type CommandSpec, type FlagSpec } from './declare.js';

export { AREAS, flagPlaceholder, flagUsage } from './declare.js';
export type { Area, ArgSpec, CommandSpec, Example, FlagSpec, ValueSpec } from './declare.js';

type CommandDef = Omit<CommandSpec, 'usage' | 'args' | 'flags'> & {
  args?: readonly ArgSpec[];
  flags?: readonly FlagSpec[];
};

function define(def: CommandDef): CommandSpec {
  const args = def.args ?? [];
  const flags = def.flags ?? [];
  return { ...def, args, flags, usage: usageLine(def.words, args, flags) };
}

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

export const COMMAND_SPECS: readonly CommandSpec[] = [
  define({
    name: 'help',
    words: ['help'],
    area: 'help',
    args: [
      {
        key: 'topic',
        placeholder: '[<command>]',
        value: { kind: 'text', max: 200 },
        required: false,
        take: 'rest',
        description: 'cmd.arg.topic',
      },
    ],
    summary: 'cmd.summary.help',
    detail: 'cmd.detail.help',
    examples: [{ text: 'help' }, { text: 'help propose' }, { text: 'help group create' }],
  }),

  // Groups
  define({
    name: 'group.create',
    words: ['group', 'create'],
    area: 'groups',
    args: [
      {
        key: 'group',
        placeholder: '"<name>"',
        value: NAME,
        required: true,
        take: 'rest',
        description: 'cmd.arg.groupName',
      },
    ],
    flags: [
      {
        name: 'kind',
        key: 'kind',
        value: { kind: 'choice', values: GROUP_KINDS },
        default: 'working-group',
        description: 'cmd.flag.kind',
      },
      { name: 'private', key: 'private', value: { kind: 'boolean' }, description: 'cmd.flag.private' },
    ],
    summary: 'cmd.summary.group.create',
    detail: 'cmd.detail.group.create',
    examples: [{ text: 'group create "Design Guild"', sample: 'cmd.sample.group.create.0' }, { text: 'group create "Budget 2026" --kind task-force', sample: 'cmd.sample.group.create.1' }],
  }),
  define({
    name: 'group.join',
    words: ['group', 'join'],
    area: 'groups',
    args: [optionalGroupArg],
    summary: 'cmd.summary.group.join',
    detail: 'cmd.detail.group.join',
    examples: [{ text: 'group join "Design Guild"', sample: 'cmd.sample.group.join.0' }, { text: 'group join' }],
  }),
  define({
    name: 'group.leave',
    words: ['group', 'leave'],
    area: 'groups',
    args: [optionalGroupArg],
    summary: 'cmd.summary.group.leave',
    detail: 'cmd.detail.group.leave',
    examples: [{ text: 'group leave "Design Guild"', sample: 'cmd.sample.group.leave.0' }],
  }),
  define({
    name: 'group.add',
    words: ['group', 'add'],
    area: 'groups',
    args: [
      {
        key: 'members',
        placeholder: '@member [@member...]',
        value: { kind: 'member' },
        required: true,
        take: 'many',
        max: MAX_ADDED,
        description: 'cmd.arg.members',
      },
    ],
    flags: [groupFlag('cmd.flag.group.target')],
    summary: 'cmd.summary.group.add',
    detail: 'cmd.detail.group.add',
    examples: [{ text: 'group add @alice @bao --group "Design Guild"', sample: 'cmd.sample.group.add.0' }],
  }),
  define({
    name: 'group.role',
    words: ['group', 'role'],
    area: 'groups',
    args: [
      {
        key: 'member',
        placeholder: '@member',
        value: { kind: 'member' },
        required: true,
        take: 'one',
        description: 'cmd.arg.member',
      },
      {
        key: 'role',
        placeholder: ROLES.join('|'),
        value: { kind: 'choice', values: ROLES },
        required: true,
        take: 'one',
        description: 'cmd.arg.role',
      },
    ],
    flags: [groupFlag('cmd.flag.group.target')],
    summary: 'cmd.summary.group.role',
    detail: 'cmd.detail.group.role',
    examples: [{ text: 'group role @alice convener --group "Design Guild"', sample: 'cmd.sample.group.role.0' }],
  }),
  define({
    name: 'group.list',
    words: ['group', 'list'],
    area: 'groups',
    summary: 'cmd.summary.group.list',
    detail: 'cmd.detail.group.list',
    examples: [{ text: 'group list' }],
  }),
  define({
    name: 'group.info',
    words: ['group', 'info'],
    area: 'groups',
    args: [optionalGroupArg],
    summary: 'cmd.summary.group.info',
    detail: 'cmd.detail.group.info',
    examples: [{ text: 'group info "Design Guild"', sample: 'cmd.sample.group.info.0' }],
  }),
  define({
    name: 'group.visibility',
    words: ['group', 'visibility'],
    area: 'groups',
    args: [
      {
        key: 'visibility',
        placeholder: 'open|private',
        value: { kind: 'choice', values: ['open', 'private'] },
        required: true,
        take: 'one',
        description: 'cmd.arg.visibility',
      },
    ],
    flags: [groupFlag('cmd.flag.group.target')],
    summary: 'cmd.summary.group.visibility',
    detail: 'cmd.detail.group.visibility',
    examples: [{ text: 'group visibility private --group "HR Committee"' }],
  }),
  define({
    name: 'group.invite',
    words: ['group', 'invite'],
    area: 'groups',
    args: [
      {
        key: 'members',
        placeholder: '@member [@member...]',
        value: { kind: 'member' },
        required: true,
        take: 'many',
        description: 'cmd.arg.members',
      },
    ],
    flags: [groupFlag('cmd.flag.group.target')],
    summary: 'cmd.summary.group.invite',
    detail: 'cmd.detail.group.invite',
    examples: [{ text: 'group invite @lan @minh --group "HR Committee"' }],
  }),
  define({
    name: 'group.uninvite',
    words: ['group', 'uninvite'],
    area: 'groups',
    args: [
      {
        key: 'members',
        placeholder: '@member [@member...]',
        value: { kind: 'member' },
        required: true,
        take: 'many',
        description: 'cmd.arg.members',
      },
    ],
    flags: [groupFlag('cmd.flag.group.target')],
    summary: 'cmd.summary.group.uninvite',
    detail: 'cmd.detail.group.uninvite',
    examples: [{ text: 'group uninvite @minh --group "HR Committee"' }],
  }),

  // Proposals & voting
  define({
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
  }),
  define({
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
  }),
  define({
    name: 'proposal.show',
    words: ['proposal'],
    area: 'proposals',
    args: [proposalArg],
    summary: 'cmd.summary.proposal.show',
    detail: 'cmd.detail.proposal.show',
    examples: [{ text: 'proposal 7' }],
  }),
  define({
    name: 'proposal.list',
    words: ['proposals'],
    area: 'proposals',
    flags: [{ name: 'all', key: 'all', value: { kind: 'boolean' }, description: 'cmd.flag.all' }],
    summary: 'cmd.summary.proposal.list',
    detail: 'cmd.detail.proposal.list',
    examples: [{ text: 'proposals' }, { text: 'proposals --all' }],
  }),
  define({
    name: 'close',
    words: ['close'],
    area: 'proposals',
    args: [proposalArg],
    summary: 'cmd.summary.close',
    detail: 'cmd.detail.close',
    examples: [{ text: 'close 7' }],
  }),
  define({
    name: 'withdraw',
    words: ['withdraw'],
    area: 'proposals',
    args: [proposalArg],
    summary: 'cmd.summary.withdraw',
    detail: 'cmd.detail.withdraw',
    examples: [{ text: 'withdraw 7' }],
  }),

  // Decisions
  define({
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
  }),
  define({
    name: 'decisions',
    words: ['decisions'],
    area: 'decisions',
    flags: [groupFlag('cmd.flag.group.filter')],
    summary: 'cmd.summary.decisions',
    detail: 'cmd.detail.decisions',
    examples: [{ text: 'decisions' }, { text: 'decisions --group "Design Guild"', sample: 'cmd.sample.decisions.1' }],
  }),

  // Commitments
  define({
    name: 'commit',
    words: ['commit'],
    area: 'commitments',
    args: [{ key: 'what', placeholder: '"<what>"', value: { kind: 'text', max: 500 }, required: true, take: 'rest', description: 'cmd.arg.what' }],
    flags: [
      { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', required: true, description: 'cmd.flag.due' },
      { name: 'owner', key: 'owners', value: { kind: 'members', max: MAX_OWNERS }, placeholder: '@member[,@member...]', description: 'cmd.flag.owner' },
      groupFlag('cmd.flag.group.commitment'),
      { name: 'proposal', key: 'proposal', value: ID, placeholder: '<id>', description: 'cmd.flag.proposal' },
      { name: 'remind', key: 'remind', value: { kind: 'text', max: 100 }, placeholder: '"3d,1d,2h"|none', description: 'cmd.flag.remind' },
    ],
    summary: 'cmd.summary.commit',
    detail: 'cmd.detail.commit',
    examples: [
      { text: 'commit "Draft the budget" --due "friday 17:00"', sample: 'cmd.sample.commit.0' },
      { text: 'commit "Book the venue" --due "2026-12-05" --owner @lan,@minh --group Budget --proposal 7', sample: 'cmd.sample.commit.1' },
    ],
  }),
  define({
    name: 'commitment.list',
    words: ['commitments'],
    area: 'commitments',
    flags: [
      { name: 'mine', key: 'mine', value: { kind: 'boolean' }, description: 'cmd.flag.mine' },
      { name: 'overdue', key: 'overdue', value: { kind: 'boolean' }, description: 'cmd.flag.overdue' },
      { name: 'all', key: 'all', value: { kind: 'boolean' }, description: 'cmd.flag.allCommitments' },
      groupFlag('cmd.flag.group.commitmentFilter'),
    ],
    summary: 'cmd.summary.commitment.list',
    detail: 'cmd.detail.commitment.list',
    examples: [{ text: 'commitments --mine' }, { text: 'commitments --overdue --group Budget', sample: 'cmd.sample.commitment.list.1' }],
  }),
  define({
    name: 'commitment.stats',
    words: ['commitments', 'stats'],
    area: 'commitments',
    flags: [groupFlag('cmd.flag.group.commitmentFilter')],
    summary: 'cmd.summary.commitment.stats',
    detail: 'cmd.detail.commitment.stats',
    examples: [{ text: 'commitments stats --group Budget', sample: 'cmd.sample.commitment.stats.0' }],
  }),
  define({
    name: 'commitment.show',
    words: ['commitment'],
    area: 'commitments',
    args: [commitmentArg],
    summary: 'cmd.summary.commitment.show',
    detail: 'cmd.detail.commitment.show',
    examples: [{ text: 'commitment 3' }],
  }),
  define({
    name: 'commitment.accept',
    words: ['commitment', 'accept'],
    area: 'commitments',
    args: [commitmentArg],
    summary: 'cmd.summary.commitment.accept',
    detail: 'cmd.detail.commitment.accept',
    examples: [{ text: 'commitment accept 3' }],
  }),
  define({
    name: 'commitment.decline',
    words: ['commitment', 'decline'],
    area: 'commitments',
    args: [commitmentArg],
    summary: 'cmd.summary.commitment.decline',
    detail: 'cmd.detail.commitment.decline',
    examples: [{ text: 'commitment decline 3' }],
  }),
  define({
    name: 'done',
    words: ['done'],
    area: 'commitments',
    args: [commitmentArg, { key: 'note', placeholder: '[<note>]', value: { kind: 'text', max: 1000 }, required: false, take: 'rest', description: 'cmd.arg.note' }],
    summary: 'cmd.summary.done',
    detail: 'cmd.detail.done',
    examples: [{ text: 'done 3 "Shared in the drive"', sample: 'cmd.sample.done.0' }],
  }),
  define({
    name: 'extend',
    words: ['extend'],
    area: 'commitments',
    args: [commitmentArg],
    flags: [
      { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', required: true, description: 'cmd.flag.due' },
      { name: 'reason', key: 'reason', value: { kind: 'text', max: 1000 }, placeholder: '"<why>"', required: true, description: 'cmd.flag.extendReason' },
    ],
    summary: 'cmd.summary.extend',
    detail: 'cmd.detail.extend',
    examples: [{ text: 'extend 3 --due "next monday 12:00" --reason "Waiting for the quotes"', sample: 'cmd.sample.extend.0' }],
  }),
  define({
    name: 'blocked',
    words: ['blocked'],
    area: 'commitments',
    args: [commitmentArg, { key: 'reason', placeholder: '"<why>"', value: { kind: 'text', max: 1000 }, required: true, take: 'rest', description: 'cmd.arg.blockedReason' }],
    summary: 'cmd.summary.blocked',
    detail: 'cmd.detail.blocked',
    examples: [{ text: 'blocked 3 "Finance has not sent the figures"', sample: 'cmd.sample.blocked.0' }],
  }),
  define({
    name: 'cancel',
    words: ['cancel'],
    area: 'commitments',
    args: [commitmentArg],
    summary: 'cmd.summary.cancel',
    detail: 'cmd.detail.cancel',
    examples: [{ text: 'cancel 3' }],
  }),

  // Mediation
  define({
    name: 'mediate',
    words: ['mediate'],
    area: 'mediation',
    args: [{ key: 'parties', placeholder: '@member @member [@member...]', value: { kind: 'member' }, required: true, take: 'many', max: MAX_PARTIES, description: 'cmd.arg.parties' }],
    flags: [
      { name: 'topic', key: 'topic', value: { kind: 'text', max: 300 }, placeholder: '"<what it is about>"', required: true, description: 'cmd.flag.topic' },
      { name: 'mediator', key: 'mediator', value: { kind: 'member' }, placeholder: '@member', description: 'cmd.flag.mediator' },
      groupFlag('cmd.flag.group.mediation'),
      { name: 'confidential', key: 'confidential', value: { kind: 'boolean' }, description: 'cmd.flag.confidential' },
      { name: 'proposal', key: 'proposal', value: ID, placeholder: '<id>', description: 'cmd.flag.mediationProposal' },
    ],
    summary: 'cmd.summary.mediate',
    detail: 'cmd.detail.mediate',
    examples: [{ text: 'mediate @lan @minh --topic "Who leads the outreach budget" --group Budget --confidential', sample: 'cmd.sample.mediate.0' }],
  }),
  define({
    name: 'mediation.next',
    words: ['mediation', 'next'],
    area: 'mediation',
    args: [disputeArg],
    summary: 'cmd.summary.mediation.next',
    detail: 'cmd.detail.mediation.next',
    examples: [{ text: 'mediation next' }, { text: 'mediation next 3' }],
  }),
  define({
    name: 'mediation.note',
    words: ['mediation', 'note'],
    area: 'mediation',
    args: [disputeArg, { key: 'text', placeholder: '"<text>"', value: { kind: 'text', max: 4000 }, required: true, take: 'rest', description: 'cmd.arg.noteText' }],
    summary: 'cmd.summary.mediation.note',
    detail: 'cmd.detail.mediation.note',
    examples: [{ text: 'mediation note "Both want the outreach to reach rural members"', sample: 'cmd.sample.mediation.note.0' }, { text: 'mediation note 3 "Follow up on the venue"', sample: 'cmd.sample.mediation.note.1' }],
  }),
  define({
    name: 'mediation.caucus',
    words: ['mediation', 'caucus'],
    area: 'mediation',
    args: [
      disputeArg,
      { key: 'member', placeholder: '@member', value: { kind: 'member' }, required: true, take: 'one', description: 'cmd.arg.caucusMember' },
      { key: 'text', placeholder: '[<message>]', value: { kind: 'text', max: 4000 }, required: false, take: 'rest', description: 'cmd.arg.caucusText' },
    ],
    summary: 'cmd.summary.mediation.caucus',
    detail: 'cmd.detail.mediation.caucus',
    examples: [{ text: 'mediation caucus @lan "Can we talk about what matters most to you?"', sample: 'cmd.sample.mediation.caucus.0' }],
  }),
  define({
    name: 'mediation.pause',
    words: ['mediation', 'pause'],
    area: 'mediation',
    args: [disputeArg],
    summary: 'cmd.summary.mediation.pause',
    detail: 'cmd.detail.mediation.pause',
    examples: [{ text: 'mediation pause' }],
  }),
  define({
    name: 'mediation.resume',
    words: ['mediation', 'resume'],
    area: 'mediation',
    args: [disputeArg],
    summary: 'cmd.summary.mediation.resume',
    detail: 'cmd.detail.mediation.resume',
    examples: [{ text: 'mediation resume' }],
  }),
  define({
    name: 'mediation.propose',
    words: ['mediation', 'propose-agreement'],
    area: 'mediation',
    args: [disputeArg, { key: 'terms', placeholder: '"<terms>"', value: { kind: 'text', max: 4000 }, required: true, take: 'rest', description: 'cmd.arg.terms' }],
    summary: 'cmd.summary.mediation.propose',
    detail: 'cmd.detail.mediation.propose',
    examples: [{ text: 'mediation propose-agreement "Lan leads outreach until March; Minh reviews the budget monthly"', sample: 'cmd.sample.mediation.propose.0' }],
  }),
  define({
    name: 'mediation.accept',
    words: ['mediation', 'accept'],
    area: 'mediation',
    args: [disputeArg],
    summary: 'cmd.summary.mediation.accept',
    detail: 'cmd.detail.mediation.accept',
    examples: [{ text: 'mediation accept' }],
  }),
  define({
    name: 'mediation.decline',
    words: ['mediation', 'decline'],
    area: 'mediation',
    args: [disputeArg, { key: 'reason', placeholder: '[<why>]', value: { kind: 'text', max: 1000 }, required: false, take: 'rest', description: 'cmd.arg.declineReason' }],
    summary: 'cmd.summary.mediation.decline',
    detail: 'cmd.detail.mediation.decline',
    examples: [{ text: 'mediation decline "The review should be every two weeks"', sample: 'cmd.sample.mediation.decline.0' }],
  }),
  define({
    name: 'mediation.close',
    words: ['mediation', 'close'],
    area: 'mediation',
    args: [
      disputeArg,
      {
        key: 'outcome',
        placeholder: 'resolved|partial|unresolved|escalated',
        value: { kind: 'choice', values: ['resolved', 'partial', 'unresolved', 'escalated'] },
        required: true,
        take: 'one',
        description: 'cmd.arg.mediationOutcome',
      },
    ],
    flags: [
      { name: 'summary', key: 'summary', value: { kind: 'text', max: 2000 }, placeholder: '"<public summary>"', description: 'cmd.flag.summary' },
      { name: 'to', key: 'to', value: NAME, placeholder: '<group>', description: 'cmd.flag.escalateTo' },
    ],
    summary: 'cmd.summary.mediation.close',
    detail: 'cmd.detail.mediation.close',
    examples: [
      { text: 'mediation close resolved --summary "The parties agreed on shared leadership of outreach"', sample: 'cmd.sample.mediation.close.0' },
      { text: 'mediation close 3 escalated --to "Steering Committee"', sample: 'cmd.sample.mediation.close.1' },
    ],
  }),
  define({
    name: 'mediation.list',
    words: ['mediations'],
    area: 'mediation',
    summary: 'cmd.summary.mediation.list',
    detail: 'cmd.detail.mediation.list',
    examples: [{ text: 'mediations' }],
  }),
  define({
    name: 'mediation.show',
    words: ['mediation'],
    area: 'mediation',
    args: [disputeArg],
    summary: 'cmd.summary.mediation.show',
    detail: 'cmd.detail.mediation.show',
    examples: [{ text: 'mediation 3' }],
  }),

  // Audit
  ...auditCommands,

  // Settings
  define({
    name: 'settings.show',
    words: ['settings'],
    area: 'settings',
    summary: 'cmd.summary.settings.show',
    detail: 'cmd.detail.settings.show',
    examples: [{ text: 'settings' }],
  }),
  define({
    name: 'settings.locale',
    words: ['settings', 'locale'],
    area: 'settings',
    args: [
      {
        key: 'locale',
        placeholder: 'en|vi',
        value: { kind: 'choice', values: ['en', 'vi'] },
        required: true,
        take: 'one',
        description: 'cmd.arg.locale',
      },
    ],
    flags: [workspaceFlag],
    summary: 'cmd.summary.settings.locale',
    detail: 'cmd.detail.settings.locale',
    examples: [{ text: 'settings locale vi' }, { text: 'settings locale en --workspace' }],
  }),
  define({
    name: 'settings.timezone',
    words: ['settings', 'timezone'],
    area: 'settings',
    args: [
      {
        key: 'timezone',
        placeholder: '<IANA zone>',
        value: { kind: 'timezone' },
        required: true,
        take: 'one',
        description: 'cmd.arg.timezone',
      },
    ],
    flags: [workspaceFlag],
    summary: 'cmd.summary.settings.timezone',
    detail: 'cmd.detail.settings.timezone',
    examples: [{ text: 'settings timezone Asia/Ho_Chi_Minh' }, { text: 'settings timezone UTC --workspace' }],
  }),
  define({
    name: 'settings.reminder',
    words: ['settings', 'reminder'],
    area: 'settings',
    args: [
      {
        key: 'hours',
        placeholder: '<hours>',
        value: { kind: 'integer', min: 0, max: 168 },
        required: true,
        take: 'one',
        description: 'cmd.arg.hours',
      },
    ],
    summary: 'cmd.summary.settings.reminder',
    detail: 'cmd.detail.settings.reminder',
    examples: [{ text: 'settings reminder 24' }, { text: 'settings reminder 0' }],
  }),
  define({
    name: 'settings.reminders',
    words: ['settings', 'reminders'],
    area: 'settings',
    args: [{ key: 'offsets', placeholder: '"3d,1d,2h"|none', value: { kind: 'text', max: 100 }, required: true, take: 'rest', description: 'cmd.arg.offsets' }],
    flags: [groupFlag('cmd.flag.group.settings')],
    summary: 'cmd.summary.settings.reminders',
    detail: 'cmd.detail.settings.reminders',
    examples: [{ text: 'settings reminders "3d,1d,2h"' }, { text: 'settings reminders "1w,1d" --group Budget', sample: 'cmd.sample.settings.reminders.1' }],
  }),
  define({
    name: 'settings.quiet',
    words: ['settings', 'quiet-hours'],
    area: 'settings',
    args: [
      { key: 'from', placeholder: '<from-hour>', value: { kind: 'integer', min: 0, max: 23 }, required: true, take: 'one', description: 'cmd.arg.quietFrom' },
      { key: 'to', placeholder: '<to-hour>', value: { kind: 'integer', min: 0, max: 23 }, required: true, take: 'one', description: 'cmd.arg.quietTo' },
    ],
    summary: 'cmd.summary.settings.quiet',
    detail: 'cmd.detail.settings.quiet',
    examples: [{ text: 'settings quiet-hours 21 8' }],
  }),
  define({
    name: 'settings.digest',
    words: ['settings', 'digest'],
    area: 'settings',
    args: [
      {
        key: 'day',
        placeholder: 'monday|...|sunday|off',
        value: { kind: 'choice', values: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'off'] },
        required: true,
        take: 'one',
        description: 'cmd.arg.digestDay',
      },
      { key: 'hour', placeholder: '[<hour>]', value: { kind: 'integer', min: 0, max: 23 }, required: false, take: 'one', description: 'cmd.arg.digestHour' },
    ],
    flags: [groupFlag('cmd.flag.group.digest')],
    summary: 'cmd.summary.settings.digest',
    detail: 'cmd.detail.settings.digest',
    examples: [{ text: 'settings digest monday 9 --group Budget', sample: 'cmd.sample.settings.digest.0' }, { text: 'settings digest off --group Budget', sample: 'cmd.sample.settings.digest.1' }],
  }),
  define({
    name: 'settings.ties',
    words: ['settings', 'ties'],
    area: 'settings',
    args: [{ key: 'ties', placeholder: 'lot|batch', value: { kind: 'choice', values: TIE_MODES }, required: true, take: 'one', description: 'cmd.arg.ties' }],
    flags: [groupFlag('cmd.flag.group.ties')],
    summary: 'cmd.summary.settings.ties',
    detail: 'cmd.detail.settings.ties',
    examples: [{ text: 'settings ties batch --group Budget' }, { text: 'settings ties lot' }],
  }),
  define({
    name: 'settings.digest-empty',
    words: ['settings', 'digest-empty'],
    area: 'settings',
    args: [{ key: 'mode', placeholder: 'post|skip', value: { kind: 'choice', values: ['post', 'skip'] }, required: true, take: 'one', description: 'cmd.arg.digestEmpty' }],
    flags: [groupFlag('cmd.flag.group.digest')],
    summary: 'cmd.summary.settings.digest-empty',
    detail: 'cmd.detail.settings.digest-empty',
    examples: [{ text: 'settings digest-empty post --group Budget' }],
  }),
  define({
    name: 'settings.groupCreation',
    words: ['settings', 'group-creation'],
    area: 'settings',
    args: [
      {
        key: 'policy',
        placeholder: 'anyone|admins',
        value: { kind: 'choice', values: ['anyone', 'admins'] },
        required: true,
        take: 'one',
        description: 'cmd.arg.groupCreation',
      },
    ],
    summary: 'cmd.summary.settings.groupCreation',
    detail: 'cmd.detail.settings.groupCreation',
    examples: [{ text: 'settings group-creation admins' }, { text: 'settings group-creation anyone' }],
  }),
];

/** First words that only introduce subcommands, or also name a command of their own (`settings`, `audit`). */
export function subcommandsOf(first: string): CommandSpec[] {
  return COMMAND_SPECS.filter((s) => s.words[0] === first && s.words.length > 1);
}

export const FIRST_WORDS: readonly string[] = [...new Set(COMMAND_SPECS.map((s) => s.words[0] ?? ''))];

export function specByName(name: CommandName): CommandSpec {
  const spec = COMMAND_SPECS.find((s) => s.name === name);
  if (!spec) throw new Error(`No spec for command ${name}`);
  return spec;
}

/** The spec whose words are the longest prefix of `words` (already lower case). */
export function matchSpec(words: readonly string[]): CommandSpec | undefined {
  let best: CommandSpec | undefined;
  for (const spec of COMMAND_SPECS) {
    if (spec.words.length > words.length) continue;
    if (!spec.words.every((w, i) => words[i] === w)) continue;
    if (!best || spec.words.length > best.words.length) best = spec;
  }
  return best;
}
