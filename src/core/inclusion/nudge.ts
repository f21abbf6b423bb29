// Before a proposal closes, at its reminder time: members who have not voted, of a sector whose representation ratio
// is below the workspace's threshold, are invited to vote, once per proposal.
//
// The ratio is taken on the raw counts, small cells included: the invitation is a private message to the member and
// tells nobody else anything, and leaving out a small sector would leave out exactly the members most easily
// unheard. The invitation itself names no figure, so it cannot tell a member a count below the minimum cell.
// Members who declared no sector are a sector of their own ("undeclared") and are invited like any other.
import type { Translator } from '../i18n/index.js';
import type { Proposal, Tx } from '../ports.js';
import { sectorName } from './figures.js';
import { underRepresented, UNDECLARED, type SectorCell } from './participation.js';

/**
 * Claims the proposal's one invitation and returns the members to invite, each with their sector; empty when it was
 * claimed before or no sector is below the threshold. The claim, the audit entry and (by the caller) the messages are
 * written in the job's one transaction.
 */
export async function membersToInvite(tx: Tx, p: Proposal, now: Date): Promise<Map<number, SectorCell>> {
  const invited = new Map<number, SectorCell>();
  const [counts, threshold, minCell] = await Promise.all([tx.inclusion.proposalCounts(p.id), tx.inclusion.threshold(p.workspaceId), tx.profiles.minCell(p.workspaceId)]);
  const below = underRepresented(counts, threshold);
  if (below.length === 0) return invited;
  // A second run of the reminder (a retried job) finds the claim taken and invites nobody again.
  if (!(await tx.inclusion.claimNudge(p.id, now))) return invited;
  for (const sector of below) {
    for (const id of await tx.inclusion.nonVotersIn(p.id, [sector])) invited.set(id, sector);
  }
  // How many, never who or which sectors: who was invited would tell what they declared. A small count shows only
  // as "<N", as any count of declarations does.
  const count = invited.size;
  await tx.audit.append(p.workspaceId, now, {
    actorId: null,
    action: 'proposal.inclusion-invited',
    subject: `proposal:${p.number}`,
    data: { invited: count >= minCell ? count : `<${minCell}` },
  });
  return invited;
}

/** What the invitation says in place of the reminder's line, in the member's language. */
export function invitationText(t: Translator, sector: SectorCell, group: string): string {
  return sector === UNDECLARED
    ? t({ key: 'inclusion.invite.undeclared', params: { group } })
    : t({ key: 'inclusion.invite.sector', params: { sector: sectorName(t, sector), group } });
}
