// Classifying stakeholders from members' ratings: medians, spreads, the power/interest grid and salience, at every boundary.
import { describe, expect, it } from 'vitest';
import { aggregate, aggregateRatings, isHigh, median, quadrant, salience, type Aggregate, type Rating } from '../../../src/core/stakeholders/classify.js';

const at = (m: number): Aggregate => ({ median: m, spread: 0, count: 1, differs: false });

describe('median', () => {
  it('is the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4])).toBe(4);
  });

  it('is the mean of the two middle values of an even count', () => {
    expect(median([3, 4])).toBe(3.5);
    expect(median([1, 3, 4, 5])).toBe(3.5);
    expect(median([2, 4, 1, 3])).toBe(2.5);
    expect(median([3, 3])).toBe(3);
  });

  it('is null when nobody rated', () => {
    expect(median([])).toBeNull();
    expect(aggregate([])).toBeNull();
  });
});

describe('spread', () => {
  it('is the highest rating minus the lowest, and views differ from 2 on', () => {
    expect(aggregate([3, 4])).toEqual({ median: 3.5, spread: 1, count: 2, differs: false });
    expect(aggregate([3, 5])).toEqual({ median: 4, spread: 2, count: 2, differs: true });
    expect(aggregate([1, 5, 3])).toEqual({ median: 3, spread: 4, count: 3, differs: true });
    expect(aggregate([4])).toEqual({ median: 4, spread: 0, count: 1, differs: false });
  });

  it('counts legitimacy and urgency only from the members who gave them', () => {
    const ratings: Rating[] = [
      { power: 5, interest: 1, legitimacy: 4, urgency: null },
      { power: 3, interest: 2, legitimacy: null, urgency: null },
    ];
    const a = aggregateRatings(ratings);
    expect(a.power).toEqual({ median: 4, spread: 2, count: 2, differs: true });
    expect(a.interest).toEqual({ median: 1.5, spread: 1, count: 2, differs: false });
    expect(a.legitimacy).toEqual({ median: 4, spread: 0, count: 1, differs: false });
    expect(a.urgency).toBeNull();
  });
});

describe('high', () => {
  it('starts at a median of 3.5: 3 is low', () => {
    expect(isHigh(3)).toBe(false);
    expect(isHigh(3.49)).toBe(false);
    expect(isHigh(3.5)).toBe(true);
    expect(isHigh(5)).toBe(true);
  });
});

describe('the power/interest grid', () => {
  it('places each combination in its quadrant, with 3.5 as the first high median', () => {
    expect(quadrant({ power: at(3.5), interest: at(3.5) })).toBe('manage-closely');
    expect(quadrant({ power: at(3.5), interest: at(3) })).toBe('keep-satisfied');
    expect(quadrant({ power: at(3), interest: at(3.5) })).toBe('keep-informed');
    expect(quadrant({ power: at(3), interest: at(3) })).toBe('monitor');
    expect(quadrant({ power: at(5), interest: at(1) })).toBe('keep-satisfied');
  });

  it('follows the median of an even count across the boundary', () => {
    const a = aggregateRatings([
      { power: 3, interest: 3, legitimacy: null, urgency: null },
      { power: 4, interest: 3, legitimacy: null, urgency: null },
    ]);
    expect(quadrant(a)).toBe('keep-satisfied');
  });

  it('has no place until rated', () => {
    expect(quadrant({ power: null, interest: null })).toBeNull();
  });
});

describe('salience', () => {
  const classOf = (p: number, l: number, u: number) => salience({ power: at(p), legitimacy: at(l), urgency: at(u) });

  it('names all eight classes', () => {
    expect(classOf(4, 4, 4)).toEqual({ known: true, class: 'definitive' });
    expect(classOf(4, 4, 3)).toEqual({ known: true, class: 'dominant' });
    expect(classOf(4, 3, 4)).toEqual({ known: true, class: 'dangerous' });
    expect(classOf(3, 4, 4)).toEqual({ known: true, class: 'dependent' });
    expect(classOf(4, 3, 3)).toEqual({ known: true, class: 'dormant' });
    expect(classOf(3, 4, 3)).toEqual({ known: true, class: 'discretionary' });
    expect(classOf(3, 3, 4)).toEqual({ known: true, class: 'demanding' });
    expect(classOf(3, 3, 3)).toEqual({ known: true, class: 'none' });
  });

  it('holds an attribute from a median of 3.5, not at 3', () => {
    expect(classOf(3.5, 3.5, 3.5)).toEqual({ known: true, class: 'definitive' });
    expect(classOf(3.5, 3, 3)).toEqual({ known: true, class: 'dormant' });
    expect(classOf(1, 1, 1)).toEqual({ known: true, class: 'none' });
  });

  it('says which attributes are missing', () => {
    expect(salience({ power: at(4), legitimacy: null, urgency: at(4) })).toEqual({ known: false, missing: ['legitimacy'] });
    expect(salience({ power: at(4), legitimacy: null, urgency: null })).toEqual({ known: false, missing: ['legitimacy', 'urgency'] });
    expect(salience({ power: null, legitimacy: null, urgency: null })).toEqual({ known: false, missing: ['power', 'legitimacy', 'urgency'] });
  });
});
