// Who is asking, from where, and with which idempotency key: what an adapter hands the core with every command.
import type { Locale } from './i18n/types.js';
import type { Clock, Tx } from './ports.js';
import type { Member, Workspace } from './members/ports.js';
import type { Translator } from './i18n/index.js';

export interface CommandContext {
  /** 'console' | 'slack' | 'discord' */
  platform: string;
  workspace: { externalId: string; name: string };
  actor: {
    externalId: string;
    displayName: string;
    /**
     * The adapter answers without waiting for the member's platform profile (a Slack vote): the display name
     * is a stand-in (the handle the payload carries), which names a member seen for the first time and never
     * replaces a stored name, and no `locale` is given, so the language their profile gave last is used.
     */
    profileSkipped?: boolean;
    /** The platform's idea of the member's language, used until the member picks one. */
    locale?: Locale;
    /** Platform workspace admins may change workspace-wide settings. */
    isAdmin?: boolean;
    /** A guest account of the platform (Slack single- and multi-channel guests): an observer unless a convener adds them. */
    isGuest?: boolean;
  };
  /**
   * `membersOnly`: the platform says only the channel's members see it (a private channel), and the
   * actor, who sent the command from it, is one of them.
   */
  channel: { id: string; name?: string; membersOnly?: boolean };
  /** Derived from the platform's own event id; the same key twice has its effect once. */
  idempotencyKey: string;
}

/** What a command handler works with inside its transaction. */
export interface Session {
  tx: Tx;
  ctx: CommandContext;
  workspace: Workspace;
  actor: Member;
  locale: Locale;
  timezone: string;
  /** How many calendar months ahead a date typed in this command may lie. */
  dateHorizonMonths: number;
  now: Date;
  t: Translator;
  clock: Clock;
  /**
   * Help on a topic (or the overview) in this session's language. Help reads every command's declaration, its own
   * included, so its declaration asks the session rather than importing the table it belongs to.
   */
  help: (topic?: string) => string;
}
