// Who took part, by the sector members declared, against who could have: counts, shares and the representation
// ratio, with small cells suppressed so that no member's declaration can be read off the figures. Pure: no storage,
// no words, so every boundary can be tested on its own.
import { SECTORS, type Sector } from '../stakeholders/ports.js';

/** Members who declared no sector are counted together under this. */
export const UNDECLARED = 'undeclared';
export type SectorCell = Sector | typeof UNDECLARED;

/** The workspace setting's bounds and default: counts below the minimum cell are not shown. */
export const MIN_CELL = { min: 2, max: 50, default: 5 } as const;

/** A count as shown: the number, or only that it is fewer than the minimum cell. */
export type Count = { count: number } | { fewerThan: number };
/** A share or ratio as shown; withheld when a count it is made of is not shown. */
export type Figure = number | 'withheld';

export interface SectorParticipation {
  sector: SectorCell;
  eligible: Count;
  participants: Count;
  /** This sector's eligible members ÷ all eligible members. */
  shareOfEligible: Figure;
  /** This sector's participants ÷ all participants; null when nobody took part. */
  shareOfParticipants: Figure | null;
  /** Share of participants ÷ share of eligible: 1 is in proportion, below 1 under-represented; null when nobody took part. */
  ratio: Figure | null;
}

export interface Participation {
  minCell: number;
  sectors: SectorParticipation[];
  eligible: Count;
  participants: Count;
}

export interface EligibleMember {
  memberId: number;
  /** The sector the member declared, if any. */
  sector: Sector | null;
}

/** One sector's raw counts: how many could take part and how many did. Never shown as they are. */
export interface SectorCounts {
  sector: SectorCell;
  eligible: number;
  participants: number;
}

/** The threshold setting's bounds and default: a sector whose representation ratio is below it is invited to vote. */
export const THRESHOLD = { min: 0.1, max: 1, default: 0.6 } as const;

/**
 * Per sector (in the register's order, undeclared last, only sectors some eligible member declared), how many
 * could take part and how many did.
 *
 * Any count below `minCell` shows only as "fewer than minCell", and the shares and ratio made from it are withheld.
 * Within a column (eligible, participants), if exactly one count is suppressed it could be recovered by subtracting
 * the others from the total, so the next smallest is suppressed too; if there is no other, the total is.
 */
export function participation(eligible: readonly EligibleMember[], took: ReadonlySet<number>, minCell: number): Participation {
  const tally = new Map<SectorCell, SectorCounts>();
  for (const m of eligible) {
    const sector = m.sector ?? UNDECLARED;
    const row = tally.get(sector) ?? { sector, eligible: 0, participants: 0 };
    row.eligible += 1;
    if (took.has(m.memberId)) row.participants += 1;
    tally.set(sector, row);
  }
  return participationOf([...tally.values()], minCell);
}

/** The same from counts already made (by the database, say): one row per sector, in any order. */
export function participationOf(counts: readonly SectorCounts[], minCell: number): Participation {
  const rows = ordered(counts);
  const totalEligible = rows.reduce((n, r) => n + r.eligible, 0);
  const totalParticipants = rows.reduce((n, r) => n + r.participants, 0);

  const eligibleColumn = suppress(rows.map((r) => r.eligible), totalEligible, minCell);
  const participantColumn = suppress(rows.map((r) => r.participants), totalParticipants, minCell);

  const sectors = rows.map((r, i): SectorParticipation => {
    const eligibleShown = !eligibleColumn.hidden[i];
    const participantsShown = !participantColumn.hidden[i];
    const shareOfEligible: Figure = eligibleShown && totalEligible > 0 ? r.eligible / totalEligible : 'withheld';
    const nobody = totalParticipants === 0;
    const shareOfParticipants: Figure | null = nobody ? null : participantsShown ? r.participants / totalParticipants : 'withheld';
    const ratio: Figure | null =
      nobody ? null : typeof shareOfEligible === 'number' && typeof shareOfParticipants === 'number' ? shareOfParticipants / shareOfEligible : 'withheld';
    return {
      sector: r.sector,
      eligible: shown(r.eligible, eligibleShown, minCell),
      participants: shown(r.participants, participantsShown, minCell),
      shareOfEligible,
      shareOfParticipants,
      ratio,
    };
  });
  return {
    minCell,
    sectors,
    eligible: shown(totalEligible, !eligibleColumn.totalHidden, minCell),
    participants: shown(totalParticipants, !participantColumn.totalHidden, minCell),
  };
}

/** Sectors with eligible members, in the register's order, undeclared last, one row each. */
function ordered(counts: readonly SectorCounts[]): SectorCounts[] {
  const order: SectorCell[] = [...SECTORS, UNDECLARED];
  const merged = new Map<SectorCell, SectorCounts>();
  for (const c of counts) {
    const row = merged.get(c.sector) ?? { sector: c.sector, eligible: 0, participants: 0 };
    merged.set(c.sector, { sector: c.sector, eligible: row.eligible + c.eligible, participants: row.participants + c.participants });
  }
  return order.flatMap((s) => {
    const row = merged.get(s);
    return row && row.eligible > 0 ? [row] : [];
  });
}

/**
 * The sectors whose representation ratio, on the raw counts, is below `threshold`. None while nobody has taken part:
 * every sector is then equally absent, and the ordinary reminder already reaches everyone who has not voted.
 */
export function underRepresented(counts: readonly SectorCounts[], threshold: number): SectorCell[] {
  const rows = ordered(counts);
  const totalEligible = rows.reduce((n, r) => n + r.eligible, 0);
  const totalParticipants = rows.reduce((n, r) => n + r.participants, 0);
  if (totalParticipants === 0) return [];
  return rows.filter((r) => r.participants / totalParticipants / (r.eligible / totalEligible) < threshold).map((r) => r.sector);
}

const shown = (count: number, visible: boolean, minCell: number): Count => (visible ? { count } : { fewerThan: minCell });

/**
 * Which counts of one column to hide: those below the minimum cell and, when exactly one is, the smallest count still
 * shown (the first of equals) as well, so that the hidden one cannot be worked out from the others and a total.
 */
export function hiddenCells(counts: readonly number[], minCell: number): boolean[] {
  const hidden = counts.map((n) => n < minCell);
  if (hidden.filter(Boolean).length === 1) {
    // The smallest count still shown (the first of equals), so that the one hidden cannot be worked out.
    let next = -1;
    counts.forEach((n, i) => {
      if (!hidden[i] && (next === -1 || n < counts[next]!)) next = i;
    });
    if (next !== -1) hidden[next] = true;
  }
  return hidden;
}

/** Which counts of one column to hide, and whether its total must be hidden as well. */
function suppress(counts: readonly number[], total: number, minCell: number): { hidden: boolean[]; totalHidden: boolean } {
  const hidden = hiddenCells(counts, minCell);
  // A single hidden count with nothing else hidden beside it equals the total less the shown ones.
  const totalHidden = total < minCell || hidden.filter(Boolean).length === 1;
  return { hidden, totalHidden };
}
