// Native slash commands, generated from core's command table, and their translation back into one `/concord` command line.
import { MAX_MENTIONS } from '../../core/commands/caps.js';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandOptionChoice,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { COMMAND_SPECS, type ArgSpec, type CommandSpec, type FlagSpec, type ValueSpec } from '../../core/commands/index.js';
import type { CommandName } from '../../core/commands/types.js';
import { catalogs } from '../../core/i18n/index.js';
import { quote } from './command-line.js';
import { LIMITS } from './limits.js';
import { discordMessages } from './messages.js';

/** Which list an option's suggestions come from. */
export type Completion = 'proposal-open' | 'proposal-any' | 'commitment' | 'group' | 'timezone' | 'choice';

interface OptionDef {
  name: string;
  type: ApplicationCommandOptionType;
  description: string;
  required: boolean;
  choices?: Array<{ value: string; nameKey?: string }>;
  min?: number;
  max?: number;
  maxLength?: number;
  complete?: Completion;
  /** How the value lands on the command line. */
  as: { kind: 'arg'; arg: ArgSpec } | { kind: 'flag'; flag: FlagSpec } | { kind: 'filter' } | { kind: 'text' };
}

interface NativeDef {
  /** Path of the native command: `['proposal', 'create']` or `['vote']`. */
  path: [string] | [string, string];
  spec: CommandName | null;
  options: OptionDef[];
  description: string;
}

