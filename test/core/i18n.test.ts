// Every message the core can say exists in English and Vietnamese. Keys the code names are checked by the type
// checker (test/core/i18n-keys.test.ts); these tests check what it cannot: the texts themselves.
import { describe, expect, it } from 'vitest';
import { catalogs, translate } from '../../src/core/i18n/index.js';
import { GROUP_KINDS, ROLES } from '../../src/core/commands/types.js';
import { RULES } from '../../src/core/proposals/rules/types.js';
import { VISIBILITIES } from '../../src/core/groups/ports.js';

const exists = (locale: 'en' | 'vi', key: string) =>
  catalogs[locale][key] !== undefined || catalogs[locale][`${key}.other`] !== undefined;

describe('catalogs', () => {
  it('have the same keys in English and Vietnamese', () => {
    const en = Object.keys(catalogs.en).sort();
    const vi = Object.keys(catalogs.vi).sort();
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
  });

  it('contain every key the core builds from a name', () => {
    const built = [
      ...RULES.map((r) => `rule.name.${r}`),
      ...ROLES.map((r) => `role.${r}`),
      ...ROLES.map((r) => `role.${r}.plural`),
      ...GROUP_KINDS.map((k) => `group.kind.${k}`),
      ...VISIBILITIES.map((v) => `group.visibility.${v}`),
      ...['passed', 'failed', 'no-quorum', 'winner', 'tie', 'no-votes', 'advice-given'].map((o) => `outcome.${o}`),
      ...['open', 'closed', 'withdrawn'].map((s) => `status.${s}`),
      ...['hash-mismatch', 'broken-link', 'sequence-gap', 'truncated'].map((r) => `audit.reason.${r}`),
      ...['approval', 'ranked', 'score', 'dot'].map((r) => `ballot.prompt.${r}`),
      ...['agree', 'abstain', 'disagree', 'block', 'consent', 'object', 'yes', 'no', 'support', 'concern'].map((c) => `choice.${c}`),
    ];
    expect(built.filter((k) => !exists('en', k) || !exists('vi', k))).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const differing = Object.keys(catalogs.en).filter(
      (k) => catalogs.vi[k] !== undefined && placeholders(catalogs.en[k]!).join() !== placeholders(catalogs.vi[k]!).join(),
    );
    expect(differing).toEqual([]);
  });

  it('picks plural forms in English and falls back to the key only for unknown keys', () => {
    expect(translate('en', { key: 'card.quorumMissing', params: { count: 1 } })).toBe('1 more ballot needed for quorum.');
    expect(translate('en', { key: 'card.quorumMissing', params: { count: 3 } })).toBe('3 more ballots needed for quorum.');
    expect(translate('vi', { key: 'card.quorumMissing', params: { count: 1 } })).toBe('Cần thêm 1 phiếu để đủ túc số.');
    // @ts-expect-error an unknown key does not type-check; one read from stored data still shows as itself
    expect(translate('vi', { key: 'no.such.key' })).toBe('no.such.key');
  });
});
