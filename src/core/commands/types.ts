// The command language as data: what a parsed `/concord ...` line means, before any database work.
import type { Msg } from '../i18n/types.js';
import type { DeclaredCommand } from '../features.js';

// Group kinds, roles and result hiding are domain values; the grammar names them.
export { GROUP_KINDS, ROLES, type GroupKind, type Role } from '../groups/ports.js';
export { HIDE_RESULTS, type HideResults } from '../proposals/ports.js';

/** A parsed command: one of the declared commands (src/core/features.ts), with its fields. */
export type Command = DeclaredCommand;

export type CommandName = Command['name'];

export type ParseResult = { ok: true; command: Command } | { ok: false; error: Msg; usage?: string };
