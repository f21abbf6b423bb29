// The outbox in drizzle: the messages a command owes, written in its transaction and delivered later.
import type { NewOutboxMessage, OutboxRepo } from '../../core/outbox/ports.js';
import type { Statements } from './rows.js';

const ENQUEUE_MANY = `
  insert into outbox (workspace_id, kind, target, view, proposal_id, dispute_id, requested_by, requested_in, next_attempt_at, created_at)
  select (m->>0)::int, m->>1, m->2, m->3, (m->>4)::int, (m->>5)::int, (m->>6)::int, m->>7, $2::timestamptz, $2::timestamptz
  from jsonb_array_elements($1::text::jsonb) with ordinality as rows(m, i) order by i`;

export class DrizzleOutbox implements OutboxRepo {
  /** The member whose command this transaction runs, and where they typed it: messages it owes remember them. */
  requester: { memberId: number; channelId: string | null } | null = null;

  constructor(private readonly sql: Statements) {}


  async enqueue(message: NewOutboxMessage, at: Date): Promise<void> {
    await this.enqueueMany([message], at);
  }

  async enqueueMany(messages: NewOutboxMessage[], at: Date): Promise<void> {
    if (messages.length === 0) return;
    // One JSON parameter for the whole batch: a reminder sweep enqueues hundreds of cards at once, and
    // binding each field of each row as its own parameter costs more than the insert.
    const rows = messages.map((m) => [m.workspaceId, m.target.kind, m.target, m.view, m.cardOf ?? null, m.disputeId ?? null, this.requester?.memberId ?? null, this.requester?.channelId ?? null]);
    await this.sql.rows(ENQUEUE_MANY, [JSON.stringify(rows), at.toISOString()]);
  }
}
