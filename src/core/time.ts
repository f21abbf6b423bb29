// Reads the deadlines members type and shows dates back to them, each in the member's own time zone.
import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone, IANAZone, type Zone } from 'luxon';
import { msg, type Locale, type Msg } from './i18n/types.js';

export type ParseWhenResult = { ok: true; date: Date } | { ok: false; error: Msg };

/** How far ahead a typed date may lie unless the operator sets DATE_HORIZON_MONTHS. */
export const DEFAULT_DATE_HORIZON_MONTHS = 24;

export interface ParseWhenOptions {
  now: Date;
  /** IANA zone of the member who typed the text; wall-clock times are read in it. */
  zone: string;
  /** Language used to show the refused time inside a `time.past` error; English when omitted. */
  locale?: Locale;
  /** Latest acceptable date, in calendar months from `now`; DEFAULT_DATE_HORIZON_MONTHS when omitted. */
  horizonMonths?: number;
}

type Unit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds';
export type UnitAmounts = Partial<Record<Unit, number>>;

const UNIT_WORDS: Record<string, Unit> = {
  s: 'seconds', sec: 'seconds', secs: 'seconds', second: 'seconds', seconds: 'seconds', 'giây': 'seconds',
  m: 'minutes', min: 'minutes', mins: 'minutes', minute: 'minutes', minutes: 'minutes', 'phút': 'minutes',
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours', 'giờ': 'hours', 'tiếng': 'hours',
  d: 'days', day: 'days', days: 'days', 'ngày': 'days',
  w: 'weeks', wk: 'weeks', wks: 'weeks', week: 'weeks', weeks: 'weeks', 'tuần': 'weeks',
  mo: 'months', mos: 'months', month: 'months', months: 'months', 'tháng': 'months',
  y: 'years', yr: 'years', yrs: 'years', year: 'years', years: 'years', 'năm': 'years',
};

const FIXED_UNIT_MS: Partial<Record<Unit, number>> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

// Longest first so "months" is not read as "m" followed by garbage.
const UNIT_PATTERN = Object.keys(UNIT_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
// A spelled-out "a"/"an"/"một" needs a space before the unit, otherwise "am" would read as one minute.
const AMOUNT = new RegExp(
  `(?:(\\d+(?:[.,]\\d+)?)\\s*|(?:an?|one|một)\\s+)(${UNIT_PATTERN})(?![\\p{L}\\p{M}])`,
  'uy',
);
const AMOUNT_SEPARATOR = /\s*,\s*|\s+(?:and|và)\s+|\s*/uy;

/** Reads "1d12h", "2 hours 30 minutes", "3 ngày" into unit amounts; null unless the whole text is amounts. */
function parseAmounts(text: string): UnitAmounts | null {
  const amounts: UnitAmounts = {};
  let pos = 0;
  for (;;) {
    AMOUNT.lastIndex = pos;
    const match = AMOUNT.exec(text);
    if (!match) return null;
    const unit = UNIT_WORDS[match[2] ?? ''];
    const value = match[1] === undefined ? 1 : Number(match[1].replace(',', '.'));
    if (unit === undefined || amounts[unit] !== undefined || !Number.isFinite(value)) return null;
    amounts[unit] = value;
    pos += match[0].length;
    if (pos === text.length) return amounts;
    AMOUNT_SEPARATOR.lastIndex = pos;
    pos += AMOUNT_SEPARATOR.exec(text)?.[0].length ?? 0;
    if (pos === text.length) return null;
  }
}

function normalize(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
}

/** `3 ngày`, `1 day 12 hours`, `2h30m` as unit amounts (English or Vietnamese unit words); null unless the whole text is amounts. */
export function parseUnitAmounts(text: string): UnitAmounts | null {
  return parseAmounts(normalize(text));
}

/**
 * Milliseconds in `90s`, `15m`, `2h`, `3d`, `1w`, `1d12h`, `1h30m`, `3 d`, `3 days`, `2 hours`, `1.5h`
 * (also the Vietnamese unit words). Months and years are refused because their length depends on
 * the date they start from; zero is refused because no caller has a use for an empty duration.
 */
export function parseDuration(text: string): number | null {
  const amounts = parseAmounts(normalize(text));
  if (!amounts) return null;
  let total = 0;
  for (const [unit, value] of Object.entries(amounts) as [Unit, number][]) {
    const size = FIXED_UNIT_MS[unit];
    if (size === undefined) return null;
    total += value * size;
  }
  total = Math.round(total);
  return total > 0 && Number.isSafeInteger(total) ? total : null;
}

// Checking a zone builds an Intl formatter, which is slow; zones are few, so remember the answers.
const zoneValidity = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = zone.trim() !== '' && IANAZone.isValidZone(zone);
    if (zoneValidity.size < 1000) zoneValidity.set(zone, valid);
  }
  return valid;
}

