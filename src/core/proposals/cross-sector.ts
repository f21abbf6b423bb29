// `--cross-sector N`: a proposal passes only with support from members of at least N sectors, members without a declared
// sector counting together as one. Counted once, in core, when voting ends; only the two numbers ever leave here.
import { msg } from '../i18n/types.js';
import { UNDECLARED } from '../inclusion/participation.js';
import type { Tx } from '../ports.js';
import { SECTORS } from '../stakeholders/ports.js';
import type { Proposal, StoredBallot } from './ports.js';
import { FIST_OF_FIVE_CHOICES } from './rules/choices.js';
import type { BallotValue, RuleName, TallyResult } from './rules/types.js';

/**
 * The rules where a ballot says yes or no to the proposal, so "support" is plain: consensus (agree), consent (consent),
 * majority (yes), fist-of-five (3 or more, "can live with it" and up). Option rules pick among options rather than pass,
 * and a ranked, scored or dotted ballot does not say yes or no to the winner; the advice process has no pass at all.
 */
export const CROSS_SECTOR_RULES = ['consensus', 'consent', 'majority', 'fist-of-five'] as const satisfies readonly RuleName[];

/** Six declared sectors and the undeclared. */
export const CROSS_SECTOR = { min: 2, max: SECTORS.length + 1 } as const;

const FINGERS_OF_SUPPORT: ReadonlySet<string> = new Set(FIST_OF_FIVE_CHOICES.filter((c) => Number(c) >= 3));

/** Whether the ballot supports the proposal under its rule. */
export function supports(rule: RuleName, value: BallotValue): boolean {
  if (value.kind !== 'choice') return false;
  switch (rule) {
    case 'consensus':
      return value.choice === 'agree';
    case 'consent':
      return value.choice === 'consent';
    case 'majority':
      return value.choice === 'yes';
    case 'fist-of-five':
      return FINGERS_OF_SUPPORT.has(value.choice);
    default:
      return false;
  }
}

/** How many distinct sectors the supporters come from; a supporter with no declared sector counts under "undeclared". */
export function supportSectors(rule: RuleName, ballots: readonly Pick<StoredBallot, 'memberId' | 'value'>[], sectorOf: ReadonlyMap<number, string>): number {
  const sectors = new Set<string>();
  for (const b of ballots) if (supports(rule, b.value)) sectors.add(sectorOf.get(b.memberId) ?? UNDECLARED);
  return sectors.size;
}

/** The result with the requirement applied: a pass with too few sectors becomes "not passed", and says why. */
export function applyCrossSector(result: TallyResult, needed: number, sectors: number): TallyResult {
  const met = sectors >= needed;
  const decisive = !met && result.outcome === 'passed';
  return {
    ...result,
    outcome: decisive ? 'failed' : result.outcome,
    crossSector: { needed, sectors, met, decisive },
    explanation: [...result.explanation, msg(met ? 'tally.crossSector.met' : 'tally.crossSector.short', { count: sectors, needed })],
  };
}

/** At close: reads who supported and the sectors they declared now, and applies the requirement. */
export async function withCrossSector(tx: Tx, p: Proposal, result: TallyResult): Promise<TallyResult> {
  if (!p.crossSector) return result;
  const supporters = (await tx.ballots.list(p.id)).filter((b) => supports(p.rule, b.value));
  const sectorOf = await tx.profiles.sectorsOf(supporters.map((b) => b.memberId));
  return applyCrossSector(result, p.crossSector, supportSectors(p.rule, supporters, sectorOf));
}

/** What the close entry records of it: only the counts. */
export const crossSectorRecord = (result: TallyResult): Record<string, unknown> =>
  result.crossSector ? { crossSector: { needed: result.crossSector.needed, sectors: result.crossSector.sectors, met: result.crossSector.met } } : {};
