// Zod schemas that turn one raw word into a typed value, failing with a translatable message.
import { z } from 'zod';
import { msg, type MessageKey, type Msg } from '../i18n/types.js';
import { isMessageKey } from '../i18n/index.js';
import type { Fraction } from '../proposals/rules/types.js';
import type { ValueSpec } from './declare.js';
import { closest } from './suggest.js';
import { foldDiacritics, normalizeLabel } from '../proposals/rules/ballots.js';
import { MAX_ZONE_INPUT_LENGTH, suggestTimeZone } from '../time-zones.js';

type Params = Record<string, string | number>;

/** Our issues carry a message key and its parameters, so the first issue maps straight onto a Msg. */
export function addMsgIssue(ctx: z.RefinementCtx, key: MessageKey, params: Params): void {
  ctx.addIssue({ code: 'custom', message: key, params: { key, params } });
}

function fail(ctx: z.RefinementCtx, key: MessageKey, params: Params): typeof z.NEVER {
  addMsgIssue(ctx, key, params);
  return z.NEVER;
}

/** The Msg behind the first issue; a non-custom issue only arises from a programming error, so it stays generic. */
export function issueToMsg(error: z.ZodError, fallback: Params): Msg {
  const issue = error.issues[0];
  if (issue?.code === 'custom') {
    const carried: unknown = issue.params;
    if (carried && typeof carried === 'object' && 'key' in carried && typeof carried.key === 'string' && isMessageKey(carried.key)) {
      const params = 'params' in carried ? (carried.params as Params) : undefined;
      return msg(carried.key, params);
    }
  }
  return msg('cmd.error.invalid', fallback);
}

const length = (s: string): number => Array.from(s).length;

/** `"<title>"` → `<title>`, `@member [@member...]` → `@member`, `en|vi` → `<locale>`. */
export function argLabel(placeholder: string, key: string): string {
  const angle = /<[^>]+>/.exec(placeholder);
  if (angle) return angle[0];
  const at = /@\w+/.exec(placeholder);
  return at ? at[0] : `<${key}>`;
}

// Member references -----------------------------------------------------------------------------

const SLACK_OR_DISCORD = /^<@([A-Za-z0-9]+)(?:\|[^>]*)?>$/;
const DISCORD_NICKNAME = /^<@!(\d+)>$/;
const HANDLE = /^@?([^\s<>@]+)$/u;
const MAX_HANDLE = 80;

/** Mentions become platform ids (`<@U123|alice>` → `U123`); handles lose their `@`. Role and channel mentions are refused. */
export function parseMember(raw: string): string | undefined {
  const text = raw.trim();
  const mention = SLACK_OR_DISCORD.exec(text) ?? DISCORD_NICKNAME.exec(text);
  if (mention) return mention[1];
  const handle = HANDLE.exec(text);
  if (handle?.[1] && length(handle[1]) <= MAX_HANDLE) return handle[1];
  return undefined;
}

// Numbers and fractions ---------------------------------------------------------------------------

/** Postgres `integer`, which is what proposal ids are stored as. */
const MAX_ID = 2_147_483_647;
/** Enough precision for any share a person would type, while num and den stay exact integers. */
const MAX_DECIMALS = 6;

/**
 * Reads `60%`, `0.6` (or `0,6` as written in Vietnamese), `3/5` and `1`, keeping the written form:
 * 60% → 60/100, 0.6 → 6/10, 2/4 → 2/4. Nothing is reduced, so a result can be echoed back as typed;
 * consumers compare fractions by cross-multiplication.
 */
export function parseFraction(raw: string): Fraction | undefined {
  const text = raw.trim();
  const ratio = /^([+-]?)(\d{1,9})\s*\/\s*(\d{1,9})$/.exec(text);
  if (ratio) {
    const den = Number(ratio[3]);
    if (den === 0) return undefined;
    return { num: Number(ratio[2]) * (ratio[1] === '-' ? -1 : 1), den };
  }
  const decimal = /^([+-]?)(\d{0,9})(?:[.,](\d{1,6}))?\s*(%?)$/.exec(text);
  if (!decimal || (decimal[2] === '' && decimal[3] === undefined)) return undefined;
  const decimals = decimal[3] ?? '';
  if (decimals.length > MAX_DECIMALS) return undefined;
  const sign = decimal[1] === '-' ? -1 : 1;
  const num = sign * Number(`${decimal[2] ?? ''}${decimals}` || '0');
  const den = 10 ** decimals.length * (decimal[4] === '%' ? 100 : 1);
  return { num: num === 0 ? 0 : num, den };
}

