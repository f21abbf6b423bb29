// The fields of the proposal commands that carry the most: what `propose`, `vote` and `outcome` hand their
// handlers, checked together. The declarations (commands.ts) and the handlers (service.ts) both read them here.
import { z } from 'zod';
import { fraction, id, member, text } from '../commands/args.js';
import { addMsgIssue } from '../commands/values.js';
import { stakeholderRef } from '../stakeholders/commands.js';
import { CROSS_SECTOR_RULES } from './cross-sector.js';
import { HIDE_RESULTS } from './ports.js';
import { RULES, TIE_MODES, type RuleName } from './rules/types.js';

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
const RULE_ONLY: readonly { key: 'threshold' | 'decider' | 'dots' | 'minMean' | 'ties' | 'crossSector'; flag: string; rules: readonly RuleName[] }[] = [
  { key: 'threshold', flag: '--threshold', rules: ['majority'] },
  { key: 'decider', flag: '--decider', rules: ['advice'] },
  { key: 'dots', flag: '--dots', rules: ['dot'] },
  { key: 'minMean', flag: '--min-mean', rules: ['fist-of-five'] },
  { key: 'ties', flag: '--ties', rules: ['ranked'] },
  { key: 'crossSector', flag: '--cross-sector', rules: CROSS_SECTOR_RULES },
];

/** At most this many stakeholders consulted on one proposal. */
export const MAX_CONSULTED = 10;

/** `--consult S-3,S-5`: stakeholder numbers, each named once however it is written (S-3, s3, 3). */
const consulted = z.string().transform((raw, ctx) => {
  const refs = raw
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (refs.length === 0) {
    addMsgIssue(ctx, 'cmd.error.empty', { field: '--consult' });
    return z.NEVER;
  }
  if (refs.length > MAX_CONSULTED) {
    addMsgIssue(ctx, 'cmd.error.consultTooMany', { count: refs.length, max: MAX_CONSULTED });
    return z.NEVER;
  }
  const numbers: number[] = [];
  for (const ref of refs) {
    const parsed = stakeholderRef('--consult').safeParse(ref);
    if (!parsed.success) {
      addMsgIssue(ctx, 'cmd.error.badStakeholder', { field: '--consult', given: ref });
      return z.NEVER;
    }
    if (numbers.includes(parsed.data)) {
      addMsgIssue(ctx, 'cmd.error.consultTwice', { ref: `S-${parsed.data}` });
      return z.NEVER;
    }
    numbers.push(parsed.data);
  }
  return numbers;
});

export const proposeSchema = z
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
    /** Stakeholders whose representatives and contact are asked for advice when the proposal opens. */
    consult: consulted.optional(),
    /** Passes only with support from members of at least this many sectors (yes/no rules only). */
    crossSector: z.number().int().optional(),
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

/** `choice` is the raw ballot text ("agree", "B>A>C", "A=5 B=2", "A,C", "4"); the service validates it against the rule. */
export const voteSchema = z.object({ proposal: id, choice: text, reason: text.optional() });

export const outcomeSchema = z.object({ proposal: id, statement: text, review: text.optional() });

export type ProposeFields = z.output<typeof proposeSchema>;
export type VoteFields = z.output<typeof voteSchema>;
export type OutcomeFields = z.output<typeof outcomeSchema>;
