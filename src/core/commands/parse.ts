// Turns a `/concord ...` line into a Command, or into an error that says what was wrong and how to write it.
import { msg, type Msg } from '../i18n/types.js';
import type { Command, ParseResult } from './types.js';
import {
  firstWords,
  flagPlaceholder,
  flagUsage,
  matchSpec,
  subcommandsOf,
  type ArgSpec,
  type Declaration,
  type FlagSpec,
  type ValueSpec,
} from './spec.js';
import { CHOICE_ALIASES, foldDiacritics } from '../proposals/rules/ballots.js';
import { quoteWord, tokenize, type Token, type WordToken } from './tokenize.js';
import { closest } from './suggest.js';
import { argLabel, choiceResolver, issueToMsg, valueSchema } from './values.js';
import { MAX_LINE_LENGTH, MAX_MENTIONS, MAX_WORD_LENGTH, echo } from './caps.js';

/** Thrown only within this module, so deep helpers can stop at the first mistake; parseCommand turns it into a result. */
class ParseError extends Error {
  constructor(
    readonly error: Msg,
    readonly usage?: string,
  ) {
    super(error.key);
  }
}

const PREFIX = /^\s*\/?concord(?=\s|$)/i;
/** Without `/concord`: replies render it as "Usage: /concord {usage}". */
const usageOf = (spec: Declaration): string => spec.usage;
/**
 * One line, since replies put a single usage after "Usage:": `group create|join|...`, or
 * `settings [locale|timezone|reminder]` when the first word is also a command of its own.
 */
function familyUsage(first: string): string {
  const subs = subcommandsOf(first).map((s) => s.words[1]).join('|');
  return matchSpec([first]) ? `${first} [${subs}]` : `${first} ${subs}`;
}
const phrase = (spec: Declaration): string => spec.words.join(' ');

// Locating the command ---------------------------------------------------------------------------

interface Located {
  spec: Declaration;
  rest: Token[];
}

function leadingWords(tokens: readonly Token[]): string[] {
  const words: string[] = [];
  for (const token of tokens) {
    if (token.kind !== 'word' || words.length === 2) break;
    words.push(token.text.toLowerCase());
  }
  return words;
}

function unknownCommand(command: string, suggestion: string | undefined, usage: string | undefined): ParseError {
  return suggestion === undefined
    ? new ParseError(msg('cmd.error.unknownCommand', { command }), usage)
    : new ParseError(msg('cmd.error.unknownCommandSuggest', { command, suggestion }), usage);
}

/** Suggests among subcommands sharing `first`, e.g. `group creat` → `group create`. */
function unknownSubcommand(first: string, second: string): ParseError {
  const family = subcommandsOf(first);
  const sub = closest(second, family.map((s) => s.words[1] ?? ''));
  const suggested = sub === undefined ? undefined : matchSpec([first, sub]);
  return unknownCommand(
    `${first} ${second}`,
    suggested && phrase(suggested),
    suggested ? usageOf(suggested) : familyUsage(first),
  );
}

const wantsHelp = (tokens: readonly Token[]): boolean => tokens.some((t) => t.kind === 'flag' && t.name === 'help');

