// Numbers in messages are written the way the reader writes them: a decimal point in English, a decimal comma in Vietnamese.
import { describe, expect, it } from 'vitest';
import { formatNumber, translate, type Msg } from '../../src/core/i18n/index.js';

describe('numbers in messages', () => {
  it('writes means with two decimals in the reader\'s locale', () => {
    const mean: Msg = { key: 'tally.fist-of-five.mean', params: { mean: 4, count: 2, min: 3.5 } };
    expect(translate('en', mean)).toBe('The mean of 2 ballots is 4.00 (at least 3.5 needed).');
    expect(translate('vi', mean)).toBe('Điểm trung bình của 2 phiếu là 4,00 (cần ít nhất 3,5).');
    expect(translate('vi', { key: 'tally.score.winner', params: { option: 'B', mean: 2.33 } })).toBe('B thắng với điểm trung bình 2,33.');
  });

  it('leaves whole numbers such as proposal numbers ungrouped', () => {
    expect(translate('en', { key: 'proposal.notFound', params: { number: 1234 } })).toMatch(/^There is no proposal #1234\./);
    expect(formatNumber('vi', 12345)).toBe('12345');
    expect(formatNumber('vi', 2.5, 2)).toBe('2,50');
    expect(formatNumber('en', 2.5, 2)).toBe('2.50');
  });
});