// Relative forms are handled here rather than by chrono: chrono only knows a fixed UTC offset, so
// "in 3 days" across a DST change would land an hour off the member's wall clock.
const RELATIVE_FORMS: readonly RegExp[] = [
  /^(?:in|within|after)\s+(.+?)(?:\s+from\s+now)?$/u,
  /^(.+?)\s+(?:from\s+now|later)$/u,
  /^(?:sau|trong(?:\s+vòng)?)\s+(.+?)(?:\s+(?:nữa|tới))?$/u,
  /^(.+?)\s+(?:nữa|sau|tới|tiếp\s+theo)$/u,
];

/**
 * The moment "in <amounts>" names, or null when the text is not of that form. The result may be an
 * invalid DateTime when the amounts overflow the calendar ("in 9999999999 weeks"): that is a date
 * too far ahead, not text we failed to read.
 */
function parseRelative(text: string, now: DateTime): DateTime | null {
  for (const form of RELATIVE_FORMS) {
    const body = form.exec(text)?.[1];
    const amounts = body === undefined ? null : parseAmounts(body);
    // Luxon adds calendar units on the wall clock and hours/minutes on the timeline, which is
    // exactly "in 3 days" = same time of day, "in 5 hours" = five real hours.
    if (amounts) return now.plus(amounts);
  }
  return null;
}

// 5/12/2026 is 5 December to a Vietnamese reader and May 12 to an American one; guessing a
// deadline wrong by months is worse than asking. Dots and dashes count only with a year, since
// "9.30" is usually a time.
const NUMERIC_DATE = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?![\d/.-])/u;

function isAmbiguousNumericDate(text: string): boolean {
  const match = NUMERIC_DATE.exec(text);
  if (!match) return false;
  if (match[2] !== '/' && match[4] === undefined) return false;
  const a = Number(match[1]);
  const b = Number(match[3]);
  return a >= 1 && a <= 12 && b >= 1 && b <= 12 && a !== b;
}

const VI_WEEKDAY_NUMBERS: Record<string, string> = {
  '2': 'thứ hai', '3': 'thứ ba', '4': 'thứ tư', '5': 'thứ năm', '6': 'thứ sáu', '7': 'thứ bảy',
};

const VI_CLOCK_HOUR = /(?<![\d:])(\d{1,2})\s*h(?:\s*(\d{2}))?(?![\p{L}\d])/u;

/** Rewrites everyday Vietnamese spellings into the ones chrono's Vietnamese parser knows. */
function toChronoVietnamese(text: string): string {
  return text
    .replace(/^mai(?=\s|$)/u, 'ngày mai')
    .replace(/(?:ngày\s+)?mốt(?=\s|$)/u, 'ngày kia')
    .replace(/thứ\s*([2-7])(?!\d)/gu, (whole, digit: string) => VI_WEEKDAY_NUMBERS[digit] ?? whole)
    .replace(/(thứ \p{L}+|chủ nhật)\s+tuần\s+(?:sau|tới)/gu, '$1 tới')
    .replace(/(thứ \p{L}+|chủ nhật)\s+tuần\s+này/gu, '$1 này')
    // "9h", "17h30": the usual way to write a clock time in Vietnamese chat.
    .replace(new RegExp(VI_CLOCK_HOUR.source, 'gu'), (_, hour: string, minute?: string) =>
      minute === undefined ? `${hour} giờ` : `${hour} giờ ${minute}`,
    );
}

