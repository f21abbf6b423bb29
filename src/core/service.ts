// The core's front door: one command line in, one transaction, a translated reply out. Jobs run through core/jobs, deliveries are told to core/delivery.
import { randomUUID } from 'node:crypto';
import { helpText, localizePlaceholders, parseCommand, parseErrorText } from './commands/index.js';
import type { Command } from './commands/types.js';
import type { CommandContext, Session } from './context.js';
import { DomainError } from './errors.js';
import { translate, translator } from './i18n/index.js';
import type { Locale, Msg } from './i18n/types.js';
import type { Clock, Store, Tx } from './ports.js';
import { runDeclared } from './features.js';
import { Batches, Gates } from './gates.js';
import { voteTogether } from './proposals/service.js';
import { notice, type View } from './views/types.js';
import { commandCost, RateLimiter, type RateLimits } from './limits.js';
import { DEFAULT_DATE_HORIZON_MONTHS } from './time.js';
import { readBallotForm, readGroups, readHome, readMyCommitments, readProposals, type BallotForm, type CommitmentEntry, type GroupEntry, type HomeData, type ProposalEntry } from './queries.js';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Reply {
  ok: boolean;
  locale: Locale;
  views: View[];
  /** Set for unexpected failures: quote it when reporting a problem. */
  errorId?: string;
  /** True when the idempotency key had been seen: this is the first reply, replayed. */
  replayed?: boolean;
}

export interface CoreOptions {
  store: Store;
  clock: Clock;
  logger: Logger;
  defaults: { locale: Locale; timezone: string; reminderHours: number };
  /** How many calendar months ahead a typed date may lie; DEFAULT_DATE_HORIZON_MONTHS when omitted. */
  dateHorizonMonths?: number;
  /** Per-member and per-workspace command rates; null turns the limits off. */
  rateLimits?: RateLimits | null;
}

/** One batch of votes holding the workspace lock and one ready to take it next (see Gates). */
const VOTES_IN_FLIGHT_PER_WORKSPACE = 2;

/** The most votes one transaction stores: a batch's statement stays well under a second however long the queue. */
const VOTES_PER_BATCH = 500;

/** Whole-chain verifications at once in this process: each hashes every entry, and they queue rather than share the CPU. */
const VERIFIES_IN_FLIGHT = 1;

/** How many members' last reply language the rate limiter remembers, to refuse in their language without a query. */
const REMEMBERED_LOCALES = 10_000;

/** The idempotency key was used before: the first reply is replayed and this attempt rolled back. */
class AlreadyApplied extends Error {
  constructor(readonly workspaceId: number) {
    super('command already applied');
  }
}

/** A command as the log may show it: its name and the numbers it names (proposal, commitment, mediation), no text. */
export function loggableCommand(command: Command): Record<string, unknown> {
  const out: Record<string, unknown> = { name: command.name };
  for (const [key, value] of Object.entries(command)) if (typeof value === 'number') out[key] = value;
  return out;
}

type Parsed = ReturnType<typeof parseCommand>;

/** Platform ids in one fixed order (code units, not the locale's collation). */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
type VoteCommand = Extract<Command, { name: 'vote' }>;

/** A vote waiting for its batch. */
interface PendingVote {
  ctx: CommandContext;
  text: string;
  parsed: Parsed;
  command: VoteCommand;
}

export class Concord {
  /** Votes on one proposal that arrive while earlier ones hold the workspace's permits are stored together. */
  private readonly votes = new Batches<PendingVote, Reply>(new Gates(VOTES_IN_FLIGHT_PER_WORKSPACE), VOTES_PER_BATCH, (votes) => this.runVotes(votes));
  private readonly voters = new Gates(1);
  private readonly verifyGate = new Gates(VERIFIES_IN_FLIGHT);
  private readonly limiter: RateLimiter | null;
  private readonly locales = new Map<string, Locale>();

  constructor(private readonly opts: CoreOptions) {
    const limits = opts.rateLimits === undefined ? null : opts.rateLimits;
    this.limiter = limits ? new RateLimiter(limits) : null;
  }

