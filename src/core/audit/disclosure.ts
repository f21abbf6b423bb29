// Who may read which audit entries, and how much of each: the one place every audit view asks.
import type { HideResults } from '../proposals/ports.js';
import { resultsVisible } from '../proposals/card.js';
import type { AuditEntry } from './ports.js';
import type { ProposalStatus } from '../proposals/ports.js';

/** The member reading the log, with the groups they belong to (any role). */
export interface AuditReader {
  memberId: number;
  groupIds: ReadonlySet<number>;
}

/** What an entry is about, as far as reading it is concerned. */
export interface EntryScope {
  /** The group the entry belongs to; null for workspace-level entries (settings, work outside any group). */
  groupId: number | null;
  /** Set when the entry is about a proposal. */
  proposal?: {
    anonymous: boolean;
    hideResults: HideResults;
    status: ProposalStatus;
    /** The reader has a ballot on it: with hide-results until-vote they may then see ballots. */
    readerHasVoted: boolean;
  };
}

/** What the reader is shown of one entry. */
export interface Disclosed {
  entry: AuditEntry;
  /** Null when the entry is the system's, or when naming the actor would reveal a secret ballot. */
  actorId: number | null;
  data: Record<string, unknown>;
  /** The ballot's value and reason are withheld until the reader may see results. */
  ballotWithheld: boolean;
}

export const BALLOT_ACTIONS: ReadonlySet<string> = new Set(['ballot.cast', 'ballot.changed']);

/**
 * May the reader see entries of this group? Members of the group may, whatever their role. Workspace
 * entries are for anyone who takes part in some group: someone in no group reads nothing.
 */
export function mayReadGroup(reader: AuditReader, groupId: number | null): boolean {
  if (groupId === null) return reader.groupIds.size > 0;
  return reader.groupIds.has(groupId);
}

/**
 * What of `entry` the reader may see, or null for nothing at all.
 *
 * A ballot on an anonymous proposal is never shown on its own, not even without a name: its position
 * and time beside a card that moved would still point at someone. Such ballots are released only as
 * the totals of the closing entry. The close of an anonymous proposal names nobody either, since the
 * member whose ballot completed the vote would otherwise be named.
 */
export function disclose(entry: AuditEntry, reader: AuditReader, scope: EntryScope): Disclosed | null {
  if (!mayReadGroup(reader, scope.groupId)) return null;
  const p = scope.proposal;
  if (p && BALLOT_ACTIONS.has(entry.action)) {
    if (p.anonymous) return null;
    if (!resultsVisible(p, p.readerHasVoted)) {
      return { entry, actorId: entry.actorId, data: {}, ballotWithheld: true };
    }
  }
  if (p?.anonymous && entry.action === 'proposal.closed') return { entry, actorId: null, data: entry.data, ballotWithheld: false };
  return { entry, actorId: entry.actorId, data: entry.data, ballotWithheld: false };
}