const compare = (a: Fraction, b: Fraction): number => a.num * b.den - b.num * a.den;

export function percent(f: Fraction): string {
  return `${Number(((f.num / f.den) * 100).toFixed(2))}%`;
}

// Poll options ---------------------------------------------------------------------------------

function parseOptions(
  raw: string,
  spec: Extract<ValueSpec, { kind: 'options' }>,
  field: string,
  ctx: z.RefinementCtx,
): string[] | typeof z.NEVER {
  const options = raw.split('|').map((o) => o.trim());
  if (options.some((o) => o === '')) return fail(ctx, 'cmd.error.optionEmpty', { field, given: raw });
  const long = options.find((o) => length(o) > spec.maxLength);
  if (long !== undefined) return fail(ctx, 'cmd.error.optionTooLong', { field, option: long, max: spec.maxLength });
  // Ballots name options in any case and, typed without accents, by their folded form: `hoi an` must find one option only.
  const seen = new Set<string>();
  const loose = new Map<string, string>();
  for (const option of options) {
    const label = normalizeLabel(option);
    if (seen.has(label)) return fail(ctx, 'cmd.error.optionDuplicate', { field, option });
    seen.add(label);
    const folded = foldDiacritics(label);
    const other = loose.get(folded);
    if (other !== undefined) return fail(ctx, 'cmd.error.optionTooSimilar', { field, option, other });
    loose.set(folded, option);
  }
  if (options.length < spec.min || options.length > spec.max) {
    return fail(ctx, 'cmd.error.optionCount', { field, count: options.length, min: spec.min, max: spec.max });
  }
  return options;
}

// Choices ---------------------------------------------------------------------------------------

/** `Until Vote`, `until_vote` and `until vote` are all `until-vote`. */
const choiceKey = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/[\s_]+/g, '-');

/** Reads a value or one of its aliases, in any case, with spaces or `_` for `-`, and aliases also without diacritics. */
export function choiceResolver(spec: Extract<ValueSpec, { kind: 'choice' }>): (given: string) => string | undefined {
  const exact = new Map<string, string>(spec.values.map((v) => [v, v]));
  const folded = new Map<string, string>();
  for (const [alias, value] of Object.entries(spec.aliases ?? {})) {
    exact.set(choiceKey(alias), value);
    folded.set(foldDiacritics(choiceKey(alias)), value);
  }
  return (given) => {
    const key = choiceKey(given);
    return exact.get(key) ?? folded.get(foldDiacritics(key));
  };
}

// Time zones ---------------------------------------------------------------------------------

let zoneList: readonly string[] | undefined;
const zones = (): readonly string[] => (zoneList ??= Intl.supportedValuesOf('timeZone'));

/** ICU accepts zones case-insensitively and knows aliases the list leaves out (`Asia/Ho_Chi_Minh`). */
export function resolveTimeZone(raw: string): string | undefined {
  const text = raw.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(text)) return undefined;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: text }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  const lower = text.toLowerCase();
  const listed = zones().find((z) => z.toLowerCase() === lower);
  if (listed) return listed;
  // Keep the name the member typed when ICU would swap in an older alias (Ho_Chi_Minh → Saigon).
  return resolved.toLowerCase() === lower ? resolved : text;
}


// Schemas ---------------------------------------------------------------------------------------