  /** Runs one `/concord ...` line for a member. Never throws: every failure becomes a reply. */
  /** `parsed`: the line as parseCommand read it, when the adapter already did. */
  async execute(ctx: CommandContext, text: string, parsed: Parsed = parseCommand(text)): Promise<Reply> {
    const workspaceKey = `${ctx.platform}:${ctx.workspace.externalId}`;
    const memberKey = `${workspaceKey}:${ctx.actor.externalId}`;
    const refused = this.overLimit(ctx, workspaceKey, memberKey, parsed.ok ? parsed.command.name : null);
    if (refused) return refused;
    const reply = await this.gated(ctx, text, parsed, workspaceKey);
    this.remember(memberKey, reply.locale);
    return reply;
  }

  private gated(ctx: CommandContext, text: string, parsed: Parsed, workspaceKey: string): Promise<Reply> {
    if (parsed.ok && parsed.command.name === 'vote') {
      const command = parsed.command;
      // One vote of a member at a time: a later one could otherwise join a batch that commits before the
      // batch holding their earlier one, and be overwritten by it.
      return this.voters.run(`${workspaceKey}:${ctx.actor.externalId}`, () => this.votes.add(workspaceKey, `${workspaceKey}#${command.proposal}`, { ctx, text, parsed, command }));
    }
    if (parsed.ok && parsed.command.name === 'audit.verify') return this.verifyGate.run('verify', () => this.runCommand(ctx, text, parsed));
    return this.runCommand(ctx, text, parsed);
  }

  /**
   * A "slow down" reply when the member or their workspace has used up its rate, before any database
   * work. The console is one person at a keyboard on their own machine: it is never limited.
   */
  private overLimit(ctx: CommandContext, workspaceKey: string, memberKey: string, name: string | null): Reply | null {
    if (!this.limiter || ctx.platform === 'console') return null;
    const seconds = this.limiter.take(memberKey, workspaceKey, commandCost(name));
    if (seconds === 0) return null;
    const locale = this.locales.get(memberKey) ?? ctx.actor.locale ?? this.opts.defaults.locale;
    return { ok: false, locale, views: [notice('warning', translate(locale, { key: 'error.slowDown', params: { count: seconds } }))] };
  }

  private remember(memberKey: string, locale: Locale): void {
    if (this.locales.get(memberKey) === locale) return;
    // Oldest first out: a Map keeps insertion order.
    if (this.locales.size >= REMEMBERED_LOCALES) this.locales.delete(this.locales.keys().next().value!);
    this.locales.delete(memberKey);
    this.locales.set(memberKey, locale);
  }

  /** A batch of votes on one proposal (see runBatch); a lone vote takes the path of every other command. */
  private async runVotes(votes: PendingVote[]): Promise<Reply[]> {
    if (votes.length === 1) return [await this.runCommand(votes[0]!.ctx, votes[0]!.text, votes[0]!.parsed)];
    return this.runBatch(votes);
  }

