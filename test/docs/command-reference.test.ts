// The committed command reference matches what the command declarations generate today.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS } from '../../src/core/commands/index.js';
import { commandReference, commandReferenceFiles } from '../../scripts/command-reference.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('the command reference', () => {
  for (const { path, text } of commandReferenceFiles()) {
    it(`${path} is up to date`, () => {
      const committed = readFileSync(join(ROOT, path), 'utf8');
      expect(committed === text, `${path} is stale: run \`npm run docs\` and commit the result`).toBe(true);
    });
  }

  it('has a section for every command, with its usage, in both languages', () => {
    const en = commandReference('en');
    const vi = commandReference('vi');
    for (const spec of COMMAND_SPECS) {
      expect(en).toContain(`### /concord ${spec.words.join(' ')}\n`);
      expect(en).toContain(`Usage: \`/concord ${spec.usage}\``);
      expect(vi).toContain(`### /concord ${spec.words.join(' ')}\n`);
    }
    expect(vi).toContain('Cách dùng: `/concord propose "<tiêu đề>"');
  });
});
