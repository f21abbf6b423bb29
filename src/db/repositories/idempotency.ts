// Idempotency keys in drizzle: a command's key claimed in its transaction, and the reply stored with it for a retry.
import { and, eq } from 'drizzle-orm';
import type { IdempotencyRepo } from '../../core/ports.js';
import * as t from '../schema.js';
import type { Conn, Statements } from './rows.js';

const SAVE_REPLY = `update processed_commands set reply = $1::text::jsonb where workspace_id = $2 and key = $3`;
// The replies come as one object keyed by idempotency key. The keys go in as an array, so the primary key
// is probed once per key: a join with a row set of unknown size is planned as a scan of the whole table.
const SAVE_REPLIES = `
  update processed_commands p set reply = $1::text::jsonb -> p.key
  where p.workspace_id = $2 and p.key = any(array(select jsonb_object_keys($1::text::jsonb)))`;
const RELEASE = `delete from processed_commands where workspace_id = $1 and key = any(array(select jsonb_array_elements_text($2::text::jsonb)))`;

export class DrizzleIdempotency implements IdempotencyRepo {
  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
  ) {}

  async claim(workspaceId: number, key: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(t.processedCommands)
      .values({ workspaceId, key, reply: {}, createdAt: at })
      .onConflictDoNothing()
      .returning({ key: t.processedCommands.key });
    return rows.length === 1;
  }

  async storedReply(workspaceId: number, key: string): Promise<unknown> {
    const [row] = await this.db
      .select({ reply: t.processedCommands.reply })
      .from(t.processedCommands)
      .where(and(eq(t.processedCommands.workspaceId, workspaceId), eq(t.processedCommands.key, key)));
    return row?.reply ?? null;
  }

  async saveReply(workspaceId: number, key: string, reply: unknown): Promise<void> {
    const params = [JSON.stringify(reply), workspaceId, key];
    // Nothing reads the reply before the commit, so it rides with COMMIT; if it fails, so does the commit.
    if (this.sql.beforeCommit) return this.sql.beforeCommit(SAVE_REPLY, params);
    await this.sql.rows(SAVE_REPLY, params);
  }

  async saveReplies(workspaceId: number, replies: readonly { key: string; reply: unknown }[]): Promise<void> {
    if (replies.length === 0) return;
    const params = [JSON.stringify(Object.fromEntries(replies.map((r) => [r.key, r.reply]))), workspaceId];
    if (this.sql.beforeCommit) return this.sql.beforeCommit(SAVE_REPLIES, params);
    await this.sql.rows(SAVE_REPLIES, params);
  }

  async release(workspaceId: number, keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.sql.rows(RELEASE, [workspaceId, JSON.stringify(keys)]);
  }
}