  /**
   * Votes of different members in one transaction (see voteTogether). A vote refused on its own gets its
   * refusal and leaves its key unclaimed, as a refused command does; a key seen before gets its first reply.
   * Anything that fails the batch as a whole (a close that committed first, a key used meanwhile, an
   * unexpected error) rolls it back, and each vote then runs on its own, so every member still gets the
   * answer their vote alone would have.
   */
  private async runBatch(votes: PendingVote[]): Promise<Reply[]> {
    type Outcome = { reply: Reply } | { replayOf: number; locale: Locale };
    let outcome: Outcome[];
    try {
      outcome = await this.opts.store.transaction(async (tx) => {
        // Sent together: on postgres.js the statements of one transaction are pipelined. In the members'
        // order, so that two batches writing the same members' rows (a new name, a language) take them in
        // the same order. Keys are only checked here: voteTogether claims those of the votes it answers.
        const order = votes.map((_, i) => i).sort((a, b) => compareIds(votes[a]!.ctx.actor.externalId, votes[b]!.ctx.actor.externalId));
        const settled = await Promise.allSettled(order.map((i) => this.openSession(tx, votes[i]!.ctx, votes[i]!.command, { claim: false })));
        // Every statement sent is answered before the transaction ends, whichever failed first.
        const failed = settled.find((r) => r.status === 'rejected');
        if (failed) throw failed.reason;
        const opened: { session: Session; claimed: boolean }[] = [];
        order.forEach((i, j) => (opened[i] = (settled[j] as PromiseFulfilledResult<{ session: Session; claimed: boolean }>).value));
        const { workspace, now } = opened[0]!.session;
        const fresh = opened.flatMap(({ session, claimed }, i) => (claimed ? [{ s: session, c: votes[i]!.command, i }] : []));
        const results = await voteTogether(fresh, async (accepted) => {
          const keys = accepted.map((j) => votes[fresh[j]!.i]!.ctx.idempotencyKey);
          // A key used meanwhile (the same request running elsewhere): the batch rolls back and each vote runs alone.
          if ((await tx.idempotency.claimMany(workspace.id, keys, now)) < keys.length) throw new Error('an idempotency key of the batch was used meanwhile');
        });
        const out: Outcome[] = opened.map(({ session }) => ({ replayOf: workspace.id, locale: session.locale }));
        const saved: { key: string; reply: Reply }[] = [];
        for (const [j, { s, i }] of fresh.entries()) {
          const result = results[j]!;
          if ('refused' in result) {
            out[i] = { reply: this.refusal(s.locale, result.refused) };
          } else {
            const reply: Reply = { ok: true, locale: s.locale, views: result.views };
            saved.push({ key: votes[i]!.ctx.idempotencyKey, reply });
            out[i] = { reply };
          }
        }
        await tx.idempotency.saveReplies(workspace.id, saved);
        return out;
      });
    } catch (error) {
      if (!(error instanceof DomainError)) this.opts.logger.warn({ err: error, votes: votes.length }, 'vote batch failed; running its votes one by one');
      const replies: Reply[] = [];
      for (const v of votes) replies.push(await this.runCommand(v.ctx, v.text, v.parsed));
      return replies;
    }
    return Promise.all(outcome.map((o, i) => ('reply' in o ? o.reply : this.replayOrFail(o.replayOf, votes[i]!.ctx, votes[i]!.parsed, o.locale))));
  }

  private refusal(locale: Locale, error: DomainError): Reply {
    const usage = error.usage ? `\n${translate(locale, { key: 'error.usage', params: { usage: localizePlaceholders(error.usage, translator(locale)) } })}` : '';
    return { ok: false, locale, views: [notice('danger', `${translate(locale, error.msg)}${usage}`)] };
  }

  private async runCommand(ctx: CommandContext, text: string, parsed: Parsed): Promise<Reply> {
    let locale: Locale = ctx.actor.locale ?? this.opts.defaults.locale;
    try {
      return await this.opts.store.transaction(async (tx) => {
        // Only a command that parsed claims its key: a typo changes nothing worth protecting.
        const { session, claimed } = await this.openSession(tx, ctx, parsed.ok ? parsed.command : null);
        locale = session.locale;
        if (!parsed.ok) {
          return { ok: false, locale, views: [notice('danger', parseErrorText(session.t, parsed.error, parsed.usage))] };
        }
        // A key seen before: roll back and replay the first reply instead of running the command again.
        if (!claimed) throw new AlreadyApplied(session.workspace.id);
        // Each command runs with the handler of its own declaration.
        const views = await runDeclared(session, parsed.command);
        const reply: Reply = { ok: true, locale: session.locale, views };
        await tx.idempotency.saveReply(session.workspace.id, ctx.idempotencyKey, reply);
        return reply;
      });
    } catch (error) {
      if (error instanceof AlreadyApplied) return this.replayOrFail(error.workspaceId, ctx, parsed, locale);
      if (error instanceof DomainError) return this.refusal(locale, error);
      return this.failure(error, ctx, parsed, locale);
    }
  }

  /** An unexpected failure, logged with an id the member can quote. */
  private failure(error: unknown, ctx: CommandContext, parsed: Parsed, locale: Locale): Reply {
    const errorId = randomUUID().slice(0, 8);
    // The command's name and numbers only: its free text (a mediation note, a reason) never reaches the log.
    const command = parsed.ok ? loggableCommand(parsed.command) : null;
    this.opts.logger.error({ err: error, errorId, command, actor: ctx.actor.externalId, workspace: ctx.workspace.externalId }, 'command failed');
    return { ok: false, locale, errorId, views: [notice('danger', translate(locale, { key: 'error.unexpected', params: { id: errorId } }))] };
  }

