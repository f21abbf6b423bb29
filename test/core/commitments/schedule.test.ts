// Reminder planning: offsets, quiet hours in the owner's zone, daylight saving time, never after the due time.
import { describe, expect, it } from 'vitest';
import {
  checkOffsets,
  describeOffset,
  describeOffsets,
  MAX_REMINDER_OFFSETS,
  outOfQuietHours,
  parseOffsets,
  planReminders,
} from '../../../src/core/commitments/schedule.js';
import { commandMessages } from '../../../src/core/commands/messages.js';
import { translate } from '../../../src/core/i18n/index.js';

const quiet = { from: 21, to: 8 };
const iso = (d: Date) => d.toISOString();

describe('parseOffsets', () => {
  it('reads offsets and none', () => {
    expect(parseOffsets('3d,1d,2h')).toEqual(['3d', '1d', '2h']);
    expect(parseOffsets('1w 1d12h 90m')).toEqual(['1w', '1d12h', '90m']);
    expect(parseOffsets('none')).toEqual([]);
    expect(parseOffsets('1d,1d')).toEqual(['1d']);
  });
  it('reads offsets written in words, in English or Vietnamese', () => {
    expect(parseOffsets('3 ngày, 1 ngày, 2 giờ')).toEqual(['3d', '1d', '2h']);
    expect(parseOffsets('1 tuần, 1 ngày 12 giờ và 90 phút trước')).toEqual(['1w', '1d12h', '90m']);
    expect(parseOffsets('2 days before, 3 hours before')).toEqual(['2d', '3h']);
    expect(parseOffsets('3 days, 1 day and 2 hours')).toEqual(['3d', '1d', '2h']);
    expect(parseOffsets('1 tiếng')).toEqual(['1h']);
  });
  it('refuses what is not an offset', () => {
    expect(parseOffsets('1 tháng')).toBeNull();
    expect(parseOffsets('1.5 giờ')).toBeNull();
    expect(parseOffsets('3 ngày, sớm')).toBeNull();
    expect(parseOffsets('9999 weeks')).toBeNull();
    expect(parseOffsets('soon')).toBeNull();
    expect(parseOffsets('3x')).toBeNull();
    expect(parseOffsets('0d')).toBeNull();
    expect(parseOffsets('')).toBeNull();
  });
});

describe('checkOffsets', () => {
  it('accepts up to five reminders at least an hour apart', () => {
    expect(MAX_REMINDER_OFFSETS).toBe(5);
    expect(checkOffsets(['1w', '3d', '1d', '2h', '1h'], 'en')).toBeNull();
    expect(checkOffsets(['15m'], 'en')).toBeNull();
    expect(checkOffsets(['2h', '1h'], 'en')).toBeNull();
    expect(checkOffsets([], 'en')).toBeNull();
  });

  it('refuses ten reminders a few minutes apart, saying how many are allowed', () => {
    const ten = parseOffsets('10m,15m,20m,25m,30m,35m,40m,45m,50m,55m')!;
    const error = checkOffsets(ten, 'en')!;
    expect(error).toEqual({ key: 'commitment.tooManyOffsets', params: { count: 10, max: 5 } });
    expect(translate('en', error)).toBe('You gave 10 reminder times; a commitment can have at most 5. Keep the ones that matter most, for example "3d,1d,2h".');
    expect(translate('vi', error)).toBe('Bạn đã nhập 10 thời điểm nhắc; mỗi cam kết chỉ có tối đa 5. Hãy giữ những lần nhắc quan trọng nhất, ví dụ "3d,1d,2h".');
  });

  it('refuses two reminders less than an hour apart, naming them in words, whatever order they were typed in', () => {
    const en = checkOffsets(['90m', '1d', '2h'], 'en')!;
    expect(translate('en', en)).toBe(
      'Reminders 2 hours and 90 minutes before the due time are too close together: reminder times must be at least 1 hour apart, for example "3d,1d,2h".',
    );
    const vi = checkOffsets(['1d', '1d30m'], 'vi')!;
    expect(translate('vi', vi)).toBe(
      'Hai lời nhắc 1 ngày 30 phút và 1 ngày trước hạn chót quá gần nhau: các thời điểm nhắc phải cách nhau ít nhất 1 giờ, ví dụ "3d,1d,2h".',
    );
    expect(checkOffsets(['1d', '23h30m'], 'en')?.key).toBe('commitment.offsetsTooClose');
  });
});