// Parts of the day without a clock time read as their English twins, so both languages agree on the
// hour (chrono's: morning 06:00, noon 12:00, afternoon 15:00, evening 20:00, tonight 22:00).
const VI_PART_OF_DAY: Record<string, { today: string; tomorrow: string }> = {
  'sáng': { today: 'this morning', tomorrow: 'tomorrow morning' },
  'trưa': { today: 'today noon', tomorrow: 'tomorrow noon' },
  'chiều': { today: 'this afternoon', tomorrow: 'tomorrow afternoon' },
  'tối': { today: 'this evening', tomorrow: 'tomorrow evening' },
  'đêm': { today: 'tonight', tomorrow: 'tomorrow night' },
};
const PART = '(?<part>sáng|trưa|chiều|tối|đêm)';
const DAY_AFTER = '(?<day>nay|mai)';
const DAY_BEFORE = '(?<day>hôm nay|ngày mai|mai)';
const CLOCK = '(?<hour>\\d{1,2})\\s*(?:h|giờ)(?:\\s*(?<minute>\\d{2}))?';
const VI_PART_FORMS: readonly RegExp[] = [
  new RegExp(`^(?:buổi\\s+)?${PART}\\s+${DAY_AFTER}$`, 'u'),
  new RegExp(`^${DAY_BEFORE}\\s+(?:buổi\\s+)?${PART}$`, 'u'),
  new RegExp(`^${CLOCK}\\s+(?:buổi\\s+)?${PART}\\s+${DAY_AFTER}$`, 'u'),
  new RegExp(`^(?:buổi\\s+)?${PART}\\s+${DAY_AFTER}\\s+(?:lúc\\s+)?${CLOCK}$`, 'u'),
  new RegExp(`^${DAY_BEFORE}\\s+${CLOCK}\\s+(?:buổi\\s+)?${PART}$`, 'u'),
  new RegExp(`^${DAY_BEFORE}\\s+(?:buổi\\s+)?${PART}\\s+(?:lúc\\s+)?${CLOCK}$`, 'u'),
];

/**
 * "sáng mai", "tối nay", "ngày mai buổi chiều" → "tomorrow morning", "this evening", "tomorrow
 * afternoon"; with a clock time ("9h sáng mai", "chiều mai 3h") → "ngày mai 9 giờ sáng", which
 * chrono's Vietnamese reads. Other text is returned as it is.
 */
function rewriteVietnamesePartOfDay(text: string): string {
  for (const form of VI_PART_FORMS) {
    const g = form.exec(text)?.groups;
    const part = g?.part === undefined ? undefined : VI_PART_OF_DAY[g.part];
    if (!g || !part) continue;
    const today = g.day === 'nay' || g.day === 'hôm nay';
    if (g.hour === undefined) return today ? part.today : part.tomorrow;
    const clock = g.minute === undefined ? `${g.hour} giờ` : `${g.hour} giờ ${g.minute}`;
    return `${today ? 'hôm nay' : 'ngày mai'} ${clock} ${g.part}`;
  }
  return text;
}

const SAYS_TODAY = /^(?:today|tonight|this\s+(?:morning|afternoon|evening))(?=\s|$)/u;

const LOOKS_BACK = /\b(?:last|ago|yesterday|previous)\b|(?:^|\s)(?:qua|trước|hôm kia)(?=\s|$)/u;

const TIME_OF_DAY_TAGS = new Set(
  ['now', 'tonight', 'evening', 'midnight', 'morning', 'afternoon', 'noon'].map((t) => `casualReference/${t}`),
);

/** The single chrono result covering all of `text`; partial matches would silently drop words. */
function wholeMatch(results: chrono.ParsedResult[], text: string): chrono.ParsedResult | null {
  const [only, ...rest] = results;
  // A range ("friday - monday") is not a deadline.
  if (!only || rest.length > 0 || only.end) return null;
  return only.index === 0 && only.text.length === text.length ? only : null;
}

