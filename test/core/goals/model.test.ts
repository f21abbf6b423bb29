import { describe, expect, it } from 'vitest';
import { direction, elapsedShare, goalProgress, progress, reachesTarget, status } from '../../../src/core/goals/model.js';

const day = (d: number) => new Date(Date.UTC(2027, 0, 1 + d));

describe('progress', () => {
  it('is the value’s place between baseline and target, rising or falling', () => {
    expect(progress(0, 100, 25)).toBe(0.25);
    expect(progress(120, 60, 90)).toBe(0.5);
    expect(direction(0, 100)).toBe('rising');
    expect(direction(120, 60)).toBe('falling');
  });

  it('is 0 at the baseline and 1 at the target', () => {
    expect(progress(120, 60, 120)).toBe(0);
    expect(progress(120, 60, 60)).toBe(1);
    expect(progress(0, 10, 0)).toBe(0);
    expect(progress(0, 10, 10)).toBe(1);
  });

  it('counts a value past the target as reached and one behind the baseline as none', () => {
    expect(progress(120, 60, 40)).toBe(1);
    expect(progress(120, 60, 150)).toBe(0);
    expect(progress(0, 10, 11)).toBe(1);
    expect(progress(0, 10, -3)).toBe(0);
    expect(reachesTarget(120, 60, 59.9)).toBe(true);
    expect(reachesTarget(120, 60, 60.1)).toBe(false);
  });

  it('when baseline equals target, is all or nothing', () => {
    expect(direction(50, 50)).toBe('hold');
    expect(progress(50, 50, 50)).toBe(1);
    expect(progress(50, 50, 49)).toBe(0);
    expect(progress(50, 50, 51)).toBe(0);
  });
});

describe('status', () => {
  const when = (now: number) => ({ start: day(0), due: day(100), now: day(now) });

  it('is on track up to 10 points behind the calendar, at risk up to 25, off track beyond', () => {
    expect(status(0.5, when(50))).toBe('on-track');
    expect(status(0.4, when(50))).toBe('on-track');
    expect(status(0.39, when(50))).toBe('at-risk');
    expect(status(0.25, when(50))).toBe('at-risk');
    expect(status(0.24, when(50))).toBe('off-track');
  });

  it('is on track when ahead of the calendar, and achieved at the target whatever the date', () => {
    expect(status(0.9, when(10))).toBe('on-track');
    expect(status(1, when(200))).toBe('achieved');
  });

  it('after the due date, anything short of the target is measured against the whole time', () => {
    expect(status(0.9, when(150))).toBe('on-track');
    expect(status(0.89, when(150))).toBe('at-risk');
    expect(status(0.74, when(150))).toBe('off-track');
  });

  it('takes thresholds a group sets', () => {
    expect(status(0.45, when(50), { atRisk: 0.02, offTrack: 0.1 })).toBe('at-risk');
    expect(status(0.39, when(50), { atRisk: 0.02, offTrack: 0.1 })).toBe('off-track');
  });

  it('has nothing to say with no value, and no calendar with no due date', () => {
    expect(status(null, when(50))).toBe('no-data');
    expect(status(0.2, { start: day(0), due: null, now: day(50) })).toBe('no-due-date');
  });
});

describe('elapsedShare', () => {
  it('runs from 0 at the start to 1 at the due date and stays within', () => {
    expect(elapsedShare(day(0), day(10), day(-5))).toBe(0);
    expect(elapsedShare(day(0), day(10), day(5))).toBe(0.5);
    expect(elapsedShare(day(0), day(10), day(20))).toBe(1);
  });

  it('handles a due date at or before the start', () => {
    expect(elapsedShare(day(5), day(5), day(4))).toBe(0);
    expect(elapsedShare(day(5), day(5), day(5))).toBe(1);
  });
});

describe('goalProgress', () => {
  it('is the weighted mean, an indicator without a value counting as none', () => {
    expect(goalProgress([{ progress: 1, weight: 1 }, { progress: 0, weight: 1 }])).toBe(0.5);
    expect(goalProgress([{ progress: 1, weight: 3 }, { progress: 0, weight: 1 }])).toBe(0.75);
    expect(goalProgress([{ progress: 1, weight: 1 }, { progress: null, weight: 1 }])).toBe(0.5);
  });

  it('is null without indicators or weight', () => {
    expect(goalProgress([])).toBeNull();
    expect(goalProgress([{ progress: 1, weight: 0 }])).toBeNull();
  });
});
