// Dot limits at every boundary, the discussion order, and the templates' columns as members type them.
import { describe, expect, it } from 'vitest';
import { byDots, checkDots, dotsLeft, totals } from '../../../src/core/retros/model.js';
import { findColumn, TEMPLATE_IDS, TEMPLATES } from '../../../src/core/retros/templates.js';

const limits = { budget: 5, perItem: 3 };
const vote = (itemId: number, memberId: number, dots: number) => ({ itemId, memberId, dots });

describe('checkDots', () => {
  it('allows up to the most on one item, and says how many more fit', () => {
    expect(checkDots([], 1, 10, 3, limits)).toEqual({ ok: true, left: 2 });
    expect(checkDots([vote(10, 1, 3)], 1, 10, 1, limits)).toEqual({ ok: false, problem: 'item', left: 0 });
    expect(checkDots([vote(10, 1, 2)], 1, 10, 2, limits)).toEqual({ ok: false, problem: 'item', left: 1 });
  });

  it('allows up to the member’s dots in the retro, whatever items they went on', () => {
    const spent = [vote(10, 1, 3), vote(11, 1, 1)];
    expect(checkDots(spent, 1, 12, 1, limits)).toEqual({ ok: true, left: 0 });
    expect(checkDots(spent, 1, 12, 2, limits)).toEqual({ ok: false, problem: 'budget', left: 1 });
    // Another member's dots are not this member's.
    expect(checkDots([...spent, vote(12, 2, 3)], 2, 11, 2, limits)).toEqual({ ok: true, left: 0 });
  });

  it('counts dots left and totals without naming anyone', () => {
    const votes = [vote(10, 1, 2), vote(10, 2, 3), vote(11, 1, 1)];
    expect(dotsLeft(votes, 1, 5)).toBe(2);
    expect(dotsLeft(votes, 3, 5)).toBe(5);
    expect([...totals(votes)]).toEqual([[10, 5], [11, 1]]);
  });

  it('orders items by dots, then as they were added', () => {
    const items = [{ id: 1, number: 1 }, { id: 2, number: 2 }, { id: 3, number: 3 }];
    expect(byDots(items, new Map([[3, 2], [2, 2]])).map((i) => i.number)).toEqual([2, 3, 1]);
  });
});

describe('templates', () => {
  it('have labels and prompts in both languages for every column', () => {
    for (const id of TEMPLATE_IDS) {
      for (const column of TEMPLATES[id].columns) {
        for (const text of [column.label.en, column.label.vi, column.prompt.en, column.prompt.vi]) expect(text.trim(), `${id} ${column.id}`).not.toBe('');
      }
    }
  });

  it('find a column by its id, an alias or its label in either language', () => {
    expect(findColumn('4ls', 'Lacked')?.id).toBe('lacked');
    expect(findColumn('4ls', 'thiếu')?.id).toBe('lacked');
    expect(findColumn('4ls', 'mong muốn')?.id).toBe('longed-for');
    expect(findColumn('start-stop-continue', 'bắt đầu')?.id).toBe('start');
    expect(findColumn('blameless', 'What got in the way')?.id).toBe('hindered');
    expect(findColumn('premortem', 'It failed because…')?.id).toBe('failed-because');
    expect(findColumn('4ls', 'stop')).toBeNull();
  });
});
