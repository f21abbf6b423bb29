// Tokenizer: quoting styles, escapes, flags and the words that only look like flags.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quoteWord, tokenize, type Token } from '../../../src/core/commands/tokenize.js';

function tokens(input: string): Token[] {
  const result = tokenize(input);
  if (!result.ok) throw new Error(`unexpected error ${result.error.key}`);
  return result.tokens;
}

const texts = (input: string): string[] => tokens(input).map((t) => (t.kind === 'word' ? t.text : t.raw));

describe('tokenize', () => {
  it('splits on any whitespace, including non-breaking spaces and newlines', () => {
    expect(texts('  vote\t7 \u00a0agree\nnow  ')).toEqual(['vote', '7', 'agree', 'now']);
    expect(tokens('')).toEqual([]);
    expect(tokens('   ')).toEqual([]);
  });

  it('groups words in straight double and single quotes and marks them quoted', () => {
    expect(tokens('group create "Design Guild"')).toEqual([
      { kind: 'word', text: 'group', quoted: false },
      { kind: 'word', text: 'create', quoted: false },
      { kind: 'word', text: 'Design Guild', quoted: true },
    ]);
    expect(texts("propose 'Lunch on Friday'")).toEqual(['propose', 'Lunch on Friday']);
  });

  it.each([
    ['“Lunch on Friday”', 'Lunch on Friday'],
    ['‘Lunch on Friday’', 'Lunch on Friday'],
    ['„Mittag am Freitag“', 'Mittag am Freitag'],
    ['„Lunch”', 'Lunch'],
    ['«Déjeuner vendredi»', 'Déjeuner vendredi'],
    ['»Frokost fredag«', 'Frokost fredag'],
    ['”Lunch fredag”', 'Lunch fredag'],
    ['“Ăn trưa thứ Sáu“', 'Ăn trưa thứ Sáu'],
  ])('understands typographic quotes %s', (quoted, inner) => {
    expect(tokens(`propose ${quoted} x`)).toEqual([
      { kind: 'word', text: 'propose', quoted: false },
      { kind: 'word', text: inner, quoted: true },
      { kind: 'word', text: 'x', quoted: false },
    ]);
  });

  it('keeps an empty quoted word', () => {
    expect(tokens('a ""')).toEqual([
      { kind: 'word', text: 'a', quoted: false },
      { kind: 'word', text: '', quoted: true },
    ]);
  });

  it('lets a backslash escape quotes inside and outside quotes', () => {
    expect(texts('"say \\"hi\\" now"')).toEqual(['say "hi" now']);
    expect(texts('“a \\” b”')).toEqual(['a ” b']);
    expect(texts('it\\"s')).toEqual(['it"s']);
    expect(texts('"back\\\\slash"')).toEqual(['back\\slash']);
    // Other backslashes are ordinary characters, so paths and patterns survive.
    expect(texts('"C:\\temp\\n"')).toEqual(['C:\\temp\\n']);
  });

  it('treats apostrophes inside words as letters', () => {
    expect(texts("it's don’t")).toEqual(["it's", 'don’t']);
    expect(texts("'it's fine' ok")).toEqual(["it's fine", 'ok']);
    expect(texts('‘it’s fine’ ok')).toEqual(['it’s fine', 'ok']);
  });

  it('joins quoted and unquoted parts that touch, like a shell', () => {
    expect(tokens('ab"c d"e')).toEqual([{ kind: 'word', text: 'abc de', quoted: true }]);
  });

  it('reads --flag, --flag=value and --flag="quoted value"', () => {
    expect(tokens('--anonymous --rule=poll --body="a b" --options=\'A|B\'')).toEqual([
      { kind: 'flag', name: 'anonymous', raw: '--anonymous' },
      { kind: 'flag', name: 'rule', value: 'poll', raw: '--rule=poll' },
      { kind: 'flag', name: 'body', value: 'a b', valueQuoted: true, raw: '--body=a b' },
      { kind: 'flag', name: 'options', value: 'A|B', valueQuoted: true, raw: '--options=A|B' },
    ]);
  });

  it('keeps everything after the first = as the value', () => {
    expect(tokens('--options=A=1|B')).toEqual([{ kind: 'flag', name: 'options', value: 'A=1|B', raw: '--options=A=1|B' }]);
    expect(tokens('--body=')).toEqual([{ kind: 'flag', name: 'body', value: '', raw: '--body=' }]);
  });

  it('leaves --flag value pairing to the parser', () => {
    expect(tokens('--rule poll')).toEqual([
      { kind: 'flag', name: 'rule', raw: '--rule' },
      { kind: 'word', text: 'poll', quoted: false },
    ]);
  });

  it('normalises flag names: case, underscores and dashes typed by phones', () => {
    expect(tokens('--Hide_Results —rule –kind')).toEqual([
      { kind: 'flag', name: 'hide-results', raw: '--Hide_Results' },
      { kind: 'flag', name: 'rule', raw: '—rule' },
      { kind: 'flag', name: 'kind', raw: '–kind' },
    ]);
  });

  it('treats a quoted "--x" as a value, and dashes not followed by a letter as words', () => {
    expect(tokens('"--x" \'--y\' -5 -- --- — --5')).toEqual([
      { kind: 'word', text: '--x', quoted: true },
      { kind: 'word', text: '--y', quoted: true },
      { kind: 'word', text: '-5', quoted: false },
      { kind: 'word', text: '--', quoted: false },
      { kind: 'word', text: '---', quoted: false },
      { kind: 'word', text: '—', quoted: false },
      { kind: 'word', text: '--5', quoted: false },
    ]);
  });

  it('keeps Slack and Discord mentions whole', () => {
    expect(texts('<@U123|alice> <@!42> <@U9|Lan Anh> <#C1|general>')).toEqual([
      '<@U123|alice>',
      '<@!42>',
      '<@U9|Lan Anh>',
      '<#C1|general>',
    ]);
  });

  it('drops zero-width spaces that clients paste in', () => {
    expect(texts('vo\u200bte 7')).toEqual(['vote', '7']);
  });

  it.each([
    ['vote "Lunch', '"', 5],
    ['vote “Lunch', '“', 5],
    ["vote 'Lunch", "'", 5],
    ['vote «Lunch', '«', 5],
    ['vote "a \\"', '"', 5],
    ["vote 'it's", "'", 5],
    ['vote 7 --body="x', '"', 14],
  ])('reports an unterminated quote in %s', (input, quote, position) => {
    const result = tokenize(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.key).toBe('cmd.error.unterminatedQuote');
    expect(result.error.params?.quote).toBe(quote);
    expect(result.position).toBe(position);
  });

  it('shows the text after an unterminated quote, shortened', () => {
    const result = tokenize('"a very long title that goes on and on and on');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.params?.near).toBe('a very long title that g…');
  });
});

describe('quoteWord', () => {
  const special = fc.constantFrom(...'"“”„«»\'‘’\\ \t\n\u00a0\u200b\ufeff-—–<@#>=|,:'.split(''), '--', '<@U1>', '\u202e', '\0');
  const text = fc.array(fc.oneof(special, fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

  it('writes any value so the tokenizer reads back exactly that one word', () => {
    fc.assert(
      fc.property(text, fc.boolean(), (value, always) => {
        const result = tokenize(quoteWord(value, { always }));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.tokens).toHaveLength(1);
        expect(result.tokens[0]).toMatchObject({ kind: 'word', text: value });
      }),
      { numRuns: 500 },
    );
  });

  it('quotes option names made of quote characters, so one button cannot vote for another', () => {
    expect(texts(`vote 7 ${quoteWord('«Acme»')}`)).toEqual(['vote', '7', '«Acme»']);
    expect(texts(`vote 7 ${quoteWord('“Acme”')}`)).toEqual(['vote', '7', '“Acme”']);
    expect(quoteWord('agree')).toBe('agree');
    expect(quoteWord('3', { always: true })).toBe('"3"');
    expect(quoteWord('--rule')).toBe('"--rule"');
  });
});
