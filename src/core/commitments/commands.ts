// The commitment commands: record who does what by when, accept or decline it, report progress, list and count.
import { z } from 'zod';
import { commitmentArg, groupFlag, ID, id, member, text } from '../commands/args.js';
import { MAX_OWNERS } from '../commands/caps.js';
import { defineCommand } from '../commands/declare.js';
import { addMsgIssue } from '../commands/values.js';
import { goalRefSchema } from '../goals/commands.js';
import type { View } from '../views/types.js';
import { accept, cancel, commit, commitmentCard, decline, extend, list, markBlocked, markDone, requireCommitment, stats } from './service.js';

export const commitCommand = defineCommand({
  name: 'commit',
  words: ['commit'],
  area: 'commitments',
  args: [{ key: 'what', placeholder: '"<what>"', value: { kind: 'text', max: 500 }, required: true, take: 'rest', description: 'cmd.arg.what' }],
  flags: [
    { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', required: true, description: 'cmd.flag.due' },
    { name: 'owner', key: 'owners', value: { kind: 'members', max: MAX_OWNERS }, placeholder: '@member[,@member...]', description: 'cmd.flag.owner' },
    groupFlag('cmd.flag.group.commitment'),
    { name: 'proposal', key: 'proposal', value: ID, placeholder: '<id>', description: 'cmd.flag.proposal' },
    { name: 'goal', key: 'goal', value: { kind: 'text', max: 20 }, placeholder: 'G-<n>', description: 'cmd.flag.commitGoal' },
    { name: 'remind', key: 'remind', value: { kind: 'text', max: 100 }, placeholder: '"3d,1d,2h"|none', description: 'cmd.flag.remind' },
  ],
  summary: 'cmd.summary.commit',
  detail: 'cmd.detail.commit',
  examples: [
    { text: 'commit "Draft the budget" --due "friday 17:00"', sample: 'cmd.sample.commit.0' },
    { text: 'commit "Book the venue" --due "2026-12-05" --owner @lan,@minh --group Budget --proposal 7', sample: 'cmd.sample.commit.1' },
  ],
  schema: z.object({
    what: text,
    /** Raw date text, resolved in the member's time zone by the service. */
    due: text,
    owners: z.array(member).default([]),
    group: text.optional(),
    proposal: id.optional(),
    goal: goalRefSchema.optional(),
    /** Reminder offsets such as "3d,1d,2h"; "none" turns reminders off for this commitment. */
    remind: text.optional(),
  }),
  run: (s, c): Promise<View[]> => commit(s, c),
});

export const commitmentList = defineCommand({
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
  schema: z
    .object({ mine: z.boolean().default(false), overdue: z.boolean().default(false), all: z.boolean().default(false), group: text.optional() })
    .superRefine((v, ctx) => {
      if ([v.mine, v.overdue, v.all].filter(Boolean).length > 1) addMsgIssue(ctx, 'cmd.error.oneFilter', { flags: '--mine, --overdue, --all' });
    })
    .transform((v) => ({
      filter: v.mine ? ('mine' as const) : v.overdue ? ('overdue' as const) : v.all ? ('all' as const) : ('open' as const),
      ...(v.group ? { group: v.group } : {}),
    })),
  run: (s, c): Promise<View[]> => list(s, c),
});

export const commitmentStats = defineCommand({
  name: 'commitment.stats',
  words: ['commitments', 'stats'],
  area: 'commitments',
  flags: [groupFlag('cmd.flag.group.commitmentFilter')],
  summary: 'cmd.summary.commitment.stats',
  detail: 'cmd.detail.commitment.stats',
  examples: [{ text: 'commitments stats --group Budget', sample: 'cmd.sample.commitment.stats.0' }],
  schema: z.object({ group: text.optional() }),
  run: (s, c): Promise<View[]> => stats(s, c.group),
});

export const commitmentShow = defineCommand({
  name: 'commitment.show',
  words: ['commitment'],
  area: 'commitments',
  args: [commitmentArg],
  summary: 'cmd.summary.commitment.show',
  detail: 'cmd.detail.commitment.show',
  examples: [{ text: 'commitment 3' }],
  schema: z.object({ commitment: id }),
  run: async (s, c): Promise<View[]> => {
    const found = await requireCommitment(s, c.commitment);
    return [await commitmentCard(s.tx, found, { locale: s.locale, timezone: s.timezone, now: s.now })];
  },
});

export const commitmentAccept = defineCommand({
  name: 'commitment.accept',
  words: ['commitment', 'accept'],
  area: 'commitments',
  args: [commitmentArg],
  summary: 'cmd.summary.commitment.accept',
  detail: 'cmd.detail.commitment.accept',
  examples: [{ text: 'commitment accept 3' }],
  schema: z.object({ commitment: id }),
  run: (s, c): Promise<View[]> => accept(s, c.commitment),
});

export const commitmentDecline = defineCommand({
  name: 'commitment.decline',
  words: ['commitment', 'decline'],
  area: 'commitments',
  args: [commitmentArg],
  summary: 'cmd.summary.commitment.decline',
  detail: 'cmd.detail.commitment.decline',
  examples: [{ text: 'commitment decline 3' }],
  schema: z.object({ commitment: id }),
  run: (s, c): Promise<View[]> => decline(s, c.commitment),
});

export const doneCommand = defineCommand({
  name: 'done',
  words: ['done'],
  area: 'commitments',
  args: [commitmentArg, { key: 'note', placeholder: '[<note>]', value: { kind: 'text', max: 1000 }, required: false, take: 'rest', description: 'cmd.arg.note' }],
  summary: 'cmd.summary.done',
  detail: 'cmd.detail.done',
  examples: [{ text: 'done 3 "Shared in the drive"', sample: 'cmd.sample.done.0' }],
  schema: z.object({ commitment: id, note: text.optional() }),
  run: (s, c): Promise<View[]> => markDone(s, c.commitment, c.note ?? null),
});

export const extendCommand = defineCommand({
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
  schema: z.object({ commitment: id, due: text, reason: text }),
  run: (s, c): Promise<View[]> => extend(s, c.commitment, c.due, c.reason),
});

export const blockedCommand = defineCommand({
  name: 'blocked',
  words: ['blocked'],
  area: 'commitments',
  args: [commitmentArg, { key: 'reason', placeholder: '"<why>"', value: { kind: 'text', max: 1000 }, required: true, take: 'rest', description: 'cmd.arg.blockedReason' }],
  summary: 'cmd.summary.blocked',
  detail: 'cmd.detail.blocked',
  examples: [{ text: 'blocked 3 "Finance has not sent the figures"', sample: 'cmd.sample.blocked.0' }],
  schema: z.object({ commitment: id, reason: text }),
  run: (s, c): Promise<View[]> => markBlocked(s, c.commitment, c.reason),
});

export const cancelCommand = defineCommand({
  name: 'cancel',
  words: ['cancel'],
  area: 'commitments',
  args: [commitmentArg],
  summary: 'cmd.summary.cancel',
  detail: 'cmd.detail.cancel',
  examples: [{ text: 'cancel 3' }],
  schema: z.object({ commitment: id }),
  run: (s, c): Promise<View[]> => cancel(s, c.commitment),
});

export const commitmentCommands = [
  commitCommand,
  commitmentList,
  commitmentStats,
  commitmentShow,
  commitmentAccept,
  commitmentDecline,
  doneCommand,
  extendCommand,
  blockedCommand,
  cancelCommand,
] as const;
