// The single table of commands that parsing, help text and the README all read from.
import { GROUP_KINDS, ROLES, type CommandName } from './types.js';
import { MAX_ADDED, MAX_PARTIES } from './caps.js';
import { disputeArg, groupFlag, ID, NAME, optionalGroupArg } from './args.js';
import { auditCommands } from '../audit/commands.js';
import { commitmentCommands } from '../commitments/commands.js';
import { proposalCommands } from '../proposals/commands.js';
import { settingsCommands } from '../settings/commands.js';

export { OPTION_RULES, RULE_ALIASES } from '../proposals/commands.js';
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
  ...proposalCommands,


  // Commitments
  ...commitmentCommands,

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
  ...settingsCommands,
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
