// The command language as data: what a parsed `/concord ...` line means, before any database work.
import type { Fraction, RuleName, TieMode } from '../proposals/rules/types.js';
import type { Msg } from '../i18n/types.js';
import type { GroupKind, Role } from '../groups/ports.js';
import type { HideResults } from '../proposals/ports.js';

/** A member as written on the command line: `@alice`, `alice`, or a Slack mention `<@U123|alice>`. */
export type MemberRef = string;

// Group kinds, roles and result hiding are domain values; the grammar names them.
export { GROUP_KINDS, ROLES, type GroupKind, type Role } from '../groups/ports.js';
export { HIDE_RESULTS, type HideResults } from '../proposals/ports.js';

export type Command =
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
  | {
      name: 'propose';
      title: string;
      body?: string;
      group?: string;
      rule: RuleName;
      options: string[];
      quorum?: Fraction;
      threshold?: Fraction;
      /** Raw date text, resolved in the member's time zone by the service. */
      closes?: string;
      anonymous: boolean;
      hideResults: HideResults;
      decider?: MemberRef;
      dots?: number;
      minMean?: number;
      /** Ranked choice only: how a tie for fewest votes is settled (default: the group's setting). */
      ties?: TieMode;
    }
  /** `choice` is the raw ballot text ("agree", "B>A>C", "A=5 B=2", "A,C", "4"); the service validates it against the rule. */
  | { name: 'vote'; proposal: number; choice: string; reason?: string }
  | { name: 'proposal.show'; proposal: number }
  | { name: 'proposal.list'; all: boolean }
  | { name: 'close'; proposal: number }
  | { name: 'withdraw'; proposal: number }
  | { name: 'outcome'; proposal: number; statement: string; review?: string }
  | { name: 'decisions'; group?: string }
  | { name: 'audit'; limit: number }
  | { name: 'audit.verify'; receipt?: string }
  | { name: 'settings.show' }
  | { name: 'settings.locale'; locale: 'en' | 'vi'; scope: 'me' | 'workspace' }
  | { name: 'settings.timezone'; timezone: string; scope: 'me' | 'workspace' }
  | { name: 'settings.reminder'; hours: number }
  | { name: 'settings.groupCreation'; policy: 'anyone' | 'admins' }
  | {
      name: 'commit';
      what: string;
      /** Raw date text, resolved in the member's time zone by the service. */
      due: string;
      owners: MemberRef[];
      group?: string;
      proposal?: number;
      /** Reminder offsets such as "3d,1d,2h"; "none" turns reminders off for this commitment. */
      remind?: string;
    }
  | { name: 'commitment.list'; filter: 'open' | 'mine' | 'overdue' | 'all'; group?: string }
  | { name: 'commitment.show'; commitment: number }
  | { name: 'commitment.accept'; commitment: number }
  | { name: 'commitment.decline'; commitment: number }
  | { name: 'commitment.stats'; group?: string }
  | { name: 'done'; commitment: number; note?: string }
  | { name: 'extend'; commitment: number; due: string; reason: string }
  | { name: 'blocked'; commitment: number; reason: string }
  | { name: 'cancel'; commitment: number }
  | { name: 'settings.reminders'; offsets: string; group?: string }
  | { name: 'settings.quiet'; from: number; to: number }
  | { name: 'settings.digest'; day: string; hour?: number; group?: string }
  | { name: 'settings.ties'; ties: TieMode; group?: string }
  | { name: 'settings.digest-empty'; mode: 'post' | 'skip'; group?: string }
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

export type CommandName = Command['name'];

export type ParseResult = { ok: true; command: Command } | { ok: false; error: Msg; usage?: string };