function parseWithChrono(text: string, now: DateTime): DateTime | null {
  const reference = { instant: now.toJSDate(), timezone: now.offset };
  // forwardDate turns "monday" and "Dec 5" into the coming ones, but it would also turn "last friday"
  // into the coming Friday; such text must resolve backwards so it is refused as past.
  const options = { forwardDate: !LOOKS_BACK.test(text) };
  const viText = toChronoVietnamese(text);
  const readEnglish = () => wholeMatch(chrono.casual.parse(text, reference, options), text);
  const readVietnamese = () => wholeMatch(chrono.vi.casual.parse(viText, reference, options), viText);
  // English reads a bare "20h" as "in 20 hours"; in Vietnamese chat it is 20:00, so Vietnamese goes first.
  const result = VI_CLOCK_HOUR.test(text) ? (readVietnamese() ?? readEnglish()) : (readEnglish() ?? readVietnamese());
  if (!result) return null;

  const c = result.start;
  if (result.tags().has('result/relativeDateAndTime')) {
    return DateTime.fromJSDate(c.date(), { zone: now.zone });
  }
  const timeGiven = c.isCertain('hour') || [...result.tags()].some((tag) => TIME_OF_DAY_TAGS.has(tag));
  const explicitOffset = c.isCertain('timezoneOffset') ? c.get('timezoneOffset') : null;
  const zone: Zone = explicitOffset === null ? now.zone : FixedOffsetZone.instance(explicitOffset);
  // forwardDate would move "this morning" said at 10:00 to tomorrow; today's morning is past instead.
  const day = SAYS_TODAY.test(text)
    ? { year: now.year, month: now.month, day: now.day }
    : { year: c.get('year') ?? now.year, month: c.get('month') ?? now.month, day: c.get('day') ?? now.day };
  // Chrono only picks the wall-clock fields; luxon turns them into an instant so the offset is the
  // one in force on that day, not today's. A date without a time means "by the end of that day".
  let date = DateTime.fromObject(
    timeGiven
      ? { ...day, hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0, second: c.get('second') ?? 0 }
      : { ...day, hour: 23, minute: 59 },
    { zone },
  );
  const weekdayOnly = c.isCertain('weekday') && !c.isCertain('day');
  if (weekdayOnly && day.year === now.year && day.month === now.month && day.day === now.day) {
    // "friday" said on a Friday means next week: nobody sets a deadline by naming today's weekday.
    date = date.plus({ days: 7 });
  }
  return date;
}

const END_OF_UNITS: Record<string, 'week' | 'month' | 'year'> = {
  week: 'week', month: 'month', year: 'year', 'tuần': 'week', 'tháng': 'month', 'năm': 'year',
};
const END_OF_FORMS: readonly RegExp[] = [
  /^(?:the\s+)?end\s+of\s+(?:(?:the|this)\s+)?(?<unit>week|month|year)$/u,
  /^(?:the\s+)?end\s+of\s+(?<next>next)\s+(?<unit>week|month|year)$/u,
  /^cuối\s+(?<unit>tuần|tháng|năm)(?:\s+(?:này|(?<next>sau|tới)))?$/u,
];

/**
 * "cuối tháng", "end of the month": the last day of this month (or next, with "sau"/"tới"/"next"),
 * by the end of that day. A week ends on Sunday, so "cuối tuần" covers the weekend.
 */
function parseEndOf(text: string, now: DateTime): DateTime | null {
  for (const form of END_OF_FORMS) {
    const groups = form.exec(text)?.groups;
    const unit = groups?.unit === undefined ? undefined : END_OF_UNITS[groups.unit];
    if (unit === undefined) continue;
    const from = groups?.next === undefined ? now : now.plus({ [`${unit}s`]: 1 });
    return from.endOf(unit).startOf('minute');
  }
  return null;
}

/**
 * "ngày 25/12", "ngày 25/12/2026" → "ngày 25 tháng 12 (năm 2026)", which chrono's Vietnamese reads.
 * Only for dates that passed the ambiguity check: "ngày 5/12" is still refused as ambiguous.
 */
