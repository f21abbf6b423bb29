// The ranked result card: tie-breaks named, lot shown with its seed, and nothing claimed for results frozen before tie modes.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/core/i18n/index.js';
import { resultCard } from '../../src/core/proposals/card.js';
import { tallyRanked, type Ballot, type TallyResult } from '../../src/core/proposals/rules/index.js';
import type { Proposal } from '../../src/core/ports.js';

const SEED = '19b25856e1c150ca834cffc8b59b23adbd0ec0389e58eb22b3b64768098d002b';
const ranked = (...order: string[]): Ballot => ({ value: { kind: 'ranked', order } });

function card(result: TallyResult, locale: 'en' | 'vi' = 'en') {
  const proposal = {
    id: 1, workspaceId: 1, number: 7, groupId: 1, authorId: 1, title: 'Offsite', body: null, rule: 'ranked', config: { options: ['A', 'B', 'C'] },
    anonymous: false, hideResults: 'never', ties: 'lot', deciderId: null, status: 'closed', electorateSize: 4, closesAt: null, closedAt: new Date(0),
    result, outcome: null, outcomeBy: null, outcomeAt: null, reviewAt: null, channelId: 'c', messageRef: null, cardHash: null, createdAt: new Date(0),
  } satisfies Proposal;
  return resultCard({ proposal, groupName: 'Trip', authorName: 'alice', deciderName: null, ballots: [], voters: [], names: new Map(), locale, timezone: 'UTC', now: new Date(0), t: translator(locale) });
}

const fields = (c: ReturnType<typeof card>) => Object.fromEntries(c.fields.map((f) => [f.label, f.value]));

describe('ranked result card', () => {
  const ballots = [ranked('A'), ranked('A'), ranked('B'), ranked('C')];

  it('names the lot and shows its seed and draw, in English and Vietnamese', () => {
    const result = tallyRanked({ config: { options: ['A', 'B', 'C'] }, ballots, electorate: 4, seed: { hash: SEED, seq: 12 } });
    expect(fields(card(result))).toMatchObject({
      'Tie-breaks used': 'round 1: lot',
      Lot: `Seed ${SEED} (hash of audit entry #12). Each tied option draws SHA-256 of the seed, a line break and its label; the lowest is eliminated.\nRound 1: B 4e42aa51d60d801a… < C fe98ff795922bcb9…; B eliminated.`,
    });
    expect(fields(card(result, 'vi'))).toMatchObject({
      'Tiêu chí phụ đã dùng': 'vòng 1: bốc thăm',
      'Bốc thăm': expect.stringContaining('Vòng 1: B 4e42aa51d60d801a… < C fe98ff795922bcb9…; B bị loại.'),
    });
  });

  it('says no tie-break was needed when none was', () => {
    const result = tallyRanked({ config: { options: ['A', 'B', 'C'] }, ballots: [...ballots, ranked('A')], electorate: 5 });
    expect(fields(card(result))['Tie-breaks used']).toBe('none: no round had a tie for fewest votes');
    expect(fields(card(result, 'vi'))['Tiêu chí phụ đã dùng']).toBe('không có: không vòng nào có nhiều phương án cùng ít phiếu nhất');
  });

  it('claims nothing about tie-breaks for a result frozen before tie modes existed', () => {
    const legacy: TallyResult = { ...tallyRanked({ config: { options: ['A', 'B', 'C'] }, ballots, electorate: 4, seed: { hash: SEED, seq: 1 } }) };
    delete legacy.ties;
    delete legacy.seed;
    const labels = card(legacy).fields.map((f) => f.label);
    expect(labels).not.toContain('Tie-breaks used');
    expect(labels).not.toContain('Lot');
  });
});
