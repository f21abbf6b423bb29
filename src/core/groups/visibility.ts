// Who may read a group: the one place every view asks before it shows a group or anything filed under it.
import type { Session } from '../context.js';
import type { Tx } from '../ports.js';
import type { AuditEntry } from '../audit/ports.js';
import type { Group } from './ports.js';

/**
 * The reader a view is built for. `privateChannelId` is a channel the platform says is visible only
 * to its members and that the reader is in (they sent the command from it): the members of a private
 * group's own channel count as invited to it.
 */
export interface Reader {
  memberId: number;
  privateChannelId?: string;
}

export function readerOf(s: Session): Reader {
  return s.ctx.channel.membersOnly ? { memberId: s.actor.id, privateChannelId: s.ctx.channel.id } : { memberId: s.actor.id };
}

/** Open groups are read by everyone; private ones only by their members and invitees. */
export async function canReadGroup(tx: Tx, group: Pick<Group, 'id' | 'visibility' | 'channelId'>, reader: Reader): Promise<boolean> {
  if (group.visibility !== 'private') return true;
  if (reader.privateChannelId !== undefined && reader.privateChannelId === group.channelId) return true;
  return tx.groupAccess.isMemberOrInvited(group.id, reader.memberId);
}

/** The ids of the groups the reader may not read, for leaving them out of lists in the query itself. */
export async function hiddenGroupIds(tx: Tx, workspaceId: number, reader: Reader): Promise<number[]> {
  const closed = await tx.groupAccess.privateGroupsClosedTo(workspaceId, reader.memberId);
  return closed.filter((g) => reader.privateChannelId === undefined || g.channelId !== reader.privateChannelId).map((g) => g.id);
}

/** Whether the reader may read something filed under this group (a proposal, commitment or mediation); none means open. */
export async function canReadFiledUnder(tx: Tx, groupId: number | null, reader: Reader): Promise<boolean> {
  if (groupId === null) return true;
  return canReadGroup(tx, await tx.groups.get(groupId), reader);
}

/**
 * A filter for audit entries: those about a group the reader may not read (the group itself, or a
 * proposal, commitment or mediation filed under it) are left out; everything else is kept.
 */
export async function auditReadFilter(tx: Tx, workspaceId: number, reader: Reader): Promise<(entry: AuditEntry) => boolean> {
  const hidden = await hiddenGroupIds(tx, workspaceId, reader);
  if (hidden.length === 0) return () => true;
  const subjects = new Set(await tx.groupAccess.subjectsOf(workspaceId, hidden));
  return (entry) => entry.subject === null || !subjects.has(entry.subject);
}

/** How far back `readableRecentAudit` looks for entries the reader may see before it settles for fewer. */
const AUDIT_LOOKBACK = 5000;

/** The latest `limit` entries the reader may see, newest first. */
export async function readableRecentAudit(tx: Tx, workspaceId: number, reader: Reader, limit: number): Promise<AuditEntry[]> {
  const readable = await auditReadFilter(tx, workspaceId, reader);
  for (let fetch = limit; ; fetch = Math.min(fetch * 4, AUDIT_LOOKBACK)) {
    const recent = await tx.audit.recent(workspaceId, fetch);
    const kept = recent.filter(readable);
    // Hidden entries took some places: look further back, within reason.
    if (kept.length >= limit || recent.length < fetch || fetch >= AUDIT_LOOKBACK) return kept.slice(0, limit);
  }
}
