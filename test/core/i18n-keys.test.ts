// Message keys are checked by the type checker; these lines fail `tsc` the day an unknown key would compile again.
import { describe, expect, it } from 'vitest';
import { isMessageKey, msg, translate, type Msg } from '../../src/core/i18n/index.js';
import type { CommandMessageKey } from '../../src/core/commands/messages.js';
import type { CoreKey } from '../../src/core/i18n/en.js';
import type { KeyTranslator } from '../../src/core/i18n/index.js';

describe('message keys', () => {
  it('are refused by the type checker when no catalog defines them', () => {
    // @ts-expect-error a key no catalog defines
    const unknown: Msg = { key: 'no.such.key' };
    // @ts-expect-error a typo in a real key
    const typo = (): Msg => msg('cmd.error.unknownComand');
    // @ts-expect-error a key built from any string, rather than from a typed union of names
    const built = (name: string): Msg => ({ key: `rule.name.${name}` });
    const named = (rule: 'poll' | 'dot'): Msg => ({ key: `rule.name.${rule}` });
    expect(translate('en', unknown)).toBe('no.such.key');
    expect(typeof typo).toBe('function');
    expect(translate('en', built('poll'))).toBe('Poll');
    expect(translate('en', named('dot'))).toBe('Dot vote');
  });

  it('name a plural pair by its stem, and each variant by its full key', () => {
    const stem: Msg = { key: 'card.quorumMissing', params: { count: 2 } };
    const variant: Msg = { key: 'card.quorumMissing.one', params: { count: 1 } };
    expect(translate('en', stem)).toBe('2 more ballots needed for quorum.');
    expect(translate('en', variant)).toBe('1 more ballot needed for quorum.');
  });

  it('make a Vietnamese catalog with a missing or an extra key a type error', () => {
    // @ts-expect-error every English key must have a Vietnamese text
    const missing: Record<CommandMessageKey, string> = {};
    const complete = {} as Record<CoreKey, string>;
    // @ts-expect-error a key English does not have
    const extra: Record<CoreKey, string> = { ...complete, 'error.noSuchThing': 'Không có' };
    expect(Object.keys(missing)).toEqual([]);
    expect(Object.keys(extra)).toEqual(['error.noSuchThing']);
  });

  it('let an adapter name its own keys and core keys, nothing else', () => {
    const t: KeyTranslator<'own.word'> = (key) => key;
    expect(t('own.word')).toBe('own.word');
    expect(t('error.usage')).toBe('error.usage');
    // @ts-expect-error neither the adapter's nor core's
    expect(t('other.word')).toBe('other.word');
  });

  it('read from stored data are looked up at run time', () => {
    expect(isMessageKey('outcome.passed')).toBe(true);
    expect(isMessageKey('card.quorumMissing')).toBe(true);
    expect(isMessageKey('outcome.something-new')).toBe(false);
    expect(isMessageKey('constructor')).toBe(false);
  });
});
