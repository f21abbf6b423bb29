// The pledge commands: pledge money, hours or a thing, mark it done with evidence, cancel it, list them with totals.
import { z } from 'zod';
import { groupFlag, numberedRef, text } from '../commands/args.js';
import { defineCommand, type ArgSpec } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { listPledges, makePledge, pledgeCancel, pledgeDone } from './pledges.js';

/** `PL-3`, `pl3`, `#3` or `3`. */
const pledgeRefSchema = numberedRef('pl', 'cmd.error.badPledge', 'PL-<n>');

/** `P-1`, `p1` or `1`: a pool, as the pools commands name them. */
const poolRefSchema = numberedRef('p', 'cmd.error.badPledgePool', 'P-<n>');

const pledgeArg: ArgSpec = { key: 'pledge', placeholder: 'PL-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.pledge' };

export const pledgeMake = defineCommand({
  name: 'pledge',
  words: ['pledge'],
  area: 'pledges',
  args: [{ key: 'what', placeholder: '"<what>"', value: { kind: 'text', max: 500 }, required: true, take: 'rest', description: 'cmd.arg.pledgeWhat' }],
  flags: [
    // Text, not a number: the amount is read in the member's own way of writing it (5.000.000, 5tr, 1,5 triệu).
    { name: 'amount', key: 'amount', value: { kind: 'text', max: 40 }, placeholder: '<amount>', description: 'cmd.flag.pledgeAmount' },
    { name: 'currency', key: 'currency', value: { kind: 'text', max: 3 }, placeholder: 'VND|USD|...', description: 'cmd.flag.pledgeCurrency' },
    { name: 'hours', key: 'hours', value: { kind: 'decimal', min: 0.25, max: 10_000 }, placeholder: '<n>', description: 'cmd.flag.pledgeHours' },
    { name: 'in-kind', key: 'inKind', value: { kind: 'text', max: 200 }, placeholder: '"<thing>"', description: 'cmd.flag.pledgeInKind' },
    groupFlag('cmd.flag.group.pledge'),
    { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', description: 'cmd.flag.pledgeDue' },
    { name: 'pool', key: 'pool', value: { kind: 'text', max: 20 }, placeholder: 'P-<n>', description: 'cmd.flag.pledgePool' },
  ],
  summary: 'cmd.summary.pledge',
  detail: 'cmd.detail.pledge',
  examples: [
    { text: 'pledge "For the library fund" --amount 5tr --currency VND --group Budget --due "2026-12-31"', sample: 'cmd.sample.pledge.0' },
    { text: 'pledge "Weekend shifts at the repair café" --hours 10' },
    { text: 'pledge "For the clean-up day" --in-kind "two tents"' },
  ],
  schema: z.object({
    what: text,
    amount: text.optional(),
    currency: text.optional(),
    hours: z.number().optional(),
    inKind: text.optional(),
    group: text.optional(),
    due: text.optional(),
    pool: poolRefSchema.optional(),
  }),
  run: (s, c): Promise<View[]> => makePledge(s, c),
});

export const pledgeList = defineCommand({
  name: 'pledge.list',
  words: ['pledges'],
  area: 'pledges',
  flags: [groupFlag('cmd.flag.group.pledgeFilter'), { name: 'mine', key: 'mine', value: { kind: 'boolean' }, description: 'cmd.flag.pledgesMine' }],
  summary: 'cmd.summary.pledge.list',
  detail: 'cmd.detail.pledge.list',
  examples: [{ text: 'pledges --group Budget' }, { text: 'pledges --mine' }],
  schema: z.object({ group: text.optional(), mine: z.boolean().default(false) }),
  run: (s, c): Promise<View[]> => listPledges(s, c),
});

export const pledgeDoneCommand = defineCommand({
  name: 'pledge.done',
  words: ['pledge', 'done'],
  area: 'pledges',
  args: [pledgeArg],
  flags: [{ name: 'evidence', key: 'evidence', value: { kind: 'text', max: 1000 }, placeholder: '"<note or link>"', description: 'cmd.flag.pledgeEvidence' }],
  summary: 'cmd.summary.pledge.done',
  detail: 'cmd.detail.pledge.done',
  examples: [{ text: 'pledge done PL-3 --evidence "https://example.org/receipt/118"' }],
  schema: z.object({ pledge: pledgeRefSchema, evidence: text.optional() }),
  run: (s, c): Promise<View[]> => pledgeDone(s, c.pledge, c.evidence ?? null),
});

export const pledgeCancelCommand = defineCommand({
  name: 'pledge.cancel',
  words: ['pledge', 'cancel'],
  area: 'pledges',
  args: [pledgeArg],
  summary: 'cmd.summary.pledge.cancel',
  detail: 'cmd.detail.pledge.cancel',
  examples: [{ text: 'pledge cancel PL-3' }],
  schema: z.object({ pledge: pledgeRefSchema }),
  run: (s, c): Promise<View[]> => pledgeCancel(s, c.pledge),
});

export const pledgeCommands = [pledgeList, pledgeMake, pledgeDoneCommand, pledgeCancelCommand] as const;
