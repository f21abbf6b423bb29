// A proposal's participation by sector: read live while it is open, frozen into the proposal when it closes, so the
// result never changes when members change their profiles (or the threshold changes) afterwards.
//
// Anonymous proposals show it too: it counts who cast a ballot, as the turnout already does, and never reads what a
// ballot says, so no choice can be read off it; the minimum cell keeps a small sector from pointing at a member.
// What it cannot hide is a change watched live: a card refreshed right after a known member voted shows which
// sector's count moved (refreshes often cover several votes, not always). A sector below the minimum cell never shows.
import type { Proposal, Tx } from '../ports.js';
import type { ProposalParticipation } from './figures.js';
import { participationOf, underRepresented, type SectorCounts } from './participation.js';
import type { FrozenParticipation } from './ports.js';

const unpack = (f: FrozenParticipation): SectorCounts[] => f.sectors.map(([sector, eligible, participants]) => ({ sector, eligible, participants }));

/**
 * The figures a card shows: the frozen counts of a closed proposal, else the current ones. Either way under the
 * minimum cell in force now, so raising it later protects old results too. Closed proposals from before counts were
 * frozen show the current counts and no note.
 */
export async function proposalParticipation(tx: Tx, p: Proposal): Promise<ProposalParticipation> {
  const [minCell, frozen] = await Promise.all([tx.profiles.minCell(p.workspaceId), p.status === 'closed' ? tx.inclusion.frozen(p.id) : null]);
  if (frozen) return { figures: participationOf(unpack(frozen), minCell), below: frozen.below };
  return { figures: participationOf(await tx.inclusion.proposalCounts(p.id), minCell), below: null };
}

/** At close: stores the raw counts with the threshold and the sectors below it, and returns what the result card shows. */
export async function freezeParticipation(tx: Tx, p: Proposal): Promise<ProposalParticipation> {
  const [counts, minCell, threshold] = await Promise.all([tx.inclusion.proposalCounts(p.id), tx.profiles.minCell(p.workspaceId), tx.inclusion.threshold(p.workspaceId)]);
  const frozen: FrozenParticipation = {
    sectors: counts.map((c) => [c.sector, c.eligible, c.participants]),
    threshold,
    below: underRepresented(counts, threshold),
  };
  await tx.inclusion.freeze(p.id, frozen);
  return { figures: participationOf(counts, minCell), below: frozen.below };
}
