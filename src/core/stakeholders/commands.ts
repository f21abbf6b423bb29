// The stakeholder register's commands: add, rate, list, show, edit, remove and link stakeholders.
import { z } from 'zod';
import { groupFlag, member, numberedRef, text } from '../commands/args.js';
import { defineCommand, type ArgSpec, type FlagSpec } from '../commands/declare.js';
import type { CommandMessageKey } from '../commands/messages.js';
import { addMsgIssue } from '../commands/values.js';
import type { View } from '../views/types.js';
import { LINK_TYPES, SECTORS, STAKEHOLDER_KINDS, type LinkType, type Sector, type StakeholderKind } from './ports.js';
import { addStakeholder, CLEARABLE, editStakeholder, type ClearableDetail, linkStakeholders, listStakeholders, rateStakeholder, removeStakeholder, showStakeholder } from './service.js';

/** A stakeholder as typed (`S-3`, `s-3`, `S3` or `3`), checked and turned into its number. */
export const stakeholderRef = (field: string) => numberedRef('s', 'cmd.error.badStakeholder', field);

const refArg = (key: string, description: 'cmd.arg.stakeholder' | 'cmd.arg.stakeholderOther'): ArgSpec => ({
  key,
  placeholder: 'S-<n>',
  value: { kind: 'text', max: 20 },
  required: true,
  take: 'one',
  description,
});

const KIND_ALIASES = { 'tổ-chức': 'organisation', organization: 'organisation', 'cá-nhân': 'person', 'cộng-đồng': 'community' } as const;
export const SECTOR_ALIASES = {
  'nhà-nước': 'government',
  'chính-phủ': 'government',
  'phi-lợi-nhuận': 'nonprofit',
  'doanh-nghiệp': 'business',
  'cộng-đồng': 'community',
  'học-thuật': 'academia',
  khác: 'other',
} as const;
const TYPE_ALIASES = { 'tài-trợ': 'funds', 'quản-lý': 'regulates', 'hợp-tác': 'partners', 'đại-diện': 'represents', 'phục-vụ': 'serves' } as const;

const kindFlag = (required: boolean): FlagSpec => ({
  name: 'kind',
  key: 'kind',
  value: { kind: 'choice', values: STAKEHOLDER_KINDS, aliases: KIND_ALIASES },
  ...(required ? { required } : {}),
  description: 'cmd.flag.stakeholderKind',
});
const sectorFlag = (required: boolean): FlagSpec => ({
  name: 'sector',
  key: 'sector',
  value: { kind: 'choice', values: SECTORS, aliases: SECTOR_ALIASES },
  ...(required ? { required } : {}),
  description: 'cmd.flag.sector',
});
const contactFlag: FlagSpec = { name: 'contact', key: 'contact', value: { kind: 'member' }, placeholder: '@member', description: 'cmd.flag.contact' };
const noteFlag: FlagSpec = { name: 'note', key: 'note', value: { kind: 'text', max: 1000 }, placeholder: '"..."', description: 'cmd.flag.stakeholderNote' };
const STAKEHOLDER_NAME = { kind: 'text', max: 120 } as const;
const SCORE = { kind: 'integer', min: 1, max: 5 } as const;
const scoreFlag = (name: 'power' | 'interest' | 'legitimacy' | 'urgency', description: CommandMessageKey, required: boolean): FlagSpec => ({
  name,
  key: name,
  value: SCORE,
  placeholder: '1-5',
  ...(required ? { required } : {}),
  description,
});

/** `group,contact`: the details `stakeholder edit --clear` takes away, each named once. */
const clearList = z.string().transform((raw, ctx) => {
  const list = [...new Set(raw.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x !== ''))];
  const wrong = list.find((x) => !(CLEARABLE as readonly string[]).includes(x));
  if (wrong !== undefined || list.length === 0) {
    addMsgIssue(ctx, 'cmd.error.stakeholderClear', { given: raw, allowed: CLEARABLE.join(', ') });
    return z.NEVER;
  }
  return list as ClearableDetail[];
});

