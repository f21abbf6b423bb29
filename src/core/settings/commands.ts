// The `settings ...` commands: language, time zone, reminders, quiet hours, digests, ties, who may create groups and
// the smallest count of members' declarations shown.
import { z } from 'zod';
import { TIE_MODES } from '../proposals/rules/types.js';
import { groupFlag, text, workspaceFlag } from '../commands/args.js';
import { defineCommand } from '../commands/declare.js';
import { setDigest, setDigestEmpty, setQuiet, setReminders } from '../commitments/service.js';
import { settingsMinCell, settingsThreshold } from '../inclusion/commands.js';
import { setGroupTies } from '../proposals/ties.js';
import { setGroupCreation, setLocale, setReminderHours, setTimezone, showSettings } from '../settings.js';
import type { View } from '../views/types.js';

const scope = (workspace: boolean) => (workspace ? ('workspace' as const) : ('me' as const));

export const settingsShow = defineCommand({
  name: 'settings.show',
  words: ['settings'],
  area: 'settings',
  summary: 'cmd.summary.settings.show',
  detail: 'cmd.detail.settings.show',
  examples: [{ text: 'settings' }],
  schema: z.object({}),
  run: (s): Promise<View[]> => showSettings(s),
});

export const settingsLocale = defineCommand({
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
  schema: z
    .object({ locale: z.enum(['en', 'vi']), workspace: z.boolean().default(false) })
    .transform((v) => ({ locale: v.locale, scope: scope(v.workspace) })),
  run: (s, c): Promise<View[]> => setLocale(s, c),
});

export const settingsTimezone = defineCommand({
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
  schema: z
    .object({ timezone: text, workspace: z.boolean().default(false) })
    .transform((v) => ({ timezone: v.timezone, scope: scope(v.workspace) })),
  run: (s, c): Promise<View[]> => setTimezone(s, c),
});

export const settingsReminder = defineCommand({
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
  schema: z.object({ hours: z.number().int() }),
  run: (s, c): Promise<View[]> => setReminderHours(s, c.hours),
});

export const settingsReminders = defineCommand({
  name: 'settings.reminders',
  words: ['settings', 'reminders'],
  area: 'settings',
  args: [{ key: 'offsets', placeholder: '"3d,1d,2h"|none', value: { kind: 'text', max: 100 }, required: true, take: 'rest', description: 'cmd.arg.offsets' }],
  flags: [groupFlag('cmd.flag.group.settings')],
  summary: 'cmd.summary.settings.reminders',
  detail: 'cmd.detail.settings.reminders',
  examples: [{ text: 'settings reminders "3d,1d,2h"' }, { text: 'settings reminders "1w,1d" --group Budget', sample: 'cmd.sample.settings.reminders.1' }],
  schema: z.object({ offsets: text, group: text.optional() }),
  run: (s, c): Promise<View[]> => setReminders(s, c.offsets, c.group),
});

export const settingsQuiet = defineCommand({
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
  schema: z.object({ from: z.number().int(), to: z.number().int() }),
  run: (s, c): Promise<View[]> => setQuiet(s, c.from, c.to),
});

export const settingsDigest = defineCommand({
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
  schema: z.object({ day: text, hour: z.number().int().optional(), group: text.optional() }),
  run: (s, c): Promise<View[]> => setDigest(s, c.day, c.hour, c.group),
});

export const settingsTies = defineCommand({
  name: 'settings.ties',
  words: ['settings', 'ties'],
  area: 'settings',
  args: [{ key: 'ties', placeholder: 'lot|batch', value: { kind: 'choice', values: TIE_MODES }, required: true, take: 'one', description: 'cmd.arg.ties' }],
  flags: [groupFlag('cmd.flag.group.ties')],
  summary: 'cmd.summary.settings.ties',
  detail: 'cmd.detail.settings.ties',
  examples: [{ text: 'settings ties batch --group Budget' }, { text: 'settings ties lot' }],
  schema: z.object({ ties: z.enum(TIE_MODES), group: text.optional() }),
  run: (s, c): Promise<View[]> => setGroupTies(s, c),
});

export const settingsDigestEmpty = defineCommand({
  name: 'settings.digest-empty',
  words: ['settings', 'digest-empty'],
  area: 'settings',
  args: [{ key: 'mode', placeholder: 'post|skip', value: { kind: 'choice', values: ['post', 'skip'] }, required: true, take: 'one', description: 'cmd.arg.digestEmpty' }],
  flags: [groupFlag('cmd.flag.group.digest')],
  summary: 'cmd.summary.settings.digest-empty',
  detail: 'cmd.detail.settings.digest-empty',
  examples: [{ text: 'settings digest-empty post --group Budget' }],
  schema: z.object({ mode: z.enum(['post', 'skip']), group: text.optional() }),
  run: (s, c): Promise<View[]> => setDigestEmpty(s, c.mode, c.group),
});

export const settingsGroupCreation = defineCommand({
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
  schema: z.object({ policy: z.enum(['anyone', 'admins']) }),
  run: (s, c): Promise<View[]> => setGroupCreation(s, c.policy),
});

export const settingsCommands = [
  settingsShow,
  settingsLocale,
  settingsTimezone,
  settingsReminder,
  settingsReminders,
  settingsQuiet,
  settingsDigest,
  settingsTies,
  settingsDigestEmpty,
  settingsGroupCreation,
  settingsMinCell,
  settingsThreshold,
] as const;
