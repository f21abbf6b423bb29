// Delivers the messages committed transactions owe, through the Messenger port, with leases and backoff.
import { and, eq, sql } from 'drizzle-orm';
import type { Concord, Logger } from '../core/service.js';
import type { Clock, MessageRef, Messenger, OutboxTarget } from '../core/ports.js';
import type { View } from '../core/views/types.js';
import { DrizzleTx } from '../db/repositories/tx.js';
import { rowsOf, type Db } from '../db/client.js';
import { backoffMs } from './jobs.js';
import { interleave, shareOf, workspacesDue } from './fair-claim.js';
import * as t from '../db/schema.js';
import { errorMessage, errorText } from '../log.js';

export interface OutboxOptions {
  db: Db;
  /** Told about each delivery and failure, inside the transaction that records it. */
  core: Pick<Concord, 'onDelivered' | 'onDeliveryFailed'>;
  /** The messenger for each platform, by workspace platform name. */
  messengers: Record<string, Messenger>;
  clock: Clock;
  logger: Logger;
  workerId: string;
  leaseSeconds: number;
  batchSize?: number;
  maxAttempts?: number;
}

interface Claimed {
  id: number;
  workspaceId: number;
  target: OutboxTarget;
  view: View;
  proposalId: number | null;
  attempts: number;
  platform: string;
  externalId: string;
  requestedBy: number | null;
  requestedIn: string | null;
}

export class OutboxDispatcher {
  constructor(private readonly opts: OutboxOptions) {}

  /** The last workspace served by the previous claim: the next one starts after it, so none waits for ever. */
  private cursor = 0;

  /**
   * Claims due messages fairly across workspaces: up to an equal share of the batch from each of up
   * to `batchSize` workspaces that have messages due, walking workspaces round-robin from where the
   * last claim stopped. A workspace that queued thousands of reminders takes its share of each batch;
   * another workspace's first card goes out with the next batch instead of behind the whole backlog.
   * Each workspace's messages keep their order (due time, then id).
   */
  async claim(): Promise<Claimed[]> {
    const now = this.opts.clock.now();
    const leaseUntil = new Date(now.getTime() + this.opts.leaseSeconds * 1000);
    const limit = this.opts.batchSize ?? 50;
    const workspaces = await workspacesDue(this.opts.db, { table: 'outbox', dueColumn: 'next_attempt_at' }, now, this.cursor, limit);
    const share = shareOf(limit, workspaces.length);
    const result = await this.opts.db.execute(sql`
      with due as (
        select d.id from unnest(${`{${workspaces.join(',')}}`}::int8[]) as w(id)
        cross join lateral (
          select id from outbox
          where workspace_id = w.id and status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, id limit ${share} for update skip locked
        ) d
      ), expired as (
        select id from outbox where status = 'sending' and locked_until < ${now.toISOString()}::timestamptz
        order by locked_until limit ${limit} for update skip locked
      ), claimed as (
        update outbox set status = 'sending', locked_until = ${leaseUntil.toISOString()}::timestamptz, attempts = attempts + 1
        where id in (select id from due union all select id from expired)
        returning id, workspace_id, target, view, proposal_id, attempts, requested_by, requested_in
      )
      select c.*, w.platform, w.external_id from claimed c join workspaces w on w.id = c.workspace_id`);
    if (workspaces.length > 0) this.cursor = workspaces[workspaces.length - 1]!;
    const claimed = rowsOf<Record<string, unknown>>(result)
      .map((r) => ({
        id: Number(r.id),
        workspaceId: Number(r.workspace_id),
        target: r.target as OutboxTarget,
        view: r.view as View,
        proposalId: r.proposal_id === null ? null : Number(r.proposal_id),
        attempts: Number(r.attempts),
        platform: String(r.platform),
        externalId: String(r.external_id),
        requestedBy: r.requested_by === null || r.requested_by === undefined ? null : Number(r.requested_by),
        requestedIn: r.requested_in === null || r.requested_in === undefined ? null : String(r.requested_in),
      }))
      .sort((a, b) => a.id - b.id);
    return interleave(claimed);
  }

