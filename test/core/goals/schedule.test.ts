import { describe, expect, it } from 'vitest';
import { CADENCES, checkinsBetween, nextCheckin, parseCadence, periodOf } from '../../../src/core/goals/schedule.js';

const anchor = new Date('2027-03-01T12:00:00Z');
const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseCadence', () => {
  it('knows weekly and monthly, and takes an RRULE with or without its prefix', () => {
    expect(parseCadence('weekly', anchor)).toEqual({ ok: true, rule: CADENCES.weekly });
    expect(parseCadence('Monthly', anchor)).toEqual({ ok: true, rule: CADENCES.monthly });
    expect(parseCadence('RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', anchor)).toEqual({ ok: true, rule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR' });
    expect(parseCadence('freq=daily', anchor)).toEqual({ ok: true, rule: 'FREQ=DAILY' });
  });

  it('refuses what is not a rule, a misspelt day, a rule more often than daily, a start of its own and one that never fires', () => {
    expect(parseCadence('every tuesday', anchor)).toMatchObject({ ok: false, problem: 'syntax' });
    expect(parseCadence('FREQ=WEEKLY;BYDAY=XX', anchor)).toMatchObject({ ok: false, problem: 'syntax' });
    expect(parseCadence('FREQ=HOURLY', anchor)).toMatchObject({ ok: false, problem: 'frequency' });
    expect(parseCadence('DTSTART:20270101T000000Z;FREQ=DAILY', anchor)).toMatchObject({ ok: false, problem: 'dtstart' });
    expect(parseCadence('FREQ=DAILY;UNTIL=20200101T000000Z', anchor)).toMatchObject({ ok: false, problem: 'never' });
    expect(parseCadence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', anchor)).toMatchObject({ ok: false, problem: 'never' });
  });
});

describe('nextCheckin', () => {
  it('asks at 10:00 on Mondays in the owner’s zone, before and after the clocks change', () => {
    // Berlin moves to summer time on 28 March 2027: 10:00 is 09:00Z before and 08:00Z after.
    const at = checkinsBetween(CADENCES.weekly, 'Europe/Berlin', anchor, new Date('2027-03-15T00:00Z'), new Date('2027-04-06T00:00Z'));
    expect(at.map(iso)).toEqual(['2027-03-15T09:00:00.000Z', '2027-03-22T09:00:00.000Z', '2027-03-29T08:00:00.000Z', '2027-04-05T08:00:00.000Z']);
  });

  it('follows each owner’s own zone for the same rule', () => {
    const after = new Date('2027-11-01T00:00Z');
    // New York leaves summer time on 7 November 2027.
    expect(iso(nextCheckin(CADENCES.weekly, 'America/New_York', anchor, after))).toBe('2027-11-01T14:00:00.000Z');
    expect(iso(nextCheckin(CADENCES.weekly, 'America/New_York', anchor, new Date('2027-11-02T00:00Z')))).toBe('2027-11-08T15:00:00.000Z');
    expect(iso(nextCheckin(CADENCES.weekly, 'Asia/Ho_Chi_Minh', anchor, after))).toBe('2027-11-01T03:00:00.000Z');
  });

  it('moves a time the clocks skip to later that day, and keeps going after it', () => {
    const rule = 'FREQ=DAILY;BYHOUR=2;BYMINUTE=30';
    const at = checkinsBetween(rule, 'America/New_York', anchor, new Date('2027-03-13T00:00Z'), new Date('2027-03-16T00:00Z'));
    // 02:30 on 14 March does not exist in New York: it is asked at 03:30 EDT.
    expect(at.map(iso)).toEqual(['2027-03-13T07:30:00.000Z', '2027-03-14T07:30:00.000Z', '2027-03-15T06:30:00.000Z']);
  });

  it('asks monthly on the first, and stops when the rule runs out', () => {
    expect(iso(nextCheckin(CADENCES.monthly, 'UTC', anchor, anchor))).toBe('2027-04-01T10:00:00.000Z');
    const twice = 'FREQ=MONTHLY;BYMONTHDAY=1;COUNT=2';
    const first = nextCheckin(twice, 'UTC', anchor, anchor);
    expect(iso(first)).toBe('2027-04-01T10:00:00.000Z');
    expect(nextCheckin(twice, 'UTC', anchor, first!)).toBeNull();
  });
});

describe('periodOf', () => {
  it('runs from the local start of the check-in’s day to that of the next', () => {
    const p = periodOf(CADENCES.weekly, 'Europe/Berlin', anchor, new Date('2027-03-22T09:00Z'));
    expect(iso(p.start)).toBe('2027-03-21T23:00:00.000Z');
    // The next Monday starts at midnight summer time.
    expect(iso(p.end)).toBe('2027-03-28T22:00:00.000Z');
  });
});
