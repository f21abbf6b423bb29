// The rule catalogs: parity between languages, and every message the rules emit renders fully.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Catalog, Msg } from '../../../src/core/i18n/types.js';
import {
  choiceLabel,
  choicesFor,
  describeRule,
  parseBallot,
  RULES,
  rulesMessages,
  tally,
  type RuleConfig,
} from '../../../src/core/proposals/rules/index.js';
import { inputArb } from './arbitraries.js';

const { en, vi } = rulesMessages;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** The same variant choice the translator makes: `.one`/`.other` from params.count, else the bare key. */
function templatesFor(catalog: Catalog, m: Msg): string[] {
  const count = m.params?.count;
  if (typeof count === 'number') {
    const variants = [catalog[`${m.key}.one`], catalog[`${m.key}.other`]].filter((t) => t !== undefined);
    if (variants.length > 0) return variants;
  }
  const bare = catalog[m.key];
  return bare === undefined ? [] : [bare];
}

function render(catalog: Catalog, m: Msg, locale: 'en' | 'vi'): string {
  const count = m.params?.count;
  const form = typeof count === 'number' ? new Intl.PluralRules(locale).select(count) : undefined;
  const t = (form && catalog[`${m.key}.${form}`]) ?? catalog[`${m.key}.other`] ?? catalog[m.key] ?? m.key;
  return t.replace(/\{(\w+)\}/g, (whole, name: string) => String(m.params?.[name] ?? whole));
}

function expectRenders(m: Msg): void {
  for (const catalog of [en, vi]) {
    const templates = templatesFor(catalog, m);
    expect(templates, `missing ${m.key}`).not.toHaveLength(0);
    for (const t of templates) {
      for (const p of placeholders(t)) expect(m.params ?? {}, `${m.key} needs {${p}}`).toHaveProperty(p);
    }
  }
}

