// Turns what a member typed into a canonical BallotValue, or a translatable error showing the right format.
import { msg, type MessageKey, type Msg } from '../../i18n/types.js';
import {
  ADVICE_CHOICES,
  CONSENSUS_CHOICES,
  CONSENT_CHOICES,
  FIST_OF_FIVE_CHOICES,
  MAJORITY_CHOICES,
  MAX_SCORE,
} from './choices.js';
import { dotsOf, listNames } from './common.js';
import { quoteWord } from '../../commands/tokenize.js';
import type { BallotValue, RuleConfig, RuleName } from './types.js';

export type ParsedBallot = { ok: true; value: BallotValue } | { ok: false; error: Msg };

type WordRule = 'consensus' | 'consent' | 'majority' | 'advice';

/**
 * Accepted spellings per canonical choice. Words are matched after lower-casing and joining
 * spaces/underscores with '-', so "Đồng ý", "đồng_ý" and "đồng-ý" are the same. Vietnamese typed
 * without diacritics ("dong y") also matches, which is why folded spellings must stay unique per rule.
 */
export const CHOICE_ALIASES: Record<WordRule, Record<string, readonly string[]>> = {
  consensus: {
    agree: ['agree', 'đồng-ý', 'tán-thành'],
    abstain: ['abstain', 'phiếu-trắng', 'bỏ-phiếu-trắng', 'trung-lập'],
    disagree: ['disagree', 'phản-đối', 'không-đồng-ý'],
    block: ['block', 'chặn', 'phủ-quyết'],
  },
  consent: {
    consent: ['consent', 'đồng-thuận', 'chấp-thuận', 'ưng-thuận', 'đồng-ý'],
    object: ['object', 'objection', 'phản-đối'],
  },
  majority: {
    yes: ['yes', 'y', 'có', 'đồng-ý', 'tán-thành'],
    no: ['no', 'n', 'không', 'phản-đối', 'không-đồng-ý'],
    abstain: ['abstain', 'phiếu-trắng', 'bỏ-phiếu-trắng'],
  },
  advice: {
    support: ['support', 'ủng-hộ', 'đồng-ý'],
    concern: ['concern', 'lo-ngại', 'băn-khoăn', 'quan-ngại'],
    abstain: ['abstain', 'phiếu-trắng', 'bỏ-phiếu-trắng'],
  },
};

const WORD_CHOICES: Record<WordRule, readonly string[]> = {
  consensus: CONSENSUS_CHOICES,
  consent: CONSENT_CHOICES,
  majority: MAJORITY_CHOICES,
  advice: ADVICE_CHOICES,
};

/** Lower-cased, NFC (some keyboards send decomposed Vietnamese), whitespace runs collapsed. */
export const normalizeLabel = (s: string): string => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

const normalizeWord = (s: string): string => normalizeLabel(s).replace(/[\s_-]+/g, '-');

/** Strips Vietnamese diacritics; 'đ' is a separate letter, not a combining mark, so it needs its own step. */
export const foldDiacritics = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');

interface WordTable {
  exact: Map<string, string>;
  folded: Map<string, string>;
}

const WORD_TABLES = Object.fromEntries(
  (Object.keys(CHOICE_ALIASES) as WordRule[]).map((rule) => {
    const exact = new Map<string, string>();
    const folded = new Map<string, string>();
    for (const [choice, words] of Object.entries(CHOICE_ALIASES[rule])) {
      for (const w of words) {
        exact.set(normalizeWord(w), choice);
        folded.set(foldDiacritics(normalizeWord(w)), choice);
      }
    }
    return [rule, { exact, folded }];
  }),
) as Record<WordRule, WordTable>;