  async deliver(message: Claimed): Promise<void> {
    const messenger = this.opts.messengers[message.platform];
    const now = () => this.opts.clock.now();
    try {
      if (!messenger) throw new Error(`no messenger for platform ${message.platform}`);
      const workspace = { platform: message.platform, externalId: message.externalId };
      // The lease of an earlier attempt ran out mid-delivery: the platform may already have it.
      const delivery = { key: `outbox:${message.id}`, retry: message.attempts > 1 };
      let ref: MessageRef | { channelId: string } | null = null;
      switch (message.target.kind) {
        case 'post':
          ref = await messenger.post(workspace, message.target.channelId, message.view, delivery, message.target.onlyFor ? { onlyFor: message.target.onlyFor } : undefined);
          break;
        case 'update':
          await messenger.update(workspace, message.target.message, message.view, delivery);
          break;
        case 'dm':
          ref = await messenger.dm(workspace, message.target.memberExternalId, message.view, delivery);
          break;
        case 'private':
          if (!messenger.openPrivateSpace) throw new Error(`${message.platform} cannot open private spaces`);
          ref = await messenger.openPrivateSpace(workspace, {
            key: `dispute:${message.target.disputeId}`,
            parentChannelId: message.target.parentChannelId,
            title: message.target.title,
            memberExternalIds: message.target.memberExternalIds,
            ...(await this.rememberedSpace(message.id)),
            // Kept on the message itself, outside the delivery's transaction, so that it survives a failed attempt.
            remember: async (channelId) => {
              await this.opts.db.update(t.outbox).set({ sentRef: { channelId } }).where(eq(t.outbox.id, message.id));
            },
          });
          break;
      }
      await this.opts.db.transaction(async (tx) => {
        await tx
          .update(t.outbox)
          .set({ status: 'sent', sentAt: now(), sentRef: ref, lockedUntil: null, lastError: null })
          .where(eq(t.outbox.id, message.id));
        if (ref) await this.opts.core.onDelivered(new DrizzleTx(tx), { target: message.target, view: message.view, cardOf: message.proposalId }, ref, now());
      });
    } catch (error) {
      const failed = message.attempts >= (this.opts.maxAttempts ?? 10);
      const retryAfter = retryAfterMs(error);
      const next = new Date(now().getTime() + Math.max(retryAfter ?? 0, backoffMs(message.attempts)));
      this.opts.logger.error({ err: error, outboxId: message.id, attempts: message.attempts, failed }, 'message delivery failed');
      await this.opts.db.transaction(async (tx) => {
        await tx
          .update(t.outbox)
          .set({ status: failed ? 'failed' : 'pending', nextAttemptAt: next, lockedUntil: null, lastError: errorText(error) })
          .where(and(eq(t.outbox.id, message.id), eq(t.outbox.status, 'sending')));
        const reason = errorMessage(error);
        const givenUp = failed ? { workspaceId: message.workspaceId, target: message.target, requestedBy: message.requestedBy, requestedIn: message.requestedIn } : undefined;
        await this.opts.core.onDeliveryFailed(new DrizzleTx(tx), { target: message.target, view: message.view, cardOf: message.proposalId }, reason, message.attempts, now(), givenUp);
      });
    }
  }

  /** The private space an earlier attempt at this message created, if any. */
  private async rememberedSpace(id: number): Promise<{ channelId?: string }> {
    const [row] = await this.opts.db.select({ ref: t.outbox.sentRef }).from(t.outbox).where(eq(t.outbox.id, id));
    const channelId = (row?.ref as { channelId?: unknown } | null | undefined)?.channelId;
    return typeof channelId === 'string' ? { channelId } : {};
  }

  /** Delivers everything owed now; returns how many messages were attempted. */
  async deliverDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.claim();
      if (batch.length === 0) return total;
      for (const message of batch) await this.deliver(message);
      total += batch.length;
    }
  }
}

/** Platforms say how long to wait when rate limiting; honour it rather than guessing. */
function retryAfterMs(error: unknown): number | null {
  const value = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
