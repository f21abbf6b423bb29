// Time zone names typed by members: city names suggest their zone, and long input is refused before any search.
import { describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/core/commands/parse.js';
import { translate, type Msg } from '../../src/core/i18n/index.js';
import * as zones from '../../src/core/time-zones.js';

vi.mock('../../src/core/time-zones.js', { spy: true });

function refusal(text: string): Msg {
  const result = parseCommand(text);
  if (result.ok) throw new Error(`${text} parsed as ${JSON.stringify(result.command)}`);
  return result.error;
}

describe('suggestTimeZone', () => {
  it.each(['Hanoi', 'Hà Nội', 'ha_noi', 'Ho Chi Minh', 'Hồ Chí Minh', 'HCMC', 'TP HCM', 'Saigon', 'Sài Gòn', 'Đà Nẵng', 'Vietnam', 'Hannoi', 'Saigonn'])(
    '%j suggests Asia/Ho_Chi_Minh',
    (typed) => {
      expect(zones.suggestTimeZone(typed)).toBe('Asia/Ho_Chi_Minh');
    },
  );

  it.each([
    ['Delhi', 'Asia/Kolkata'],
    ['Beijing', 'Asia/Shanghai'],
    ['San Francisco', 'America/Los_Angeles'],
    ['London', 'Europe/London'],
    ['Europe/Berln', 'Europe/Berlin'],
    ['new york', 'America/New_York'],
  ])('%j suggests %s', (typed, zone) => {
    expect(zones.suggestTimeZone(typed)).toBe(zone);
  });

  it('suggests nothing for what is not close to any zone or city, or is too long to be one', () => {
    expect(zones.suggestTimeZone('Mars Olympus Base')).toBeUndefined();
    expect(zones.suggestTimeZone('Hanoi'.repeat(20))).toBeUndefined();
  });
});

describe('settings timezone', () => {
  it('suggests Asia/Ho_Chi_Minh for Vietnamese cities', () => {
    for (const typed of ['Hanoi', 'Saigon', 'HCMC', '"Sài Gòn"', '"Hà Nội"', '"Ho Chi Minh"', '"Hà Nội" --workspace']) {
      const error = refusal(`settings timezone ${typed}`);
      expect(error.key, typed).toBe('cmd.error.badTimezoneSuggest');
      expect(error.params?.suggestion, typed).toBe('Asia/Ho_Chi_Minh');
    }
    const error = refusal('settings timezone "Hà Nội"');
    expect(translate('en', error)).toBe('"Hà Nội" is not a time zone Concord knows. Did you mean `Asia/Ho_Chi_Minh`?');
    expect(translate('vi', error)).toBe('"Hà Nội" không phải múi giờ mà Concord biết. Có phải ý bạn là `Asia/Ho_Chi_Minh`?');
  });

  it('still accepts a zone name', () => {
    expect(parseCommand('settings timezone Asia/Ho_Chi_Minh --workspace')).toMatchObject({
      ok: true,
      command: { name: 'settings.timezone', timezone: 'Asia/Ho_Chi_Minh', scope: 'workspace' },
    });
  });

  it('refuses a 200,000-character command line before any zone search', () => {
    const spy = vi.mocked(zones.suggestTimeZone);
    spy.mockClear();
    expect(refusal(`settings timezone ${'Asia/Ho_Chi_Minh'.repeat(12_500)}`)?.key).toBe('cmd.error.lineTooLong');
    expect(spy).not.toHaveBeenCalled();
  });

  it('refuses an over-long zone name without searching for a suggestion, in both languages', () => {
    const spy = vi.mocked(zones.suggestTimeZone);
    spy.mockClear();
    const error = refusal(`settings timezone ${'Asia/Ho_Chi_Minh'.repeat(10)}`);
    expect(error).toEqual({ key: 'time.zoneTooLong', params: { length: 160, max: zones.MAX_ZONE_INPUT_LENGTH } });
    expect(spy).not.toHaveBeenCalled();
    expect(translate('en', error)).toBe(
      'That time zone name is 160 characters long, but time zone names have at most 64. Use a name such as Asia/Ho_Chi_Minh, Europe/Berlin or UTC.',
    );
    expect(translate('vi', error)).toBe(
      'Tên múi giờ bạn nhập dài 160 ký tự, trong khi tên múi giờ dài tối đa 64 ký tự. Hãy dùng tên như Asia/Ho_Chi_Minh, Europe/Berlin hoặc UTC.',
    );
    // Just over the bound is refused the same way; a typo within it still gets its suggestion.
    expect(refusal(`settings timezone ${'x'.repeat(65)}`).key).toBe('time.zoneTooLong');
    expect(refusal('settings timezone Asia/Ho_Chi_Mihn').params?.suggestion).toBe('Asia/Ho_Chi_Minh');
    expect(spy).toHaveBeenCalledTimes(1);
  });
});
