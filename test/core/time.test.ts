// Deadlines typed in English and Vietnamese, across time zones and DST changes, and how dates are shown back.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatDateTime,
  formatRelative,
  isValidZone,
  parseDuration,
  parsePastWhen,
  parseWhen,
  type ParseWhenOptions,
} from '../../src/core/time.js';
import { timeMessages } from '../../src/core/time-messages.js';
import type { Msg } from '../../src/core/i18n/types.js';

const HCM = 'Asia/Ho_Chi_Minh';
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';

// Tuesday 1 December 2026, 09:00 in Ho Chi Minh City (UTC+7, no DST).
const HCM_NOW = new Date('2026-12-01T02:00:00Z');

function when(text: string, now: Date, zone: string): string {
  const result = parseWhen(text, { now, zone });
  if (!result.ok) throw new Error(`"${text}" was refused: ${JSON.stringify(result.error)}`);
  return result.date.toISOString();
}

function refusal(text: string, opts: ParseWhenOptions): Msg {
  const result = parseWhen(text, opts);
  if (result.ok) throw new Error(`"${text}" was accepted as ${result.date.toISOString()}`);
  return result.error;
}

describe('parseWhen: ISO-style dates', () => {
  it.each([
    ['2026-12-05 17:00', '2026-12-05T10:00:00.000Z'],
    ['2026-12-05T17:00', '2026-12-05T10:00:00.000Z'],
    ['2026-12-05 17:00:30', '2026-12-05T10:00:30.000Z'],
    ['  2026-12-05   17:00  ', '2026-12-05T10:00:00.000Z'],
    ['by 2026-12-05 17:00', '2026-12-05T10:00:00.000Z'],
  ])('reads %j as wall-clock time in the member zone', (text, expected) => {
    expect(when(text, HCM_NOW, HCM)).toBe(expected);
  });

  it('reads a date alone as the end of that day', () => {
    expect(when('2026-12-05', HCM_NOW, HCM)).toBe('2026-12-05T16:59:00.000Z');
    expect(when('2026-12-05', HCM_NOW, NY)).toBe('2026-12-06T04:59:00.000Z');
  });

  it('lets an explicit offset in the text win over the member zone', () => {
    expect(when('2026-12-05T17:00Z', HCM_NOW, HCM)).toBe('2026-12-05T17:00:00.000Z');
    expect(when('2026-12-05T17:00+01:00', HCM_NOW, HCM)).toBe('2026-12-05T16:00:00.000Z');
  });

  it('refuses dates that do not exist', () => {
    expect(refusal('2026-02-30', { now: HCM_NOW, zone: HCM }).key).toBe('time.unparseable');
    expect(refusal('2026-12-05 25:00', { now: HCM_NOW, zone: HCM }).key).toBe('time.unparseable');
  });
});

describe('parseWhen: numeric day/month dates', () => {
  it.each(['5/12/2026', '12/5/2026', '5.12.2026', '05-12-2026', '5/12', '5/12/2026 17:00', 'ngày 5/12'])(
    'refuses %j because day and month could be swapped',
    (text) => {
      expect(refusal(text, { now: HCM_NOW, zone: HCM })).toEqual({ key: 'time.ambiguousDate', params: { text } });
    },
  );

  it.each([
    ['25/12/2026', '2026-12-25T16:59:00.000Z'],
    ['12/25/2026', '2026-12-25T16:59:00.000Z'],
    ['25/12/2026 17:00', '2026-12-25T10:00:00.000Z'],
    ['12/12/2026', '2026-12-12T16:59:00.000Z'],
  ])('accepts %j when only one reading is possible', (text, expected) => {
    expect(when(text, HCM_NOW, HCM)).toBe(expected);
  });
});

