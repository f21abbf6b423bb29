// Participation by declared sector: counts, shares, the representation ratio, and small cells suppressed so that
// no declaration can be read off the figures, at every boundary.
import { describe, expect, it } from 'vitest';
import { inclusionNote, participationFields } from '../../../src/core/inclusion/figures.js';
import { participation, participationOf, underRepresented, type EligibleMember, type SectorCounts } from '../../../src/core/inclusion/participation.js';
import { translator } from '../../../src/core/i18n/index.js';
import type { Sector } from '../../../src/core/stakeholders/ports.js';

let next = 1;
/** `n` members of a sector, and the ids of the first `took` of them, as having taken part. */
function members(sector: Sector | null, n: number, took: number): { eligible: EligibleMember[]; took: number[] } {
  const eligible = Array.from({ length: n }, () => ({ memberId: next++, sector }));
  return { eligible, took: eligible.slice(0, took).map((m) => m.memberId) };
}

function run(parts: Array<{ eligible: EligibleMember[]; took: number[] }>, minCell = 5) {
  return participation(
    parts.flatMap((p) => p.eligible),
    new Set(parts.flatMap((p) => p.took)),
    minCell,
  );
}

describe('participation', () => {
  it('counts, shares and ratios when every cell is large enough', () => {
    const r = run([members('government', 10, 5), members('business', 10, 10), members('community', 20, 5)]);
    expect(r.eligible).toEqual({ count: 40 });
    expect(r.participants).toEqual({ count: 20 });
    expect(r.sectors.map((s) => s.sector)).toEqual(['government', 'business', 'community']);
    expect(r.sectors[0]).toEqual({ sector: 'government', eligible: { count: 10 }, participants: { count: 5 }, shareOfEligible: 0.25, shareOfParticipants: 0.25, ratio: 1 });
    expect(r.sectors[1]).toMatchObject({ shareOfEligible: 0.25, shareOfParticipants: 0.5, ratio: 2 });
    expect(r.sectors[2]).toMatchObject({ shareOfEligible: 0.5, shareOfParticipants: 0.25, ratio: 0.5 });
  });

  it('shows a count of exactly the minimum cell and hides one below it', () => {
    const at = run([members('government', 5, 5), members('business', 5, 5), members('academia', 5, 5)]);
    expect(at.sectors.every((s) => 'count' in s.eligible && 'count' in s.participants && typeof s.ratio === 'number')).toBe(true);

    // 4 participants in academia: hidden, and being the only one hidden, the next smallest goes with it.
    const below = run([members('government', 6, 6), members('business', 7, 5), members('academia', 5, 4)]);
    const [government, business, academia] = below.sectors;
    expect(academia!.participants).toEqual({ fewerThan: 5 });
    expect(academia!.ratio).toBe('withheld');
    expect(academia!.shareOfParticipants).toBe('withheld');
    expect(business!.participants).toEqual({ fewerThan: 5 });
    expect(business!.ratio).toBe('withheld');
    expect(government!.participants).toEqual({ count: 6 });
    expect(government!.ratio).toBeCloseTo((6 / 15) / (6 / 18));
    // Eligible counts are all at least 5 and stay shown.
    expect(below.sectors.map((s) => s.eligible)).toEqual([{ count: 6 }, { count: 7 }, { count: 5 }]);
    expect(below.participants).toEqual({ count: 15 });
  });

  it('follows the workspace\'s minimum cell', () => {
    const r = run([members('government', 3, 3), members('business', 3, 2)], 3);
    expect(r.sectors[0]!.participants).toEqual({ fewerThan: 3 });
    expect(r.sectors[1]!.participants).toEqual({ fewerThan: 3 });
    expect(r.sectors.map((s) => s.eligible)).toEqual([{ count: 3 }, { count: 3 }]);
    expect(r.minCell).toBe(3);
  });

  it('suppresses no further cell when two are already hidden', () => {
    const r = run([members('government', 10, 8), members('business', 10, 3), members('nonprofit', 10, 2), members('other', 10, 9)]);
    expect(r.sectors.map((s) => s.participants)).toEqual([{ count: 8 }, { fewerThan: 5 }, { fewerThan: 5 }, { count: 9 }]);
    expect(r.sectors.map((s) => s.ratio === 'withheld')).toEqual([false, true, true, false]);
    expect(r.participants).toEqual({ count: 22 });
  });

  it('hides the next smallest of equals only once, and the total when there is nothing else to hide', () => {
    const r = run([members('government', 2, 0), members('business', 6, 6), members('community', 6, 6)]);
    expect(r.sectors.map((s) => s.eligible)).toEqual([{ fewerThan: 5 }, { fewerThan: 5 }, { count: 6 }]);
    expect(r.eligible).toEqual({ count: 14 });

    const alone = run([members('government', 3, 1)]);
    expect(alone.sectors[0]!.eligible).toEqual({ fewerThan: 5 });
    expect(alone.eligible).toEqual({ fewerThan: 5 });
    expect(alone.participants).toEqual({ fewerThan: 5 });
  });

  it('hides the total of a column whose only cell is hidden, even when the total would be large enough', () => {
    // One sector, with enough eligible members but few participants: the participants total is that cell.
    const r = run([members('government', 12, 3)]);
    expect(r.sectors[0]!.participants).toEqual({ fewerThan: 5 });
    expect(r.participants).toEqual({ fewerThan: 5 });
    expect(r.eligible).toEqual({ count: 12 });
  });

  it('gives no shares of participants and no ratio when nobody took part', () => {
    const r = run([members('government', 10, 0), members('business', 10, 0)]);
    expect(r.sectors.map((s) => s.ratio)).toEqual([null, null]);
    expect(r.sectors.map((s) => s.shareOfParticipants)).toEqual([null, null]);
    expect(r.sectors.map((s) => s.shareOfEligible)).toEqual([0.5, 0.5]);
    expect(r.sectors.map((s) => s.participants)).toEqual([{ fewerThan: 5 }, { fewerThan: 5 }]);
  });

  it('counts members who declared no sector as undeclared, last', () => {
    const r = run([members(null, 8, 4), members('academia', 6, 6)]);
    expect(r.sectors.map((s) => s.sector)).toEqual(['academia', 'undeclared']);
    expect(r.sectors[1]).toMatchObject({ eligible: { count: 8 }, participants: { fewerThan: 5 }, ratio: 'withheld' });
    // The only other participant count is hidden with it.
    expect(r.sectors[0]).toMatchObject({ participants: { fewerThan: 5 }, ratio: 'withheld', shareOfEligible: 6 / 14 });
  });

  it('is empty when nobody is eligible', () => {
    const r = participation([], new Set(), 5);
    expect(r.sectors).toEqual([]);
    expect(r.eligible).toEqual({ fewerThan: 5 });
  });
});

