// The catalogs: same keys in both languages, same placeholders, none unused. That every key the code uses is there
// is checked by the type checker (see test/core/i18n-keys.test.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commandMessages } from '../../../src/core/commands/messages.js';
import { COMMAND_SPECS } from '../../../src/core/commands/spec.js';
import { parseCommand } from '../../../src/core/commands/parse.js';
import { lookup, tEn, tVi } from './translate.js';

const { en, vi } = commandMessages;
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
const coreDir = join(dirname(fileURLToPath(import.meta.url)), '../../../src/core');
const sourceDir = join(coreDir, 'commands');
/**
 * The command grammar, and each feature's command declarations and fields (`<feature>/commands.ts`, `fields.ts`, or
 * `<feature>/<part>-commands.ts` where a folder holds several features).
 */
const sourceFiles = (): string[] => [
  ...readdirSync(sourceDir)
    .filter((f) => f.endsWith('.ts') && f !== 'messages.ts')
    .map((f) => join(sourceDir, f)),
  ...readdirSync(coreDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'commands')
    .flatMap((d) => readdirSync(join(coreDir, d.name)).filter((f) => f === 'fields.ts' || /(^|-)commands\.ts$/.test(f)).map((f) => join(coreDir, d.name, f)))
    .filter((f) => existsSync(f)),
  // A module with several features keeps each one's commands in `<feature>-commands.ts` (resources/pledge-commands.ts).
  ...readdirSync(coreDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'commands')
    .flatMap((d) => readdirSync(join(coreDir, d.name)).filter((f) => f.endsWith('-commands.ts')).map((f) => join(coreDir, d.name, f))),
];

describe('commandMessages', () => {
  it('has the same keys in English and Vietnamese', () => {
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps every key in the cmd. namespace and every text non-empty', () => {
    for (const catalog of [en, vi]) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(key).toMatch(/^cmd\./);
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(vi[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
    }
  });

  it('gives plural keys both variants', () => {
    for (const key of Object.keys(en)) {
      const base = /^(.*)\.(one|other)$/.exec(key)?.[1];
      if (!base) continue;
      expect(en[`${base}.one`], key).toBeDefined();
      expect(en[`${base}.other`], key).toBeDefined();
      expect(en[base], `${base} should only exist as plural variants`).toBeUndefined();
    }
  });

  it('is really Vietnamese, not English left in place', () => {
    const untranslated = Object.keys(en).filter((key) => en[key] === vi[key]);
    expect(untranslated).toEqual([]);
    const withDiacritics = Object.values(vi).filter((text) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu.test(text));
    // A few entries are mostly syntax; everything else must read as Vietnamese.
    expect(withDiacritics.length).toBeGreaterThan(Object.keys(vi).length * 0.9);
  });

  it('defines every key the table refers to', () => {
    for (const spec of COMMAND_SPECS) {
      const keys = [
        spec.summary,
        spec.detail,
        ...spec.args.map((a) => a.description),
        ...spec.flags.map((f) => f.description),
        ...spec.examples.flatMap((e) => [e.note, e.sample].filter((k) => k !== undefined)),
      ];
      for (const key of keys) {
        expect(en[key], key).toBeDefined();
        expect(vi[key], key).toBeDefined();
      }
    }
  });

  it('has no unused keys', () => {
    const sources = sourceFiles()
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const dynamic = ['cmd.area.', 'cmd.ph.'];
    for (const key of Object.keys(en)) {
      const base = key.replace(/\.(one|other)$/, '');
      const used = sources.includes(`'${base}'`) || dynamic.some((prefix) => key.startsWith(prefix));
      expect(used, key).toBe(true);
    }
  });

  it('fills every placeholder of the errors the parser produces', () => {
    const broken = [
      'propsoe', 'xylophone', 'group', 'group creat', 'settings colour', 'vote 7 agree --anonymous', 'propose x --rule poll --colses 1',
      'close 7 --force', 'propose x --rule a --rule b', 'propose x --rule', 'proposals --all=yes', 'vote', 'propose x',
      'close 7 8', 'group role @a member x', 'audit verify now', 'vote 7 a b --reason c', 'group create "  "',
      `group create ${'x'.repeat(61)}`, 'propose x --rule vote', 'propose x --rule concensus', 'group add <@&1>', 'vote x agree',
      'audit --limit 0', 'propose x --rule fist-of-five --min-mean 9', 'propose x --rule consent --quorum x',
      'propose x --rule majority --threshold 1/3', 'propose x --rule consent --quorum 0', 'propose x --rule poll --options "A||B"',
      `propose x --rule poll --options "A|${'y'.repeat(81)}"`, 'propose x --rule poll --options "A|a"', 'propose x --rule poll --options A',
      'propose x --rule ranked', 'propose x --rule consent --dots 3', 'settings timezone Nowhere/Atall',
      'settings timezone Europe/Londn', 'propose "x',
    ];
    for (const line of broken) {
      const result = parseCommand(line);
      expect(result.ok, line).toBe(false);
      if (result.ok) continue;
      expect(lookup(en, result.error), `${line}: ${result.error.key}`).toBeDefined();
      for (const t of [tEn, tVi]) {
        const text = t(result.error);
        expect(text, line).not.toMatch(/\{\w+\}|!cmd\./);
      }
    }
  });

  it('picks the plural variant by count', () => {
    expect(tEn({ key: 'cmd.error.optionCount', params: { field: '--options', count: 1, min: 2, max: 20 } })).toContain('1 option.');
    expect(tEn({ key: 'cmd.error.optionCount', params: { field: '--options', count: 21, min: 2, max: 20 } })).toContain(
      '21 options.',
    );
  });
});