function locate(tokens: Token[]): Located | Command {
  const words = leadingWords(tokens);
  const spec = matchSpec(words);
  const first = words[0];

  if (!spec) {
    if (first === undefined) {
      if (wantsHelp(tokens)) return { name: 'help' };
      const head = tokens[0];
      const command = head?.kind === 'flag' ? head.raw : '';
      return abort(unknownCommand(command, undefined, undefined));
    }
    const family = subcommandsOf(first);
    if (family.length > 0) {
      const second = words[1];
      if (second !== undefined) return abort(unknownSubcommand(first, second));
      if (wantsHelp(tokens)) return { name: 'help', topic: first };
      const subcommands = family.map((s) => s.words[1]).join(', ');
      return abort(new ParseError(msg('cmd.error.missingSubcommand', { command: first, subcommands }), familyUsage(first)));
    }
    const guess = closest(first, firstWords());
    const second = words[1];
    let suggested = guess === undefined ? undefined : matchSpec([guess]);
    if (guess !== undefined && second !== undefined && subcommandsOf(guess).length > 0) {
      const sub = closest(second, subcommandsOf(guess).map((s) => s.words[1] ?? ''));
      if (sub !== undefined) suggested = matchSpec([guess, sub]);
    }
    const suggestion = suggested ? phrase(suggested) : guess;
    const familyOfGuess = guess !== undefined && subcommandsOf(guess).length > 0 ? familyUsage(guess) : undefined;
    return abort(unknownCommand(first, suggestion, suggested ? usageOf(suggested) : familyOfGuess));
  }

  const rest = tokens.slice(spec.words.length);
  // `settings foo` is a mistyped subcommand rather than an argument to `settings`.
  const next = rest[0];
  if (
    spec.args.length === 0 &&
    next?.kind === 'word' &&
    !next.quoted &&
    first !== undefined &&
    spec.words.length === 1 &&
    subcommandsOf(first).length > 0
  ) {
    return abort(unknownSubcommand(first, next.text.toLowerCase()));
  }
  if (spec.name !== 'help' && wantsHelp(rest)) return { name: 'help', topic: phrase(spec) };
  return { spec, rest };
}

function abort(error: ParseError): never {
  throw error;
}

// Binding words and flags to the spec -----------------------------------------------------------

const fold = (s: string): string => foldDiacritics(s).toLowerCase();

/** Ballot words that are several words long (mostly Vietnamese: "đồng ý", "phiếu trắng"), with and without diacritics. */
const MULTI_WORD_CHOICES: ReadonlySet<string> = new Set(
  Object.values(CHOICE_ALIASES)
    .flatMap((byChoice) => Object.values(byChoice).flat())
    .filter((alias) => alias.includes('-'))
    .flatMap((alias) => [alias.toLowerCase(), fold(alias)]),
);
const LONGEST_CHOICE = Math.max(1, ...[...MULTI_WORD_CHOICES].map((c) => c.split('-').length));

/**
 * How many words starting at `start` form the ballot. More than one only when unquoted words plainly
 * belong together, so a forgotten pair of quotes does not silently turn half a ballot into the reason.
 */
function ballotSpan(words: readonly PlacedWord[], start: number): number {
  const first = words[start];
  if (!first || first.quoted) return 1;
  for (let n = Math.min(LONGEST_CHOICE, runLength(words, start)); n >= 2; n--) {
    const span = words.slice(start, start + n);
    if (span.some((w) => w.quoted)) continue;
    const joined = span.map((w) => w.text.toLowerCase()).join('-');
    if (MULTI_WORD_CHOICES.has(joined) || MULTI_WORD_CHOICES.has(fold(joined))) return n;
  }
  const scored = /^[^\s=]+=\d+$/;
  let end = start + 1;
  if (scored.test(first.text)) {
    while (words[end] && !words[end]?.quoted && words[end]?.run === first.run && scored.test(words[end]?.text ?? '')) end++;
    return end - start;
  }
  let joined = first.text;
  for (let next = words[end]; next && !next.quoted && next.run === first.run; next = words[end]) {
    if (!joined.endsWith('>') && !next.text.startsWith('>')) break;
    joined += ` ${next.text}`;
    end++;
  }
  return end - start;
}

/** What was written for each argument and flag, before any value is checked. */
interface Bound {
  args: Map<ArgSpec, string | string[]>;
  flags: Map<FlagSpec, string | true>;
}

/** What came right before a word, when that was a flag: a switch, or a flag and the value it took. */
interface Preceding {
  flag: string;
  /** Absent after a switch. */
  value?: string;
  /** The value was free text (or a list) typed without quotes, so a following word might belong to it. */
  open: boolean;
}

/**
 * A word with its place: words in the same run were written next to each other with no flag between them.
 * `after` is set on the first word of a run that directly follows a flag.
 */
interface PlacedWord extends WordToken {
  run: number;
  after?: Preceding;
}