describe('parseWhen: relative times (Asia/Ho_Chi_Minh, Tue 1 Dec 2026 09:00)', () => {
  it.each([
    ['in 3 days', '2026-12-04T02:00:00.000Z'],
    ['in 2 weeks', '2026-12-15T02:00:00.000Z'],
    ['in 6 months', '2027-06-01T02:00:00.000Z'],
    ['in 90 minutes', '2026-12-01T03:30:00.000Z'],
    ['in 5 hours', '2026-12-01T07:00:00.000Z'],
    ['in 1h30m', '2026-12-01T03:30:00.000Z'],
    ['in 1 day and 2 hours', '2026-12-02T04:00:00.000Z'],
    ['in an hour', '2026-12-01T03:00:00.000Z'],
    ['In 3 Days', '2026-12-04T02:00:00.000Z'],
    ['3 days from now', '2026-12-04T02:00:00.000Z'],
    ['2 hours later', '2026-12-01T04:00:00.000Z'],
    ['3 ngày nữa', '2026-12-04T02:00:00.000Z'],
    ['2 tuần nữa', '2026-12-15T02:00:00.000Z'],
    ['6 tháng nữa', '2027-06-01T02:00:00.000Z'],
    ['90 phút nữa', '2026-12-01T03:30:00.000Z'],
    ['5 giờ nữa', '2026-12-01T07:00:00.000Z'],
    ['5 tiếng nữa', '2026-12-01T07:00:00.000Z'],
    ['sau 3 ngày', '2026-12-04T02:00:00.000Z'],
    ['trong 3 ngày tới', '2026-12-04T02:00:00.000Z'],
    ['1 ngày 2 giờ nữa', '2026-12-02T04:00:00.000Z'],
  ])('%j', (text, expected) => {
    expect(when(text, HCM_NOW, HCM)).toBe(expected);
  });
});

describe('parseWhen: days and weekdays (Asia/Ho_Chi_Minh, Tue 1 Dec 2026 09:00)', () => {
  it.each([
    ['tomorrow 9am', '2026-12-02T02:00:00.000Z'],
    ['tomorrow at 17:30', '2026-12-02T10:30:00.000Z'],
    ['tomorrow', '2026-12-02T16:59:00.000Z'],
    ['today 17:00', '2026-12-01T10:00:00.000Z'],
    ['friday 17:00', '2026-12-04T10:00:00.000Z'],
    ['Friday at 5pm', '2026-12-04T10:00:00.000Z'],
    ['by friday', '2026-12-04T16:59:00.000Z'],
    ['next monday', '2026-12-07T16:59:00.000Z'],
    ['Dec 5 17:00', '2026-12-05T10:00:00.000Z'],
    ['ngày mai 9:00', '2026-12-02T02:00:00.000Z'],
    ['ngày mai 9h', '2026-12-02T02:00:00.000Z'],
    ['mai 9h', '2026-12-02T02:00:00.000Z'],
    ['ngày mai 9h30', '2026-12-02T02:30:00.000Z'],
    ['ngày mai 9 giờ sáng', '2026-12-02T02:00:00.000Z'],
    ['ngày mai', '2026-12-02T16:59:00.000Z'],
    ['hôm nay', '2026-12-01T16:59:00.000Z'],
    ['thứ sáu 17:00', '2026-12-04T10:00:00.000Z'],
    ['thứ 6 17h', '2026-12-04T10:00:00.000Z'],
    ['t6 17:00', '2026-12-04T10:00:00.000Z'],
    ['thứ hai tới', '2026-12-07T16:59:00.000Z'],
    ['ngày 5 tháng 12', '2026-12-05T16:59:00.000Z'],
  ])('%j', (text, expected) => {
    expect(when(text, HCM_NOW, HCM)).toBe(expected);
  });

  it.each([
    ['monday', 'thứ hai', '2026-12-07'],
    ['tuesday', 'thứ ba', '2026-12-08'],
    ['wednesday', 'thứ tư', '2026-12-02'],
    ['thursday', 'thứ năm', '2026-12-03'],
    ['friday', 'thứ sáu', '2026-12-04'],
    ['saturday', 'thứ bảy', '2026-12-05'],
    ['sunday', 'chủ nhật', '2026-12-06'],
  ])('%s / %s is the coming one, by the end of the day (never today)', (en, vi, day) => {
    const expected = `${day}T16:59:00.000Z`; // 23:59 at UTC+7
    expect(when(en, HCM_NOW, HCM)).toBe(expected);
    expect(when(vi, HCM_NOW, HCM)).toBe(expected);
  });

  it("moves today's weekday to next week even when the time today is still ahead", () => {
    expect(when('tuesday 17:00', HCM_NOW, HCM)).toBe('2026-12-08T10:00:00.000Z');
    expect(when('thứ ba 17:00', HCM_NOW, HCM)).toBe('2026-12-08T10:00:00.000Z');
  });

  it('reads "next <weekday>" as the one in the following week', () => {
    expect(when('next friday', HCM_NOW, HCM)).toBe('2026-12-11T16:59:00.000Z');
  });
});