function vietnameseDayMonth(text: string): string {
  return text.replace(
    /^ngày\s+(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?(?=\s|$)/u,
    (_, day: string, month: string, year?: string) =>
      `ngày ${day} tháng ${month}${year === undefined ? '' : ` năm ${year.length === 2 ? `20${year}` : year}`}`,
  );
}

const LEADING_FILLER = /^(?:by|due|until|vào|đến|hạn)\s+/u;

/**
 * Reads a deadline typed by a member, in the member's zone. Accepted:
 * - ISO: `2026-12-05 17:00`, `2026-12-05T17:00`, `2026-12-05` (end of that day, 23:59), with an
 *   explicit offset (`Z`, `+07:00`) taking precedence over the member's zone;
 * - numeric dates only when day and month cannot be swapped (`25/12/2026`); `5/12/2026` is refused
 *   as `time.ambiguousDate`;
 * - relative: `in 3 days`, `in 2 weeks`, `in 6 months`, `in 90 minutes`, `in 1h30m`, `3 days from now`,
 *   `3 ngày nữa`, `2 tuần nữa`, `90 phút nữa`, `5 giờ nữa`, `sau 3 ngày`;
 * - anything else chrono reads in English or Vietnamese: `tomorrow 9am`, `friday 17:00`, `next monday`,
 *   `Dec 5 17:00`, `ngày mai 9:00`, `ngày mai 9h`, `thứ sáu 17:00`, `thứ 6 17h`, `chủ nhật`.
 * A date more than `horizonMonths` calendar months ahead is refused as `time.tooFar`, naming the
 * latest date allowed. A bare weekday is the next such day, never today; "next friday" follows chrono (the Friday of
 * next week). A wall-clock time that DST skips moves forward; one that DST repeats takes the later.
 */
export function parseWhen(text: string, opts: ParseWhenOptions): ParseWhenResult {
  if (!isValidZone(opts.zone)) return { ok: false, error: msg('time.invalidZone', { zone: opts.zone }) };
  const now = DateTime.fromJSDate(opts.now, { zone: opts.zone });
  if (!now.isValid) throw new RangeError('parseWhen: `now` is not a valid date');

  const shown = text.trim();
  const cleaned = normalize(text).replace(/[.!]+$/u, '').replace(LEADING_FILLER, '');
  if (cleaned === '') return { ok: false, error: msg('time.unparseable', { text: shown }) };

  const horizonMonths = opts.horizonMonths ?? DEFAULT_DATE_HORIZON_MONTHS;
  const latest = now.plus({ months: horizonMonths });
  const tooFar = (): ParseWhenResult => ({
    ok: false,
    error: msg('time.tooFar', { text: shown, latest: formatDateTime(latest.toJSDate(), opts.zone, opts.locale ?? 'en') }),
  });

  let date = parseRelative(cleaned, now);
  if (date && !date.isValid) return tooFar();
  date ??= parseEndOf(cleaned, now);
  if (!date && isAmbiguousNumericDate(cleaned)) {
    return { ok: false, error: msg('time.ambiguousDate', { text: shown }) };
  }
  date ??= parseWithChrono(rewriteVietnamesePartOfDay(vietnameseDayMonth(cleaned)), now);
  if (!date?.isValid || Number.isNaN(date.toJSDate().getTime())) {
    return { ok: false, error: msg('time.unparseable', { text: shown }) };
  }
  if (date.toMillis() <= now.toMillis()) {
    return {
      ok: false,
      error: msg('time.past', { when: formatDateTime(date.toJSDate(), opts.zone, opts.locale ?? 'en') }),
    };
  }
  if (date.toMillis() > latest.toMillis()) return tooFar();
  return { ok: true, date: date.toJSDate() };
}

const AGO_FORMS: readonly RegExp[] = [/^(.+?)\s+ago$/u, /^(.+?)\s+trước$/u, /^(?:cách\s+đây)\s+(.+)$/u];
const ISO_DAY = /^\d{4}-\d\d-\d\d$/u;

/**
 * Reads the start of a period a member asks about (`--since`), in the member's zone: an ISO date (`2026-01-01`, from
 * the start of that day) or date and time, `30 days ago` / `30 ngày trước`, or anything chrono reads looking back
 * (`last monday`, `yesterday`, `hôm qua`; a day without a time means its start). A moment still to come is refused,
 * and so is a numeric date whose day and month could be swapped, as for deadlines.
 */
export function parsePastWhen(text: string, opts: Omit<ParseWhenOptions, 'horizonMonths'>): ParseWhenResult {
  if (!isValidZone(opts.zone)) return { ok: false, error: msg('time.invalidZone', { zone: opts.zone }) };
  const now = DateTime.fromJSDate(opts.now, { zone: opts.zone });
  const shown = text.trim();
  const cleaned = normalize(text).replace(/[.!]+$/u, '').replace(/^(?:since|from|từ)\s+/u, '');
  if (cleaned === '') return { ok: false, error: msg('time.unparseable', { text: shown }) };
  let date: DateTime | null = null;
  if (ISO_DAY.test(cleaned)) date = DateTime.fromISO(cleaned, { zone: opts.zone }).startOf('day');
  else if (/^\d{4}-\d\d-\d\d[t ]\d/u.test(cleaned)) date = DateTime.fromISO(cleaned.replace(' ', 'T'), { zone: opts.zone, setZone: false });
  for (const form of AGO_FORMS) {
    if (date) break;
    const body = form.exec(cleaned)?.[1];
    const amounts = body === undefined ? null : parseAmounts(body);
    if (amounts) date = now.minus(amounts);
  }
  if (!date && isAmbiguousNumericDate(cleaned)) return { ok: false, error: msg('time.ambiguousDate', { text: shown }) };
  if (!date) {
    const reference = { instant: now.toJSDate(), timezone: now.offset };
    const result =
      wholeMatch(chrono.casual.parse(cleaned, reference, { forwardDate: false }), cleaned) ??
      wholeMatch(chrono.vi.casual.parse(toChronoVietnamese(vietnameseDayMonth(cleaned)), reference, { forwardDate: false }), toChronoVietnamese(vietnameseDayMonth(cleaned)));
    if (result) {
      const c = result.start;
      const day = { year: c.get('year') ?? now.year, month: c.get('month') ?? now.month, day: c.get('day') ?? now.day };
      date = c.isCertain('hour')
        ? DateTime.fromObject({ ...day, hour: c.get('hour') ?? 0, minute: c.get('minute') ?? 0 }, { zone: now.zone })
        : DateTime.fromObject(day, { zone: now.zone }).startOf('day');
      // Looking back, a weekday alone ("friday") is the last one that has begun, not the coming one.
      if (c.isCertain('weekday') && !c.isCertain('day') && date.startOf('day') > now) date = date.minus({ days: 7 });
    }
  }
  if (!date?.isValid) return { ok: false, error: msg('time.unparseable', { text: shown }) };
  if (date.toMillis() > now.toMillis()) {
    return { ok: false, error: msg('time.future', { when: formatDateTime(date.toJSDate(), opts.zone, opts.locale ?? 'en') }) };
  }
  return { ok: true, date: date.toJSDate() };
}

const VI_WEEKDAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'] as const;

/**
 * en "Sat 5 Dec 2026, 17:00 GMT+7", vi "T7, 05/12/2026 17:00 (GMT+7)". Always 24-hour with the zone
 * shown, so members in different zones never read the same text as different moments.
 */
export function formatDateTime(date: Date, zone: string, locale: Locale): string {
  const dt = DateTime.fromJSDate(date, { zone: isValidZone(zone) ? zone : 'UTC' });
  if (locale === 'vi') {
    return `${VI_WEEKDAYS[dt.weekday - 1] ?? ''}, ${dt.toFormat('dd/MM/yyyy HH:mm')} (GMT${dt.toFormat('Z')})`;
  }
  return dt.setLocale('en-US').toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

// Weeks and quarters are left out: "in 10 days" says more than "in 1 week".
const RELATIVE_UNITS = ['years', 'months', 'days', 'hours', 'minutes', 'seconds'] as const;

const WHOLE_NEXT_UNIT: Partial<Record<(typeof RELATIVE_UNITS)[number], { size: number; unit: 'minutes' | 'hours' | 'days' }>> = {
  seconds: { size: 60, unit: 'minutes' },
  minutes: { size: 60, unit: 'hours' },
  hours: { size: 24, unit: 'days' },
};

const relativeFormats: Record<Locale, Intl.RelativeTimeFormat> = {
  en: new Intl.RelativeTimeFormat('en', { numeric: 'always' }),
  vi: new Intl.RelativeTimeFormat('vi', { numeric: 'always' }),
};

/**
 * "in 3 days" / "3 ngày nữa", "2 hours ago" / "2 giờ trước". The largest unit with at least one whole
 * unit in it is used, and the count is rounded to the nearest (halves away from zero): 90 minutes is
 * "in 2 hours", 47 hours and a reminder sent 48 hours ahead are "in 2 days", 89 minutes is "in 1 hour".
 * Days, months and years count on the reader's wall clock, so pass their zone: 48 hours across a DST
 * change are still "in 2 days", and six months are "in 6 months".
 */
export function formatRelative(date: Date, now: Date, locale: Locale, zone = 'UTC'): string {
  const inZone = { zone: isValidZone(zone) ? zone : 'UTC' };
  const end = DateTime.fromJSDate(date, inZone);
  const start = DateTime.fromJSDate(now, inZone);
  let text: string | undefined;
  for (const unit of RELATIVE_UNITS) {
    const count = end.diff(start, unit).get(unit);
    if (Math.abs(count) >= 1) {
      // 59.7 minutes round to a whole hour: say "in 1 hour", not "in 60 minutes".
      const rounded = Math.round(Math.abs(count));
      const promoted = rounded === WHOLE_NEXT_UNIT[unit]?.size ? WHOLE_NEXT_UNIT[unit] : undefined;
      text = promoted
        ? relativeFormats[locale].format(Math.sign(count), promoted.unit)
        : relativeFormats[locale].format(Math.sign(count) * rounded, unit);
      break;
    }
  }
  text ??= new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(0, 'seconds');
  // ICU says "sau 3 ngày nữa", doubling the "later"; chat Vietnamese says "3 ngày nữa".
  return locale === 'vi' ? text.replace(/^sau\s+(.+\s+nữa)$/u, '$1') : text;
}
