// Idempotency keys in drizzle: a command's key claimed in its transaction, and the reply stored with it for a retry.
import { and, eq } from 'drizzle-orm';
import type { IdempotencyRepo } from '../../core/ports.js';
import * as t from '../schema.js';
import type { Conn, Statements } from './rows.js';

const SAVE_REPLY = `update processed_commands set reply = $1::text::jsonb where workspace_id = $2 and key = $3`;
// Several keys claimed in one statement; the ones claimed before are not returned.
const CLAIM_MANY = `
  insert into processed_commands (workspace_id, key, reply, created_at)
  select $2, key, '{}'::jsonb, $3::timestamptz from jsonb_array_elements_text($1::text::jsonb) as k(key)
  on conflict do nothing
  returning key`;
// The replies come as one object keyed by idempotency key, read once. The keys also go in as an array, so
// the primary key is probed once per key: joined to a row set of unknown size, the table would be scanned.
const SAVE_REPLIES = `
  with r as materialized (select key, value from jsonb_each($1::text::jsonb))
  update processed_commands p set reply = r.value
  from r
  where p.workspace_id = $2 and p.key = any(array(select key from r)) and p.key = r.key`;
const USED = `select 1 from processed_commands where workspace_id = $1 and key = $2`;

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

  async claimMany(workspaceId: number, keys: readonly string[], at: Date): Promise<number> {
    if (keys.length === 0) return 0;
    return (await this.sql.rows(CLAIM_MANY, [JSON.stringify(keys), workspaceId, at.toISOString()])).length;
  }

  async saveReplies(workspaceId: number, replies: readonly { key: string; reply: unknown }[]): Promise<void> {
    if (replies.length === 0) return;
    const params = [JSON.stringify(Object.fromEntries(replies.map((r) => [r.key, r.reply]))), workspaceId];
    // As saveReply: nothing reads the replies before the commit, so they ride with COMMIT.
    if (this.sql.beforeCommit) return this.sql.beforeCommit(SAVE_REPLIES, params);
    await this.sql.rows(SAVE_REPLIES, params);
  }

  async used(workspaceId: number, key: string): Promise<boolean> {
    return (await this.sql.rows(USED, [workspaceId, key])).length > 0;
  }
}