describe('parseWhen: end of week, month, year (Asia/Ho_Chi_Minh, Tue 1 Dec 2026 09:00)', () => {
  it.each([
    ['cuối tháng', 'end of the month', '2026-12-31T16:59:00.000Z'],
    ['cuối tháng này', 'end of this month', '2026-12-31T16:59:00.000Z'],
    ['cuối tháng sau', 'end of next month', '2027-01-31T16:59:00.000Z'],
    ['cuối tháng tới', 'the end of next month', '2027-01-31T16:59:00.000Z'],
    ['cuối tuần', 'end of the week', '2026-12-06T16:59:00.000Z'],
    ['cuối tuần này', 'end of this week', '2026-12-06T16:59:00.000Z'],
    ['cuối tuần sau', 'end of next week', '2026-12-13T16:59:00.000Z'],
    ['cuối năm', 'end of the year', '2026-12-31T16:59:00.000Z'],
    ['hạn cuối tháng', 'by end of month', '2026-12-31T16:59:00.000Z'],
  ])('%s / %s is the last day, by the end of that day', (vi, en, expected) => {
    expect(when(vi, HCM_NOW, HCM)).toBe(expected);
    expect(when(en, HCM_NOW, HCM)).toBe(expected);
  });

  it('ends the month on the wall clock of its own day across a DST change', () => {
    // Berlin moves to summer time on 29 March 2026: 31 March 23:59 is CEST (UTC+2).
    expect(when('cuối tháng', new Date('2026-03-10T08:00:00Z'), BERLIN)).toBe('2026-03-31T21:59:00.000Z');
  });
});

describe('parseWhen: everyday Vietnamese (Asia/Ho_Chi_Minh)', () => {
  const TEN = new Date('2026-12-01T03:00:00Z'); // Tue 10:00
  const EIGHT = new Date('2026-12-01T01:00:00Z'); // Tue 08:00
  it.each([
    ['ngày mai', TEN, '2026-12-02T16:59:00.000Z'],
    ['3 ngày nữa', TEN, '2026-12-04T03:00:00.000Z'],
    ['thứ hai tuần sau', TEN, '2026-12-07T16:59:00.000Z'],
    ['thứ 2 tuần sau', TEN, '2026-12-07T16:59:00.000Z'],
    ['thứ hai tuần tới 9h', TEN, '2026-12-07T02:00:00.000Z'],
    ['9 giờ sáng', EIGHT, '2026-12-01T02:00:00.000Z'],
    ['9 giờ sáng', TEN, '2026-12-02T02:00:00.000Z'],
    ['8 giờ tối', TEN, '2026-12-01T13:00:00.000Z'],
    ['20h', TEN, '2026-12-01T13:00:00.000Z'],
    ['17h30', TEN, '2026-12-01T10:30:00.000Z'],
    ['9h sáng mai', TEN, '2026-12-02T02:00:00.000Z'],
    ['sáng mai 9h30', TEN, '2026-12-02T02:30:00.000Z'],
    ['chiều mai lúc 3h', TEN, '2026-12-02T08:00:00.000Z'],
    ['ngày mai 3 giờ chiều', TEN, '2026-12-02T08:00:00.000Z'],
    ['ngày mai buổi chiều lúc 3h', TEN, '2026-12-02T08:00:00.000Z'],
    ['thứ sáu tuần này', TEN, '2026-12-04T16:59:00.000Z'],
    ['thứ 6 tuần này 17h', TEN, '2026-12-04T10:00:00.000Z'],
    ['chủ nhật tuần này', TEN, '2026-12-06T16:59:00.000Z'],
    ['ngày 25/12', TEN, '2026-12-25T16:59:00.000Z'],
    ['hạn ngày 25/12 17h', TEN, '2026-12-25T10:00:00.000Z'],
    ['ngày 25/12/2026 9h', TEN, '2026-12-25T02:00:00.000Z'],
  ])('%j at %s', (text, now, expected) => {
    expect(when(text, now, HCM)).toBe(expected);
  });

  it.each([
    ['sáng mai', 'tomorrow morning', '2026-12-01T23:00:00.000Z'],
    ['buổi sáng mai', 'tomorrow morning', '2026-12-01T23:00:00.000Z'],
    ['trưa mai', 'tomorrow noon', '2026-12-02T05:00:00.000Z'],
    ['chiều mai', 'tomorrow afternoon', '2026-12-02T08:00:00.000Z'],
    ['ngày mai buổi chiều', 'tomorrow afternoon', '2026-12-02T08:00:00.000Z'],
    ['chiều nay', 'this afternoon', '2026-12-01T08:00:00.000Z'],
    ['tối nay', 'this evening', '2026-12-01T13:00:00.000Z'],
    ['đêm nay', 'tonight', '2026-12-01T15:00:00.000Z'],
  ])('%j reads like %j', (vi, en, expected) => {
    expect(when(vi, TEN, HCM)).toBe(expected);
    expect(when(en, TEN, HCM)).toBe(expected);
  });

  it('refuses a day that does not exist after "ngày"', () => {
    expect(refusal('ngày 31/2', { now: TEN, zone: HCM })).toEqual({ key: 'time.unparseable', params: { text: 'ngày 31/2' } });
  });

  it('refuses a part of today that is over instead of moving it to tomorrow', () => {
    expect(refusal('sáng nay', { now: TEN, zone: HCM, locale: 'vi' })).toEqual({
      key: 'time.past',
      params: { when: 'T3, 01/12/2026 06:00 (GMT+7)' },
    });
    expect(refusal('this morning', { now: TEN, zone: HCM }).key).toBe('time.past');
  });
});

