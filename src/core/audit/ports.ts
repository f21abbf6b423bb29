// The workspace's audit chain: entries as stored, as a command appends them, and the repository that keeps them.

export interface AuditEntry {
  workspaceId: number;
  seq: number;
  at: string;
  actorId: number | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface NewAuditEntry {
  actorId: number | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

export interface AuditRepo {
  /** Appends to the workspace's chain; locks the chain head until the transaction ends. */
  append(workspaceId: number, at: Date, entry: NewAuditEntry): Promise<AuditEntry>;
  /** Takes the chain head lock early so that everything after it in this transaction is serialised per workspace. */
  lockWorkspace(workspaceId: number): Promise<void>;
  /** The newest entries first; with `beforeSeq`, only those older than it (to page back). */
  recent(workspaceId: number, limit: number, beforeSeq?: number): Promise<AuditEntry[]>;
  page(workspaceId: number, afterSeq: number, limit: number): Promise<AuditEntry[]>;
  head(workspaceId: number): Promise<{ seq: number; hash: string } | null>;
  /** The entry about `subject` whose data has `field` equal to `value` (a sealed ballot's commitment), if any. */
  entryWithData(workspaceId: number, subject: string, field: string, value: string): Promise<AuditEntry | null>;
}