/** One schema per value kind; the output type is checked again by the command schemas in parse.ts. */
export function valueSchema(spec: ValueSpec, field: string): z.ZodType<unknown, string> {
  switch (spec.kind) {
    case 'text':
      return z.string().transform((raw, ctx) => {
        const text = raw.trim();
        if (!text) return fail(ctx, 'cmd.error.empty', { field });
        const n = length(text);
        if (n > spec.max) return fail(ctx, 'cmd.error.tooLong', { field, max: spec.max, length: n });
        return text;
      });
    case 'choice': {
      const resolve = choiceResolver(spec);
      return z.string().transform((raw, ctx) => {
        const given = raw.trim();
        const value = resolve(given);
        if (value !== undefined) return value;
        const allowed = spec.values.join(', ');
        const suggestion = closest(given, spec.values);
        return suggestion === undefined
          ? fail(ctx, 'cmd.error.badChoice', { field, given, allowed })
          : fail(ctx, 'cmd.error.badChoiceSuggest', { field, given, allowed, suggestion });
      });
    }
    case 'member':
      return z.string().transform((raw, ctx) => parseMember(raw) ?? fail(ctx, 'cmd.error.badMember', { field, given: raw }));
    case 'members':
      return z.string().transform((raw, ctx) => {
        const parts = raw.split(/[\s,]+/).filter(Boolean);
        if (parts.length > spec.max) return fail(ctx, 'cmd.error.tooManyPeople', { field, count: parts.length, max: spec.max });
        const refs = parts.map((part) => parseMember(part));
        if (refs.length === 0 || refs.some((r) => r === undefined)) return fail(ctx, 'cmd.error.badMember', { field, given: raw });
        return [...new Set(refs as string[])];
      });
    case 'proposal':
      return z.string().transform((raw, ctx) => {
        const match = /^#?(\d{1,10})$/.exec(raw.trim());
        const id = match ? Number(match[1]) : NaN;
        return id >= 1 && id <= MAX_ID ? id : fail(ctx, 'cmd.error.badProposalId', { field, given: raw });
      });
    case 'integer':
      return z.string().transform((raw, ctx) => {
        const n = /^[+-]?\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
        return n >= spec.min && n <= spec.max
          ? n
          : fail(ctx, 'cmd.error.badInteger', { field, given: raw, min: spec.min, max: spec.max });
      });
    case 'decimal':
      return z.string().transform((raw, ctx) => {
        const text = raw.trim();
        const n = /^[+-]?(?:\d{1,15}(?:[.,]\d{1,6})?|[.,]\d{1,6})$/.test(text) ? Number(text.replace(',', '.')) : NaN;
        return n >= spec.min && n <= spec.max
          ? n
          : fail(ctx, 'cmd.error.badNumber', { field, given: raw, min: spec.min, max: spec.max });
      });
    case 'fraction':
      return z.string().transform((raw, ctx) => {
        const f = parseFraction(raw);
        if (!f) return fail(ctx, 'cmd.error.badFraction', { field, given: raw });
        const low = compare(f, spec.min);
        if ((spec.minExclusive ? low > 0 : low >= 0) && compare(f, spec.max) <= 0) return f;
        const params = { field, given: raw, min: percent(spec.min), max: percent(spec.max) };
        return fail(ctx, spec.minExclusive ? 'cmd.error.fractionAbove' : 'cmd.error.fractionRange', params);
      });
    case 'options':
      return z.string().transform((raw, ctx) => parseOptions(raw, spec, field, ctx));
    case 'timezone':
      return z.string().transform((raw, ctx) => {
        // Bounded before any work: a pasted paragraph must not hold up everyone's replies.
        const length = raw.trim().length;
        if (length > MAX_ZONE_INPUT_LENGTH) return fail(ctx, 'time.zoneTooLong', { length, max: MAX_ZONE_INPUT_LENGTH });
        const zone = resolveTimeZone(raw);
        if (zone) return zone;
        const suggestion = suggestTimeZone(raw.trim());
        return suggestion === undefined
          ? fail(ctx, 'cmd.error.badTimezone', { field, given: raw })
          : fail(ctx, 'cmd.error.badTimezoneSuggest', { field, given: raw, suggestion });
      });
    case 'boolean':
      // Switches never carry a word; the parser records their presence directly.
      return z.string().transform((raw, ctx) => fail(ctx, 'cmd.error.flagTakesNoValue', { flag: field, given: raw }));
  }
}