describe('parseWhen: DST in America/New_York', () => {
  it('builds wall-clock times with the offset of their own day', () => {
    // Sunday 1 Nov 2026 00:00 EDT; the next day is already on EST.
    expect(when('2026-11-02 09:00', new Date('2026-11-01T04:00:00Z'), NY)).toBe('2026-11-02T14:00:00.000Z');
  });

  describe('fall-back week (Fri 30 Oct 2026 09:00 EDT)', () => {
    const now = new Date('2026-10-30T13:00:00Z');
    it.each([
      ['in 3 days', '2026-11-02T14:00:00.000Z'],
      ['3 ngày nữa', '2026-11-02T14:00:00.000Z'],
      ['in 72 hours', '2026-11-02T13:00:00.000Z'],
      ['monday 9:00', '2026-11-02T14:00:00.000Z'],
      ['thứ hai 9h', '2026-11-02T14:00:00.000Z'],
      ['tomorrow 9am', '2026-10-31T13:00:00.000Z'],
      ['friday 09:00', '2026-11-06T14:00:00.000Z'],
      ['next monday', '2026-11-03T04:59:00.000Z'],
      // 01:30 happens twice that night; the later one gives members the extra hour.
      ['sunday 01:30', '2026-11-01T06:30:00.000Z'],
      ['2026-11-01 01:30', '2026-11-01T06:30:00.000Z'],
    ])('%j', (text, expected) => {
      expect(when(text, now, NY)).toBe(expected);
    });
  });

  describe('spring-forward week (Fri 6 Mar 2026 09:00 EST)', () => {
    const now = new Date('2026-03-06T14:00:00Z');
    it.each([
      ['in 3 days', '2026-03-09T13:00:00.000Z'],
      ['3 ngày nữa', '2026-03-09T13:00:00.000Z'],
      ['in 72 hours', '2026-03-09T14:00:00.000Z'],
      ['monday 9:00', '2026-03-09T13:00:00.000Z'],
      ['sunday 12:00', '2026-03-08T16:00:00.000Z'],
      ['next monday', '2026-03-10T03:59:00.000Z'],
      // 02:30 does not exist that night; it becomes 03:30 EDT.
      ['2026-03-08 02:30', '2026-03-08T07:30:00.000Z'],
    ])('%j', (text, expected) => {
      expect(when(text, now, NY)).toBe(expected);
    });
  });
});

