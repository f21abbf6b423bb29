// Every package the project depends on is explained in the architecture page, and nothing there is left over.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

const pkg = JSON.parse(read('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
const declared = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

/** The text of the architecture page's Dependencies section. */
function dependencySection(): string {
  const page = read('docs/architecture.md');
  const start = page.indexOf('\n## Dependencies\n');
  expect(start, 'docs/architecture.md has a "## Dependencies" section').toBeGreaterThanOrEqual(0);
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next === -1 ? undefined : next);
}

describe('the dependencies section', () => {
  it('explains every package in package.json', () => {
    const section = dependencySection();
    expect(declared.filter((name) => !section.includes(`\`${name}\``))).toEqual([]);
  });

  it('names no package that package.json does not have', () => {
    const rows = dependencySection()
      .split('\n')
      .filter((line) => line.startsWith('| `'))
      .map((line) => line.split('|')[1] ?? '');
    const named = rows.flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? ''));
    expect(named.filter((name) => !declared.includes(name))).toEqual([]);
  });
});
