// Cutting text to a platform's limit: marked, never longer than the limit, never a broken character, token or entity.
import { describe, expect, it } from 'vitest';
import { cutText, safeSlice } from '../../../src/bots/shared/text.js';
import { commandSpecOf } from '../../../src/bots/shared/commands.js';
import { localeOfTag } from '../../../src/bots/shared/catalog.js';

describe('cutText', () => {
  it('returns text that fits as it is', () => {
    expect(cutText('short', 5)).toBe('short');
    expect(cutText('', 0)).toBe('');
  });

  it('cuts to the limit, the ellipsis included', () => {
    const cut = cutText('abcdefghij', 6);
    expect(cut).toBe('abcde…');
    expect(cut.length).toBe(6);
  });

  it('never leaves half a surrogate pair', () => {
    const cut = cutText('ab😀cd', 4);
    expect(cut).toBe('ab…');
    expect(safeSlice('a😀', 2)).toBe('a');
  });

  it('moves the cut before a token it would break, when told to keep tokens', () => {
    const text = `see <@U12345678> and more words here`;
    expect(cutText(text, 10)).toBe('see <@U12…');
    expect(cutText(text, 10, { tokens: true })).toBe('see …');
    // A token that closed before the cut is kept as it is.
    expect(cutText(text, 20, { tokens: true })).toBe('see <@U12345678> an…');
  });

  it('keeps a distant unclosed < as text when the token reach is bounded', () => {
    const text = `a < b ${'x'.repeat(60)}`;
    const cut = cutText(text, 50, { tokens: true, tokenReach: 40 });
    expect(cut.length).toBe(50);
    expect(cut.startsWith('a < b')).toBe(true);
  });

  it('does not cut an entity in two when told to keep entities', () => {
    expect(cutText('Q&amp;A session', 6)).toBe('Q&amp…');
    expect(cutText('Q&amp;A session', 6, { entities: true })).toBe('Q…');
  });

  it('never returns more than the limit, whatever the rules', () => {
    const samples = ['<@U1> <#C2> &lt; &gt;', '😀'.repeat(30), `${'<'.repeat(40)}x`, 'plain words only'];
    for (const text of samples) {
      for (let max = 1; max <= text.length + 1; max++) {
        for (const rules of [{}, { tokens: true }, { tokens: true, tokenReach: 40 }, { tokens: true, entities: true }]) {
          expect(cutText(text, max, rules).length).toBeLessThanOrEqual(Math.max(max, 1));
        }
      }
    }
  });
});

describe('commandSpecOf', () => {
  it('finds the longest command starting the line, from core’s table', () => {
    expect(commandSpecOf('mediation decline 3 "not now"')?.name).toBe('mediation.decline');
    expect(commandSpecOf('  VOTE 3 yes')?.name).toBe('vote');
    expect(commandSpecOf('nothing like a command')).toBeUndefined();
  });
});

describe('localeOfTag', () => {
  it('reads the languages Concord speaks from platform tags', () => {
    expect(localeOfTag('vi-VN')).toBe('vi');
    expect(localeOfTag('en_GB')).toBe('en');
    expect(localeOfTag('fr')).toBeUndefined();
    expect(localeOfTag(null)).toBeUndefined();
  });
});