describe('parseWhen: DST in Europe/Berlin', () => {
  describe('spring-forward week (Fri 27 Mar 2026 09:00 CET)', () => {
    const now = new Date('2026-03-27T08:00:00Z');
    it.each([
      ['in 2 days', '2026-03-29T07:00:00.000Z'],
      ['in 3 days', '2026-03-30T07:00:00.000Z'],
      ['3 ngày nữa', '2026-03-30T07:00:00.000Z'],
      ['in 48 hours', '2026-03-29T08:00:00.000Z'],
      ['monday 9:00', '2026-03-30T07:00:00.000Z'],
      ['sunday 01:30', '2026-03-29T00:30:00.000Z'],
      ['2026-03-29 02:30', '2026-03-29T01:30:00.000Z'],
      ['thứ sáu 17:00', '2026-04-03T15:00:00.000Z'],
    ])('%j', (text, expected) => {
      expect(when(text, now, BERLIN)).toBe(expected);
    });
  });

  describe('fall-back week (Fri 23 Oct 2026 09:00 CEST)', () => {
    const now = new Date('2026-10-23T07:00:00Z');
    it.each([
      ['in 3 days', '2026-10-26T08:00:00.000Z'],
      ['3 ngày nữa', '2026-10-26T08:00:00.000Z'],
      ['in 72 hours', '2026-10-26T07:00:00.000Z'],
      ['monday 9:00', '2026-10-26T08:00:00.000Z'],
      ['sunday 12:00', '2026-10-25T11:00:00.000Z'],
      ['2026-10-25 02:30', '2026-10-25T01:30:00.000Z'],
      ['next monday', '2026-10-26T22:59:00.000Z'],
    ])('%j', (text, expected) => {
      expect(when(text, now, BERLIN)).toBe(expected);
    });
  });
});