describe('rule message catalogs', () => {
  it('have exactly the same keys in English and Vietnamese', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(vi[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
    }
  });

  it('pair every plural variant and give Vietnamese one form', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one')) expect(en, key).toHaveProperty(key.replace(/\.one$/, '.other'));
      if (key.endsWith('.other')) expect(en, key).toHaveProperty(key.replace(/\.other$/, '.one'));
      if (key.endsWith('.one')) expect(vi[key]).toBe(vi[key.replace(/\.one$/, '.other')]);
    }
  });

  it('are actually translated', () => {
    const same = Object.keys(en).filter((k) => en[k] === vi[k]);
    expect(same).toEqual([]);
    const accented = Object.values(vi).filter((t) => /[àáảãạăâđèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ]/i.test(t));
    expect(accented.length).toBeGreaterThan(Object.keys(vi).length * 0.9);
  });

  it('name every rule and label every word choice', () => {
    for (const rule of RULES) {
      expect(en).toHaveProperty(`rule.name.${rule}`);
      expectRenders(describeRule(rule, { options: ['A'] }));
      for (const c of choicesFor(rule, { options: ['A'] })) {
        const label = choiceLabel(rule, c);
        if (label) expectRenders(label);
      }
    }
  });

  it('cover every explanation a tally can produce', () => {
    for (const rule of RULES) {
      fc.assert(
        fc.property(inputArb(rule, 12), (input) => {
          for (const m of tally(rule, input).explanation) expectRenders(m);
        }),
        { numRuns: 80 },
      );
    }
  });

  it('cover every explanation of a ranked tie-break, lot and batch alike', () => {
    for (const ties of ['lot', 'batch'] as const) {
      fc.assert(
        fc.property(inputArb('ranked', 12), (input) => {
          for (const m of tally('ranked', { ...input, ties, seed: { hash: 'ab'.repeat(32), seq: 3 } }).explanation) expectRenders(m);
        }),
        { numRuns: 80 },
      );
    }
  });

  it('tell members how ranked ties are settled, in both languages', () => {
    const ABC: RuleConfig = { options: ['A', 'B', 'C'] };
    expect(render(en, describeRule('ranked', ABC), 'en')).toMatch(/fewer votes in earlier rounds, then .* fewer ballots, then a lot drawn when voting ends; .* the result is a tie\.$/);
    expect(render(vi, describeRule('ranked', ABC), 'vi')).toMatch(/ít phiếu hơn ở các vòng trước .* ít phiếu hơn, sau cùng là bốc thăm khi việc bỏ phiếu kết thúc; .* kết quả là hòa\.$/);
    expect(render(en, describeRule('ranked', ABC, 'batch'), 'en')).toMatch(/Options tied for fewest are all eliminated together; .* the result is a tie\.$/);
    expect(render(vi, describeRule('ranked', ABC, 'batch'), 'vi')).toMatch(/Các phương án cùng ít phiếu nhất bị loại cùng lúc; .* kết quả là hòa\.$/);

    const ballots = ['A', 'A', 'B', 'C'].map((o) => ({ value: { kind: 'ranked' as const, order: [o] } }));
    const lot = tally('ranked', { config: ABC, ballots, electorate: 4, seed: { hash: 'ab'.repeat(32), seq: 7 } });
    const out = lot.rounds?.[0]?.eliminated[0] ?? '';
    expect(render(en, lot.explanation[0]!, 'en')).toBe(
      `Round 1: A 2, B 1, C 1; exhausted ballots: 0. B, C share the fewest votes and are equal on every other tie-break; in the lot seeded by audit entry #7, ${out} drew the lowest hash and is eliminated.`,
    );
    expect(render(vi, lot.explanation[0]!, 'vi')).toBe(
      `Vòng 1: A 2, B 1, C 1; phiếu đã hết lựa chọn: 0. B, C cùng có ít phiếu nhất và bằng nhau ở mọi tiêu chí phụ khác; trong lượt bốc thăm lấy hạt giống từ mục #7 của nhật ký kiểm toán, ${out} có mã băm nhỏ nhất nên bị loại.`,
    );
    const batch = tally('ranked', { config: ABC, ballots, electorate: 4, ties: 'batch' });
    expect(render(en, batch.explanation[0]!, 'en')).toBe('Round 1: A 2, B 1, C 1; exhausted ballots: 0. B, C share the fewest votes and are all eliminated together.');
    expect(render(vi, batch.explanation[0]!, 'vi')).toBe('Vòng 1: A 2, B 1, C 1; phiếu đã hết lựa chọn: 0. B, C cùng có ít phiếu nhất nên cùng bị loại.');
    const pending = tally('ranked', { config: ABC, ballots, electorate: 4 });
    expect(render(en, pending.explanation[0]!, 'en')).toMatch(/will be drawn by lot when voting ends, so the result is not known yet\.$/);
    expect(render(vi, pending.explanation[0]!, 'vi')).toMatch(/sẽ được bốc thăm khi việc bỏ phiếu kết thúc, nên hiện chưa biết kết quả\.$/);
  });

  it('say whether majority needs more than half or at least half, which decides an even split', () => {
    const NONE: RuleConfig = { options: [] };
    const HALF: RuleConfig = { options: [], threshold: { num: 1, den: 2 } };
    expect(render(en, describeRule('majority', NONE), 'en')).toBe(
      'Passes when yes is more than half of the yes and no votes, so an even split fails; abstentions count toward quorum only.',
    );
    expect(render(en, describeRule('majority', HALF), 'en')).toBe(
      'Passes when yes is at least half (1/2) of the yes and no votes, so an even split passes; abstentions count toward quorum only.',
    );
    expect(render(en, describeRule('majority', { options: [], threshold: { num: 50, den: 100 } }), 'en')).toMatch(/^Passes when yes is at least half \(50\/100\)/);
    expect(render(en, describeRule('majority', { options: [], threshold: { num: 2, den: 3 } }), 'en')).toMatch(/^Passes when yes is at least 2\/3 of/);
    expect(render(vi, describeRule('majority', NONE), 'vi')).toBe(
      'Được thông qua khi phiếu có chiếm hơn một nửa tổng số phiếu có và không, nên nếu hai bên bằng nhau thì không được thông qua; phiếu trắng chỉ tính vào túc số.',
    );
    expect(render(vi, describeRule('majority', HALF), 'vi')).toBe(
      'Được thông qua khi phiếu có chiếm ít nhất một nửa (1/2) tổng số phiếu có và không, nên nếu hai bên bằng nhau thì vẫn được thông qua; phiếu trắng chỉ tính vào túc số.',
    );

    const split = [{ value: { kind: 'choice' as const, choice: 'yes' } }, { value: { kind: 'choice' as const, choice: 'no' } }];
    const plain = tally('majority', { config: NONE, ballots: split, electorate: 2 });
    const half = tally('majority', { config: HALF, ballots: split, electorate: 2 });
    expect([plain.outcome, half.outcome]).toEqual(['failed', 'passed']);
    expect(render(en, plain.explanation[0]!, 'en')).toBe('Yes 1, no 1: yes is not more than half of the yes and no votes, so the proposal fails.');
    expect(render(en, half.explanation[0]!, 'en')).toBe('Yes 1 of 2 yes/no votes is at least 1/2, so the proposal passes.');
    expect(render(vi, plain.explanation[0]!, 'vi')).toBe(
      '1 phiếu có, 1 phiếu không: phiếu có không chiếm hơn một nửa tổng số phiếu có và không, nên đề xuất không được thông qua.',
    );
    expect(render(vi, half.explanation[0]!, 'vi')).toBe('1 trên 2 phiếu có/không là phiếu có, đạt ít nhất 1/2, nên đề xuất được thông qua.');
  });

  it('cover every ballot error', () => {
    const ABC: RuleConfig = { options: ['A', 'B', 'C'] };
    const cases: Array<[Parameters<typeof parseBallot>[0], RuleConfig, string, string?]> = [
      ['consensus', ABC, ''],
      ['consensus', ABC, 'block'],
      ['consensus', ABC, '?'],
      ['consent', ABC, '?'],
      ['majority', ABC, '?'],
      ['advice', ABC, '?'],
      ['fist-of-five', ABC, '9'],
      ['poll', { options: [] }, 'A'],
      ['poll', ABC, 'D'],
      ['approval', ABC, 'D'],
      ['approval', ABC, 'A,A'],
      ['ranked', ABC, 'D'],
      ['ranked', ABC, 'A>A'],
      ['ranked', ABC, 'A>'],
      ['score', ABC, 'A'],
      ['score', ABC, 'D=1'],
      ['score', ABC, 'A=1 A=2'],
      ['score', ABC, 'A=9'],
      ['dot', ABC, 'A'],
      ['dot', ABC, 'D=1'],
      ['dot', ABC, 'A=1 A=1'],
      ['dot', ABC, 'A=x'],
      ['dot', ABC, 'A=9'],
      ['dot', ABC, 'A=0'],
    ];
    const seen = new Set<string>();
    for (const [rule, config, raw, reason] of cases) {
      const r = parseBallot(rule, config, raw, reason);
      expect(r.ok, `${rule} ${raw}`).toBe(false);
      if (r.ok) continue;
      expectRenders(r.error);
      seen.add(r.error.key);
    }
    const errorKeys = Object.keys(en).filter((k) => k.startsWith('ballot.'));
    expect([...seen].sort()).toEqual(errorKeys.sort());
  });

  it('read naturally once rendered, plurals included', () => {
    const blocked = (count: number): Msg => ({ key: 'tally.consensus.blocked', params: { count } });
    expect(render(en, blocked(1), 'en')).toBe('Blocked by 1 member, so the proposal fails.');
    expect(render(en, blocked(3), 'en')).toBe('Blocked by 3 members, so the proposal fails.');
    expect(render(vi, blocked(3), 'vi')).toBe('Bị 3 thành viên chặn nên đề xuất không được thông qua.');
    const noQuorum: Msg = { key: 'tally.noQuorum', params: { count: 2, needed: 3, electorate: 5 } };
    expect(render(en, noQuorum, 'en')).toBe(
      'Only 2 ballots were cast but quorum needs 3 of 5 members, so nothing was decided.',
    );
    expect(render(vi, noQuorum, 'vi')).toBe(
      'Chỉ có 2 phiếu trong khi túc số là 3 trên 5 thành viên, nên chưa có quyết định.',
    );
  });

  it('writes Vietnamese ballot words with spaces, as Vietnamese does, never joined by hyphens', () => {
    const hyphenated = /[\p{L}]*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ][\p{L}]*-\p{L}+|\p{L}+-[\p{L}]*[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;
    const offending = Object.entries(vi).filter(([, text]) => hyphenated.test(text));
    expect(offending).toEqual([]);
  });
});