/** Values that are free text or lists: a following unquoted word could be the rest of one. */
const OPEN_KINDS: ReadonlySet<ValueSpec['kind']> = new Set(['text', 'members', 'options']);
/** Words that look like a value for a switch (`--anonymous true`) rather than the start of a title. */
const SWITCH_VALUES: ReadonlySet<string> = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '1', '0', 'có', 'không', 'bật', 'tắt']);

/** The longest alias, in words, that a choice's value may continue into. */
const LONGEST_ALIAS = 5;

/** How many unquoted words after `tokens[at]` continue it into a name of the choice (`đồng` `thuận`). */
function choiceSpan(spec: Extract<ValueSpec, { kind: 'choice' }>, tokens: readonly Token[], at: number): number {
  const resolve = choiceResolver(spec);
  const first = tokens[at];
  if (first?.kind !== 'word') return 0;
  let words = [first.text];
  let best = 0;
  for (let n = 1; n < LONGEST_ALIAS; n++) {
    const next = tokens[at + n];
    if (next?.kind !== 'word' || next.quoted) break;
    words = [...words, next.text];
    if (resolve(words.join(' ')) !== undefined) best = n;
  }
  return best;
}

/** How many words from `start` were written together, with no flag between them. */
function runLength(words: readonly PlacedWord[], start: number): number {
  const run = words[start]?.run;
  let end = start;
  while (end < words.length && words[end]?.run === run) end++;
  return end - start;
}

function bindFlags(spec: Declaration, tokens: readonly Token[], bound: Bound): PlacedWord[] {
  const usage = usageOf(spec);
  const command = phrase(spec);
  const words: PlacedWord[] = [];
  let run = 0;
  let after: Preceding | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (token.kind === 'word') {
      words.push(after ? { ...token, run, after } : { ...token, run });
      after = undefined;
      continue;
    }
    run++;
    const flag = `--${token.name}`;
    const found = spec.flags.find((f) => f.name === token.name);
    if (!found) {
      if (spec.flags.length === 0) abort(new ParseError(msg('cmd.error.noFlags', { flag, command }), usage));
      const flags = spec.flags.map((f) => `--${f.name}`).join(', ');
      const suggestion = closest(token.name, spec.flags.map((f) => f.name));
      abort(
        new ParseError(
          suggestion === undefined
            ? msg('cmd.error.unknownFlag', { flag, command, flags })
            : msg('cmd.error.unknownFlagSuggest', { flag, command, flags, suggestion: `--${suggestion}` }),
          usage,
        ),
      );
    }
    if (bound.flags.has(found)) abort(new ParseError(msg('cmd.error.duplicateFlag', { flag }), usage));
    if (found.value.kind === 'boolean') {
      if (token.value !== undefined) {
        abort(new ParseError(msg('cmd.error.flagTakesNoValue', { flag, given: token.value }), usage));
      }
      bound.flags.set(found, true);
      after = { flag, open: false };
      continue;
    }
    let value = token.value;
    let quoted = token.valueQuoted === true;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next?.kind === 'word') {
        value = next.text;
        quoted = next.quoted;
        i++;
        // A name of several words typed without quotes (`--rule đồng thuận`) when together they name a value.
        const extra = found.value.kind === 'choice' && found.value.aliases && !quoted ? choiceSpan(found.value, tokens, i) : 0;
        if (extra > 0) {
          value = [value, ...tokens.slice(i + 1, i + 1 + extra).map((t) => (t.kind === 'word' ? t.text : ''))].join(' ');
          i += extra;
        }
      }
    }
    if (value === undefined || value.trim() === '') {
      abort(new ParseError(msg('cmd.error.missingValue', { flag, expected: flagPlaceholder(found) }), usage));
    }
    bound.flags.set(found, value);
    after = { flag, value, open: OPEN_KINDS.has(found.value.kind) && !quoted };
  }
  return words;
}