/** The choices a card shows as buttons. Option rules show the options; their ballots need a form. */
export function choicesFor(rule: RuleName, config: RuleConfig): string[] {
  switch (rule) {
    case 'consensus':
      return [...CONSENSUS_CHOICES];
    case 'consent':
      return [...CONSENT_CHOICES];
    case 'majority':
      return [...MAJORITY_CHOICES];
    case 'fist-of-five':
      return [...FIST_OF_FIVE_CHOICES];
    case 'advice':
      return [...ADVICE_CHOICES];
    case 'poll':
    case 'approval':
    case 'ranked':
    case 'score':
    case 'dot':
      return [...config.options];
  }
}

/** Choices that stop a proposal outright must be explained, so the group can address them. */
export function requiresReason(rule: RuleName, choice: string): boolean {
  return (rule === 'consensus' && choice === 'block') || (rule === 'consent' && choice === 'object');
}

/** A sample ballot built from the real options, used in every error and available for help text. */
export function ballotExample(rule: RuleName, config: RuleConfig): string {
  const o = config.options;
  const [a = 'A', b, c] = o;
  switch (rule) {
    case 'consensus':
      return 'agree';
    case 'consent':
      return 'consent';
    case 'majority':
      return 'yes';
    case 'advice':
      return 'support';
    case 'fist-of-five':
      return '4';
    case 'poll':
      return a;
    case 'approval':
      return b === undefined ? a : `${a},${c ?? b}`;
    case 'ranked':
      return [b, a, c].filter((x) => x !== undefined).join('>');
    case 'score':
      return [a, b, c]
        .filter((x) => x !== undefined)
        .map((x, i) => `${x}=${[MAX_SCORE, 2, 0][i] ?? 0}`)
        .join(' ');
    case 'dot': {
      const dots = dotsOf(config);
      if (b === undefined || dots === 1) return `${a}=${dots}`;
      return `${a}=${Math.ceil(dots / 2)} ${b}=${Math.floor(dots / 2)}`;
    }
  }
}

/**
 * The example as a member can type it after `vote <id>`: quoted when an option name has a space or a quote
 * character (`"Sa Pa>Da Lat"`), since unquoted it would be read as several words.
 */
export function typeableExample(rule: RuleName, config: RuleConfig): string {
  const example = ballotExample(rule, config);
  return config.options.some((o) => quoteWord(o) !== o) ? quoteWord(example) : example;
}

/** Resolves typed option names: exact label, then 1-based number, then the label without diacritics. */
function optionResolver(options: readonly string[]): (typed: string) => number | undefined {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  options.forEach((o, i) => {
    const key = normalizeLabel(o);
    if (!exact.has(key)) exact.set(key, i);
    const f = foldDiacritics(key);
    // -1 marks labels that only differ by diacritics; guessing between them would be wrong.
    const prev = folded.get(f);
    folded.set(f, prev === undefined || prev === i ? i : -1);
  });
  return (typed) => {
    const key = normalizeLabel(typed);
    const hit = exact.get(key);
    if (hit !== undefined) return hit;
    if (/^\d+$/.test(key)) {
      const n = Number(key);
      return n >= 1 && n <= options.length ? n - 1 : undefined;
    }
    const loose = folded.get(foldDiacritics(key));
    return loose === undefined || loose < 0 ? undefined : loose;
  };
}

type Fail = { ok: false; error: Msg };
const fail = (key: MessageKey, params: Record<string, string | number>): Fail => ({ ok: false, error: msg(key, params) });

/**
 * Parses a typed ballot. Option names may be given as the label (any case) or its 1-based number.
 * For score, options left out count as 0. The reason is checked only for choices that need one.
 */
export function parseBallot(
  rule: RuleName,
  config: RuleConfig,
  raw: string,
  reason?: string | null,
): ParsedBallot {
  const parsed = parseValue(rule, config, raw);
  if (!parsed.ok) return parsed;
  const v = parsed.value;
  if (v.kind === 'choice' && requiresReason(rule, v.choice) && !(reason ?? '').trim()) {
    // The word as the member wrote it (`phản đối`), not the stored `object`: replies quote what was typed.
    return fail('ballot.reasonRequired', { rule, choice: raw.normalize('NFC').trim().replace(/\s+/g, ' ') });
  }
  return parsed;
}

