// Arguments, flags and field schemas that several features' commands share.
import { z } from 'zod';
import type { Fraction } from '../proposals/rules/types.js';
import type { ArgSpec, FlagSpec } from './declare.js';
import type { CommandMessageKey } from './messages.js';
import { addMsgIssue } from './values.js';

/**
 * A numbered thing as members type it: `S-3`, `s-3`, `S3`, `#3` or `3` for prefix `s`; its number, or `error` with the
 * field's placeholder and what was given.
 */
export function numberedRef(prefix: string, error: CommandMessageKey, field: string) {
  const pattern = new RegExp(`^(?:${prefix}-?)?#?(\\d{1,9})$`, 'i');
  return z.string().transform((raw, ctx) => {
    const match = pattern.exec(raw.trim());
    const n = match ? Number(match[1]) : 0;
    if (n >= 1) return n;
    addMsgIssue(ctx, error, { field, given: raw });
    return z.NEVER;
  });
}

export const NAME = { kind: 'text', max: 60 } as const;
export const ID = { kind: 'proposal' } as const;

export const groupFlag = (description: CommandMessageKey): FlagSpec => ({
  name: 'group',
  key: 'group',
  value: NAME,
  placeholder: '<name>',
  description,
});

export const optionalGroupArg: ArgSpec = {
  key: 'group',
  placeholder: '[<name>]',
  value: NAME,
  required: false,
  take: 'rest',
  description: 'cmd.arg.groupOptional',
};

export const proposalArg: ArgSpec = {
  key: 'proposal',
  placeholder: '<id>',
  value: ID,
  required: true,
  take: 'one',
  description: 'cmd.arg.proposal',
};

export const commitmentArg: ArgSpec = {
  key: 'commitment',
  placeholder: '<id>',
  value: ID,
  required: true,
  take: 'one',
  description: 'cmd.arg.commitment',
};

export const disputeArg: ArgSpec = {
  key: 'dispute',
  placeholder: '[<id>]',
  value: ID,
  required: false,
  take: 'id',
  description: 'cmd.arg.dispute',
};

export const workspaceFlag: FlagSpec = {
  name: 'workspace',
  key: 'workspace',
  value: { kind: 'boolean' },
  description: 'cmd.flag.workspace',
};

/** Field schemas for the values the parser has already checked and converted. */
export const text = z.string();
export const id = z.number().int().positive();
export const member = z.string().min(1);
export const fraction: z.ZodType<Fraction> = z.object({ num: z.number(), den: z.number().positive() });