/** The words of `word`'s run from `word` on, as far as the first quoted one. */
function unquotedRun(words: readonly PlacedWord[], index: number): string[] {
  const out: string[] = [];
  const run = words[index]?.run;
  for (let i = index; i < words.length && words[i]?.run === run && !words[i]?.quoted; i++) out.push(words[i]?.text ?? '');
  return out;
}

/** A word after an unquoted free-text value: it may be the rest of that value, so say how to write either. */
function strayAfterFlag(spec: Declaration, words: readonly PlacedWord[], index: number, after: Preceding): ParseError {
  const extra = unquotedRun(words, index).join(' ');
  const fix = `${after.flag} ${quoteWord(`${after.value ?? ''} ${extra}`, { always: true })}`;
  return new ParseError(msg('cmd.error.strayAfterFlag', { extra, flag: after.flag, value: after.value ?? '', fix }), usageOf(spec));
}

/** Why the word at `index` belongs to nothing, with the way to write what was probably meant. */
function leftover(spec: Declaration, words: readonly PlacedWord[], index: number, from = 0): ParseError {
  const word = words[index];
  const command = phrase(spec);
  const usage = usageOf(spec);
  const extra = word?.text ?? '';
  if (word?.after && word.after.value === undefined) {
    return new ParseError(msg('cmd.error.flagTakesNoValue', { flag: word.after.flag, given: extra }), usage);
  }
  if (word?.after?.open) return strayAfterFlag(spec, words, index, word.after);
  const previous = words[index - 1];
  if (word && previous && previous.run === word.run && (previous.quoted || word.quoted)) {
    let start = index - 1;
    while (start > from && words[start - 1]?.run === word.run) start--;
    const together = words.slice(start, start + runLength(words, start)).map((w) => w.text).join(' ');
    return new ParseError(msg('cmd.error.strayNextToQuoted', { extra, fix: quoteWord(together, { always: true }) }), usage);
  }
  const count = spec.args.length;
  return new ParseError(
    count === 0 ? msg('cmd.error.noArgs', { command, extra }) : msg('cmd.error.tooManyArgs', { command, extra, count }),
    usage,
  );
}

/**
 * How many words from `at` a `rest` or `many` argument takes: one run, written together. Free text takes
 * a single quoted word, or unquoted words only; anything else is left over and reported.
 */
function spanOf(spec: Declaration, arg: ArgSpec, words: readonly PlacedWord[], at: number): number {
  const first = words[at];
  if (!first) return 0;
  const after = first.after;
  if (after && !first.quoted) {
    // A mention after `--group Ops` is plainly a person, not more of the group's name.
    const person = arg.take === 'many' && /^<?@/.test(first.text);
    if (after.open && !person) abort(strayAfterFlag(spec, words, at, after));
    if (after.value === undefined && SWITCH_VALUES.has(first.text.toLowerCase())) abort(leftover(spec, words, at));
  }
  const span = runLength(words, at);
  if (arg.take === 'many' || arg.joins || span === 1) return span;
  return words.slice(at, at + span).some((w) => w.quoted) ? 1 : span;
}

