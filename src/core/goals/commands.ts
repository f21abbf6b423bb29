// The goal, indicator and check-in commands: set shared goals, say what measures them, record values.
import { z } from 'zod';
import { groupFlag, ID, id, member, numberedRef, text } from '../commands/args.js';
import { defineCommand, type ArgSpec } from '../commands/declare.js';
import { addMsgIssue } from '../commands/values.js';
import type { View } from '../views/types.js';
import { addGoal, addIndicator, checkin, closeGoal, editGoal, listGoals, setThresholds, showGoal } from './service.js';

/** `G-2`, `g-2`, `G2` or `2`; `I-5` likewise. */
export const goalRefSchema = numberedRef('g', 'cmd.error.badGoal', 'G-<n>');
const indicatorRefSchema = numberedRef('i', 'cmd.error.badIndicator', 'I-<n>');

const goalArg: ArgSpec = { key: 'goal', placeholder: 'G-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.goal' };
const indicatorArg: ArgSpec = { key: 'indicator', placeholder: 'I-<n>', value: { kind: 'text', max: 20 }, required: true, take: 'one', description: 'cmd.arg.indicator' };
const TITLE = { kind: 'text', max: 200 } as const;
/** Wide enough for money and tonnes, narrow enough that a typo of many digits is caught. */
const MEASURE = { kind: 'decimal', min: -1e12, max: 1e12 } as const;

