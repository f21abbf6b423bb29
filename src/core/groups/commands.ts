// The `group ...` commands: create a group, join or leave it, add members, set roles, list and describe groups,
// and keep a private group private.
import { z } from 'zod';
import { groupFlag, member, NAME, optionalGroupArg, text } from '../commands/args.js';
import { MAX_ADDED } from '../commands/caps.js';
import { defineCommand, type ArgSpec } from '../commands/declare.js';
import type { View } from '../views/types.js';
import { GROUP_KINDS, ROLES } from './ports.js';
import { addMembers, createGroup, groupInfo, invite, joinGroup, leaveGroup, listGroups, setRole, setVisibility, uninvite } from './service.js';

const membersArg = (max?: number): ArgSpec => ({
  key: 'members',
  placeholder: '@member [@member...]',
  value: { kind: 'member' },
  required: true,
  take: 'many',
  ...(max === undefined ? {} : { max }),
  description: 'cmd.arg.members',
});

const targetGroup = groupFlag('cmd.flag.group.target');
const membersSchema = z.object({ members: z.array(member).min(1), group: text.optional() });
const optionalGroupSchema = z.object({ group: text.optional() });

export const groupCreate = defineCommand({
  name: 'group.create',
  words: ['group', 'create'],
  area: 'groups',
  args: [
    {
      key: 'group',
      placeholder: '"<name>"',
      value: NAME,
      required: true,
      take: 'rest',
      description: 'cmd.arg.groupName',
    },
  ],
  flags: [
    {
      name: 'kind',
      key: 'kind',
      value: { kind: 'choice', values: GROUP_KINDS },
      default: 'working-group',
      description: 'cmd.flag.kind',
    },
    { name: 'private', key: 'private', value: { kind: 'boolean' }, description: 'cmd.flag.private' },
  ],
  summary: 'cmd.summary.group.create',
  detail: 'cmd.detail.group.create',
  examples: [{ text: 'group create "Design Guild"', sample: 'cmd.sample.group.create.0' }, { text: 'group create "Budget 2026" --kind task-force', sample: 'cmd.sample.group.create.1' }],
  schema: z.object({ group: text, kind: z.enum(GROUP_KINDS).default('working-group'), private: z.boolean().default(false) }),
  run: (s, c): Promise<View[]> => createGroup(s, c),
});

export const groupJoin = defineCommand({
  name: 'group.join',
  words: ['group', 'join'],
  area: 'groups',
  args: [optionalGroupArg],
  summary: 'cmd.summary.group.join',
  detail: 'cmd.detail.group.join',
  examples: [{ text: 'group join "Design Guild"', sample: 'cmd.sample.group.join.0' }, { text: 'group join' }],
  schema: optionalGroupSchema,
  run: (s, c): Promise<View[]> => joinGroup(s, c.group),
});

export const groupLeave = defineCommand({
  name: 'group.leave',
  words: ['group', 'leave'],
  area: 'groups',
  args: [optionalGroupArg],
  summary: 'cmd.summary.group.leave',
  detail: 'cmd.detail.group.leave',
  examples: [{ text: 'group leave "Design Guild"', sample: 'cmd.sample.group.leave.0' }],
  schema: optionalGroupSchema,
  run: (s, c): Promise<View[]> => leaveGroup(s, c.group),
});

export const groupAdd = defineCommand({
  name: 'group.add',
  words: ['group', 'add'],
  area: 'groups',
  args: [membersArg(MAX_ADDED)],
  flags: [targetGroup],
  summary: 'cmd.summary.group.add',
  detail: 'cmd.detail.group.add',
  examples: [{ text: 'group add @alice @bao --group "Design Guild"', sample: 'cmd.sample.group.add.0' }],
  schema: membersSchema,
  run: (s, c): Promise<View[]> => addMembers(s, c.members, c.group),
});

export const groupRole = defineCommand({
  name: 'group.role',
  words: ['group', 'role'],
  area: 'groups',
  args: [
    {
      key: 'member',
      placeholder: '@member',
      value: { kind: 'member' },
      required: true,
      take: 'one',
      description: 'cmd.arg.member',
    },
    {
      key: 'role',
      placeholder: ROLES.join('|'),
      value: { kind: 'choice', values: ROLES },
      required: true,
      take: 'one',
      description: 'cmd.arg.role',
    },
  ],
  flags: [targetGroup],
  summary: 'cmd.summary.group.role',
  detail: 'cmd.detail.group.role',
  examples: [{ text: 'group role @alice convener --group "Design Guild"', sample: 'cmd.sample.group.role.0' }],
  schema: z.object({ member, role: z.enum(ROLES), group: text.optional() }),
  run: (s, c): Promise<View[]> => setRole(s, c.member, c.role, c.group),
});

export const groupList = defineCommand({
  name: 'group.list',
  words: ['group', 'list'],
  area: 'groups',
  summary: 'cmd.summary.group.list',
  detail: 'cmd.detail.group.list',
  examples: [{ text: 'group list' }],
  schema: z.object({}),
  run: (s): Promise<View[]> => listGroups(s),
});

export const groupInfoCommand = defineCommand({
  name: 'group.info',
  words: ['group', 'info'],
  area: 'groups',
  args: [optionalGroupArg],
  summary: 'cmd.summary.group.info',
  detail: 'cmd.detail.group.info',
  examples: [{ text: 'group info "Design Guild"', sample: 'cmd.sample.group.info.0' }],
  schema: optionalGroupSchema,
  run: (s, c): Promise<View[]> => groupInfo(s, c.group),
});

export const groupVisibility = defineCommand({
  name: 'group.visibility',
  words: ['group', 'visibility'],
  area: 'groups',
  args: [
    {
      key: 'visibility',
      placeholder: 'open|private',
      value: { kind: 'choice', values: ['open', 'private'] },
      required: true,
      take: 'one',
      description: 'cmd.arg.visibility',
    },
  ],
  flags: [targetGroup],
  summary: 'cmd.summary.group.visibility',
  detail: 'cmd.detail.group.visibility',
  examples: [{ text: 'group visibility private --group "HR Committee"' }],
  schema: z.object({ visibility: z.enum(['open', 'private']), group: text.optional() }),
  run: (s, c): Promise<View[]> => setVisibility(s, c.visibility, c.group),
});

export const groupInvite = defineCommand({
  name: 'group.invite',
  words: ['group', 'invite'],
  area: 'groups',
  args: [membersArg()],
  flags: [targetGroup],
  summary: 'cmd.summary.group.invite',
  detail: 'cmd.detail.group.invite',
  examples: [{ text: 'group invite @lan @minh --group "HR Committee"' }],
  schema: membersSchema,
  run: (s, c): Promise<View[]> => invite(s, c.members, c.group),
});

export const groupUninvite = defineCommand({
  name: 'group.uninvite',
  words: ['group', 'uninvite'],
  area: 'groups',
  args: [membersArg()],
  flags: [targetGroup],
  summary: 'cmd.summary.group.uninvite',
  detail: 'cmd.detail.group.uninvite',
  examples: [{ text: 'group uninvite @minh --group "HR Committee"' }],
  schema: membersSchema,
  run: (s, c): Promise<View[]> => uninvite(s, c.members, c.group),
});

export const groupCommands = [
  groupCreate,
  groupJoin,
  groupLeave,
  groupAdd,
  groupRole,
  groupList,
  groupInfoCommand,
  groupVisibility,
  groupInvite,
  groupUninvite,
] as const;