function bindArgs(spec: Declaration, words: readonly PlacedWord[], bound: Bound): void {
  const usage = usageOf(spec);
  const command = phrase(spec);
  let at = 0;
  let lastStart = 0;
  for (const arg of spec.args) {
    if (arg.take === 'id') {
      // An optional leading number: `mediation note 3 "..."` outside the private space, `mediation note "..."` inside it.
      const word = words[at];
      if (word && !word.quoted && /^#?\d{1,10}$/.test(word.text)) {
        bound.args.set(arg, word.text);
        at++;
      }
      continue;
    }
    const available = words.length - at;
    if (available === 0) {
      if (arg.required) abort(new ParseError(msg('cmd.error.missingArg', { arg: arg.placeholder, command }), usage));
      continue;
    }
    const first = words[at];
    // `vote 7 --reason because agree`: is "agree" the choice or the rest of the reason? Ask rather than guess.
    // A single-word argument (a number, a member, a choice) is not, so it may follow a value.
    if (arg.take === 'ballot' && first?.after?.open && !first.quoted) {
      abort(strayAfterFlag(spec, words, at, first.after));
    }
    const take = arg.take === 'one' ? 1 : arg.take === 'ballot' ? ballotSpan(words, at) : spanOf(spec, arg, words, at);
    const twin = [...bound.flags.keys()].find((f) => f.key === arg.key);
    if (twin) {
      const params = { arg: argLabel(arg.placeholder, arg.key), flag: `--${twin.name}` };
      abort(new ParseError(msg('cmd.error.argAndFlag', params), usage));
    }
    lastStart = at;
    const most = arg.max ?? MAX_MENTIONS;
    if (arg.take === 'many' && take > most) {
      abort(new ParseError(msg('cmd.error.tooManyPeople', { field: argLabel(arg.placeholder, arg.key), count: take, max: most }), usage));
    }
    const slice = words.slice(at, at + take).map((w) => w.text);
    bound.args.set(arg, arg.take === 'many' ? slice : slice.join(' '));
    at += take;
  }
  if (at < words.length) abort(leftover(spec, words, at, lastStart));
}

function checkRequiredFlags(spec: Declaration, bound: Bound): void {
  for (const flag of spec.flags) {
    if (!flag.required || bound.flags.has(flag)) continue;
    const command = phrase(spec);
    const flagName = `--${flag.name}`;
    abort(
      new ParseError(
        flag.value.kind === 'choice'
          ? msg('cmd.error.missingFlag', { flag: flagName, command, allowed: flag.value.values.join(', ') })
          : msg('cmd.error.missingFlagLike', { command, example: flagUsage(flag) }),
        usageOf(spec),
      ),
    );
  }
}

// Value specs are the command table's own objects, so each schema is built once, not on every command.
const schemas = new WeakMap<ValueSpec, Map<string, ReturnType<typeof valueSchema>>>();

function schemaFor(value: ValueSpec, field: string): ReturnType<typeof valueSchema> {
  let byField = schemas.get(value);
  if (!byField) schemas.set(value, (byField = new Map()));
  let schema = byField.get(field);
  if (!schema) byField.set(field, (schema = valueSchema(value, field)));
  return schema;
}

/** Free text, option lists and lists of people carry their own bounds; any other value is one short word. */
const WORD_KINDS: ReadonlySet<ValueSpec['kind']> = new Set(['choice', 'member', 'proposal', 'integer', 'decimal', 'fraction', 'timezone']);

function convertOne(spec: Declaration, value: ValueSpec, field: string, given: string): unknown {
  const length = given.length;
  if (WORD_KINDS.has(value.kind) && length > MAX_WORD_LENGTH) {
    abort(new ParseError(msg('cmd.error.tooLong', { field, max: MAX_WORD_LENGTH, length }), usageOf(spec)));
  }
  if (value.kind === 'text') {
    const mentions = given.match(MENTION)?.length ?? 0;
    if (mentions > MAX_MENTIONS) abort(new ParseError(msg('cmd.error.tooManyMentions', { field, count: mentions, max: MAX_MENTIONS }), usageOf(spec)));
  }
  const result = schemaFor(value, field).safeParse(given);
  if (result.success) return result.data;
  return abort(new ParseError(issueToMsg(result.error, { command: phrase(spec) }), usageOf(spec)));
}

/** Checks values in table order, arguments first, so the first complaint is the leftmost in the usage line. */
function convert(spec: Declaration, bound: Bound): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of spec.args) {
    const given = bound.args.get(arg);
    if (given === undefined) continue;
    const field = argLabel(arg.placeholder, arg.key);
    out[arg.key] = Array.isArray(given)
      ? given.map((g) => convertOne(spec, arg.value, field, g))
      : convertOne(spec, arg.value, field, given);
  }
  for (const flag of spec.flags) {
    const given = bound.flags.get(flag);
    if (given === undefined) continue;
    out[flag.key] = given === true ? true : convertOne(spec, flag.value, `--${flag.name}`, given);
  }
  return out;
}

