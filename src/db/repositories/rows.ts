// What every repository shares: the statements it sends, and rows turned into the core's entities.
import { sql, type SQL } from 'drizzle-orm';
import type { AuditEntry } from '../../core/audit/ports.js';
import type { Group, GroupKind } from '../../core/groups/ports.js';
import type { Locale } from '../../core/i18n/types.js';
import type { Member, Workspace } from '../../core/members/ports.js';
import type { MessageRef } from '../../core/outbox/ports.js';
import type { HideResults, Proposal, ProposalStatus } from '../../core/proposals/ports.js';
import type { RuleConfig, RuleName, TallyResult, TieMode } from '../../core/proposals/rules/types.js';
import { rowsOf, type Db, type DbTx } from '../client.js';
import type * as t from '../schema.js';

/** A drizzle database, or a transaction on one: every repository reads and writes through it. */
export type Conn = Db | DbTx;

/**
 * Plain SQL with $1-style parameters, for the statements every command runs. On postgres.js they are
 * prepared once per connection and skip drizzle's query building; statements issued together are
 * pipelined into one write.
 */
export interface Statements {
  /** PGlite decodes result rows field by field in JavaScript: for large reads one JSON value is cheaper. */
  readonly rowsAreCostly?: boolean;
  rows<T>(text: string, params: readonly unknown[]): Promise<T[]>;
  /** Queues a write that only has to happen before COMMIT, to be sent with it; absent outside a store transaction. */
  beforeCommit?(text: string, params: readonly unknown[]): void;
}

/** The same statements through drizzle, for a DrizzleTx built on a transaction someone else opened. */
export function drizzleStatements(db: Conn): Statements {
  return {
    async rows<T>(text: string, params: readonly unknown[]) {
      return rowsOf<T>(await db.execute(withParams(text, params)));
    },
  };
}

function withParams(text: string, params: readonly unknown[]): SQL {
  const chunks: SQL[] = [];
  let at = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(at, match.index)), sql`${params[Number(match[1]) - 1]}`);
    at = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(at)));
  return sql.join(chunks);
}

// Raw rows carry timestamps as Date (PGlite) or as text (postgres.js under drizzle's parsers).
export const asDate = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
export const asDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : asDate(value));

export const toWorkspace = (r: typeof t.workspaces.$inferSelect): Workspace => ({
  id: r.id,
  platform: r.platform,
  externalId: r.externalId,
  name: r.name,
  locale: r.locale as Locale,
  timezone: r.timezone,
  reminderHours: r.reminderHours,
});

export const toMember = (r: typeof t.members.$inferSelect): Member => ({
  id: r.id,
  workspaceId: r.workspaceId,
  externalId: r.externalId,
  displayName: r.displayName,
  locale: (r.locale as Locale | null) ?? null,
  timezone: r.timezone ?? null,
});

export const toGroup = (r: typeof t.groups.$inferSelect): Group => ({
  ...r,
  kind: r.kind as GroupKind,
  rankedTies: r.rankedTies as TieMode,
  visibility: r.visibility === 'private' ? 'private' : 'open',
});

// The ballot secret stays in the database: no Proposal, and so no view or reply, ever carries it.
export const toProposal = ({ ballotSalt: _secret, ...r }: typeof t.proposals.$inferSelect): Proposal => ({
  ...r,
  rule: r.rule as RuleName,
  config: r.config as RuleConfig,
  hideResults: r.hideResults as HideResults,
  ties: r.ties as TieMode,
  status: r.status as ProposalStatus,
  result: (r.result as TallyResult | null) ?? null,
  messageRef: (r.messageRef as MessageRef | null) ?? null,
});

export const toAudit = (r: typeof t.auditLog.$inferSelect): AuditEntry => ({
  workspaceId: r.workspaceId,
  seq: r.seq,
  at: r.at,
  actorId: r.actorId,
  action: r.action,
  subject: r.subject,
  data: r.data as Record<string, unknown>,
  prevHash: r.prevHash,
  hash: r.hash,
});