describe('help for settings reminders', () => {
  it('states the limits and gives examples that are accepted, in both languages', () => {
    const en = commandMessages.en['cmd.detail.settings.reminders'] ?? '';
    const vi = commandMessages.vi['cmd.detail.settings.reminders'] ?? '';
    expect(en).toContain(`up to ${MAX_REMINDER_OFFSETS} offsets before the due time, at least 1 hour apart`);
    expect(vi).toContain(`tối đa ${MAX_REMINDER_OFFSETS} khoảng thời gian trước hạn, cách nhau ít nhất 1 giờ`);
    for (const example of ['3d,1d,2h', '3 days, 1 day, 2 hours', '3 ngày, 1 ngày, 2 giờ']) {
      expect(`${en} ${vi}`).toContain(`"${example}"`);
      const offsets = parseOffsets(example);
      expect(offsets).toEqual(['3d', '1d', '2h']);
      expect(checkOffsets(offsets!, 'en')).toBeNull();
    }
  });
});

describe('describeOffsets', () => {
  it('spells offsets out in the reader\'s language', () => {
    expect(describeOffsets(['1w', '3d', '1d', '2h', '90m'], 'en')).toBe('1 week, 3 days, 1 day, 2 hours, 90 minutes');
    expect(describeOffsets(['1w', '3d', '1d', '2h', '90m'], 'vi')).toBe('1 tuần, 3 ngày, 1 ngày, 2 giờ, 90 phút');
    expect(describeOffset('1d12h', 'en')).toBe('1 day 12 hours');
    expect(describeOffset('1d12h', 'vi')).toBe('1 ngày 12 giờ');
    expect(describeOffsets([], 'vi')).toBe('');
  });
});

describe('planReminders', () => {
  it('sends 3 days, 1 day and 2 hours before by default, skipping moments already past', () => {
    const due = new Date('2026-12-10T15:00:00Z');
    const plan = planReminders({ due, offsets: ['3d', '1d', '2h'], now: new Date('2026-12-01T09:00:00Z'), zone: 'UTC', quiet });
    expect(plan.map((p) => iso(p.at))).toEqual(['2026-12-07T15:00:00.000Z', '2026-12-09T15:00:00.000Z', '2026-12-10T13:00:00.000Z']);
    const late = planReminders({ due, offsets: ['3d', '1d', '2h'], now: new Date('2026-12-09T16:00:00Z'), zone: 'UTC', quiet });
    expect(late.map((p) => p.offset)).toEqual(['2h']);
  });

  it('moves a reminder that falls at night in the owner\'s zone to the morning', () => {
    // Due 12:00 in Ho Chi Minh City (05:00Z); one day before is fine, 14 hours before is 22:00 local.
    const due = new Date('2026-12-10T05:00:00Z');
    const plan = planReminders({ due, offsets: ['14h'], now: new Date('2026-12-01T00:00:00Z'), zone: 'Asia/Ho_Chi_Minh', quiet });
    expect(iso(plan[0]!.at)).toBe('2026-12-10T01:00:00.000Z'); // 08:00 local
  });

  it('never moves a reminder past the due time: it comes the evening before instead', () => {
    // Due 07:00 local; 2 hours before is 05:00 (quiet) and the morning (08:00) is too late.
    const due = new Date('2026-12-10T07:00:00Z');
    const at = outOfQuietHours(new Date('2026-12-10T05:00:00Z'), due, 'UTC', quiet);
    expect(iso(at)).toBe('2026-12-09T21:00:00.000Z');
    const plan = planReminders({ due, offsets: ['2h'], now: new Date('2026-12-01T00:00:00Z'), zone: 'UTC', quiet });
    expect(plan.every((p) => p.at < due)).toBe(true);
  });

  it('keeps the wall-clock time for day offsets across a daylight saving change', () => {
    // Europe/Berlin leaves summer time on 25 October 2026. Due Tuesday 27 Oct 10:00 local (09:00Z).
    const due = new Date('2026-10-27T09:00:00Z');
    const plan = planReminders({ due, offsets: ['3d'], now: new Date('2026-10-01T00:00:00Z'), zone: 'Europe/Berlin', quiet });
    // Saturday 24 Oct 10:00 local is still summer time: 08:00Z.
    expect(iso(plan[0]!.at)).toBe('2026-10-24T08:00:00.000Z');
  });

  it('handles quiet hours on the night the clocks go forward', () => {
    // America/New_York springs forward on 8 March 2026; 02:30 local does not exist that night.
    const due = new Date('2026-03-08T16:00:00Z'); // 12:00 EDT
    const plan = planReminders({ due, offsets: ['9h30m'], now: new Date('2026-03-01T00:00:00Z'), zone: 'America/New_York', quiet });
    expect(iso(plan[0]!.at)).toBe('2026-03-08T12:00:00.000Z'); // 08:00 EDT
  });

  it('sends one reminder when two offsets land on the same morning', () => {
    const due = new Date('2026-12-10T10:00:00Z');
    const plan = planReminders({ due, offsets: ['3h', '4h'], now: new Date('2026-12-01T00:00:00Z'), zone: 'UTC', quiet });
    expect(plan.map((p) => iso(p.at))).toEqual(['2026-12-10T08:00:00.000Z']);
  });
});
