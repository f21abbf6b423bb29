// Amounts as members type them, in either separator convention and with k/m/tr/triệu, and as they are shown in English and Vietnamese.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, isCurrency, minorDigits, parseAmount } from '../../../src/core/resources/money.js';

const minor = (text: string, currency = 'VND', locale = 'en') => {
  const r = parseAmount(text, currency, locale);
  return r.ok ? r.minor : r.reason;
};

describe('minor digits', () => {
  it('comes from ISO 4217 as the runtime knows it', () => {
    expect(minorDigits('VND')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
  });

  it('refuses a code that is not a currency', () => {
    expect(isCurrency('VND')).toBe(true);
    expect(isCurrency('ABC')).toBe(false);
    expect(isCurrency('vnd')).toBe(false);
    expect(() => minorDigits('ABC')).toThrow();
    expect(minor('5', 'ABC')).toBe('unknown-currency');
  });
});

describe('parseAmount', () => {
  it('reads both separator conventions', () => {
    expect(minor('5.000.000')).toBe(5_000_000);
    expect(minor('5,000,000')).toBe(5_000_000);
    expect(minor('5 000 000')).toBe(5_000_000);
    expect(minor('1.234,56', 'USD')).toBe(123_456);
    expect(minor('1,234.56', 'USD')).toBe(123_456);
    expect(minor('1234.5', 'USD')).toBe(123_450);
    expect(minor('12,50', 'USD')).toBe(1250);
    expect(minor('7', 'USD')).toBe(700);
  });

  it('takes a lone separator before exactly three digits as thousands', () => {
    expect(minor('1,234', 'USD')).toBe(123_400);
    expect(minor('1.234', 'USD')).toBe(123_400);
    expect(minor('5.000')).toBe(5000);
    // ...except after a zero, where only a decimal makes sense; and in a three-digit currency it is refused.
    expect(minor('0.500', 'VND')).toBe('too-precise');
    expect(minor('1.234', 'BHD')).toBe('ambiguous');
    expect(minor('1.2', 'BHD')).toBe(1200);
  });

  it('reads k, m, tr, triệu and tỷ, with a decimal before them', () => {
    expect(minor('500k')).toBe(500_000);
    expect(minor('5tr')).toBe(5_000_000);
    expect(minor('5 triệu')).toBe(5_000_000);
    expect(minor('5 TRIỆU')).toBe(5_000_000);
    expect(minor('1,5tr')).toBe(1_500_000);
    expect(minor('1.5m')).toBe(1_500_000);
    expect(minor('2,250k')).toBe(2250);
    expect(minor('1.000k')).toBe(1000);
    expect(minor('2 tỷ')).toBe(2_000_000_000);
    expect(minor('1.5k', 'USD')).toBe(150_000);
    expect(minor('1.2345k', 'USD')).toBe(123_450);
  });

  it('accepts the currency code or symbol around the number', () => {
    expect(minor('5.000.000 ₫', 'VND', 'vi')).toBe(5_000_000);
    expect(minor('₫5,000,000')).toBe(5_000_000);
    expect(minor('VND 5,000,000')).toBe(5_000_000);
    expect(minor('5.000.000đ', 'VND', 'vi')).toBe(5_000_000);
    expect(minor('5 triệu đồng', 'VND', 'vi')).toBe(5_000_000);
    expect(minor('500k VNĐ', 'VND', 'vi')).toBe(500_000);
    expect(minor('$12.50', 'USD')).toBe(1250);
    expect(minor('12,50 US$', 'USD', 'vi')).toBe(1250);
  });

  it('refuses negative amounts, too many decimals, overflow and non-numbers', () => {
    expect(minor('-5')).toBe('negative');
    expect(minor('−5', 'USD')).toBe('negative');
    expect(minor('1.5')).toBe('too-precise');
    expect(minor('1.005', 'USD')).toBe(100_500);
    expect(minor('1.0001', 'USD')).toBe('too-precise');
    expect(minor('1.0000001m')).toBe('too-precise');
    expect(minor('9007199254740992')).toBe('too-large');
    expect(minor('9007199254740991')).toBe(9_007_199_254_740_991);
    expect(minor('100000000000000', 'USD')).toBe('too-large');
    expect(minor('')).toBe('empty');
    expect(minor('  ')).toBe('empty');
    expect(minor('abc')).toBe('not-a-number');
    expect(minor('5..0')).toBe('not-a-number');
    expect(minor('1,23,456')).toBe('not-a-number');
    expect(minor('1.234.5')).toBe('not-a-number');
    expect(minor('5.')).toBe('not-a-number');
    expect(minor('k')).toBe('not-a-number');
    expect(minor('0')).toBe(0);
  });
});

describe('formatAmount', () => {
  it('shows VND the way each language writes it', () => {
    expect(formatAmount(5_000_000, 'VND', 'vi')).toBe('5.000.000\u00a0₫');
    expect(formatAmount(5_000_000, 'VND', 'en')).toBe('₫5,000,000');
    expect(formatAmount(5_000_000, 'VND', 'en', 'code')).toBe('VND\u00a05,000,000');
  });

  it('shows minor units of a two-digit currency exactly, even beyond float precision', () => {
    expect(formatAmount(123_456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatAmount(5, 'USD', 'en')).toBe('$0.05');
    expect(formatAmount(123_456, 'USD', 'vi')).toBe('1.234,56\u00a0US$');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(() => formatAmount(1.5, 'USD')).toThrow();
  });

  it('reads back what it shows, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom('VND', 'USD', 'JPY', 'EUR'),
        fc.constantFrom('en', 'vi'),
        fc.constantFrom('symbol' as const, 'code' as const),
        (amount, currency, locale, display) => {
        const shown = formatAmount(amount, currency, locale, display);
        expect(parseAmount(shown, currency, locale)).toEqual({ ok: true, minor: amount });
      }),
    );
  });
});