describe('parseWhen: refusals', () => {
  it.each([
    '2026-11-30 17:00',
    'yesterday',
    'yesterday 9am',
    'hôm qua',
    'last friday',
    'thứ sáu qua',
    '3 days ago',
    '3 ngày trước',
    'today 08:00',
    'in 0 minutes',
  ])('refuses %j as past', (text) => {
    expect(refusal(text, { now: HCM_NOW, zone: HCM }).key).toBe('time.past');
  });

  it('shows the refused time in the member zone and language', () => {
    expect(refusal('2026-11-30 17:00', { now: HCM_NOW, zone: HCM })).toEqual({
      key: 'time.past',
      params: { when: 'Mon 30 Nov 2026, 17:00 GMT+7' },
    });
    expect(refusal('2026-11-30 17:00', { now: HCM_NOW, zone: HCM, locale: 'vi' })).toEqual({
      key: 'time.past',
      params: { when: 'T2, 30/11/2026 17:00 (GMT+7)' },
    });
  });

  it.each([
    'tomorrow 9am blah',
    'friday 17:00 or maybe later',
    'tuesday 9:00 blah blah',
    'ngày mai 9h rồi tính',
    'please tomorrow',
    'hello',
    'in 3 bananas',
    'in 3',
    'friday - monday',
    'soon',
    '',
    '   ',
  ])('refuses %j as unparseable instead of guessing', (text) => {
    expect(refusal(text, { now: HCM_NOW, zone: HCM })).toEqual({
      key: 'time.unparseable',
      params: { text: text.trim() },
    });
  });

  it('refuses an unknown zone', () => {
    expect(refusal('in 3 days', { now: HCM_NOW, zone: 'Mars/Olympus' })).toEqual({
      key: 'time.invalidZone',
      params: { zone: 'Mars/Olympus' },
    });
  });

  it('does not depend on the server time zone', () => {
    const saved = process.env.TZ;
    const texts = ['tomorrow 9am', 'friday 17:00', 'thứ sáu 17:00', 'in 3 days', '2026-03-08 02:30', 'next monday'];
    const now = new Date('2026-03-06T14:00:00Z');
    const read = () => texts.map((text) => when(text, now, NY));
    try {
      process.env.TZ = 'UTC';
      const reference = read();
      for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Chatham', 'Europe/Berlin']) {
        process.env.TZ = tz;
        expect(read()).toEqual(reference);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('parseWhen: horizon', () => {
  it('accepts a date up to the horizon (24 months by default) and refuses one past it, naming the latest date', () => {
    expect(when('in 24 months', HCM_NOW, HCM)).toBe('2028-12-01T02:00:00.000Z');
    const en = refusal('in 25 months', { now: HCM_NOW, zone: HCM });
    expect(en).toEqual({ key: 'time.tooFar', params: { text: 'in 25 months', latest: 'Fri 1 Dec 2028, 09:00 GMT+7' } });
    const vi = refusal('25 tháng nữa', { now: HCM_NOW, zone: HCM, locale: 'vi' });
    expect(vi).toEqual({ key: 'time.tooFar', params: { text: '25 tháng nữa', latest: 'T6, 01/12/2028 09:00 (GMT+7)' } });
  });

  it.each(['in 500 years', '500 năm nữa', '2099-01-01', 'in 9999999 weeks', 'in 99999999999999999999 days', '9999999 tuần nữa'])(
    'refuses %j as too far ahead rather than failing',
    (text) => {
      expect(refusal(text, { now: HCM_NOW, zone: HCM }).key).toBe('time.tooFar');
    },
  );

  it('follows the horizon it is given', () => {
    expect(refusal('in 2 months', { now: HCM_NOW, zone: HCM, horizonMonths: 1 }).key).toBe('time.tooFar');
    expect(parseWhen('in 3 years', { now: HCM_NOW, zone: HCM, horizonMonths: 60 }).ok).toBe(true);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['15m', 900_000],
    ['2h', 7_200_000],
    ['3d', 259_200_000],
    ['1w', 604_800_000],
    ['1d12h', 129_600_000],
    ['1h30m', 5_400_000],
    ['3 d', 259_200_000],
    ['1 h 30 m', 5_400_000],
    ['3 days', 259_200_000],
    ['2 hours', 7_200_000],
    ['1 day', 86_400_000],
    ['2 hours and 30 minutes', 9_000_000],
    ['2 hours, 30 minutes', 9_000_000],
    ['1.5h', 5_400_000],
    ['an hour', 3_600_000],
    ['3 ngày', 259_200_000],
    ['2 giờ 30 phút', 9_000_000],
    ['  2H  ', 7_200_000],
  ])('%j = %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '90', 'h', 'abc', '0m', '3 bananas', '1h 1h', '3d,', '1mo', '2 months', '1y', '-1h', '1h30', 'am'])(
    '%j is invalid',
    (text) => {
      expect(parseDuration(text)).toBeNull();
    },
  );

  it('adds up any compact combination', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 60 }),
        fc.nat({ max: 23 }),
        fc.nat({ max: 59 }),
        fc.nat({ max: 59 }),
        fc.boolean(),
        (d, h, m, s, spaced) => {
          const parts = [
            [d, 'd'],
            [h, 'h'],
            [m, 'm'],
            [s, 's'],
          ] as const;
          const text = parts.map(([n, unit]) => `${n}${spaced ? ' ' : ''}${unit}`).join(spaced ? ' ' : '');
          const total = ((d * 24 + h) * 60 + m) * 60_000 + s * 1000;
          expect(parseDuration(text)).toBe(total === 0 ? null : total);
        },
      ),
    );
  });
});