/** Where `/proposal create` and friends go in core's command language. */
const NATIVE: Array<{ path: [string] | [string, string]; spec: CommandName }> = [
  { path: ['proposal', 'create'], spec: 'propose' },
  { path: ['proposal', 'show'], spec: 'proposal.show' },
  { path: ['proposal', 'list'], spec: 'proposal.list' },
  { path: ['proposal', 'close'], spec: 'close' },
  { path: ['proposal', 'withdraw'], spec: 'withdraw' },
  { path: ['proposal', 'outcome'], spec: 'outcome' },
  { path: ['proposal', 'advise'], spec: 'advise' },
  { path: ['vote'], spec: 'vote' },
  { path: ['group', 'create'], spec: 'group.create' },
  { path: ['group', 'join'], spec: 'group.join' },
  { path: ['group', 'leave'], spec: 'group.leave' },
  { path: ['group', 'add'], spec: 'group.add' },
  { path: ['group', 'role'], spec: 'group.role' },
  { path: ['group', 'list'], spec: 'group.list' },
  { path: ['group', 'info'], spec: 'group.info' },
  { path: ['group', 'visibility'], spec: 'group.visibility' },
  { path: ['group', 'invite'], spec: 'group.invite' },
  { path: ['group', 'uninvite'], spec: 'group.uninvite' },
  { path: ['decisions'], spec: 'decisions' },
  { path: ['audit', 'log'], spec: 'audit' },
  { path: ['audit', 'verify'], spec: 'audit.verify' },
  { path: ['settings', 'show'], spec: 'settings.show' },
  { path: ['settings', 'locale'], spec: 'settings.locale' },
  { path: ['settings', 'timezone'], spec: 'settings.timezone' },
  { path: ['settings', 'reminder'], spec: 'settings.reminder' },
  { path: ['settings', 'reminders'], spec: 'settings.reminders' },
  { path: ['settings', 'quiet-hours'], spec: 'settings.quiet' },
  { path: ['settings', 'digest'], spec: 'settings.digest' },
  { path: ['settings', 'ties'], spec: 'settings.ties' },
  { path: ['settings', 'inclusion-min-cell'], spec: 'settings.inclusion-min-cell' },
  { path: ['settings', 'inclusion-threshold'], spec: 'settings.inclusion-threshold' },
  { path: ['settings', 'goal-thresholds'], spec: 'settings.goal-thresholds' },
  { path: ['settings', 'retro-dots'], spec: 'settings.retro-dots' },
  { path: ['settings', 'kudos-limit'], spec: 'settings.kudos-limit' },
  { path: ['commit'], spec: 'commit' },
  { path: ['commitments'], spec: 'commitment.list' },
  { path: ['done'], spec: 'done' },
  { path: ['extend'], spec: 'extend' },
  { path: ['blocked'], spec: 'blocked' },
  { path: ['commitment', 'show'], spec: 'commitment.show' },
  { path: ['commitment', 'stats'], spec: 'commitment.stats' },
  { path: ['commitment', 'cancel'], spec: 'cancel' },
  { path: ['stakeholders'], spec: 'stakeholder.list' },
  { path: ['stakeholder', 'add'], spec: 'stakeholder.add' },
  { path: ['stakeholder', 'rate'], spec: 'stakeholder.rate' },
  { path: ['stakeholder', 'show'], spec: 'stakeholder.show' },
  { path: ['stakeholder', 'edit'], spec: 'stakeholder.edit' },
  { path: ['stakeholder', 'remove'], spec: 'stakeholder.remove' },
  { path: ['stakeholder', 'link'], spec: 'stakeholder.link' },
  { path: ['profile'], spec: 'profile' },
  { path: ['inclusion'], spec: 'inclusion' },
  { path: ['goals'], spec: 'goal.list' },
  { path: ['goal', 'add'], spec: 'goal.add' },
  { path: ['goal', 'show'], spec: 'goal.show' },
  { path: ['goal', 'edit'], spec: 'goal.edit' },
  { path: ['goal', 'close'], spec: 'goal.close' },
  { path: ['indicator', 'add'], spec: 'indicator.add' },
  { path: ['checkin'], spec: 'checkin' },
  { path: ['pledges'], spec: 'pledge.list' },
  { path: ['pledge', 'make'], spec: 'pledge' },
  { path: ['pledge', 'done'], spec: 'pledge.done' },
  { path: ['pledge', 'cancel'], spec: 'pledge.cancel' },
  { path: ['pools'], spec: 'pool.list' },
  { path: ['pool', 'create'], spec: 'pool.create' },
  { path: ['pool', 'show'], spec: 'pool.show' },
  { path: ['pool', 'close'], spec: 'pool.close' },
  { path: ['bucket', 'add'], spec: 'bucket.add' },
  { path: ['bucket', 'show'], spec: 'bucket.show' },
  { path: ['allocate'], spec: 'allocate' },
  { path: ['retros'], spec: 'retro.list' },
  { path: ['retro', 'start'], spec: 'retro.start' },
  { path: ['retro', 'show'], spec: 'retro.show' },
  { path: ['retro', 'add'], spec: 'retro.add' },
  { path: ['retro', 'vote'], spec: 'retro.vote' },
  { path: ['retro', 'unvote'], spec: 'retro.unvote' },
  { path: ['retro', 'action'], spec: 'retro.action' },
  { path: ['retro', 'discussed'], spec: 'retro.discussed' },
  { path: ['retro', 'close'], spec: 'retro.close' },
  { path: ['kudos', 'give'], spec: 'kudos' },
  { path: ['kudos', 'list'], spec: 'kudos.list' },
  { path: ['mediate'], spec: 'mediate' },
  { path: ['mediation', 'show'], spec: 'mediation.show' },
  { path: ['mediation', 'list'], spec: 'mediation.list' },
  { path: ['mediation', 'next'], spec: 'mediation.next' },
  { path: ['mediation', 'note'], spec: 'mediation.note' },
  { path: ['mediation', 'caucus'], spec: 'mediation.caucus' },
  { path: ['mediation', 'pause'], spec: 'mediation.pause' },
  { path: ['mediation', 'resume'], spec: 'mediation.resume' },
  { path: ['mediation', 'propose-agreement'], spec: 'mediation.propose' },
  { path: ['mediation', 'accept'], spec: 'mediation.accept' },
  { path: ['mediation', 'decline'], spec: 'mediation.decline' },
  { path: ['mediation', 'close'], spec: 'mediation.close' },
  { path: ['help'], spec: 'help' },
];

