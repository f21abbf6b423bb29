// The core's front door: one command line in, one transaction, a translated reply out. Jobs come in here too.
import { randomUUID } from 'node:crypto';
import { helpText, localizePlaceholders, parseCommand, parseErrorText } from './commands/index.js';
import type { Command } from './commands/types.js';
import type { CommandContext, Session } from './context.js';
import { DomainError } from './errors.js';
import { runGroupCommand } from './groups/service.js';
import { translate, translator } from './i18n/index.js';
import type { Locale, Msg } from './i18n/types.js';
import type { Clock, Store, Tx } from './ports.js';
import type { OutboxTarget } from './outbox/ports.js';
import { runProposalCommand, runProposalJob } from './proposals/service.js';
import { listAudit, verifyAudit } from './audit/service.js';
import { runSettingsCommand } from './settings.js';
import { setGroupTies } from './proposals/ties.js';
import { Gates } from './gates.js';
import { runCommitmentCommand, runCommitmentJob, runCommitmentReminders } from './commitments/service.js';
import { runMediationCommand, runMediationJob, spaceFailed, spaceOpened } from './mediation/service.js';
import { jobKeys } from './proposals/service.js';
import { notice, type View } from './views/types.js';
import { deliveryGivenUp, type GivenUp } from './delivery.js';
import { commandCost, RateLimiter, type RateLimits } from './limits.js';
import { DEFAULT_DATE_HORIZON_MONTHS } from './time.js';

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

export interface DeliveredMessage {
  target: OutboxTarget;
  view: View;
  cardOf: number | null;
}

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
}

/** One vote holding the workspace lock and one ready to take it next (see Gates). */
const VOTES_IN_FLIGHT_PER_WORKSPACE = 2;

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

export class Concord {
  private readonly voteGates = new Gates(VOTES_IN_FLIGHT_PER_WORKSPACE);
  private readonly verifyGate = new Gates(VERIFIES_IN_FLIGHT);
  private readonly limiter: RateLimiter | null;
  private readonly locales = new Map<string, Locale>();

  constructor(private readonly opts: CoreOptions) {
    const limits = opts.rateLimits === undefined ? null : opts.rateLimits;
    this.limiter = limits ? new RateLimiter(limits) : null;
  }

  /** Runs one `/concord ...` line for a member. Never throws: every failure becomes a reply. */
  async execute(ctx: CommandContext, text: string): Promise<Reply> {
    const parsed = parseCommand(text);
    const workspaceKey = `${ctx.platform}:${ctx.workspace.externalId}`;
    const memberKey = `${workspaceKey}:${ctx.actor.externalId}`;
    const refused = this.overLimit(ctx, workspaceKey, memberKey, parsed.ok ? parsed.command.name : null);
    if (refused) return refused;
    const reply = await this.gated(ctx, text, parsed, workspaceKey);
    this.remember(memberKey, reply.locale);
    return reply;
  }