const kind = z.enum(STAKEHOLDER_KINDS) as z.ZodType<StakeholderKind>;
const sector = z.enum(SECTORS) as z.ZodType<Sector>;
const score = z.number().int().min(1).max(5);

export const stakeholderAdd = defineCommand({
  name: 'stakeholder.add',
  words: ['stakeholder', 'add'],
  area: 'stakeholders',
  // Not `name`: that field of a command holds the command's own name.
  args: [{ key: 'stakeholderName', placeholder: '"<name>"', value: STAKEHOLDER_NAME, required: true, take: 'rest', description: 'cmd.arg.stakeholderName' }],
  flags: [kindFlag(true), sectorFlag(true), groupFlag('cmd.flag.group.stakeholder'), contactFlag, noteFlag],
  summary: 'cmd.summary.stakeholder.add',
  detail: 'cmd.detail.stakeholder.add',
  examples: [
    { text: 'stakeholder add "City Council" --kind organisation --sector government', sample: 'cmd.sample.stakeholder.add.0' },
    { text: 'stakeholder add "Riverside Residents" --kind community --sector community --group Budget --contact @lan --note "Meets monthly"', sample: 'cmd.sample.stakeholder.add.1' },
  ],
  schema: z.object({ stakeholderName: text, kind, sector, group: text.optional(), contact: member.optional(), note: text.optional() }),
  run: (s, { name: _command, stakeholderName, ...c }): Promise<View[]> => addStakeholder(s, { ...c, name: stakeholderName }),
});

export const stakeholderRate = defineCommand({
  name: 'stakeholder.rate',
  words: ['stakeholder', 'rate'],
  area: 'stakeholders',
  args: [refArg('stakeholder', 'cmd.arg.stakeholder')],
  flags: [
    scoreFlag('power', 'cmd.flag.power', true),
    scoreFlag('interest', 'cmd.flag.interest', true),
    scoreFlag('legitimacy', 'cmd.flag.legitimacy', false),
    scoreFlag('urgency', 'cmd.flag.urgency', false),
  ],
  summary: 'cmd.summary.stakeholder.rate',
  detail: 'cmd.detail.stakeholder.rate',
  examples: [{ text: 'stakeholder rate S-3 --power 5 --interest 2' }, { text: 'stakeholder rate S-3 --power 4 --interest 4 --legitimacy 5 --urgency 2' }],
  schema: z.object({ stakeholder: stakeholderRef('S-<n>'), power: score, interest: score, legitimacy: score.optional(), urgency: score.optional() }),
  run: (s, c): Promise<View[]> => rateStakeholder(s, c),
});

export const stakeholderList = defineCommand({
  name: 'stakeholder.list',
  words: ['stakeholders'],
  area: 'stakeholders',
  flags: [groupFlag('cmd.flag.group.stakeholderFilter'), { name: 'map', key: 'map', value: { kind: 'boolean' }, description: 'cmd.flag.stakeholderMap' }],
  summary: 'cmd.summary.stakeholder.list',
  detail: 'cmd.detail.stakeholder.list',
  examples: [
    { text: 'stakeholders' },
    { text: 'stakeholders --group Budget', sample: 'cmd.sample.stakeholder.list.1' },
    { text: 'stakeholders --group Budget --map', sample: 'cmd.sample.stakeholder.list.2' },
  ],
  schema: z.object({ group: text.optional(), map: z.boolean().optional() }),
  run: (s, c): Promise<View[]> => listStakeholders(s, c.group, c.map === true),
});

export const stakeholderShow = defineCommand({
  name: 'stakeholder.show',
  words: ['stakeholder', 'show'],
  area: 'stakeholders',
  args: [refArg('stakeholder', 'cmd.arg.stakeholder')],
  summary: 'cmd.summary.stakeholder.show',
  detail: 'cmd.detail.stakeholder.show',
  examples: [{ text: 'stakeholder show S-3' }],
  schema: z.object({ stakeholder: stakeholderRef('S-<n>') }),
  run: (s, c): Promise<View[]> => showStakeholder(s, c.stakeholder),
});