/** Descriptions of the commands that only group subcommands. */
const GROUP_DESCRIPTIONS: Record<string, string> = {
  proposal: 'cmd.area.proposals',
  group: 'cmd.area.groups',
  audit: 'cmd.area.audit',
  settings: 'cmd.area.settings',
  commitment: 'cmd.area.commitments',
  mediation: 'cmd.area.mediation',
  stakeholder: 'cmd.area.stakeholders',
  goal: 'cmd.area.goals',
  indicator: 'cmd.area.goals',
  pool: 'cmd.area.resources',
  bucket: 'cmd.area.resources',
  retro: 'cmd.area.retros',
  kudos: 'cmd.area.retros',
};

/** Choices whose values have translated names in core's catalogs, by option; a command area may name its own. */
const CHOICE_NAMES: Record<string, string> = { rule: 'rule.name.', kind: 'group.kind.', role: 'role.', visibility: 'group.visibility.' };
const AREA_CHOICE_NAMES: Record<string, Record<string, string>> = {
  stakeholder: { kind: 'stakeholder.kind.', sector: 'stakeholder.sector.', type: 'stakeholder.linkType.' },
  profile: { sector: 'stakeholder.sector.' },
  pool: { rule: 'pool.rule.' },
};

const FILTERS = ['open', 'mine', 'overdue', 'all'] as const;

