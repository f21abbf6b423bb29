// Every relative link in the README and docs/ leads to a file that exists, and to a heading that exists in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [join(ROOT, 'README.md'), join(ROOT, 'bench', 'RESULTS.md'), ...markdownFiles(join(ROOT, 'docs'))];

/** The text outside fenced code blocks and code spans, where links are links. */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const withoutCode = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const plain = (heading ?? '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const slug = plain
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  for (const [, id] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id ?? '');
  return anchors;
}

function links(text: string): string[] {
  return [...prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
}

describe('links in the README and docs/', () => {
  for (const file of FILES) {
    const name = relative(ROOT, file);
    it(`${name} links only to files and headings that exist`, () => {
      const text = readFileSync(file, 'utf8');
      const broken: string[] = [];
      for (const link of links(text)) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
        const [path = '', hash] = link.split('#', 2);
        const target = path === '' ? file : join(dirname(file), decodeURIComponent(path));
        if (!existsSync(target)) {
          broken.push(`${link} (no such file)`);
          continue;
        }
        if (hash !== undefined && hash !== '' && target.endsWith('.md')) {
          if (!anchorsOf(readFileSync(target, 'utf8')).has(decodeURIComponent(hash))) broken.push(`${link} (no such heading)`);
        }
      }
      expect(broken, `broken links in ${name}`).toEqual([]);
    });
  }

  it('reads headings the way GitHub names them', () => {
    const anchors = anchorsOf('# A `code` title\n## Dates for `--closes`, `--review` and `--due`\n### /concord group create\n## Nhóm và quyền\n## Same\n## Same\n');
    expect([...anchors]).toEqual(['a-code-title', 'dates-for---closes---review-and---due', 'concord-group-create', 'nhóm-và-quyền', 'same', 'same-1']);
  });
});