export const goalAdd = defineCommand({
  name: 'goal.add',
  words: ['goal', 'add'],
  area: 'goals',
  args: [{ key: 'title', placeholder: '"<title>"', value: TITLE, required: true, take: 'rest', description: 'cmd.arg.goalTitle' }],
  flags: [
    groupFlag('cmd.flag.group.goal'),
    { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"', description: 'cmd.flag.goalDue' },
    { name: 'proposal', key: 'proposal', value: ID, placeholder: '<id>', description: 'cmd.flag.goalProposal' },
  ],
  summary: 'cmd.summary.goal.add',
  detail: 'cmd.detail.goal.add',
  examples: [{ text: 'goal add "Halve the district\'s landfill waste" --due "2027-12-31" --group Waste', sample: 'cmd.sample.goal.add.0' }, { text: 'goal add "Open the new library" --proposal 7' }],
  schema: z.object({ title: text, group: text.optional(), due: text.optional(), proposal: id.optional() }),
  run: (s, c): Promise<View[]> => addGoal(s, c),
});

export const goalList = defineCommand({
  name: 'goal.list',
  words: ['goals'],
  area: 'goals',
  flags: [groupFlag('cmd.flag.group.goalFilter'), { name: 'all', key: 'all', value: { kind: 'boolean' }, description: 'cmd.flag.allGoals' }],
  summary: 'cmd.summary.goal.list',
  detail: 'cmd.detail.goal.list',
  examples: [{ text: 'goals' }, { text: 'goals --all --group Waste' }],
  schema: z.object({ group: text.optional(), all: z.boolean().default(false) }),
  run: (s, c): Promise<View[]> => listGoals(s, c),
});

export const goalShow = defineCommand({
  name: 'goal.show',
  words: ['goal', 'show'],
  area: 'goals',
  args: [goalArg],
  summary: 'cmd.summary.goal.show',
  detail: 'cmd.detail.goal.show',
  examples: [{ text: 'goal show G-2' }],
  schema: z.object({ goal: goalRefSchema }),
  run: (s, c): Promise<View[]> => showGoal(s, c.goal),
});

export const goalEdit = defineCommand({
  name: 'goal.edit',
  words: ['goal', 'edit'],
  area: 'goals',
  args: [goalArg],
  flags: [
    { name: 'title', key: 'title', value: TITLE, placeholder: '"<title>"', description: 'cmd.flag.goalTitle' },
    { name: 'due', key: 'due', value: { kind: 'text', max: 100 }, placeholder: '"<when>"|none', description: 'cmd.flag.goalDueEdit' },
  ],
  summary: 'cmd.summary.goal.edit',
  detail: 'cmd.detail.goal.edit',
  examples: [{ text: 'goal edit G-2 --due "2028-06-30"' }, { text: 'goal edit G-2 --title "Halve landfill waste" --due none' }],
  schema: z
    .object({ goal: goalRefSchema, title: text.optional(), due: text.optional() })
    .superRefine((v, ctx) => {
      if (v.title === undefined && v.due === undefined) addMsgIssue(ctx, 'cmd.error.goalEditNothing', { flags: '--title, --due' });
    }),
  run: (s, c): Promise<View[]> => editGoal(s, c),
});

const OUTCOMES = ['achieved', 'dropped'] as const;

export const goalClose = defineCommand({
  name: 'goal.close',
  words: ['goal', 'close'],
  area: 'goals',
  args: [
    goalArg,
    {
      key: 'outcome',
      placeholder: 'achieved|dropped',
      value: { kind: 'choice', values: OUTCOMES, aliases: { 'đã-đạt': 'achieved', 'đạt': 'achieved', 'bỏ': 'dropped', 'đã-bỏ': 'dropped' } },
      required: true,
      take: 'one',
      description: 'cmd.arg.goalOutcome',
    },
  ],
  flags: [{ name: 'note', key: 'note', value: { kind: 'text', max: 1000 }, placeholder: '"..."', description: 'cmd.flag.goalNote' }],
  summary: 'cmd.summary.goal.close',
  detail: 'cmd.detail.goal.close',
  examples: [{ text: 'goal close G-2 achieved --note "Down to 58 t a month"' }, { text: 'goal close G-3 dropped --note "The site was sold"' }],
  schema: z.object({ goal: goalRefSchema, outcome: z.enum(OUTCOMES), note: text.optional() }),
  run: (s, c): Promise<View[]> => closeGoal(s, c),
});

export const indicatorAdd = defineCommand({
  name: 'indicator.add',
  words: ['indicator', 'add'],
  area: 'goals',
  args: [goalArg, { key: 'indicatorName', placeholder: '"<name>"', value: { kind: 'text', max: 120 }, required: true, take: 'rest', description: 'cmd.arg.indicatorName' }],
  flags: [
    { name: 'baseline', key: 'baseline', value: MEASURE, placeholder: '<n>', required: true, description: 'cmd.flag.baseline' },
    { name: 'target', key: 'target', value: MEASURE, placeholder: '<n>', required: true, description: 'cmd.flag.target' },
    { name: 'unit', key: 'unit', value: { kind: 'text', max: 20 }, placeholder: '"<unit>"', description: 'cmd.flag.unit' },
    { name: 'owner', key: 'owner', value: { kind: 'member' }, placeholder: '@member', description: 'cmd.flag.indicatorOwner' },
    { name: 'checkin', key: 'checkin', value: { kind: 'text', max: 200 }, placeholder: 'weekly|monthly|"<RRULE>"', description: 'cmd.flag.checkin' },
    { name: 'weight', key: 'weight', value: { kind: 'decimal', min: 0.01, max: 100 }, placeholder: '<n>', description: 'cmd.flag.weight' },
  ],
  summary: 'cmd.summary.indicator.add',
  detail: 'cmd.detail.indicator.add',
  examples: [
    { text: 'indicator add G-2 "Landfill waste per month" --baseline 120 --target 60 --unit "t" --owner @lan --checkin monthly', sample: 'cmd.sample.indicator.add.0' },
    { text: 'indicator add G-2 "Households sorting waste" --baseline 10 --target 80 --unit "%" --checkin "FREQ=WEEKLY;BYDAY=FR"' },
  ],
  schema: z.object({
    goal: goalRefSchema,
    indicatorName: text,
    baseline: z.number(),
    target: z.number(),
    unit: text.optional(),
    owner: member.optional(),
    checkin: text.optional(),
    weight: z.number().optional(),
  }),
  run: (s, c): Promise<View[]> => addIndicator(s, c),
});

export const checkinCommand = defineCommand({
  name: 'checkin',
  words: ['checkin'],
  area: 'goals',
  args: [indicatorArg, { key: 'value', placeholder: '<value>', value: MEASURE, required: false, take: 'one', description: 'cmd.arg.checkinValue' }],
  flags: [
    // A button's form appends its fields as flags, so the value may come as one.
    { name: 'value', key: 'valueFlag', value: MEASURE, placeholder: '<n>', description: 'cmd.flag.checkinValue' },
    { name: 'note', key: 'note', value: { kind: 'text', max: 500 }, placeholder: '"..."', description: 'cmd.flag.checkinNote' },
    { name: 'at', key: 'at', value: { kind: 'text', max: 100 }, placeholder: '"<date>"', description: 'cmd.flag.checkinAt' },
  ],
  summary: 'cmd.summary.checkin',
  detail: 'cmd.detail.checkin',
  examples: [{ text: 'checkin I-5 104' }, { text: 'checkin I-5 97 --note "Spring clean-up included" --at "2027-03-31"', sample: 'cmd.sample.checkin.1' }],
  schema: z
    .object({ indicator: indicatorRefSchema, value: z.number().optional(), valueFlag: z.number().optional(), note: text.optional(), at: text.optional() })
    .superRefine((v, ctx) => {
      if ((v.value === undefined) === (v.valueFlag === undefined)) addMsgIssue(ctx, 'cmd.error.checkinValue', {});
    })
    .transform(({ value, valueFlag, ...rest }) => ({ ...rest, value: (value ?? valueFlag)! })),
  run: (s, c): Promise<View[]> => checkin(s, c),
});

const SHARE = { kind: 'decimal', min: 0.01, max: 1 } as const;

export const settingsGoalThresholds = defineCommand({
  name: 'settings.goal-thresholds',
  words: ['settings', 'goal-thresholds'],
  area: 'settings',
  args: [
    { key: 'atRisk', placeholder: '<share>', value: { ...SHARE, max: 0.99 }, required: true, take: 'one', description: 'cmd.arg.atRisk' },
    { key: 'offTrack', placeholder: '<share>', value: SHARE, required: true, take: 'one', description: 'cmd.arg.offTrack' },
  ],
  summary: 'cmd.summary.settings.goal-thresholds',
  detail: 'cmd.detail.settings.goal-thresholds',
  examples: [{ text: 'settings goal-thresholds 0.1 0.25' }],
  schema: z.object({ atRisk: z.number(), offTrack: z.number() }),
  run: (s, c): Promise<View[]> => setThresholds(s, c),
});

export const goalCommands = [goalList, goalAdd, goalShow, goalEdit, goalClose, indicatorAdd, checkinCommand] as const;
