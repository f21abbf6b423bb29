// `profile`: what a member declares about themselves; `settings inclusion-min-cell`, the smallest count of members'
// declarations shown; `inclusion`, participation by sector; `settings inclusion-threshold`, when a sector is invited.
import { z } from 'zod';
import { groupFlag, ID } from '../commands/args.js';
import { defineCommand } from '../commands/declare.js';
import { addMsgIssue } from '../commands/values.js';
import { SECTOR_ALIASES, stakeholderRef } from '../stakeholders/commands.js';
import { SECTORS, type Sector } from '../stakeholders/ports.js';
import type { View } from '../views/types.js';
import { MIN_CELL, THRESHOLD } from './participation.js';
import { inclusionReport, setThreshold } from './report.js';
import { profile, setMinCell } from './service.js';

/** Identity categories: at most this many, each at most this long. */
export const IDENTITY = { count: 5, length: 40 } as const;

/** `"a|b"`: trimmed, empty ones dropped, at most five, each short, none the same as another whatever its case. */
const identities = z.string().transform((raw, ctx) => {
  const list = raw
    .split('|')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  if (list.length > IDENTITY.count) {
    addMsgIssue(ctx, 'cmd.error.identityTooMany', { count: list.length, max: IDENTITY.count });
    return z.NEVER;
  }
  const long = list.find((x) => [...x].length > IDENTITY.length);
  if (long !== undefined) {
    addMsgIssue(ctx, 'cmd.error.identityTooLong', { category: long, max: IDENTITY.length });
    return z.NEVER;
  }
  const seen = new Set<string>();
  for (const x of list) {
    const key = x.toLocaleLowerCase();
    if (seen.has(key)) {
      addMsgIssue(ctx, 'cmd.error.identityTwice', { category: x });
      return z.NEVER;
    }
    seen.add(key);
  }
  return list;
});

export const profileCommand = defineCommand({
  name: 'profile',
  words: ['profile'],
  area: 'stakeholders',
  flags: [
    { name: 'sector', key: 'sector', value: { kind: 'choice', values: SECTORS, aliases: SECTOR_ALIASES }, description: 'cmd.flag.profileSector' },
    { name: 'represents', key: 'represents', value: { kind: 'text', max: 20 }, placeholder: 'S-<n>', description: 'cmd.flag.represents' },
    { name: 'identity', key: 'identity', value: { kind: 'text', max: 300 }, placeholder: '"<category>|<category>"', description: 'cmd.flag.identity' },
    { name: 'clear', key: 'clear', value: { kind: 'boolean' }, description: 'cmd.flag.profileClear' },
  ],
  summary: 'cmd.summary.profile',
  detail: 'cmd.detail.profile',
  examples: [
    { text: 'profile' },
    { text: 'profile --sector community --represents S-3', sample: 'cmd.sample.profile.1' },
    { text: 'profile --identity "young people|first-time voters"', sample: 'cmd.sample.profile.2' },
    { text: 'profile --clear' },
  ],
  schema: z.object({
    sector: (z.enum(SECTORS) as z.ZodType<Sector>).optional(),
    represents: stakeholderRef('S-<n>').optional(),
    identity: identities.optional(),
    clear: z.boolean().default(false),
  }),
  run: (s, c): Promise<View[]> => profile(s, { sector: c.sector, represents: c.represents, identities: c.identity, clear: c.clear }),
});

export const settingsMinCell = defineCommand({
  name: 'settings.inclusion-min-cell',
  words: ['settings', 'inclusion-min-cell'],
  area: 'settings',
  args: [{ key: 'minCell', placeholder: '<count>', value: { kind: 'integer', min: MIN_CELL.min, max: MIN_CELL.max }, required: true, take: 'one', description: 'cmd.arg.minCell' }],
  summary: 'cmd.summary.settings.inclusion-min-cell',
  detail: 'cmd.detail.settings.inclusion-min-cell',
  examples: [{ text: 'settings inclusion-min-cell 5' }, { text: 'settings inclusion-min-cell 10' }],
  schema: z.object({ minCell: z.number().int() }),
  run: (s, c): Promise<View[]> => setMinCell(s, c.minCell),
});

export const settingsThreshold = defineCommand({
  name: 'settings.inclusion-threshold',
  words: ['settings', 'inclusion-threshold'],
  area: 'settings',
  args: [
    { key: 'ratio', placeholder: '<0.1–1>', value: { kind: 'decimal', min: THRESHOLD.min, max: THRESHOLD.max }, required: true, take: 'one', description: 'cmd.arg.threshold' },
  ],
  summary: 'cmd.summary.settings.inclusion-threshold',
  detail: 'cmd.detail.settings.inclusion-threshold',
  examples: [{ text: 'settings inclusion-threshold 0.6' }, { text: 'settings inclusion-threshold 0.8' }],
  schema: z.object({ ratio: z.number() }),
  run: (s, c): Promise<View[]> => setThreshold(s, c.ratio),
});

export const inclusionCommand = defineCommand({
  name: 'inclusion',
  words: ['inclusion'],
  area: 'stakeholders',
  args: [{ key: 'proposal', placeholder: '[<id>]', value: ID, required: false, take: 'id', description: 'cmd.arg.inclusionProposal' }],
  flags: [groupFlag('cmd.flag.inclusionGroup'), { name: 'since', key: 'since', value: { kind: 'text', max: 60 }, placeholder: '<date>', description: 'cmd.flag.since' }],
  summary: 'cmd.summary.inclusion',
  detail: 'cmd.detail.inclusion',
  examples: [{ text: 'inclusion 7' }, { text: 'inclusion --group "Budget" --since 2026-01-01', sample: 'cmd.sample.inclusion.1' }],
  schema: z.object({ proposal: z.number().int().positive().optional(), group: z.string().optional(), since: z.string().optional() }),
  run: (s, c): Promise<View[]> => inclusionReport(s, { proposal: c.proposal, group: c.group, since: c.since }),
});

export const profileCommands = [profileCommand, inclusionCommand] as const;