describe('participation from counts made by the database', () => {
  it('agrees with counting members one by one, whatever order the rows come in', () => {
    const fromMembers = run([members('government', 10, 5), members(null, 3, 1), members('community', 20, 5)]);
    const fromCounts = participationOf(
      [
        { sector: 'undeclared', eligible: 3, participants: 1 },
        { sector: 'community', eligible: 20, participants: 5 },
        { sector: 'government', eligible: 10, participants: 5 },
      ],
      5,
    );
    expect(fromCounts).toEqual(fromMembers);
  });
});

describe('underRepresented', () => {
  const counts: SectorCounts[] = [
    { sector: 'government', eligible: 10, participants: 5 },
    { sector: 'community', eligible: 20, participants: 3 },
    { sector: 'undeclared', eligible: 2, participants: 0 },
  ];

  it('names the sectors whose ratio on the raw counts is below the threshold, small ones included', () => {
    // 8 took part of 32: government (5/8)/(10/32) = 2, community (3/8)/(20/32) = 0.6, undeclared 0.
    expect(underRepresented(counts, 0.6)).toEqual(['undeclared']);
    expect(underRepresented(counts, 0.61)).toEqual(['community', 'undeclared']);
  });

  it('names none while nobody has taken part', () => {
    expect(underRepresented([{ sector: 'community', eligible: 5, participants: 0 }], 1)).toEqual([]);
  });
});

describe('the inclusion note', () => {
  const t = translator('en');
  const figures = participationOf(
    [
      { sector: 'government', eligible: 10, participants: 6 },
      { sector: 'community', eligible: 20, participants: 5 },
      { sector: 'business', eligible: 3, participants: 0 },
      { sector: 'nonprofit', eligible: 4, participants: 1 },
    ],
    5,
  );

  it('names a sector below the threshold only when its figures are shown', () => {
    expect(inclusionNote(t, { figures, below: ['community'] })).toBe('When voting ended, these were under-represented among those who voted: community.');
    expect(inclusionNote(t, { figures, below: ['business'] })).toBe(
      'When voting ended, these were under-represented among those who voted: at least one sector too small to name (fewer than 5 members).',
    );
    expect(inclusionNote(t, { figures, below: [] })).toBeNull();
    expect(inclusionNote(t, { figures, below: null })).toBeNull();
  });

  it('keeps the card field to one short line per sector, never a small count', () => {
    const [field] = participationFields(t, 'en', 4, { figures, below: null });
    expect(field!.value.split('\n')).toEqual([
      'government: 6 of 10 voted · ratio 1.85',
      'nonprofit: fewer than 5 of fewer than 5 voted · ratio withheld',
      'business: fewer than 5 of fewer than 5 voted · ratio withheld',
      'community: 5 of 20 voted · ratio 0.77',
    ]);
    expect(field!.shortened).toContain('`/concord inclusion 4`');
  });
});