  /** The first reply of a command whose key was used before; a failure to read it is that command's failure alone. */
  private replayOrFail(workspaceId: number, ctx: CommandContext, parsed: Parsed, locale: Locale): Promise<Reply> {
    return this.replay(workspaceId, ctx.idempotencyKey, locale).catch((error: unknown) => this.failure(error, ctx, parsed, locale));
  }

  private async replay(workspaceId: number, key: string, locale: Locale): Promise<Reply> {
    const stored = (await this.opts.store.transaction((tx) => tx.idempotency.storedReply(workspaceId, key))) as Reply | null;
    return stored ? { ...stored, replayed: true } : { ok: true, locale, views: [], replayed: true };
  }

  private async openSession(tx: Tx, ctx: CommandContext, command: Command | null, { claim = true } = {}): Promise<{ session: Session; claimed: boolean }> {
    const now = this.opts.clock.now();
    const { workspace, member: actor, claimed, platformLocale } = await tx.openSession({
      platform: ctx.platform,
      workspace: { externalId: ctx.workspace.externalId, name: ctx.workspace.name },
      member: {
        externalId: ctx.actor.externalId,
        displayName: ctx.actor.displayName,
        ...(ctx.actor.locale ? { locale: ctx.actor.locale } : {}),
        ...(ctx.actor.profileSkipped ? { provisionalName: true } : {}),
      },
      defaults: this.opts.defaults,
      key: command ? ctx.idempotencyKey : null,
      ...(claim ? {} : { claim: false }),
      at: now,
      channelId: ctx.channel.id,
      // Voting is the busiest command: its first read rides along with the session's.
      ...(command?.name === 'vote' ? { prefetch: { proposalForVoter: command.proposal } } : {}),
    });
    // The member's own choice, else what their platform says; an adapter that did not ask it gets what it said last.
    const locale = actor.locale ?? ctx.actor.locale ?? (ctx.actor.profileSkipped ? platformLocale : null) ?? workspace.locale;
    const session: Session = { tx, ctx, workspace, actor, locale, timezone: actor.timezone ?? workspace.timezone, dateHorizonMonths: this.opts.dateHorizonMonths ?? DEFAULT_DATE_HORIZON_MONTHS, now, t: translator(locale), clock: this.opts.clock, help: (topic) => helpText(translator(locale), topic) };
    return { session, claimed };
  }

  translate(locale: Locale, m: Msg): string {
    return translate(locale, m);
  }

  // ---- the read API: structured data for adapters' menus and forms (see core/queries) ----

  /** The groups the member may read, marking the one of the channel they are in. */
  readGroups(ctx: CommandContext): Promise<{ locale: Locale; groups: GroupEntry[] }> {
    return this.read(ctx, readGroups);
  }

  /** A proposal's ballot form; null when the member may not read the proposal or it does not exist. */
  readBallotForm(ctx: CommandContext, proposal: number): Promise<BallotForm | null> {
    return this.read(ctx, (s) => readBallotForm(s, proposal));
  }

  /** The proposals the member may read: open ones, or every one with `all`. */
  readProposals(ctx: CommandContext, all = false): Promise<ProposalEntry[]> {
    return this.read(ctx, (s) => readProposals(s, all));
  }

  /** The member's own commitments still to be done or answered. */
  readMyCommitments(ctx: CommandContext): Promise<CommitmentEntry[]> {
    return this.read(ctx, readMyCommitments);
  }

  /** What App Home shows the member, in their language. */
  readHome(ctx: CommandContext): Promise<HomeData> {
    return this.read(ctx, readHome);
  }

  /** A read in a session of its own: no idempotency key is claimed and nothing is replayed. */
  private read<T>(ctx: CommandContext, query: (s: Session) => Promise<T>): Promise<T> {
    return this.opts.store.transaction(async (tx) => query((await this.openSession(tx, ctx, null)).session));
  }
}
