// When commitment reminders go out: offsets before the due time, moved out of the owner's quiet hours.
import { DateTime, Duration } from 'luxon';
import { msg, type Locale, type Msg } from '../i18n/types.js';
import { parseUnitAmounts } from '../time.js';

/** More reminders than this for one commitment is nagging, not reminding. */
export const MAX_REMINDER_OFFSETS = 5;
/** Two reminders closer than this say the same thing twice. */
export const MIN_REMINDER_GAP = Duration.fromObject({ hours: 1 });
/** Beyond this many parts a list is refused unread (the input is bounded anyway; this keeps the work small). */
const MAX_PARTS_READ = 50;

const OFFSET = /^(?:(\d{1,3})w)?(?:(\d{1,3})d)?(?:(\d{1,3})h)?(?:(\d{1,4})m)?$/;

const WORD_BEFORE = /\s+(?:before|trước)$/u;

/** "1 ngày 12 giờ", "2 hours before" → "1d12h", "2h"; null unless whole weeks, days, hours and minutes. */
function compactOffset(words: string): string | null {
  const amounts = parseUnitAmounts(words.replace(WORD_BEFORE, ''));
  if (!amounts || amounts.years !== undefined || amounts.months !== undefined || amounts.seconds !== undefined) return null;
  const parts: [number | undefined, string][] = [
    [amounts.weeks, 'w'],
    [amounts.days, 'd'],
    [amounts.hours, 'h'],
    [amounts.minutes, 'm'],
  ];
  if (parts.some(([n]) => n !== undefined && !Number.isInteger(n))) return null;
  return parts.map(([n, letter]) => (n ? `${n}${letter}` : '')).join('');
}

/**
 * "3d,1d,2h" → ["3d","1d","2h"]; the same in words, comma-separated, in English or Vietnamese:
 * "3 ngày, 1 ngày, 2 giờ trước" → ["3d","1d","2h"]; "none"/"không" → []; null when any part is not an offset.
 */
export function parseOffsets(text: string): string[] | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'none' || trimmed === 'off' || trimmed === 'không') return [];
  let parts = trimmed.split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || parts.length > MAX_PARTS_READ) return null;
  if (!parts.every((part) => OFFSET.test(part))) {
    const worded = trimmed.split(/\s*[,;]\s*|\s+(?:and|và)\s+/u).filter(Boolean);
    if (worded.length > MAX_PARTS_READ) return null;
    const compact = worded.map(compactOffset);
    if (compact.some((part) => part === null)) return null;
    parts = compact as string[];
  }
  for (const part of parts) {
    if (!OFFSET.test(part) || part === '') return null;
    if (offsetDuration(part).as('minutes') <= 0) return null;
  }
  return [...new Set(parts)];
}

/**
 * Why a list of offsets that reads fine is still refused, or null when it is acceptable: more than
 * MAX_REMINDER_OFFSETS of them, or two closer together than MIN_REMINDER_GAP (a day counts as 24
 * hours here). The message names the offsets in the reader's language.
 */
export function checkOffsets(offsets: readonly string[], locale: Locale): Msg | null {
  if (offsets.length > MAX_REMINDER_OFFSETS) {
    return msg('commitment.tooManyOffsets', { count: offsets.length, max: MAX_REMINDER_OFFSETS });
  }
  const byLength = [...offsets].sort((a, b) => offsetDuration(a).toMillis() - offsetDuration(b).toMillis());
  for (let i = 1; i < byLength.length; i++) {
    const shorter = byLength[i - 1]!;
    const longer = byLength[i]!;
    if (offsetDuration(longer).toMillis() - offsetDuration(shorter).toMillis() < MIN_REMINDER_GAP.toMillis()) {
      return msg('commitment.offsetsTooClose', {
        first: describeOffset(longer, locale),
        second: describeOffset(shorter, locale),
        gap: describeDuration(MIN_REMINDER_GAP, locale),
      });
    }
  }
  return null;
}

/** Days and weeks are calendar units (same wall-clock time), hours and minutes are elapsed time. */
export function offsetDuration(offset: string): Duration {
  const m = OFFSET.exec(offset);
  if (!m) return Duration.fromObject({});
  const [, w, d, h, min] = m;
  return Duration.fromObject({ weeks: Number(w ?? 0), days: Number(d ?? 0), hours: Number(h ?? 0), minutes: Number(min ?? 0) });
}

const OFFSET_UNITS = [
  ['weeks', 'week'],
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
] as const;

const unitFormats = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: Locale, unit: string): Intl.NumberFormat {
  const key = `${locale}:${unit}`;
  let format = unitFormats.get(key);
  if (!format) unitFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' })));
  return format;
}

/** "1d12h" → "1 day 12 hours" / "1 ngày 12 giờ": what members read instead of the compact form they may type. */
export function describeOffset(offset: string, locale: Locale): string {
  return describeDuration(offsetDuration(offset), locale);
}

/** Whole weeks, days, hours and minutes in words: "1 hour", "1 ngày 12 giờ". */
export function describeDuration(duration: Duration, locale: Locale): string {
  return OFFSET_UNITS.filter(([field]) => duration.get(field) > 0)
    .map(([field, unit]) => unitFormat(locale, unit).format(duration.get(field)))
    .join(' ');
}

/** ["3d","1d","2h"] → "3 days, 1 day, 2 hours" / "3 ngày, 1 ngày, 2 giờ". */
export function describeOffsets(offsets: readonly string[], locale: Locale): string {
  return offsets.map((offset) => describeOffset(offset, locale)).join(', ');
}

export interface QuietHours {
  from: number;
  to: number;
}

function inQuiet(hour: number, quiet: QuietHours): boolean {
  if (quiet.from === quiet.to) return false;
  return quiet.from > quiet.to ? hour >= quiet.from || hour < quiet.to : hour >= quiet.from && hour < quiet.to;
}

/**
 * A moment in quiet hours moves to the morning (the end of the quiet hours). If the morning would be
 * at or after the due time it moves back instead, to the evening before (the start of the quiet hours),
 * so a reminder never arrives after what it reminds of.
 */
export function outOfQuietHours(at: Date, due: Date, zone: string, quiet: QuietHours): Date {
  const local = DateTime.fromJSDate(at, { zone });
  if (!inQuiet(local.hour, quiet)) return at;
  const startOfTo = local.set({ hour: quiet.to, minute: 0, second: 0, millisecond: 0 });
  const morning = startOfTo > local ? startOfTo : startOfTo.plus({ days: 1 });
  if (morning.toJSDate() < due) return morning.toJSDate();
  const startOfFrom = local.set({ hour: quiet.from, minute: 0, second: 0, millisecond: 0 });
  const evening = startOfFrom <= local ? startOfFrom : startOfFrom.minus({ days: 1 });
  return evening.toJSDate();
}

export interface PlannedReminder {
  offset: string;
  at: Date;
}

/** The reminders still worth sending: none for a moment already past, none twice at the same time. */
export function planReminders(opts: { due: Date; offsets: string[]; now: Date; zone: string; quiet: QuietHours }): PlannedReminder[] {
  const due = DateTime.fromJSDate(opts.due, { zone: opts.zone });
  const planned: PlannedReminder[] = [];
  const seen = new Set<number>();
  for (const offset of opts.offsets) {
    const raw = due.minus(offsetDuration(offset)).toJSDate();
    if (raw <= opts.now) continue;
    const at = outOfQuietHours(raw, opts.due, opts.zone, opts.quiet);
    if (at <= opts.now || at >= opts.due || seen.has(at.getTime())) continue;
    seen.add(at.getTime());
    planned.push({ offset, at });
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime());
}