function parseValue(rule: RuleName, config: RuleConfig, raw: string): ParsedBallot {
  const text = raw.normalize('NFC').trim();
  const example = typeableExample(rule, config);
  if (!text) return fail('ballot.empty', { rule, example });
  switch (rule) {
    case 'consensus':
    case 'consent':
    case 'majority':
    case 'advice':
      return parseWord(rule, text, example);
    case 'fist-of-five':
      return (FIST_OF_FIVE_CHOICES as readonly string[]).includes(text)
        ? { ok: true, value: { kind: 'choice', choice: text } }
        : fail('ballot.fist-of-five.unknown', { input: text, example });
  }
  const { options } = config;
  if (options.length === 0) return fail('ballot.noOptions', { rule });
  const resolve = optionResolver(options);
  // Each parser knows its rule, so the message keys it builds from the rule's name are checked.
  const ctx = <R extends OptionRule>(r: R): OptionContext<R> => ({ rule: r, options, resolve, example });
  switch (rule) {
    case 'poll':
      return parsePoll(ctx(rule), text);
    case 'approval':
      return parseApproval(ctx(rule), text);
    case 'ranked':
      return parseRanked(ctx(rule), text);
    case 'score':
      return parseScore(ctx(rule), text);
    case 'dot':
      return parseDot(ctx(rule), text, dotsOf(config));
  }
}

function parseWord(rule: WordRule, text: string, example: string): ParsedBallot {
  const table = WORD_TABLES[rule];
  const word = normalizeWord(text);
  const choice = table.exact.get(word) ?? table.folded.get(foldDiacritics(word));
  if (choice !== undefined) return { ok: true, value: { kind: 'choice', choice } };
  return fail(`ballot.${rule}.unknown`, { input: text, choices: listNames(WORD_CHOICES[rule]), example });
}

type OptionRule = Exclude<RuleName, WordRule | 'fist-of-five'>;

interface OptionContext<R extends OptionRule = OptionRule> {
  rule: R;
  options: readonly string[];
  resolve: (typed: string) => number | undefined;
  example: string;
}

const optionParams = (ctx: OptionContext, option: string) => ({
  option,
  options: listNames(ctx.options),
  count: ctx.options.length,
  example: ctx.example,
});

function parsePoll(ctx: OptionContext, text: string): ParsedBallot {
  const i = ctx.resolve(text);
  const label = i === undefined ? undefined : ctx.options[i];
  if (label === undefined) return fail('ballot.poll.unknownOption', optionParams(ctx, text));
  return { ok: true, value: { kind: 'choice', choice: label } };
}

/** Resolves names to option indexes, rejecting unknown and repeated ones with the rule's own keys. */
function resolveAll(ctx: OptionContext<Exclude<OptionRule, 'poll'>>, names: string[]): { ok: true; picked: number[] } | Fail {
  const picked: number[] = [];
  const seen = new Set<number>();
  for (const name of names) {
    const i = ctx.resolve(name);
    if (i === undefined) return fail(`ballot.${ctx.rule}.unknownOption`, optionParams(ctx, name));
    if (seen.has(i)) return fail(`ballot.${ctx.rule}.duplicate`, optionParams(ctx, ctx.options[i] ?? name));
    seen.add(i);
    picked.push(i);
  }
  return { ok: true, picked };
}

function parseApproval(ctx: OptionContext<'approval'>, text: string): ParsedBallot {
  // Stray commas ("A,,C", "A,C,") are typing slips, not a different ballot.
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (names.length === 0) return fail('ballot.empty', { rule: ctx.rule, example: ctx.example });
  const r = resolveAll(ctx, names);
  if (!r.ok) return r;
  // Stored in proposal order: an approval ballot is a set, so typing order carries no meaning.
  const choices = ctx.options.filter((_, i) => r.picked.includes(i));
  return { ok: true, value: { kind: 'approval', choices } };
}