describe('formatDateTime', () => {
  const date = new Date('2026-12-05T10:00:00Z');

  it('shows weekday, date, 24-hour time and the zone in both languages', () => {
    expect(formatDateTime(date, HCM, 'en')).toBe('Sat 5 Dec 2026, 17:00 GMT+7');
    expect(formatDateTime(date, HCM, 'vi')).toBe('T7, 05/12/2026 17:00 (GMT+7)');
    expect(formatDateTime(new Date('2026-12-06T10:00:00Z'), HCM, 'vi')).toBe('CN, 06/12/2026 17:00 (GMT+7)');
    expect(formatDateTime(date, 'Asia/Kolkata', 'vi')).toBe('T7, 05/12/2026 15:30 (GMT+5:30)');
    expect(formatDateTime(date, 'UTC', 'en')).toBe('Sat 5 Dec 2026, 10:00 UTC');
  });

  it('shows the offset in force on that date', () => {
    expect(formatDateTime(new Date('2026-03-06T14:00:00Z'), NY, 'en')).toBe('Fri 6 Mar 2026, 09:00 EST');
    expect(formatDateTime(new Date('2026-03-09T13:00:00Z'), NY, 'en')).toBe('Mon 9 Mar 2026, 09:00 EDT');
    expect(formatDateTime(new Date('2026-03-09T13:00:00Z'), NY, 'vi')).toBe('T2, 09/03/2026 09:00 (GMT-4)');
    expect(formatDateTime(new Date('2026-03-27T08:00:00Z'), BERLIN, 'vi')).toBe('T6, 27/03/2026 09:00 (GMT+1)');
    expect(formatDateTime(new Date('2026-03-30T07:00:00Z'), BERLIN, 'vi')).toBe('T2, 30/03/2026 09:00 (GMT+2)');
  });

  it('falls back to UTC for an unknown zone rather than throwing', () => {
    expect(formatDateTime(date, 'Mars/Olympus', 'en')).toBe('Sat 5 Dec 2026, 10:00 UTC');
  });
});

describe('formatRelative', () => {
  const now = new Date('2026-12-01T02:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const HOUR = 3_600_000;

  it.each([
    [at(3 * 24 * HOUR), 'in 3 days', '3 ngày nữa'],
    [at(-2 * HOUR), '2 hours ago', '2 giờ trước'],
    [at(5 * 60_000), 'in 5 minutes', '5 phút nữa'],
    [at(2 * HOUR - 60_000), 'in 2 hours', '2 giờ nữa'],
    [at(90 * 60_000), 'in 2 hours', '2 giờ nữa'],
    [at(89 * 60_000), 'in 1 hour', '1 giờ nữa'],
    [at(59 * 60_000 + 40_000), 'in 1 hour', '1 giờ nữa'],
    [at(48 * HOUR), 'in 2 days', '2 ngày nữa'],
    [at(48 * HOUR - 5_000), 'in 2 days', '2 ngày nữa'],
    [at(47 * HOUR), 'in 2 days', '2 ngày nữa'],
    [at(35 * HOUR), 'in 1 day', '1 ngày nữa'],
    [at(10 * 24 * HOUR), 'in 10 days', '10 ngày nữa'],
    [at(-90 * 60_000), '2 hours ago', '2 giờ trước'],
    [at(20_000), 'in 20 seconds', '20 giây nữa'],
    [now, 'now', 'bây giờ'],
  ])('%s', (date, en, vi) => {
    expect(formatRelative(date, now, 'en')).toBe(en);
    expect(formatRelative(date, now, 'vi')).toBe(vi);
  });

  it('says "in 2 days" for a reminder 48 hours ahead across a DST change', () => {
    // New York falls back on Sunday 1 Nov 2026: 48 real hours from Saturday 09:00 EDT is Monday 08:00 EST.
    const saturday = new Date('2026-10-31T13:00:00Z');
    const monday = new Date(saturday.getTime() + 48 * HOUR);
    expect(formatRelative(monday, saturday, 'en', NY)).toBe('in 2 days');
    expect(formatRelative(monday, saturday, 'vi', NY)).toBe('2 ngày nữa');
    // Spring forward (Sunday 8 Mar 2026): 48 hours from Saturday 09:00 EST is Monday 10:00 EDT.
    const march = new Date('2026-03-07T14:00:00Z');
    expect(formatRelative(new Date(march.getTime() + 48 * HOUR), march, 'en', NY)).toBe('in 2 days');
  });

  it("counts calendar units on the reader's wall clock", () => {
    const before = new Date('2026-11-04T15:00:00Z');
    const sixMonthsLater = new Date('2027-05-04T14:00:00Z'); // same 10:00 in New York, after DST began
    expect(formatRelative(sixMonthsLater, before, 'en', NY)).toBe('in 6 months');
    expect(formatRelative(sixMonthsLater, before, 'vi', NY)).toBe('6 tháng nữa');
  });
});

describe('isValidZone', () => {
  it.each(['Asia/Ho_Chi_Minh', 'America/New_York', 'Europe/Berlin', 'UTC'])('accepts %s', (zone) => {
    expect(isValidZone(zone)).toBe(true);
  });
  it.each(['Mars/Olympus', '', '  ', '+07:00', 'GMT+7 please'])('refuses %j', (zone) => {
    expect(isValidZone(zone)).toBe(false);
  });
});

describe('timeMessages', () => {
  const used = ['time.past', 'time.unparseable', 'time.ambiguousDate', 'time.invalidZone', 'time.tooFar', 'time.zoneTooLong'];
  const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(timeMessages.vi).sort()).toEqual(Object.keys(timeMessages.en).sort());
    for (const key of Object.keys(timeMessages.en)) {
      expect(placeholders(timeMessages.vi[key] ?? ''), key).toEqual(placeholders(timeMessages.en[key] ?? ''));
    }
  });

  it('covers every key the parser can return', () => {
    for (const key of used) {
      expect(timeMessages.en[key], key).toBeDefined();
      expect(timeMessages.vi[key], key).toBeDefined();
    }
  });

  it('suggests formats that are actually accepted', () => {
    expect(timeMessages.en['time.unparseable']).toContain('{text}');
    for (const example of ['2026-12-05 17:00', 'in 3 days', 'friday 17:00']) {
      expect(timeMessages.en['time.unparseable']).toContain(example);
      expect(parseWhen(example, { now: HCM_NOW, zone: HCM }).ok).toBe(true);
    }
    for (const example of ['2026-12-05 17:00', '3 ngày nữa', 'ngày mai 9h', 'thứ sáu 17:00']) {
      expect(timeMessages.vi['time.unparseable']).toContain(example);
      expect(parseWhen(example, { now: HCM_NOW, zone: HCM }).ok).toBe(true);
    }
  });
});

