// The pool, bucket and allocate commands: open a pool of money, ask it for funds, allocate, close it.
import { z } from 'zod';
import { groupFlag, member, numberedRef, text } from '../commands/args.js';
import { defineCommand, type ArgSpec } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { POOL_RULES } from './pool-ports.js';
import { addBucket, allocate, closePoolCommand, createPool, listPools, showBucket, showPool } from './pools.js';

/** `P-1`, `p-1`, `P1` or `1`; `B-4` likewise. */
const poolRefSchema = numberedRef('p', 'cmd.error.badPool', 'P-<n>');
const bucketRefSchema = numberedRef('b', 'cmd.error.badBucket', 'B-<n>');

const poolArg: ArgSpec = { key: 'pool', placeholder: 'P-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.pool' };
const bucketArg: ArgSpec = { key: 'bucket', placeholder: 'B-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.bucket' };
/** Amounts are read against the pool's currency, so they come as typed: `5tr`, `5.000.000`, `1,5 triệu`. */
const AMOUNT = { kind: 'text', max: 40 } as const;

export const poolCreate = defineCommand({
  name: 'pool.create',
  words: ['pool', 'create'],
  area: 'resources',
  args: [{ key: 'poolName', placeholder: '"<name>"', value: { kind: 'text', max: 120 }, required: true, take: 'rest', description: 'cmd.arg.poolName' }],
  flags: [
    { name: 'amount', key: 'amount', value: AMOUNT, placeholder: '<total>', required: true, description: 'cmd.flag.poolAmount' },
    { name: 'currency', key: 'currency', value: { kind: 'text', max: 3 }, placeholder: '<ISO 4217>', required: true, description: 'cmd.flag.poolCurrency' },
    groupFlag('cmd.flag.group.pool'),
    { name: 'rule', key: 'rule', value: { kind: 'choice', values: POOL_RULES }, placeholder: POOL_RULES.join('|'), required: true, description: 'cmd.flag.poolRule' },
    { name: 'per-member', key: 'perMember', value: AMOUNT, placeholder: '<amount>', description: 'cmd.flag.perMember' },
    { name: 'cap', key: 'cap', value: AMOUNT, placeholder: '<amount>', description: 'cmd.flag.poolCap' },
    { name: 'matching-cap', key: 'matchingCap', value: { kind: 'decimal', min: 0.01, max: 1 }, placeholder: '<share>', description: 'cmd.flag.matchingCap' },
    { name: 'closes', key: 'closes', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', description: 'cmd.flag.poolCloses' },
    { name: 'target-shares', key: 'targetShares', value: { kind: 'text', max: 300 }, placeholder: '"government=20%,community=40%"', description: 'cmd.flag.targetShares' },
  ],
  summary: 'cmd.summary.pool.create',
  detail: 'cmd.detail.pool.create',
  examples: [
    { text: 'pool create "Neighbourhood fund 2027" --amount 50tr --currency VND --group Budget --rule crowdfund --closes "in 2 weeks"', sample: 'cmd.sample.pool.create.0' },
    { text: 'pool create "Small grants" --amount 10000 --currency USD --rule equal-shares --target-shares "community=40%,nonprofit=30%"' },
    { text: 'pool create "Matching fund" --amount 20tr --currency VND --rule quadratic --per-member 500k --matching-cap 0.25' },
  ],
  schema: z.object({
    poolName: text,
    amount: text,
    currency: text,
    group: text.optional(),
    rule: z.enum(POOL_RULES),
    perMember: text.optional(),
    cap: text.optional(),
    matchingCap: z.number().optional(),
    closes: text.optional(),
    targetShares: text.optional(),
  }),
  run: (s, c): Promise<View[]> => createPool(s, c),
});

export const poolList = defineCommand({
  name: 'pool.list',
  words: ['pools'],
  area: 'resources',
  flags: [groupFlag('cmd.flag.group.poolFilter')],
  summary: 'cmd.summary.pool.list',
  detail: 'cmd.detail.pool.list',
  examples: [{ text: 'pools' }, { text: 'pools --group Budget' }],
  schema: z.object({ group: text.optional() }),
  run: (s, c): Promise<View[]> => listPools(s, c),
});

export const poolShow = defineCommand({
  name: 'pool.show',
  words: ['pool', 'show'],
  area: 'resources',
  args: [poolArg],
  summary: 'cmd.summary.pool.show',
  detail: 'cmd.detail.pool.show',
  examples: [{ text: 'pool show P-1' }],
  schema: z.object({ pool: poolRefSchema }),
  run: (s, c): Promise<View[]> => showPool(s, c.pool),
});

export const poolClose = defineCommand({
  name: 'pool.close',
  words: ['pool', 'close'],
  area: 'resources',
  args: [poolArg],
  summary: 'cmd.summary.pool.close',
  detail: 'cmd.detail.pool.close',
  examples: [{ text: 'pool close P-1' }],
  schema: z.object({ pool: poolRefSchema }),
  run: (s, c): Promise<View[]> => closePoolCommand(s, c.pool),
});

export const bucketAdd = defineCommand({
  name: 'bucket.add',
  words: ['bucket', 'add'],
  area: 'resources',
  args: [poolArg, { key: 'title', placeholder: '"<title>"', value: { kind: 'text', max: 200 }, required: true, take: 'rest', description: 'cmd.arg.bucketTitle' }],
  flags: [
    { name: 'min', key: 'min', value: AMOUNT, placeholder: '<amount>', required: true, description: 'cmd.flag.bucketMin' },
    { name: 'max', key: 'max', value: AMOUNT, placeholder: '<amount>', description: 'cmd.flag.bucketMax' },
    { name: 'owner', key: 'owner', value: { kind: 'member' }, placeholder: '@member', description: 'cmd.flag.bucketOwner' },
    { name: 'body', key: 'body', value: { kind: 'text', max: 2000 }, placeholder: '"..."', description: 'cmd.flag.bucketBody' },
  ],
  summary: 'cmd.summary.bucket.add',
  detail: 'cmd.detail.bucket.add',
  examples: [{ text: 'bucket add P-1 "Community garden" --min 5tr --max 8tr --owner @lan --body "Seeds, tools and a water tank"', sample: 'cmd.sample.bucket.add.0' }],
  schema: z.object({ pool: poolRefSchema, title: text, min: text, max: text.optional(), owner: member.optional(), body: text.optional() }),
  run: (s, c): Promise<View[]> => addBucket(s, c),
});

export const bucketShow = defineCommand({
  name: 'bucket.show',
  words: ['bucket', 'show'],
  area: 'resources',
  args: [bucketArg],
  summary: 'cmd.summary.bucket.show',
  detail: 'cmd.detail.bucket.show',
  examples: [{ text: 'bucket show B-4' }],
  schema: z.object({ bucket: bucketRefSchema }),
  run: (s, c): Promise<View[]> => showBucket(s, c.bucket),
});

export const allocateCommand = defineCommand({
  name: 'allocate',
  words: ['allocate'],
  area: 'resources',
  args: [bucketArg, { key: 'amount', placeholder: '<amount>|approve|withdraw', value: AMOUNT, required: true, take: 'rest', description: 'cmd.arg.allocateAmount' }],
  flags: [{ name: 'set', key: 'set', value: { kind: 'boolean' }, description: 'cmd.flag.allocateSet' }],
  summary: 'cmd.summary.allocate',
  detail: 'cmd.detail.allocate',
  examples: [{ text: 'allocate B-4 200k' }, { text: 'allocate B-4 0 --set' }, { text: 'allocate B-4 approve' }],
  schema: z.object({ bucket: bucketRefSchema, amount: text, set: z.boolean().default(false) }),
  run: (s, c): Promise<View[]> => allocate(s, c),
});

export const poolCommands = [poolList, poolCreate, poolShow, poolClose, bucketAdd, bucketShow, allocateCommand] as const;