function parseRanked(ctx: OptionContext<'ranked'>, text: string): ParsedBallot {
  const names = text.split('>').map((s) => s.trim());
  // Unlike approval, an empty rank ("A>>B") may hide a missing option, so ask rather than guess.
  if (names.some((s) => s.length === 0)) return fail('ballot.ranked.format', { example: ctx.example });
  const r = resolveAll(ctx, names);
  if (!r.ok) return r;
  return { ok: true, value: { kind: 'ranked', order: r.picked.map((i) => ctx.options[i] ?? '') } };
}

/**
 * Splits "Option A=3 Option B=2" into pairs. A name runs from the end of the previous number to
 * the next '=', so names may contain spaces; numbers end at whitespace, ',' or ';'.
 */
function parsePairs(text: string): Array<{ name: string; value: string }> | null {
  const pair = /([^=]*)=\s*([^\s,;=]*)[\s,;]*/y;
  const out: Array<{ name: string; value: string }> = [];
  let pos = 0;
  while (pos < text.length) {
    pair.lastIndex = pos;
    const m = pair.exec(text);
    const name = m?.[1]?.trim();
    if (!m || !name) return null;
    out.push({ name, value: m[2] ?? '' });
    pos = pair.lastIndex;
  }
  return out.length > 0 ? out : null;
}

function parseNumbered(
  ctx: OptionContext<'score' | 'dot'>,
  text: string,
  max: number,
  limits: Record<string, number>,
): { ok: true; entries: Array<[number, number]> } | Fail {
  const pairs = parsePairs(text);
  if (!pairs) return fail(`ballot.${ctx.rule}.format`, { ...limits, example: ctx.example });
  const r = resolveAll(
    ctx,
    pairs.map((p) => p.name),
  );
  if (!r.ok) return r;
  const entries: Array<[number, number]> = [];
  for (const [k, p] of pairs.entries()) {
    const i = r.picked[k] ?? 0;
    const n = /^\d+$/.test(p.value) ? Number(p.value) : NaN;
    if (!Number.isSafeInteger(n) || n > max) {
      return fail(`ballot.${ctx.rule}.badValue`, {
        option: ctx.options[i] ?? p.name,
        value: p.value,
        ...limits,
        example: ctx.example,
      });
    }
    entries.push([i, n]);
  }
  // Proposal order keeps the stored ballot independent of how the member happened to type it.
  entries.sort((x, y) => x[0] - y[0]);
  return { ok: true, entries };
}

const toRecord = (ctx: OptionContext, entries: Array<[number, number]>): Record<string, number> =>
  // fromEntries defines own properties, so an option literally named "__proto__" stays a plain key.
  Object.fromEntries(entries.map(([i, n]) => [ctx.options[i] ?? '', n]));

function parseScore(ctx: OptionContext<'score'>, text: string): ParsedBallot {
  const r = parseNumbered(ctx, text, MAX_SCORE, { max: MAX_SCORE });
  if (!r.ok) return r;
  return { ok: true, value: { kind: 'score', scores: toRecord(ctx, r.entries) } };
}

function parseDot(ctx: OptionContext<'dot'>, text: string, dots: number): ParsedBallot {
  // A single entry above the budget is reported as over budget rather than as a bad number.
  const r = parseNumbered(ctx, text, Number.MAX_SAFE_INTEGER, { dots });
  if (!r.ok) return r;
  const total = r.entries.reduce((s, [, n]) => s + n, 0);
  if (total > dots) return fail('ballot.dot.tooMany', { total, dots, example: ctx.example });
  if (total < 1) return fail('ballot.dot.none', { dots, example: ctx.example });
  return { ok: true, value: { kind: 'dot', dots: toRecord(ctx, r.entries) } };
}