// Building commands ------------------------------------------------------------------------------

function build(spec: Declaration, values: Record<string, unknown>, bound: Bound): Command {
  const result = spec.schema.safeParse(values);
  if (result.success) return { name: spec.name, ...result.data } as Command;
  const error = issueToMsg(result.error, { command: phrase(spec) });
  // Name the rule as the member wrote it (`chấp thuận`), not as it is stored (`consent`).
  const typed = [...bound.flags].find(([flag]) => flag.key === 'rule')?.[1];
  const shown = error.params && typeof error.params.rule === 'string' && typeof typed === 'string' ? msg(error.key, { ...error.params, rule: typed.trim() }) : error;
  return abort(new ParseError(shown, usageOf(spec)));
}

// Entry point -----------------------------------------------------------------------------------

/** `help` keeps everything after it, flags included, so `help propose --rule` still finds `propose`. */
function helpTopic(rest: readonly Token[]): Command {
  const topic = rest
    .map((t) => (t.kind === 'word' ? t.text : t.raw))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .slice(0, MAX_WORD_LENGTH);
  return topic ? { name: 'help', topic } : { name: 'help' };
}

function parseTokens(tokens: Token[]): Command {
  if (tokens.length === 0) return { name: 'help' };
  const located = locate(tokens);
  if (!('spec' in located)) return located;
  const { spec, rest } = located;
  if (spec.name === 'help') return helpTopic(rest);
  const bound: Bound = { args: new Map(), flags: new Map() };
  const words = bindFlags(spec, rest, bound);
  bindArgs(spec, words, bound);
  checkRequiredFlags(spec, bound);
  return build(spec, convert(spec, bound), bound);
}

/** Usage for a line that failed to tokenize, taken from the part before the broken quote. */
function usageBefore(text: string, position: number): string | undefined {
  const head = tokenize(text.slice(0, position));
  if (!head.ok) return undefined;
  const spec = matchSpec(leadingWords(head.tokens));
  return spec && spec.name !== 'help' ? usageOf(spec) : undefined;
}

/** Parameters that quote back what the member typed; they are cut short so a reply never repeats a whole line. */
const ECHOED = ['given', 'extra', 'option', 'command', 'flag', 'topic', 'arg', 'value', 'fix'] as const;

function failure(error: Msg, usage: string | undefined): ParseResult {
  const params = error.params && { ...error.params };
  for (const key of ECHOED) {
    const value = params?.[key];
    if (params && typeof value === 'string') params[key] = echo(value);
  }
  const shown = params ? { key: error.key, params } : error;
  return usage === undefined ? { ok: false, error: shown } : { ok: false, error: shown, usage };
}

/**
 * Control characters other than tab and line breaks, and the bidirectional overrides and isolates: none can be
 * seen, some make a title read differently from what is stored (U+202E turns "exe.txt" around), and Postgres
 * refuses NUL in text.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Slack and Discord mentions of people, roles and channels (`<@U1>`, `<@&2>`, `<!here>`): each can notify someone. */
const MENTION = /<[@!][^<>\n]*>/g;

export function parseCommand(text: string): ParseResult {
  // Before anything else, so an enormous line is refused without being normalised, scanned or split.
  if (text.length > MAX_LINE_LENGTH) {
    return failure(msg('cmd.error.lineTooLong', { max: MAX_LINE_LENGTH, length: text.length }), undefined);
  }
  const control = CONTROL.exec(text);
  if (control) {
    const code = `U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return failure(msg('cmd.error.controlChar', { code, position: Array.from(text.slice(0, control.index)).length + 1 }), undefined);
  }
  // NFC so names typed with combining Vietnamese marks compare equal to precomposed ones.
  const line = text.normalize('NFC').replace(PREFIX, '');
  const tokens = tokenize(line);
  if (!tokens.ok) return failure(tokens.error, usageBefore(line, tokens.position));
  try {
    return { ok: true, command: parseTokens(tokens.tokens) };
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    return failure(e.error, e.usage);
  }
}
