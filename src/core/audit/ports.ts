// The workspace's audit chain: entries as stored, and as a command appends them.

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