describe('parsePastWhen: a moment that has passed, such as the start of a period asked about (Asia/Ho_Chi_Minh, Tue 1 Dec 2026 09:00)', () => {
  const since = (text: string) => {
    const r = parsePastWhen(text, { now: HCM_NOW, zone: HCM });
    return r.ok ? r.date.toISOString() : r.error;
  };

  it('reads a date as the start of that day in the member\'s zone, and a date and time as given', () => {
    expect(since('2026-11-01')).toBe('2026-10-31T17:00:00.000Z');
    expect(since('2026-11-01 10:00')).toBe('2026-11-01T03:00:00.000Z');
    expect(since('25/11/2026')).toBe('2026-11-24T17:00:00.000Z');
  });

  it('reads amounts of time ago in English and Vietnamese, and days looking back', () => {
    expect(since('30 days ago')).toBe('2026-11-01T02:00:00.000Z');
    expect(since('30 ngày trước')).toBe('2026-11-01T02:00:00.000Z');
    expect(since('2 weeks ago')).toBe('2026-11-17T02:00:00.000Z');
    expect(since('yesterday')).toBe('2026-11-29T17:00:00.000Z');
    expect(since('hôm qua')).toBe('2026-11-29T17:00:00.000Z');
  });

  it('refuses a moment still to come, a date that reads both ways and text that is no date', () => {
    expect(since('2027-01-01')).toEqual({ key: 'time.future', params: { when: 'Fri 1 Jan 2027, 00:00 GMT+7' } });
    expect(since('5/11/2026')).toEqual({ key: 'time.ambiguousDate', params: { text: '5/11/2026' } });
    expect(since('whenever')).toEqual({ key: 'time.unparseable', params: { text: 'whenever' } });
  });
});

describe('parsePastWhen: weekdays look back', () => {
  const now = new Date('2027-03-10T12:00:00Z'); // a Wednesday
  const at = (text: string) => {
    const r = parsePastWhen(text, { now, zone: 'Asia/Ho_Chi_Minh' });
    return r.ok ? r.date.toISOString() : r.error.key;
  };

  it('takes a weekday alone as the last one that has begun', () => {
    expect(at('monday 9am')).toBe('2027-03-08T02:00:00.000Z');
    expect(at('friday 9am')).toBe('2027-03-05T02:00:00.000Z');
    expect(at('friday')).toBe('2027-03-04T17:00:00.000Z');
    expect(at('tomorrow')).toBe('time.future');
  });
});
