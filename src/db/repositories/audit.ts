// The audit chain in drizzle: appending under the chain head's lock, and reading pages of it.
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { entryJsonAroundSeq, GENESIS_HASH } from '../../core/audit/chain.js';
import type { AuditEntry, AuditRepo, NewAuditEntry } from '../../core/audit/ports.js';
import * as t from '../schema.js';
import { toAudit, type Conn, type Statements } from './rows.js';

const LOCK_HEAD = `select seq from audit_heads where workspace_id = $1 for update`;
const CREATE_HEAD = `insert into audit_heads (workspace_id, seq, hash) values ($1, 0, $2) on conflict do nothing`;

// Lock the head, hash, insert and move the head in one statement: the workspace stays locked for one
// round trip instead of three. The hash is the one hashEntry() computes: sha256(prev || before || seq || after).
const APPEND_AUDIT = `
  with old as (select seq, hash from audit_heads where workspace_id = $1 for update),
  moved as (
    update audit_heads h
    set seq = old.seq + 1,
        hash = encode(sha256(convert_to(old.hash || $2::text || (old.seq + 1)::text || $3::text, 'UTF8')), 'hex')
    from old where h.workspace_id = $1
    returning h.seq, h.hash, old.hash as prev_hash
  )
  insert into audit_log (workspace_id, seq, at, actor_id, action, subject, data, prev_hash, hash)
  select $1, seq, $4, $5, $6, $7, $8::text::jsonb, prev_hash, hash
  from moved
  returning seq::int8 as seq, prev_hash, hash`;

// A page of the chain after seq $2, at most $3 entries; `bounded` also stops at seq $2 + $3 (see auditPage).
// Two texts rather than one with an optional bound, so that a prepared statement's generic plan can
// use the bound in its index condition.
const auditWhere = (bounded: boolean) => `workspace_id = $1 and seq > $2${bounded ? ' and seq <= $2 + $3' : ''}`;

// The data comes back as text and is parsed here: PGlite decodes jsonb several times slower than JSON.parse.
const auditPage = (bounded: boolean) => `
  select seq::int8 as seq, at, actor_id as "actorId", action, subject, data::text as data, prev_hash as "prevHash", hash
  from audit_log where ${auditWhere(bounded)} order by seq limit $3`;

// The same page as one JSON array of arrays, for PGlite (see Statements.rowsAreCostly).
const auditPageJson = (bounded: boolean) => `
  select coalesce(json_agg(json_build_array(seq, at, actor_id, action, subject, data, prev_hash, hash) order by seq), '[]')::text as page
  from (select * from audit_log where ${auditWhere(bounded)} order by seq limit $3) entries`;

const AUDIT_PAGE = { bounded: auditPage(true), open: auditPage(false) };
const AUDIT_PAGE_JSON = { bounded: auditPageJson(true), open: auditPageJson(false) };

export class DrizzleAudit implements AuditRepo {
  constructor(
    private readonly db: Conn,
    private readonly sql: Statements,
  ) {}


  async lockWorkspace(workspaceId: number): Promise<void> {
    const [row] = await this.sql.rows(LOCK_HEAD, [workspaceId]);
    if (!row) {
      await this.sql.rows(CREATE_HEAD, [workspaceId, GENESIS_HASH]);
      await this.sql.rows(LOCK_HEAD, [workspaceId]);
    }
  }

  async append(workspaceId: number, at: Date, entry: NewAuditEntry): Promise<AuditEntry> {
    const content = {
      workspaceId,
      at: at.toISOString(),
      actorId: entry.actorId,
      action: entry.action,
      subject: entry.subject,
      data: JSON.parse(JSON.stringify(entry.data)) as Record<string, unknown>,
    };
    const { before, after } = entryJsonAroundSeq(content);
    const params = [workspaceId, before, after, content.at, content.actorId, content.action, content.subject, JSON.stringify(content.data)];
    type Row = { seq: number | string; prev_hash: string; hash: string };
    let [row] = await this.sql.rows<Row>(APPEND_AUDIT, params);
    if (!row) {
      await this.lockWorkspace(workspaceId);
      [row] = await this.sql.rows<Row>(APPEND_AUDIT, params);
    }
    return { ...content, seq: Number(row!.seq), prevHash: row!.prev_hash, hash: row!.hash };
  }

  async recent(workspaceId: number, limit: number, beforeSeq?: number): Promise<AuditEntry[]> {
    const where = beforeSeq === undefined ? eq(t.auditLog.workspaceId, workspaceId) : and(eq(t.auditLog.workspaceId, workspaceId), lt(t.auditLog.seq, beforeSeq));
    const rows = await this.db.select().from(t.auditLog).where(where).orderBy(desc(t.auditLog.seq)).limit(limit);
    return rows.map(toAudit);
  }

  async page(workspaceId: number, afterSeq: number, limit: number): Promise<AuditEntry[]> {
    // An intact chain has no gaps, so the next `limit` entries are the next `limit` numbers. Asking
    // for that range keeps a page's cost to its own entries even where the planner has no statistics
    // (PGlite never gathers any): asked for "after n, first k", it would fetch and sort every later
    // entry for each page. A short range means a gap or the end: then ask the exact question.
    const page = await this.readAudit(workspaceId, afterSeq, limit, 'bounded');
    return page.length === limit ? page : this.readAudit(workspaceId, afterSeq, limit, 'open');
  }

  private async readAudit(workspaceId: number, afterSeq: number, limit: number, range: 'bounded' | 'open'): Promise<AuditEntry[]> {
    const params = [workspaceId, afterSeq, limit];
    if (this.sql.rowsAreCostly) {
      const [row] = await this.sql.rows<{ page: string }>(AUDIT_PAGE_JSON[range], params);
      type Entry = [number, string, number | null, string, string | null, Record<string, unknown>, string, string];
      return (JSON.parse(row!.page) as Entry[]).map(([seq, at, actorId, action, subject, data, prevHash, hash]) => ({
        workspaceId,
        seq,
        at,
        actorId,
        action,
        subject,
        data,
        prevHash,
        hash,
      }));
    }
    type Row = Omit<AuditEntry, 'workspaceId' | 'seq' | 'data'> & { seq: number | string; data: string };
    const rows = await this.sql.rows<Row>(AUDIT_PAGE[range], params);
    return rows.map((r) => ({ ...r, workspaceId, seq: Number(r.seq), data: JSON.parse(r.data) as Record<string, unknown> }));
  }

  async head(workspaceId: number): Promise<{ seq: number; hash: string } | null> {
    const [head] = await this.db.select().from(t.auditHeads).where(eq(t.auditHeads.workspaceId, workspaceId));
    return head ? { seq: head.seq, hash: head.hash } : null;
  }

  async entryWithData(workspaceId: number, subject: string, field: string, value: string): Promise<AuditEntry | null> {
    const [row] = await this.db
      .select()
      .from(t.auditLog)
      .where(and(eq(t.auditLog.workspaceId, workspaceId), eq(t.auditLog.subject, subject), sql`${t.auditLog.data}->>${field} = ${value}`))
      .limit(1);
    return row ? toAudit(row) : null;
  }
}
