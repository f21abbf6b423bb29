// Every environment variable Concord reads is explained in the operator guide.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** Where the variables are parsed: core configuration, then each platform adapter's own. */
const CONFIG_FILES = ['src/config.ts', 'src/bots/slack/config.ts', 'src/bots/discord/config.ts'];

function variablesIn(source: string): string[] {
  const keys = [...source.matchAll(/^\s+([A-Z][A-Z0-9_]{2,}):/gm)].map((m) => m[1] ?? '');
  const reads = [...source.matchAll(/\benv\.([A-Z][A-Z0-9_]{2,})\b/g)].map((m) => m[1] ?? '');
  return [...new Set([...keys, ...reads])];
}

describe('the operator guide', () => {
  const guide = read('docs/operator-guide.md');

  for (const file of CONFIG_FILES) {
    it(`documents every variable ${file} reads`, () => {
      const variables = variablesIn(read(file));
      expect(variables.length).toBeGreaterThan(0);
      expect(variables.filter((name) => !guide.includes(`\`${name}\``))).toEqual([]);
    });
  }

  it('finds the variables of src/config.ts', () => {
    expect(variablesIn(read('src/config.ts'))).toEqual(expect.arrayContaining(['DATABASE_URL', 'CONCORD_DATA_DIR', 'REPLY_RETENTION_HOURS']));
  });
});
