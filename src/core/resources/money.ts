// Money as integer minor units of an ISO 4217 currency: how many minor digits a currency has, reading an amount a member typed (either separator convention, k/m/tr/triệu/tỷ) and showing one in a locale.
//
// Amounts are integers so that sums, shares and refunds are exact: a pool never gains or loses a đồng to
// floating point. Minor digits come from the runtime's ICU data rather than a hand-kept table, so a currency
// that changes its minor unit is picked up with Node's own update.

/** Why a typed amount was not accepted; the caller puts it in words. */
export type AmountRefusal =
  | 'unknown-currency'
  | 'empty'
  | 'not-a-number'
  | 'negative'
  | 'too-precise'
  | 'ambiguous'
  | 'too-large';

export type ParsedAmount = { ok: true; minor: number } | { ok: false; reason: AmountRefusal };

let known: Set<string> | undefined;

/** Whether `code` is a currency the runtime knows (upper-case ISO 4217, e.g. `VND`, `USD`). */
export function isCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code);
}

const digitsCache = new Map<string, number>();

/**
 * The number of minor-unit digits of a currency: 0 for VND and JPY, 2 for USD, 3 for BHD. Throws on a code the
 * runtime does not know, because Intl would otherwise quietly assume 2 for any well-formed code.
 */
export function minorDigits(currency: string): number {
  const cached = digitsCache.get(currency);
  if (cached !== undefined) return cached;
  if (!isCurrency(currency)) throw new RangeError(`unknown currency ${currency}`);
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  digitsCache.set(currency, digits);
  return digits;
}

/** Multipliers members type after a number. `tr`/`triệu` are Vietnamese for million, `tỷ` for billion. */
const SUFFIXES: ReadonlyArray<readonly [string, number]> = [
  ['triệu', 6],
  ['trieu', 6],
  ['tr', 6],
  ['tỷ', 9],
  ['tỉ', 9],
  ['ty', 9],
  ['k', 3],
  ['m', 6],
  ['b', 9],
];

/** Spaces (also no-break and narrow no-break, as Intl prints them) and apostrophes group digits in some locales. */
const GROUP_SPACES = /[\s\u00a0\u202f'’]/g;

/** What members write for a currency besides its code and Intl's symbols: `5.000.000đ`, `5 triệu đồng`, `VNĐ`. */
const WRITTEN: Readonly<Record<string, readonly string[]>> = { VND: ['vnđ', 'đồng', 'đ'] };

function currencyMarks(currency: string, locale: string): string[] {
  const marks = new Set<string>([currency.toLowerCase(), ...(WRITTEN[currency] ?? [])]);
  for (const display of ['symbol', 'narrowSymbol'] as const) {
    try {
      const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display }).formatToParts(1);
      const symbol = parts.find((p) => p.type === 'currency')?.value;
      if (symbol) marks.add(symbol.toLowerCase());
    } catch {
      // An unusable locale only means fewer symbols are recognised; the code itself still is.
    }
  }
  // Longest first so that `us$` is removed before `$`.
  return [...marks].sort((a, b) => b.length - a.length);
}

/**
 * Reads an amount as typed by a member into integer minor units of `currency`.
 *
 * Rules, the same in every locale so that a member's habit works whatever language Concord speaks to them:
 * - `.` and `,` are both accepted as either separator. When both appear, the last one is the decimal mark and the
 *   other groups thousands (`1.234,56` and `1,234.56` are the same amount).
 * - One kind appearing more than once groups thousands (`5.000.000`, `5,000,000`); groups must be three digits.
 * - A lone separator followed by exactly three digits groups thousands (`5.000` is five thousand, `5,000` too); any
 *   other lone separator is the decimal mark (`12.5`, `12,50`). In a currency with three or more minor digits that
 *   reading is a guess either way, so it is refused as ambiguous.
 * - After a multiplier (`k`, `m`/`tr`/`triệu`, `b`/`tỷ`), a lone separator is always the decimal mark (`1.5tr`,
 *   `2,250k`): nobody writes a thousand thousands as `1.000k`.
 * - The currency's code or symbol (for VND also `đ`, `VNĐ`, `đồng`) may come before or after; spaces may group digits.
 * - Negative amounts, more decimals than the currency has (after the multiplier) and amounts beyond what a
 *   number holds exactly are refused.
 */