  private gated(ctx: CommandContext, text: string, parsed: ReturnType<typeof parseCommand>, workspaceKey: string): Promise<Reply> {
    if (parsed.ok && parsed.command.name === 'vote') return this.voteGates.run(workspaceKey, () => this.runCommand(ctx, text, parsed));
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

  private async runCommand(ctx: CommandContext, text: string, parsed: ReturnType<typeof parseCommand>): Promise<Reply> {
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
        const views = await this.dispatch(session, parsed.command);
        const reply: Reply = { ok: true, locale: session.locale, views };
        await tx.saveReply(session.workspace.id, ctx.idempotencyKey, reply);
        return reply;
      });
    } catch (error) {
      if (error instanceof AlreadyApplied) return this.replay(error.workspaceId, ctx.idempotencyKey, locale);
      if (error instanceof DomainError) {
        const usage = error.usage ? `\n${translate(locale, { key: 'error.usage', params: { usage: localizePlaceholders(error.usage, translator(locale)) } })}` : '';
        return { ok: false, locale, views: [notice('danger', `${translate(locale, error.msg)}${usage}`)] };
      }
      const errorId = randomUUID().slice(0, 8);
      // The command's name and numbers only: its free text (a mediation note, a reason) never reaches the log.
      const command = parsed.ok ? loggableCommand(parsed.command) : null;
      this.opts.logger.error({ err: error, errorId, command, actor: ctx.actor.externalId, workspace: ctx.workspace.externalId }, 'command failed');
      return { ok: false, locale, errorId, views: [notice('danger', translate(locale, { key: 'error.unexpected', params: { id: errorId } }))] };
    }
  }

  private async replay(workspaceId: number, key: string, locale: Locale): Promise<Reply> {
    const stored = (await this.opts.store.transaction((tx) => tx.storedReply(workspaceId, key))) as Reply | null;
    return stored ? { ...stored, replayed: true } : { ok: true, locale, views: [], replayed: true };
  }

  private async openSession(tx: Tx, ctx: CommandContext, command: Command | null): Promise<{ session: Session; claimed: boolean }> {
    const now = this.opts.clock.now();
    const { workspace, member: actor, claimed } = await tx.openSession({
      platform: ctx.platform,
      workspace: { externalId: ctx.workspace.externalId, name: ctx.workspace.name },
      member: { externalId: ctx.actor.externalId, displayName: ctx.actor.displayName },
      defaults: this.opts.defaults,
      key: command ? ctx.idempotencyKey : null,
      at: now,
      channelId: ctx.channel.id,
      // Voting is the busiest command: its first read rides along with the session's.
      ...(command?.name === 'vote' ? { prefetch: { proposalForVoter: command.proposal } } : {}),
    });
    const locale = actor.locale ?? ctx.actor.locale ?? workspace.locale;
    const session: Session = { tx, ctx, workspace, actor, locale, timezone: actor.timezone ?? workspace.timezone, dateHorizonMonths: this.opts.dateHorizonMonths ?? DEFAULT_DATE_HORIZON_MONTHS, now, t: translator(locale), clock: this.opts.clock };
    return { session, claimed };
  }

  private async dispatch(s: Session, command: Command): Promise<View[]> {
    switch (command.name) {
      case 'help':
        return [{ type: 'text', text: helpText(s.t, command.topic) }];
      case 'group.create':
      case 'group.join':
      case 'group.leave':
      case 'group.add':
      case 'group.role':
      case 'group.list':
      case 'group.info':
      case 'group.visibility':
      case 'group.invite':
      case 'group.uninvite':
        return runGroupCommand(s, command);
      case 'propose':
      case 'vote':
      case 'proposal.show':
      case 'proposal.list':
      case 'close':
      case 'withdraw':
      case 'outcome':
      case 'decisions':
        return runProposalCommand(s, command);
      case 'audit':
        return listAudit(s, command.limit);
      case 'audit.verify':
        return verifyAudit(s, command.receipt);
      case 'settings.show':
      case 'settings.locale':
      case 'settings.timezone':
      case 'settings.reminder':
      case 'settings.groupCreation':
        return runSettingsCommand(s, command);
      case 'commit':
      case 'commitment.list':
      case 'commitment.show':
      case 'commitment.accept':
      case 'commitment.decline':
      case 'commitment.stats':
      case 'done':
      case 'extend':
      case 'blocked':
      case 'cancel':
      case 'settings.reminders':
      case 'settings.quiet':
      case 'settings.digest':
      case 'settings.digest-empty':
        return runCommitmentCommand(s, command);
      case 'settings.ties':
        return setGroupTies(s, command);
      case 'mediate':
      case 'mediation.next':
      case 'mediation.note':
      case 'mediation.caucus':
      case 'mediation.pause':
      case 'mediation.resume':
      case 'mediation.propose':
      case 'mediation.accept':
      case 'mediation.decline':
      case 'mediation.close':
      case 'mediation.list':
      case 'mediation.show':
        return runMediationCommand(s, command);
    }
  }

  /** Does one job's work inside the caller's transaction; the scheduler marks the job done in the same one. */
  async handleJob(tx: Tx, job: JobRow, now: Date): Promise<void> {
    if (job.kind.startsWith('proposal.')) return runProposalJob(tx, job.kind, job.payload, now);
    if (job.kind.startsWith('commitment.') || job.kind === 'group.digest') return runCommitmentJob(tx, job.kind, job.payload, now);
    if (job.kind.startsWith('dispute.')) return runMediationJob(tx, job.kind, job.payload, now);
    this.opts.logger.warn({ job }, 'unknown job kind; dropped');
  }

  /** Kinds whose jobs can be handled many at a time in one transaction. */
  canBatch(kind: string): boolean {
    return kind === 'commitment.remind';
  }

  async handleJobBatch(tx: Tx, kind: string, jobs: JobRow[], now: Date): Promise<void> {
    if (kind === 'commitment.remind') return runCommitmentReminders(tx, jobs, now);
    for (const job of jobs) await this.handleJob(tx, job, now);
  }

  /** A message from the outbox reached the platform: record where, when that matters. */
  async onDelivered(tx: Tx, message: DeliveredMessage, ref: { channelId: string; messageId?: string }, now: Date): Promise<void> {
    if (message.cardOf !== null && ref.messageId) {
      await tx.updateProposal(message.cardOf, { messageRef: { channelId: ref.channelId, messageId: ref.messageId } });
      // Ballots may have arrived while the card was on its way: bring it up to date.
      await tx.jobs.schedule({ kind: 'proposal.card', key: jobKeys.card(message.cardOf), runAt: now, payload: { proposalId: message.cardOf } }, 'keep');
    }
    if (message.target.kind === 'private') await spaceOpened(tx, message.target.disputeId, ref.channelId, now, message.view);
  }

  /**
   * A delivery failed. The outbox retries; the first failure to open a private space is explained to the
   * requester, and when the outbox gives up (`givenUp`) the member whose command owed the message hears so.
   */
  async onDeliveryFailed(tx: Tx, message: DeliveredMessage, error: string, attempts: number, now: Date, givenUp?: GivenUp): Promise<void> {
    if (message.target.kind === 'private' && attempts === 1) await spaceFailed(tx, message.target.disputeId, error, now);
    if (givenUp) await deliveryGivenUp(tx, givenUp, error, attempts, now);
  }

  translate(locale: Locale, m: Msg): string {
    return translate(locale, m);
  }
}
