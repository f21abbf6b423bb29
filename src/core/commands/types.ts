// The command language as data: what a parsed `/concord ...` line means, before any database work.
import type { Msg } from '../i18n/types.js';
import type { DeclaredCommand } from '../features.js';
import type { GroupKind, Role } from '../groups/ports.js';

/** A member as written on the command line: `@alice`, `alice`, or a Slack mention `<@U123|alice>`. */
export type MemberRef = string;

// Group kinds, roles and result hiding are domain values; the grammar names them.
export { GROUP_KINDS, ROLES, type GroupKind, type Role } from '../groups/ports.js';
export { HIDE_RESULTS, type HideResults } from '../proposals/ports.js';

/** Commands not yet declared in their feature's `commands.ts`. */
type UndeclaredCommand =
  | { name: 'help'; topic?: string }
  | { name: 'group.create'; group: string; kind: GroupKind; private: boolean }
  | { name: 'group.join'; group?: string }
  | { name: 'group.leave'; group?: string }
  | { name: 'group.add'; members: MemberRef[]; group?: string }
  | { name: 'group.role'; member: MemberRef; role: Role; group?: string }
  | { name: 'group.list' }
  | { name: 'group.info'; group?: string }
  | { name: 'group.visibility'; visibility: 'open' | 'private'; group?: string }
  | { name: 'group.invite'; members: MemberRef[]; group?: string }
  | { name: 'group.uninvite'; members: MemberRef[]; group?: string }
  | { name: 'mediate'; parties: MemberRef[]; topic: string; mediator?: MemberRef; group?: string; confidential: boolean; proposal?: number }
  /** `dispute` is omitted inside the dispute's private space, where it is implied. */
  | { name: 'mediation.next'; dispute?: number }
  | { name: 'mediation.note'; dispute?: number; text: string }
  | { name: 'mediation.caucus'; dispute?: number; member: MemberRef; text?: string }
  | { name: 'mediation.pause'; dispute?: number }
  | { name: 'mediation.resume'; dispute?: number }
  | { name: 'mediation.propose'; dispute?: number; terms: string }
  | { name: 'mediation.accept'; dispute?: number }
  | { name: 'mediation.decline'; dispute?: number; reason?: string }
  | { name: 'mediation.close'; dispute?: number; outcome: 'resolved' | 'partial' | 'unresolved' | 'escalated'; summary?: string; to?: string }
  | { name: 'mediation.list' }
  | { name: 'mediation.show'; dispute?: number };

export type Command = UndeclaredCommand | DeclaredCommand;

export type CommandName = Command['name'];

export type ParseResult = { ok: true; command: Command } | { ok: false; error: Msg; usage?: string };