export const stakeholderEdit = defineCommand({
  name: 'stakeholder.edit',
  words: ['stakeholder', 'edit'],
  area: 'stakeholders',
  args: [refArg('stakeholder', 'cmd.arg.stakeholder')],
  flags: [
    { name: 'name', key: 'newName', value: STAKEHOLDER_NAME, placeholder: '"<name>"', description: 'cmd.flag.stakeholderName' },
    kindFlag(false),
    sectorFlag(false),
    groupFlag('cmd.flag.group.stakeholder'),
    contactFlag,
    noteFlag,
    { name: 'clear', key: 'clear', value: { kind: 'text', max: 40 }, placeholder: 'group,contact,note', description: 'cmd.flag.stakeholderClear' },
  ],
  summary: 'cmd.summary.stakeholder.edit',
  detail: 'cmd.detail.stakeholder.edit',
  examples: [
    { text: 'stakeholder edit S-3 --sector nonprofit --note "Now a foundation"', sample: 'cmd.sample.stakeholder.edit.0' },
    { text: 'stakeholder edit S-3 --name "City Council of Hue" --contact @minh', sample: 'cmd.sample.stakeholder.edit.1' },
    { text: 'stakeholder edit S-3 --clear group,note' },
  ],
  schema: z
    .object({
      stakeholder: stakeholderRef('S-<n>'),
      newName: text.optional(),
      kind: kind.optional(),
      sector: sector.optional(),
      group: text.optional(),
      contact: member.optional(),
      note: text.optional(),
      clear: clearList.optional(),
    })
    .superRefine((v, ctx) => {
      if ([v.newName, v.kind, v.sector, v.group, v.contact, v.note, v.clear].every((x) => x === undefined)) {
        addMsgIssue(ctx, 'cmd.error.stakeholderEditNothing', { flags: '--name, --kind, --sector, --group, --contact, --note, --clear' });
      }
    }),
  run: (s, { name: _command, newName, ...c }): Promise<View[]> => editStakeholder(s, { ...c, ...(newName !== undefined ? { name: newName } : {}) }),
});

export const stakeholderRemove = defineCommand({
  name: 'stakeholder.remove',
  words: ['stakeholder', 'remove'],
  area: 'stakeholders',
  args: [refArg('stakeholder', 'cmd.arg.stakeholder')],
  summary: 'cmd.summary.stakeholder.remove',
  detail: 'cmd.detail.stakeholder.remove',
  examples: [{ text: 'stakeholder remove S-3' }],
  schema: z.object({ stakeholder: stakeholderRef('S-<n>') }),
  run: (s, c): Promise<View[]> => removeStakeholder(s, c.stakeholder),
});

export const stakeholderLink = defineCommand({
  name: 'stakeholder.link',
  words: ['stakeholder', 'link'],
  area: 'stakeholders',
  args: [refArg('stakeholder', 'cmd.arg.stakeholder'), refArg('other', 'cmd.arg.stakeholderOther')],
  flags: [
    { name: 'type', key: 'type', value: { kind: 'choice', values: LINK_TYPES, aliases: TYPE_ALIASES }, required: true, description: 'cmd.flag.linkType' },
    { name: 'source', key: 'source', value: { kind: 'text', max: 500 }, placeholder: '"<url or note>"', description: 'cmd.flag.linkSource' },
  ],
  summary: 'cmd.summary.stakeholder.link',
  detail: 'cmd.detail.stakeholder.link',
  examples: [
    { text: 'stakeholder link S-3 S-5 --type funds' },
    { text: 'stakeholder link S-2 S-4 --type represents --source "https://example.org/members"', sample: 'cmd.sample.stakeholder.link.1' },
  ],
  schema: z.object({
    stakeholder: stakeholderRef('S-<n>'),
    other: stakeholderRef('S-<n>'),
    type: z.enum(LINK_TYPES) as z.ZodType<LinkType>,
    source: text.optional(),
  }),
  run: (s, c): Promise<View[]> => linkStakeholders(s, c),
});

export const stakeholderCommands = [stakeholderList, stakeholderAdd, stakeholderRate, stakeholderShow, stakeholderEdit, stakeholderRemove, stakeholderLink] as const;
