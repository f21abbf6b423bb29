// The retrospective and kudos commands: look back together, vote on what matters, turn it into commitments, thank each other.
import { z } from 'zod';
import { groupFlag, member, numberedRef, text } from '../commands/args.js';
import { defineCommand, type ArgSpec } from '../commands/declare.js';
import { goalRefSchema } from '../goals/commands.js';
import type { View } from '../views/types.js';
import { giveKudos, listKudos, setKudosLimit, setRetroDots } from './kudos.js';
import { actionItem, addItem, closeRetro, listRetros, markDiscussed, showRetro, startRetro, unvoteItem, voteItem } from './service.js';
import { TEMPLATE_ALIASES, TEMPLATE_IDS } from './templates.js';

/** `R-1`, `r-1`, `R1` or `1`. */
const retroRefSchema = numberedRef('r', 'cmd.error.badRetro', 'R-<n>');

const retroArg: ArgSpec = { key: 'retro', placeholder: 'R-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.retro' };
const itemArg: ArgSpec = { key: 'item', placeholder: '<item>', value: { kind: 'integer', min: 1, max: 100_000 }, required: true, take: 'one', description: 'cmd.arg.retroItem' };
const itemSchema = z.number().int().positive();

export const retroStart = defineCommand({
  name: 'retro.start',
  words: ['retro', 'start'],
  area: 'retros',
  args: [{ key: 'title', placeholder: '"<title>"', value: { kind: 'text', max: 200 }, required: true, take: 'rest', description: 'cmd.arg.retroTitle' }],
  flags: [
    { name: 'template', key: 'template', value: { kind: 'choice', values: TEMPLATE_IDS, aliases: TEMPLATE_ALIASES }, default: '4ls', description: 'cmd.flag.retroTemplate' },
    { name: 'goal', key: 'goal', value: { kind: 'text', max: 20 }, placeholder: 'G-<n>', description: 'cmd.flag.retroGoal' },
    { name: 'closes', key: 'closes', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', description: 'cmd.flag.retroCloses' },
    { name: 'names', key: 'names', value: { kind: 'boolean' }, description: 'cmd.flag.retroNames' },
    groupFlag('cmd.flag.group.retro'),
  ],
  summary: 'cmd.summary.retro.start',
  detail: 'cmd.detail.retro.start',
  examples: [
    { text: 'retro start "November sprint" --closes "friday 17:00"', sample: 'cmd.sample.retro.start.0' },
    { text: 'retro start "Post-mortem: the flooded store room" --template blameless --goal G-2', sample: 'cmd.sample.retro.start.1' },
    { text: 'retro start "November sprint" --names --group Budget', sample: 'cmd.sample.retro.start.2' },
  ],
  schema: z.object({ title: text, template: z.enum(TEMPLATE_IDS).optional(), goal: goalRefSchema.optional(), closes: text.optional(), names: z.boolean().default(false), group: text.optional() }),
  run: (s, c): Promise<View[]> => startRetro(s, c),
});

export const retroAdd = defineCommand({
  name: 'retro.add',
  words: ['retro', 'add'],
  area: 'retros',
  args: [
    retroArg,
    { key: 'column', placeholder: '<column>', value: { kind: 'text', max: 40 }, required: true, take: 'one', description: 'cmd.arg.retroColumn' },
    { key: 'text', placeholder: '"<text>"', value: { kind: 'text', max: 500 }, required: true, take: 'rest', description: 'cmd.arg.retroText' },
  ],
  summary: 'cmd.summary.retro.add',
  detail: 'cmd.detail.retro.add',
  examples: [{ text: 'retro add R-1 lacked "A shared calendar for the volunteers"', sample: 'cmd.sample.retro.add.0' }],
  schema: z.object({ retro: retroRefSchema, column: text, text }),
  run: (s, c): Promise<View[]> => addItem(s, c),
});

export const retroVote = defineCommand({
  name: 'retro.vote',
  words: ['retro', 'vote'],
  area: 'retros',
  args: [retroArg, itemArg],
  flags: [{ name: 'dots', key: 'dots', value: { kind: 'integer', min: 1, max: 100 }, placeholder: '<n>', default: '1', description: 'cmd.flag.retroDots' }],
  summary: 'cmd.summary.retro.vote',
  detail: 'cmd.detail.retro.vote',
  examples: [{ text: 'retro vote R-1 3' }, { text: 'retro vote R-1 3 --dots 2' }],
  schema: z.object({ retro: retroRefSchema, item: itemSchema, dots: z.number().int().positive().default(1) }),
  run: (s, c): Promise<View[]> => voteItem(s, c),
});

export const retroUnvote = defineCommand({
  name: 'retro.unvote',
  words: ['retro', 'unvote'],
  area: 'retros',
  args: [retroArg, itemArg],
  summary: 'cmd.summary.retro.unvote',
  detail: 'cmd.detail.retro.unvote',
  examples: [{ text: 'retro unvote R-1 3' }],
  schema: z.object({ retro: retroRefSchema, item: itemSchema }),
  run: (s, c): Promise<View[]> => unvoteItem(s, c),
});

export const retroAction = defineCommand({
  name: 'retro.action',
  words: ['retro', 'action'],
  area: 'retros',
  args: [retroArg, itemArg],
  flags: [
    { name: 'owner', key: 'owner', value: { kind: 'member' }, placeholder: '@member', required: true, description: 'cmd.flag.retroOwner' },
    { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', required: true, description: 'cmd.flag.retroDue' },
  ],
  summary: 'cmd.summary.retro.action',
  detail: 'cmd.detail.retro.action',
  examples: [{ text: 'retro action R-1 3 --owner @lan --due "friday 17:00"', sample: 'cmd.sample.retro.action.0' }],
  schema: z.object({ retro: retroRefSchema, item: itemSchema, owner: member, due: text }),
  run: (s, c): Promise<View[]> => actionItem(s, c),
});

export const retroDiscussed = defineCommand({
  name: 'retro.discussed',
  words: ['retro', 'discussed'],
  area: 'retros',
  args: [retroArg, itemArg],
  summary: 'cmd.summary.retro.discussed',
  detail: 'cmd.detail.retro.discussed',
  examples: [{ text: 'retro discussed R-1 4' }],
  schema: z.object({ retro: retroRefSchema, item: itemSchema }),
  run: (s, c): Promise<View[]> => markDiscussed(s, c),
});

export const retroClose = defineCommand({
  name: 'retro.close',
  words: ['retro', 'close'],
  area: 'retros',
  args: [retroArg],
  summary: 'cmd.summary.retro.close',
  detail: 'cmd.detail.retro.close',
  examples: [{ text: 'retro close R-1' }],
  schema: z.object({ retro: retroRefSchema }),
  run: (s, c): Promise<View[]> => closeRetro(s, c.retro),
});

export const retroShow = defineCommand({
  name: 'retro.show',
  words: ['retro', 'show'],
  area: 'retros',
  args: [retroArg],
  summary: 'cmd.summary.retro.show',
  detail: 'cmd.detail.retro.show',
  examples: [{ text: 'retro show R-1' }],
  schema: z.object({ retro: retroRefSchema }),
  run: (s, c): Promise<View[]> => showRetro(s, c.retro),
});

export const retroList = defineCommand({
  name: 'retro.list',
  words: ['retros'],
  area: 'retros',
  flags: [groupFlag('cmd.flag.group.retroFilter')],
  summary: 'cmd.summary.retro.list',
  detail: 'cmd.detail.retro.list',
  examples: [{ text: 'retros' }, { text: 'retros --group Budget' }],
  schema: z.object({ group: text.optional() }),
  run: (s, c): Promise<View[]> => listRetros(s, c),
});

export const kudosGive = defineCommand({
  name: 'kudos',
  words: ['kudos'],
  area: 'retros',
  args: [
    { key: 'member', placeholder: '@member', value: { kind: 'member' }, required: true, take: 'one', description: 'cmd.arg.kudosMember' },
    { key: 'why', placeholder: '"<why>"', value: { kind: 'text', max: 500 }, required: true, take: 'rest', description: 'cmd.arg.kudosWhy' },
  ],
  flags: [groupFlag('cmd.flag.group.kudos')],
  summary: 'cmd.summary.kudos',
  detail: 'cmd.detail.kudos',
  examples: [{ text: 'kudos @lan "For staying late to finish the grant application"', sample: 'cmd.sample.kudos.0' }],
  schema: z.object({ member, why: text, group: text.optional() }),
  run: (s, c): Promise<View[]> => giveKudos(s, c),
});

export const kudosList = defineCommand({
  name: 'kudos.list',
  words: ['kudos', 'list'],
  area: 'retros',
  flags: [groupFlag('cmd.flag.group.kudosFilter')],
  summary: 'cmd.summary.kudos.list',
  detail: 'cmd.detail.kudos.list',
  examples: [{ text: 'kudos list --group Budget' }],
  schema: z.object({ group: text.optional() }),
  run: (s, c): Promise<View[]> => listKudos(s, c),
});

export const settingsRetroDots = defineCommand({
  name: 'settings.retro-dots',
  words: ['settings', 'retro-dots'],
  area: 'settings',
  args: [
    { key: 'dots', placeholder: '<dots>', value: { kind: 'integer', min: 1, max: 50 }, required: true, take: 'one', description: 'cmd.arg.retroDotsBudget' },
    { key: 'perItem', placeholder: '<per-item>', value: { kind: 'integer', min: 1, max: 50 }, required: true, take: 'one', description: 'cmd.arg.retroDotsPerItem' },
  ],
  summary: 'cmd.summary.settings.retro-dots',
  detail: 'cmd.detail.settings.retro-dots',
  examples: [{ text: 'settings retro-dots 5 3' }],
  schema: z.object({ dots: z.number().int(), perItem: z.number().int() }),
  run: (s, c): Promise<View[]> => setRetroDots(s, c),
});

export const settingsKudosLimit = defineCommand({
  name: 'settings.kudos-limit',
  words: ['settings', 'kudos-limit'],
  area: 'settings',
  args: [{ key: 'limit', placeholder: '<n>', value: { kind: 'integer', min: 1, max: 100 }, required: true, take: 'one', description: 'cmd.arg.kudosLimit' }],
  summary: 'cmd.summary.settings.kudos-limit',
  detail: 'cmd.detail.settings.kudos-limit',
  examples: [{ text: 'settings kudos-limit 5' }],
  schema: z.object({ limit: z.number().int() }),
  run: (s, c): Promise<View[]> => setKudosLimit(s, c.limit),
});

export const retroCommands = [retroList, retroStart, retroShow, retroAdd, retroVote, retroUnvote, retroAction, retroDiscussed, retroClose, kudosGive, kudosList] as const;
export const retroSettingsCommands = [settingsRetroDots, settingsKudosLimit] as const;
