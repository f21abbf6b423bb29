// How fairly a pool was shared: allocation per sector against target shares, the Gini coefficient across members and across sectors, and the members who allocated nothing.
//
// Pure figures for the report; the caller says what was allocated (contributed in a crowdfund or quadratic pool,
// paid by equal shares) and puts the figures in words.
import { UNDECLARED, type SectorCell } from '../inclusion/participation.js';
import { SECTORS, type Sector } from '../stakeholders/ports.js';

export type MemberId = number;

/**
 * The Gini coefficient of non-negative amounts, by the standard formula Σᵢ Σⱼ |xᵢ − xⱼ| / (2n²μ): 0 when everyone
 * has the same, (n − 1)/n when one has everything. With nothing to compare (no amounts, one amount, or all zero)
 * it is 0: nobody has more than anyone else.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  if (values.some((v) => !(v >= 0) || !Number.isFinite(v))) throw new RangeError('gini needs finite amounts that are not negative');
  const total = values.reduce((a, b) => a + b, 0);
  if (n < 2 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // (2 Σ i·x₍ᵢ₎ − (n + 1) Σx) / (n Σx) over the amounts in ascending order. With whole amounts the numerator is
  // computed exactly, so equal allocations give exactly 0 rather than a float's 1e-16.
  if (sorted.every(Number.isSafeInteger)) {
    let weighted = 0n;
    sorted.forEach((x, i) => (weighted += BigInt(i + 1) * BigInt(x)));
    const numerator = 2n * weighted - BigInt(n + 1) * BigInt(total);
    return Number(numerator) / (n * total);
  }
  const weighted = sorted.reduce((s, x, i) => s + (i + 1) * x, 0);
  return Math.max(0, (2 * weighted - (n + 1) * total) / (n * total));
}

export type TargetRefusal =
  | { reason: 'not-a-target'; item: string }
  | { reason: 'unknown-sector'; item: string }
  | { reason: 'duplicate'; item: string }
  | { reason: 'over-100'; total: number };

/**
 * Reads target shares as typed, `government=20%,community=40%` (the `%` optional, a decimal comma or point
 * accepted, `:` as well as `=`). Sectors without a target have none; together the targets may not pass 100%.
 */
export function parseTargets(text: string): { ok: true; targets: Map<Sector, number> } | { ok: false; refusal: TargetRefusal } {
  const targets = new Map<Sector, number>();
  for (const raw of text.split(/[;,\s]+(?=\p{L})/u)) {
    const item = raw.trim();
    if (!item) continue;
    const match = /^([\p{L}-]+)\s*[=:]\s*(\d+(?:[.,]\d+)?)\s*%?$/u.exec(item);
    if (!match) return { ok: false, refusal: { reason: 'not-a-target', item } };
    const sector = match[1]!.toLowerCase();
    if (!(SECTORS as readonly string[]).includes(sector)) return { ok: false, refusal: { reason: 'unknown-sector', item } };
    if (targets.has(sector as Sector)) return { ok: false, refusal: { reason: 'duplicate', item } };
    const percent = Number(match[2]!.replace(',', '.'));
    if (percent > 100) return { ok: false, refusal: { reason: 'over-100', total: percent } };
    targets.set(sector as Sector, percent / 100);
  }
  const total = [...targets.values()].reduce((a, b) => a + b, 0);
  // Compared in whole hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100.
  if (Math.round(total * 10_000) > 10_000) return { ok: false, refusal: { reason: 'over-100', total: Math.round(total * 10_000) / 100 } };
  if (targets.size === 0) return { ok: false, refusal: { reason: 'not-a-target', item: text.trim() } };
  return { ok: true, targets };
}

export interface SectorAllocation {
  sector: SectorCell;
  members: number;
  amount: number;
  /** Of everything allocated; 0 when nothing was. */
  share: number;
  target: number | null;
  /** share − target, in fractions (−0.05 is five points under target); null without a target. */
  deviation: number | null;
}

export interface FairnessReport {
  total: number;
  /** Sectors with members or a target, in the catalog's order, then members without a sector. */
  bySector: SectorAllocation[];
  /** Gini of what each member allocated, members who allocated nothing included. */
  giniMembers: number;
  /** Gini of the sectors' totals, over sectors with members or a target; members without a sector are left out. */
  giniSectors: number;
  /** In id order. */
  allocatedNothing: MemberId[];
}

/**
 * The fairness report of a pool: `allocated` is what each member allocated (members absent allocated nothing),
 * `sectors` each member's declared sector.
 */
export function fairnessReport(input: {
  members: readonly MemberId[];
  allocated: ReadonlyMap<MemberId, number>;
  sectors: ReadonlyMap<MemberId, Sector | null>;
  targets?: ReadonlyMap<Sector, number>;
}): FairnessReport {
  const members = [...new Set(input.members)].sort((a, b) => a - b);
  const amounts = members.map((m) => input.allocated.get(m) ?? 0);
  const total = amounts.reduce((a, b) => a + b, 0);
  const cells = new Map<SectorCell, { members: number; amount: number }>();
  members.forEach((m, i) => {
    const cell: SectorCell = input.sectors.get(m) ?? UNDECLARED;
    const c = cells.get(cell) ?? { members: 0, amount: 0 };
    c.members += 1;
    c.amount += amounts[i]!;
    cells.set(cell, c);
  });
  const targets = input.targets ?? new Map<Sector, number>();
  const shown: SectorCell[] = [...SECTORS.filter((s) => cells.has(s) || targets.has(s)), ...(cells.has(UNDECLARED) ? [UNDECLARED as SectorCell] : [])];
  const bySector = shown.map((sector): SectorAllocation => {
    const c = cells.get(sector) ?? { members: 0, amount: 0 };
    const share = total === 0 ? 0 : c.amount / total;
    const target = sector === UNDECLARED ? null : (targets.get(sector) ?? null);
    return { sector, members: c.members, amount: c.amount, share, target, deviation: target === null ? null : share - target };
  });
  return {
    total,
    bySector,
    giniMembers: gini(amounts),
    giniSectors: gini(bySector.filter((s) => s.sector !== UNDECLARED).map((s) => s.amount)),
    allocatedNothing: members.filter((_, i) => amounts[i] === 0),
  };
}
