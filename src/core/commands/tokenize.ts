// Splits a command line into words and flags the way a shell would, tolerating the quotes phones and Slack insert.
import { msg, type Msg } from '../i18n/types.js';

export interface WordToken {
  kind: 'word';
  text: string;
  /** True when any part was inside quotes: a quoted `"--x"` or `"group"` is always a plain value. */
  quoted: boolean;
}

export interface FlagToken {
  kind: 'flag';
  /** Lower case, without dashes, `_` read as `-`: `--Hide_Results` → `hide-results`. */
  name: string;
  /** Present for `--flag=value`; `--flag value` is paired up by the parser, which knows which flags take values. */
  value?: string;
  /** True when any part of an `=value` was inside quotes, so the value ends where it says. */
  valueQuoted?: boolean;
  /** The token as typed (quotes removed), for messages. */
  raw: string;
}

export type Token = WordToken | FlagToken;

export type TokenizeResult =
  | { ok: true; tokens: Token[] }
  /** `position` is where the offending quote opened, so callers can still work out which command was meant. */
  | { ok: false; error: Msg; position: number };

/** Opening quote → the characters that may close it. Typographic pairs differ by language (“…”, „…“, «…», »…«). */
const CLOSERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['"', ['"']],
  ['“', ['”', '“']],
  ['”', ['”']],
  ['„', ['“', '”']],
  ['«', ['»']],
  ['»', ['«', '»']],
  ["'", ["'"]],
  ['‘', ['’', '‘']],
  ['’', ['’']],
]);

/** Single quotes double as apostrophes (`don't`, `it’s`), so they only quote at a word boundary. */
const SINGLE = new Set(["'", '‘', '’']);
/** Invisible characters some clients paste in; they would otherwise break word matching. */
const INVISIBLE = new Set(['\u200b', '\ufeff']);
/** A backslash keeps the next quote, backslash or invisible character as it is, so any text can be written. */
const ESCAPABLE = new Set([...CLOSERS.keys(), '\\', ...INVISIBLE]);
/** `—` and `–` because phones autocorrect a typed `--` into a dash. */
const FLAG = /^(?:--|[—–])(\p{L}[\p{L}\p{N}_-]*)(=.*)?$/su;

interface Segment {
  text: string;
  quoted: boolean;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/u.test(ch);

function toToken(segments: Segment[]): Token {
  const text = segments.map((s) => s.text).join('');
  const quoted = segments.some((s) => s.quoted);
  const head = segments[0];
  const match = head && !head.quoted ? FLAG.exec(head.text) : null;
  if (match) {
    const name = (match[1] ?? '').toLowerCase().replace(/_/g, '-');
    const eq = match[2];
    if (eq !== undefined) {
      const value = eq.slice(1) + segments.slice(1).map((s) => s.text).join('');
      const quoted = segments.slice(1).some((s) => s.quoted);
      return quoted ? { kind: 'flag', name, value, valueQuoted: true, raw: text } : { kind: 'flag', name, value, raw: text };
    }
    if (segments.length === 1) return { kind: 'flag', name, raw: text };
  }
  return { kind: 'word', text, quoted };
}

export function tokenize(input: string): TokenizeResult {
  const tokens: Token[] = [];
  let segments: Segment[] = [];
  let plain = '';
  let started = false;

  const pushPlain = (): void => {
    if (plain) segments.push({ text: plain, quoted: false });
    plain = '';
  };
  const flush = (): void => {
    pushPlain();
    if (started) tokens.push(toToken(segments));
    segments = [];
    started = false;
  };

  let i = 0;
  while (i < input.length) {
    const ch = input[i] ?? '';
    if (INVISIBLE.has(ch)) {
      i++;
      continue;
    }
    if (isSpace(ch)) {
      flush();
      i++;
      continue;
    }
    const next = input[i + 1];
    if (ch === '\\' && next !== undefined && ESCAPABLE.has(next)) {
      plain += next;
      started = true;
      i += 2;
      continue;
    }
    // Slack and Discord mentions stay whole even if a display name inside contains spaces.
    if (!started && ch === '<' && (next === '@' || next === '#' || next === '!')) {
      const end = input.indexOf('>', i);
      const newline = input.indexOf('\n', i);
      if (end !== -1 && (newline === -1 || end < newline)) {
        plain += input.slice(i, end + 1);
        started = true;
        i = end + 1;
        continue;
      }
    }
    const closers = CLOSERS.get(ch);
    const single = SINGLE.has(ch);
    const canOpen = closers !== undefined && (!single || !started || plain.endsWith('='));
    if (canOpen) {
      let j = i + 1;
      let text = '';
      let closed = false;
      while (j < input.length) {
        const c = input[j] ?? '';
        const after = input[j + 1];
        if (c === '\\' && after !== undefined && ESCAPABLE.has(after)) {
          text += after;
          j += 2;
          continue;
        }
        if (closers.includes(c) && (!single || isSpace(after))) {
          closed = true;
          break;
        }
        if (!INVISIBLE.has(c)) text += c;
        j++;
      }
      if (!closed) {
        const rest = input.slice(i + 1).trim();
        const near = rest.length > 24 ? `${rest.slice(0, 24)}…` : rest;
        return { ok: false, error: msg('cmd.error.unterminatedQuote', { quote: ch, near }), position: i };
      }
      pushPlain();
      segments.push({ text, quoted: true });
      started = true;
      i = j + 1;
      continue;
    }
    plain += ch;
    started = true;
    i++;
  }
  flush();
  return { ok: true, tokens };
}

/** Words that read back as themselves without quotes: no space, quote, backslash or invisible character, not a flag or mention. */
const PLAIN = /^(?![-—–<])[^\s\\"'“”‘’„«»\u200b\ufeff]+$/u;

/**
 * Writes `value` so that `tokenize` reads it back as exactly one word with exactly this text, whatever it
 * contains: every command built from values (buttons, examples, forms) goes through here. Plain words stay
 * bare unless `always` is set, which also keeps a number from being read as an id.
 */
export function quoteWord(value: string, options: { always?: boolean } = {}): string {
  if (!options.always && PLAIN.test(value)) return value;
  let out = '"';
  for (const ch of value) out += ch === '"' || ch === '\\' || INVISIBLE.has(ch) ? `\\${ch}` : ch;
  return `${out}"`;
}
