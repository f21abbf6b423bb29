// Delivers the messages committed transactions owe, through the Messenger port, with leases and backoff.
import { eq, sql } from 'drizzle-orm';
import type { DeliveryHandler } from '../core/delivery.js';
import type { Locale } from '../core/i18n/types.js';
import type { Logger } from '../core/service.js';
import type { Clock, MessageRef, Messenger, OutboxTarget } from '../core/ports.js';
import type { View } from '../core/views/types.js';
import { DrizzleTx } from '../db/repositories/tx.js';
import type { Db } from '../db/client.js';
import * as t from '../db/schema.js';
import { errorMessage } from '../log.js';
import { LeasedQueue, retryOf } from './lease.js';

export interface OutboxOptions {
  db: Db;
  /** The core's side: told about each delivery and failure, inside the transaction that records it. */
  deliveries: DeliveryHandler;
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
  private readonly queue: LeasedQueue<Claimed>;

  constructor(private readonly opts: OutboxOptions) {
    this.queue = new LeasedQueue(
      {
        table: 'outbox',
        dueColumn: 'next_attempt_at',
        leased: 'sending',
        done: 'sent',
        holder: false,
        unscoped: false,
        returning: 'id, workspace_id, target, view, proposal_id, attempts, requested_by, requested_in',
        select: 'select c.*, w.platform, w.external_id from claimed c join workspaces w on w.id = c.workspace_id',
      },
      {
        ...opts,
        item: (r) => ({
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
        }),
        order: (a, b) => a.id - b.id,
      },
    );
  }

  /**
   * Claims due messages fairly across workspaces (see LeasedQueue.claim): a workspace that queued thousands of
   * reminders takes its share of each batch; another workspace's first card goes out with the next batch instead
   * of behind the whole backlog. Each workspace's messages keep their order (id).
   */
  async claim(): Promise<Claimed[]> {
    return (await this.queue.claim(this.opts.batchSize ?? 50)).items;
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
        case 'private': {
          if (!messenger.openPrivateSpace) throw new Error(`${message.platform} cannot open private spaces`);
          const locale = await this.explainedIn(message.target);
          ref = await messenger.openPrivateSpace(workspace, {
            key: `dispute:${message.target.disputeId}`,
            parentChannelId: message.target.parentChannelId,
            title: message.target.title,
            memberExternalIds: message.target.memberExternalIds,
            ...(locale ? { locale } : {}),
            ...(await this.rememberedSpace(message.id)),
            // Kept on the message itself, outside the delivery's transaction, so that it survives a failed attempt.
            remember: async (channelId) => {
              await this.opts.db.update(t.outbox).set({ sentRef: { channelId } }).where(eq(t.outbox.id, message.id));
            },
          });
          break;
        }
      }
      await this.opts.db.transaction(async (tx) => {
        await this.queue.complete(tx, [message.id], sql`, sent_at = ${now().toISOString()}::timestamptz, sent_ref = ${ref === null ? null : JSON.stringify(ref)}::text::jsonb, last_error = null`);
        if (ref) await this.opts.deliveries.delivered(new DrizzleTx(tx), { target: message.target, view: message.view, cardOf: message.proposalId }, ref, now());
      });
    } catch (error) {
      const retry = retryOf(message.attempts, this.opts.maxAttempts ?? 10, now(), retryAfterMs(error) ?? 0);
      const failed = retry.failed;
      this.opts.logger.error({ err: error, outboxId: message.id, attempts: message.attempts, failed }, 'message delivery failed');
      await this.opts.db.transaction(async (tx) => {
        await this.queue.release(tx, message.id, retry, error);
        const reason = errorMessage(error);
        const givenUp = failed ? { workspaceId: message.workspaceId, target: message.target, requestedBy: message.requestedBy, requestedIn: message.requestedIn } : undefined;
        await this.opts.deliveries.failed(new DrizzleTx(tx), { target: message.target, view: message.view, cardOf: message.proposalId }, reason, message.attempts, now(), givenUp);
      });
    }
  }

  /** The language the core would explain a failure to deliver to `target` in: the adapter words it so. */
  private explainedIn(target: OutboxTarget): Promise<Locale | undefined> {
    return this.opts.db.transaction((tx) => this.opts.deliveries.explainedIn(new DrizzleTx(tx), target));
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