export function parseAmount(text: string, currency: string, locale = 'en'): ParsedAmount {
  if (!isCurrency(currency)) return { ok: false, reason: 'unknown-currency' };
  const digits = minorDigits(currency);
  let s = text.normalize('NFC').trim().toLowerCase();
  for (const mark of currencyMarks(currency, locale)) s = s.split(mark).join('');
  s = s.replace(GROUP_SPACES, '');
  if (s === '') return { ok: false, reason: 'empty' };
  if (/^[-−–(]/.test(s) || s.endsWith('-')) return { ok: false, reason: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);

  let exponent = 0;
  let suffixed = false;
  for (const [suffix, power] of SUFFIXES) {
    if (s.endsWith(suffix) && s.length > suffix.length) {
      s = s.slice(0, -suffix.length);
      exponent = power;
      suffixed = true;
      break;
    }
  }
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s)) return { ok: false, reason: 'not-a-number' };

  const split = splitNumber(s, suffixed, digits);
  if (!split.ok) return split;
  const { whole, fraction } = split;
  // Exact in BigInt: the typed digits, shifted by the multiplier and the currency's minor digits.
  const shift = exponent + digits - fraction.length;
  let minor: bigint;
  if (shift >= 0) {
    minor = BigInt(whole + fraction) * 10n ** BigInt(shift);
  } else {
    const all = whole + fraction;
    const dropped = all.slice(all.length + shift);
    if (/[^0]/.test(dropped)) return { ok: false, reason: 'too-precise' };
    minor = BigInt(all.slice(0, all.length + shift) || '0');
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, reason: 'too-large' };
  return { ok: true, minor: Number(minor) };
}

type Split = { ok: true; whole: string; fraction: string } | { ok: false; reason: AmountRefusal };

function splitNumber(s: string, suffixed: boolean, digits: number): Split {
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  const grouped = (whole: string, sep: string): string | null => {
    const groups = whole.split(sep);
    if (groups.length === 1) return whole;
    if (!/^\d{1,3}$/.test(groups[0]!) || groups.slice(1).some((g) => !/^\d{3}$/.test(g))) return null;
    return groups.join('');
  };
  if (dots > 0 && commas > 0) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    if ((decimal === '.' ? dots : commas) > 1) return { ok: false, reason: 'not-a-number' };
    const whole = grouped(s.slice(0, at), group);
    if (whole === null) return { ok: false, reason: 'not-a-number' };
    return { ok: true, whole, fraction: s.slice(at + 1) };
  }
  const count = dots + commas;
  if (count === 0) return { ok: true, whole: s, fraction: '' };
  const sep = dots > 0 ? '.' : ',';
  if (count > 1) {
    const whole = grouped(s, sep);
    return whole === null ? { ok: false, reason: 'not-a-number' } : { ok: true, whole, fraction: '' };
  }
  const [whole, fraction] = s.split(sep) as [string, string];
  if (suffixed) return { ok: true, whole, fraction };
  if (fraction.length === 3) {
    if (digits >= 3) return { ok: false, reason: 'ambiguous' };
    // `0.500` is not five hundred: a leading zero group only makes sense as a decimal.
    if (/^0+$/.test(whole)) return { ok: true, whole, fraction };
    return { ok: true, whole: whole + fraction, fraction: '' };
  }
  return { ok: true, whole, fraction };
}

/** Integer minor units as a decimal string, exact even beyond what a float shows (`123456` USD → `1234.56`). */
function decimalString(minor: number, digits: number): string {
  const negative = minor < 0;
  const text = Math.abs(minor).toString().padStart(digits + 1, '0');
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

export type CurrencyDisplay = 'symbol' | 'code' | 'narrowSymbol';

/**
 * Shows integer minor units in a locale's convention: `5.000.000 ₫` in `vi`, `₫5,000,000` in `en`, or
 * `VND 5,000,000` with `display: 'code'` where a symbol would be unclear to the reader.
 */
export function formatAmount(minor: number, currency: string, locale = 'en', display: CurrencyDisplay = 'symbol'): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`amount ${minor} is not a whole number of minor units`);
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: display, minimumFractionDigits: digits, maximumFractionDigits: digits });
  // A decimal string keeps every digit; Intl formats strings exactly (as a number it would round past 2^53 / 10^d).
  return format.format(decimalString(minor, digits) as unknown as number);
}