const kebab = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The first sentence when it fits Discord's 100 characters, else a clean cut. */
function short(text: string, max: number = LIMITS.commandDescription): string {
  if (text.length <= max) return text;
  const sentence = /^(.+?[.!?])(\s|$)/u.exec(text)?.[1];
  if (sentence && sentence.length <= max) return sentence;
  return `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

function text(locale: 'en' | 'vi', key: string): string {
  return discordMessages[locale][key] ?? catalogs[locale][key] ?? catalogs.en[key] ?? key;
}

function completionOf(key: string, value: ValueSpec, path: string[]): Completion | undefined {
  if (value.kind === 'proposal') {
    if (key === 'commitment') return 'commitment';
    if (key === 'proposal' && ['show', 'outcome'].includes(path[1] ?? '')) return 'proposal-any';
    return key === 'proposal' ? 'proposal-open' : undefined;
  }
  if (value.kind === 'timezone') return 'timezone';
  if (value.kind === 'text' && (key === 'group' || key === 'to')) return 'group';
  return undefined;
}

function optionFor(key: string, name: string, value: ValueSpec, description: string, required: boolean, path: string[]): Omit<OptionDef, 'as'> {
  const base = { name, description, required };
  const complete = completionOf(key, value, path);
  const withComplete = complete ? { complete } : {};
  switch (value.kind) {
    case 'text':
    case 'options':
      return { ...base, ...withComplete, type: ApplicationCommandOptionType.String, maxLength: Math.min(value.kind === 'text' ? value.max : LIMITS.stringOptionLength, LIMITS.stringOptionLength) };
    case 'choice': {
      const prefix = AREA_CHOICE_NAMES[path[0] ?? '']?.[key] ?? CHOICE_NAMES[key];
      return { ...base, type: ApplicationCommandOptionType.String, choices: value.values.map((v) => (prefix ? { value: v, nameKey: `${prefix}${v}` } : { value: v })) };
    }
    case 'member':
      return { ...base, type: ApplicationCommandOptionType.User };
    case 'members':
    case 'fraction':
      return { ...base, type: ApplicationCommandOptionType.String };
    case 'timezone':
      return { ...base, ...withComplete, type: ApplicationCommandOptionType.String };
    case 'proposal':
      return { ...base, ...withComplete, type: ApplicationCommandOptionType.Integer, min: 1, max: 2_147_483_647 };
    case 'integer':
      return { ...base, type: ApplicationCommandOptionType.Integer, min: value.min, max: value.max };
    case 'decimal':
      return { ...base, type: ApplicationCommandOptionType.Number, min: value.min, max: value.max };
    case 'boolean':
      return { ...base, type: ApplicationCommandOptionType.Boolean };
  }
}

function optionsOf(spec: CommandSpec, path: string[]): OptionDef[] {
  const flagKeys = new Set(spec.flags.map((f) => f.key));
  const out: OptionDef[] = [];
  for (const arg of spec.args) {
    // `vote 7 agree Looks good` and `--reason` say the same; Discord needs one option.
    if (flagKeys.has(arg.key)) continue;
    // Without a choice, /vote shows the proposal with its ballot buttons.
    const required = spec.name === 'vote' && arg.key === 'choice' ? false : arg.required;
    // Several members (the parties to a mediation) come as one text of mentions, as `group add` takes them.
    const value: ValueSpec = arg.take === 'many' && arg.value.kind === 'member' ? { kind: 'members', max: MAX_MENTIONS } : arg.value;
    const option = optionFor(arg.key, kebab(arg.key), value, arg.description, required, path);
    if (spec.name === 'vote' && arg.key === 'choice') option.complete = 'choice';
    out.push({ ...option, as: { kind: 'arg', arg } });
  }
  if (spec.name === 'commitment.list') {
    out.push({
      name: 'filter',
      type: ApplicationCommandOptionType.String,
      description: 'discord.option.filter',
      required: false,
      choices: FILTERS.map((f) => ({ value: f, nameKey: `discord.filter.${f}` })),
      as: { kind: 'filter' },
    });
  }
  for (const flag of spec.flags) {
    if (spec.name === 'commitment.list' && ['mine', 'overdue', 'all'].includes(flag.name)) continue;
    out.push({ ...optionFor(flag.key, flag.name, flag.value, flag.description, flag.required ?? false, path), as: { kind: 'flag', flag } });
  }
  // Discord lists required options first and refuses them after an optional one.
  return [...out.filter((o) => o.required), ...out.filter((o) => !o.required)];
}

/** Every native command, with its options, in core's terms. */
export const NATIVE_COMMANDS: readonly NativeDef[] = [
  {
    path: ['concord'],
    spec: null,
    description: 'discord.command.concord',
    options: [
      { name: 'text', type: ApplicationCommandOptionType.String, description: 'discord.option.text', required: true, maxLength: LIMITS.stringOptionLength, as: { kind: 'text' } },
    ],
  },
  ...NATIVE.map(({ path, spec: name }) => {
    const spec = COMMAND_SPECS.find((s) => s.name === name);
    if (!spec) throw new Error(`No command ${name} in core`);
    return { path, spec: name, options: optionsOf(spec, path), description: spec.summary };
  }),
];

function localized(key: string, max: number = LIMITS.commandDescription) {
  return { description: short(text('en', key), max), description_localizations: { vi: short(text('vi', key), max) } };
}

function toApiOption(o: OptionDef): APIApplicationCommandBasicOption {
  const option: Record<string, unknown> = { type: o.type, name: o.name, ...localized(o.description), required: o.required };
  if (o.choices) {
    option.choices = o.choices.slice(0, LIMITS.optionChoices).map((c): APIApplicationCommandOptionChoice<string> => {
      const choice: APIApplicationCommandOptionChoice<string> = { name: c.value, value: c.value };
      if (c.nameKey) {
        choice.name = short(text('en', c.nameKey), LIMITS.choiceName);
        choice.name_localizations = { vi: short(text('vi', c.nameKey), LIMITS.choiceName) };
      }
      return choice;
    });
  }
  if (o.complete) option.autocomplete = true;
  if (o.min !== undefined) option.min_value = o.min;
  if (o.max !== undefined) option.max_value = o.max;
  if (o.maxLength !== undefined) option.max_length = o.maxLength;
  return option as unknown as APIApplicationCommandBasicOption;
}

/** The body of `PUT /applications/{id}/commands`: slash commands for use in servers. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const tops = new Map<string, RESTPostAPIChatInputApplicationCommandsJSONBody>();
  for (const def of NATIVE_COMMANDS) {
    const [top, sub] = def.path;
    let command = tops.get(top);
    if (!command) {
      command = {
        type: ApplicationCommandType.ChatInput,
        name: top,
        ...localized(sub ? (GROUP_DESCRIPTIONS[top] ?? def.description) : def.description),
        contexts: [InteractionContextType.Guild],
        integration_types: [ApplicationIntegrationType.GuildInstall],
        options: [],
      };
      tops.set(top, command);
    }
    const options = def.options.slice(0, LIMITS.commandOptions).map(toApiOption);
    if (sub) {
      command.options?.push({ type: ApplicationCommandOptionType.Subcommand, name: sub, ...localized(def.description), options } as APIApplicationCommandOption);
    } else {
      command.options = options;
    }
  }
  return [...tops.values()];
}

/** An option value as a Discord interaction hands it over. */
export interface GivenOption {
  name: string;
  type: ApplicationCommandOptionType;
  value?: string | number | boolean;
}

export function findNative(command: string, subcommand: string | null): NativeDef | undefined {
  return NATIVE_COMMANDS.find((d) => d.path[0] === command && (d.path[1] ?? null) === subcommand);
}

function valueText(option: OptionDef, given: GivenOption): string {
  const value = given.value;
  if (given.type === ApplicationCommandOptionType.User) return `<@${String(value)}>`;
  if (typeof value === 'number') return String(value);
  return quote(String(value ?? ''));
}

/**
 * Writes a native command as the line a member would have typed: arguments in order, quoted,
 * then `--flag value` pairs. Null for commands this version does not know.
 */
export function nativeToLine(command: string, subcommand: string | null, given: readonly GivenOption[]): string | null {
  const def = findNative(command, subcommand);
  if (!def) return null;
  const byName = new Map(given.map((g) => [g.name, g]));
  if (!def.spec) return String(byName.get('text')?.value ?? '').replace(/^\/concord\b\s*/i, '');
  const spec = COMMAND_SPECS.find((s) => s.name === def.spec);
  if (!spec) return null;
  const parts: string[] = [...spec.words];
  const options = new Map(def.options.map((o) => [o.name, o]));
  // Arguments follow the spec's order, not Discord's (required options first).
  for (const arg of spec.args) {
    const option = [...options.values()].find((o) => o.as.kind === 'arg' && o.as.arg === arg);
    const g = option ? byName.get(option.name) : undefined;
    if (!option || !g || g.value === undefined || g.value === '') continue;
    if (arg.take === 'many' && typeof g.value === 'string') {
      parts.push(...g.value.split(/[\s,]+/).filter(Boolean).map((w) => quote(w)));
    } else {
      parts.push(valueText(option, g));
    }
  }
  for (const option of def.options) {
    const g = byName.get(option.name);
    if (!g || g.value === undefined || g.value === '') continue;
    if (option.as.kind === 'filter') {
      if (g.value !== 'open') parts.push(`--${String(g.value)}`);
    } else if (option.as.kind === 'flag') {
      if (option.as.flag.value.kind === 'boolean') {
        if (g.value === true) parts.push(`--${option.as.flag.name}`);
      } else {
        parts.push(`--${option.as.flag.name}`, valueText(option, g));
      }
    }
  }
  return parts.join(' ');
}

/** Which suggestions a focused option wants. */
export function completionFor(command: string, subcommand: string | null, option: string): Completion | undefined {
  return findNative(command, subcommand)?.options.find((o) => o.name === option)?.complete;
}
