// When an indicator's owner is asked for a value: a recurrence (weekly, monthly or an iCalendar RRULE) read as
// wall-clock time in the owner's own zone, so a 10:00 check-in stays at 10:00 across daylight-saving changes.
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';

// rrule ships a CommonJS bundle whose names Node cannot see from an ES module; its types are the ES build's.
const { RRule } = createRequire(import.meta.url)('rrule') as typeof import('rrule');
type Rule = InstanceType<typeof RRule>;

/** The hour of the day a check-in is asked for when the rule names none: mid-morning, inside anyone's working day. */
export const CHECKIN_HOUR = 10;
/** Check-ins at most daily: a rule that fires more often would flood the owner. */
const ALLOWED = new Set<number>([RRule.YEARLY, RRule.MONTHLY, RRule.WEEKLY, RRule.DAILY]);
/** How far ahead a rule must fire at least once to be accepted. */
const HORIZON_YEARS = 2;

/** The words members type for the common cadences, and the rules they stand for. */
export const CADENCES = { weekly: 'FREQ=WEEKLY;BYDAY=MO', monthly: 'FREQ=MONTHLY;BYMONTHDAY=1' } as const;

export type CadenceProblem = 'syntax' | 'frequency' | 'dtstart' | 'never';

/**
 * A cadence as typed (`weekly`, `monthly` or an RRULE such as `FREQ=WEEKLY;BYDAY=FR`) as the rule stored, or why
 * it cannot be used. `anchor` is when the indicator was set up; the rule must fire within two years of it.
 */
export function parseCadence(input: string, anchor: Date): { ok: true; rule: string } | { ok: false; problem: CadenceProblem } {
  const raw = input.trim();
  const named = CADENCES[raw.toLowerCase() as keyof typeof CADENCES];
  const text = (named ?? raw).replace(/^RRULE:/i, '').toUpperCase();
  if (/(^|;)DTSTART/.test(text) || /\n/.test(text)) return { ok: false, problem: 'dtstart' };
  let options: Partial<import('rrule').Options>;
  try {
    options = RRule.parseString(text);
  } catch {
    return { ok: false, problem: 'syntax' };
  }
  // The parser skips what it does not know: a misspelt day comes back as undefined rather than an error.
  const holes = Object.values(options).some((v) => v === undefined || (Array.isArray(v) && v.some((x) => x === undefined || Number.isNaN(x))));
  if (holes || options.freq === undefined) return { ok: false, problem: 'syntax' };
  if (!ALLOWED.has(options.freq)) return { ok: false, problem: 'frequency' };
  const rule = RRule.optionsToString(options).replace(/^RRULE:/, '');
  const horizon = DateTime.fromJSDate(anchor).plus({ years: HORIZON_YEARS }).toJSDate();
  const first = nextCheckin(rule, 'UTC', anchor, anchor);
  if (first === null || first > horizon) return { ok: false, problem: 'never' };
  return { ok: true, rule };
}

/** The rule, anchored at the local day the indicator was set up, counting in "floating" wall-clock time. */
function floating(rule: string, zone: string, anchor: Date): Rule {
  const options = RRule.parseString(rule);
  const local = DateTime.fromJSDate(anchor, { zone }).startOf('day');
  const dtstart = new Date(Date.UTC(local.year, local.month - 1, local.day, CHECKIN_HOUR, 0, 0));
  return new RRule({ ...options, dtstart, byhour: options.byhour ?? CHECKIN_HOUR, byminute: options.byminute ?? 0, bysecond: 0 });
}

/** A floating wall-clock time (its UTC fields) as the instant it is in the zone. */
function toInstant(wall: Date, zone: string): Date {
  return DateTime.fromObject(
    { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() },
    { zone },
  ).toJSDate();
}

/** An instant as wall-clock time in the zone, written into a Date's UTC fields. */
function toFloating(at: Date, zone: string): Date {
  const local = DateTime.fromJSDate(at, { zone });
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond));
}

/** The first check-in strictly after `after`, as an instant; null when the rule has run out (COUNT, UNTIL). */
export function nextCheckin(rule: string, zone: string, anchor: Date, after: Date): Date | null {
  const r = floating(rule, zone, anchor);
  let wall = r.after(toFloating(after, zone), false);
  // A wall-clock time skipped by a clock change lands later on the same day; step past any that do not move forward.
  while (wall !== null) {
    const at = toInstant(wall, zone);
    if (at.getTime() > after.getTime()) return at;
    wall = r.after(wall, false);
  }
  return null;
}

/**
 * The period a check-in asks about: from the start of its local day to the start of the next check-in's local
 * day (or a week later when the rule has run out). A value recorded at any time in it counts for it, so an owner
 * who checked in earlier that morning is not asked again.
 */
export function periodOf(rule: string, zone: string, anchor: Date, checkin: Date): { start: Date; end: Date } {
  const start = DateTime.fromJSDate(checkin, { zone }).startOf('day');
  const next = nextCheckin(rule, zone, anchor, checkin);
  const end = next ? DateTime.fromJSDate(next, { zone }).startOf('day') : start.plus({ weeks: 1 });
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** Every check-in from `from` up to `to` (both instants), in order, at most `limit`. */
export function checkinsBetween(rule: string, zone: string, anchor: Date, from: Date, to: Date, limit = 500): Date[] {
  const found: Date[] = [];
  let at = nextCheckin(rule, zone, anchor, new Date(from.getTime() - 1));
  while (at !== null && at.getTime() <= to.getTime() && found.length < limit) {
    found.push(at);
    at = nextCheckin(rule, zone, anchor, at);
  }
  return found;
}
