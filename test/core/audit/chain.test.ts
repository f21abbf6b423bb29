// The audit hash chain: canonical encoding, hashing, and detection of every kind of tampering.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ChainVerifier,
  GENESIS_HASH,
  canonicalJson,
  hashEntry,
  verifyChain,
  type AuditEntryContent,
  type StoredAuditEntry,
} from '../../../src/core/audit/chain.js';

const ACTIONS = ['proposal.create', 'vote.cast', 'proposal.close', 'group.join', 'outcome.record'];

function content(seq: number, workspaceId = 1): AuditEntryContent {
  return {
    workspaceId,
    seq,
    at: new Date(Date.UTC(2026, 0, 1) + seq * 61_000).toISOString(),
    actorId: seq % 7 === 0 ? null : (seq % 13) + 1,
    action: ACTIONS[seq % ACTIONS.length] ?? 'vote.cast',
    subject: seq % 5 === 0 ? null : `proposal:${seq % 40}`,
    data: { choice: seq % 2 === 0 ? 'agree' : 'block', weight: seq % 3, note: `entry ${seq}`, tags: ['a', `t${seq % 4}`] },
  };
}

function buildChain(length: number, workspaceId = 1): StoredAuditEntry[] {
  const rows: StoredAuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const entry = content(seq, workspaceId);
    const hash = hashEntry(prevHash, entry);
    rows.push({ ...entry, prevHash, hash });
    prevHash = hash;
  }
  return rows;
}

function replaceAt(rows: StoredAuditEntry[], index: number, row: StoredAuditEntry): StoredAuditEntry[] {
  const copy = rows.slice();
  copy[index] = row;
  return copy;
}

function at(rows: StoredAuditEntry[], index: number): StoredAuditEntry {
  const row = rows[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
}

/** Deep copy of a JSON value with every object's keys in a shuffled order. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([k, v]) => [k, shuffleKeys(v, random)] as const);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [entries[i], entries[j]] = [entries[j]!, entries[i]!];
  }
  return Object.fromEntries(entries);
}

describe('GENESIS_HASH', () => {
  it('is 64 zeros', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});

describe('canonicalJson', () => {
  it('sorts keys recursively and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('encodes dates, bigints and undefined the documented way', () => {
    expect(
      canonicalJson({ when: new Date('2026-12-05T10:00:00Z'), big: 12345678901234567890n, gone: undefined, list: [undefined, 1] }),
    ).toBe('{"big":"12345678901234567890","list":[null,1],"when":"2026-12-05T10:00:00.000Z"}');
  });

  it('encodes scalars like JSON', () => {
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(true)).toBe('true');
    expect(canonicalJson(-0)).toBe('0');
    expect(canonicalJson(1e21)).toBe('1e+21');
    expect(canonicalJson('quote " backslash \\ newline \n tab \t')).toBe(
      JSON.stringify('quote " backslash \\ newline \n tab \t'),
    );
    expect(canonicalJson('Tiếng Việt 😀 \u2028')).toBe(JSON.stringify('Tiếng Việt 😀 \u2028'));
    expect(canonicalJson('lone \ud800')).toBe(JSON.stringify('lone \ud800'));
  });

  it.each([
    ['NaN', { n: Number.NaN }],
    ['Infinity', { n: Number.POSITIVE_INFINITY }],
    ['-Infinity', [Number.NEGATIVE_INFINITY]],
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('x') }],
    ['a Map', { m: new Map() }],
    ['a Set', { s: new Set([1]) }],
    ['an invalid Date', { d: new Date(Number.NaN) }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses cycles but accepts the same object twice side by side', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(TypeError);
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });

  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let state = seed;
        const random = () => {
          state = (state * 1103515245 + 12345) & 0x7fffffff;
          return state / 0x80000000;
        };
        expect(canonicalJson(shuffleKeys(value, random))).toBe(canonicalJson(value));
      }),
    );
  });

  it('is valid JSON that re-encodes to itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const encoded = canonicalJson(value);
        expect(canonicalJson(JSON.parse(encoded))).toBe(encoded);
      }),
    );
  });
});

describe('hashEntry', () => {
  const entry = content(3);

  it('is the SHA-256 hex of the previous hash followed by the canonical entry', () => {
    const expected = createHash('sha256')
      .update(GENESIS_HASH + canonicalJson(entry))
      .digest('hex');
    expect(hashEntry(GENESIS_HASH, entry)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('matches the canonical encoding for any entry', () => {
    const entries = fc.record({
      workspaceId: fc.nat(),
      seq: fc.integer({ min: 1 }),
      at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      actorId: fc.option(fc.nat(), { nil: null }),
      action: fc.string(),
      subject: fc.option(fc.string(), { nil: null }),
      data: fc.dictionary(fc.string(), fc.jsonValue()),
    });
    fc.assert(
      fc.property(entries, (e) => {
        const expected = createHash('sha256')
          .update(GENESIS_HASH + canonicalJson(e))
          .digest('hex');
        expect(hashEntry(GENESIS_HASH, e)).toBe(expected);
      }),
    );
  });

  it('depends on the previous hash', () => {
    expect(hashEntry('f'.repeat(64), entry)).not.toBe(hashEntry(GENESIS_HASH, entry));
  });

  it('ignores the stored hash fields and key order of the row it is given', () => {
    const stored = { ...entry, prevHash: 'x', hash: 'y' };
    const reordered = shuffleKeys(entry, () => 0.3) as AuditEntryContent;
    expect(hashEntry(GENESIS_HASH, stored)).toBe(hashEntry(GENESIS_HASH, entry));
    expect(hashEntry(GENESIS_HASH, reordered)).toBe(hashEntry(GENESIS_HASH, entry));
  });
});

describe('verifyChain', () => {
  const chain = buildChain(1000);

  it('accepts an intact chain of 1,000 entries', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, count: 1000 });
  });

  it('accepts an empty chain', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0 });
  });

  it('reads any iterable, such as a generator', () => {
    function* rows() {
      yield* chain.slice(0, 10);
    }
    expect(verifyChain(rows())).toEqual({ ok: true, count: 10 });
  });

  type Field = keyof StoredAuditEntry;
  const tamper: Record<Field, (row: StoredAuditEntry) => StoredAuditEntry> = {
    workspaceId: (r) => ({ ...r, workspaceId: r.workspaceId + 1 }),
    seq: (r) => ({ ...r, seq: r.seq + 1 }),
    at: (r) => ({ ...r, at: new Date(Date.parse(r.at) + 1).toISOString() }),
    actorId: (r) => ({ ...r, actorId: r.actorId === null ? 1 : null }),
    action: (r) => ({ ...r, action: `${r.action}!` }),
    subject: (r) => ({ ...r, subject: r.subject === null ? 'proposal:1' : null }),
    data: (r) => ({ ...r, data: { ...r.data, weight: Number(r.data.weight) + 1 } }),
    prevHash: (r) => ({ ...r, prevHash: hashEntry(r.prevHash, content(r.seq + 5000)) }),
    hash: (r) => ({ ...r, hash: `${r.hash.slice(0, 63)}${r.hash.endsWith('0') ? '1' : '0'}` }),
  };
  const expectedReason: Record<Field, string> = {
    workspaceId: 'hash-mismatch',
    seq: 'sequence-gap',
    at: 'hash-mismatch',
    actorId: 'hash-mismatch',
    action: 'hash-mismatch',
    subject: 'hash-mismatch',
    data: 'hash-mismatch',
    prevHash: 'broken-link',
    hash: 'hash-mismatch',
  };

  it('detects a change to any single field of any entry, at that entry', () => {
    const fields = Object.keys(tamper) as Field[];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: chain.length - 1 }), fc.constantFrom(...fields), (index, field) => {
        const rows = replaceAt(chain, index, tamper[field](at(chain, index)));
        expect(verifyChain(rows)).toEqual({
          ok: false,
          count: index,
          firstBadSeq: index + 1,
          reason: expectedReason[field],
        });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a nested value', (d: Record<string, unknown>) => ({ ...d, tags: ['a', 'changed'] })],
    ['an added key', (d: Record<string, unknown>) => ({ ...d, extra: true })],
    ['a removed key', ({ note: _note, ...rest }: Record<string, unknown>) => rest],
  ])('detects %s in data', (_, change) => {
    const row = at(chain, 41);
    const rows = replaceAt(chain, 41, { ...row, data: change(row.data) });
    expect(verifyChain(rows)).toMatchObject({ ok: false, firstBadSeq: 42, reason: 'hash-mismatch' });
  });

  it('reports an entry whose content cannot be encoded as tampered instead of throwing', () => {
    const row = at(chain, 9);
    const rows = replaceAt(chain, 9, { ...row, data: { n: Number.NaN } });
    expect(verifyChain(rows)).toEqual({ ok: false, count: 9, firstBadSeq: 10, reason: 'hash-mismatch' });
  });

  it('detects a deleted entry as a gap at the missing seq', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: chain.length - 2 }), (index) => {
        const rows = chain.filter((_, i) => i !== index);
        expect(verifyChain(rows)).toEqual({ ok: false, count: index, firstBadSeq: index + 1, reason: 'sequence-gap' });
      }),
      { numRuns: 100 },
    );
  });

  it('detects swapped and duplicated entries', () => {
    const swapped = chain.slice();
    [swapped[500], swapped[501]] = [at(chain, 501), at(chain, 500)];
    expect(verifyChain(swapped)).toMatchObject({ ok: false, firstBadSeq: 501, reason: 'sequence-gap' });

    const duplicated = [...chain.slice(0, 301), at(chain, 300), ...chain.slice(301)];
    expect(verifyChain(duplicated)).toMatchObject({ ok: false, firstBadSeq: 302, reason: 'sequence-gap' });
  });

  it('detects an entry re-hashed after tampering at the next link', () => {
    const row = at(chain, 700);
    const forged = { ...row, action: 'proposal.withdraw' };
    const rows = replaceAt(chain, 700, { ...forged, hash: hashEntry(forged.prevHash, forged) });
    expect(verifyChain(rows)).toEqual({ ok: false, count: 701, firstBadSeq: 702, reason: 'broken-link' });
  });

  it('requires the chain to start at seq 1 after the genesis hash', () => {
    expect(verifyChain(chain.slice(1))).toEqual({ ok: false, count: 0, firstBadSeq: 1, reason: 'sequence-gap' });
    const first = at(chain, 0);
    const notGenesis = { ...first, prevHash: 'a'.repeat(64) };
    const rows = replaceAt(chain, 0, { ...notGenesis, hash: hashEntry(notGenesis.prevHash, notGenesis) });
    expect(verifyChain(rows)).toEqual({ ok: false, count: 0, firstBadSeq: 1, reason: 'broken-link' });
  });

  it('keeps chains of different workspaces apart', () => {
    const other = buildChain(3, 2);
    expect(verifyChain(other)).toEqual({ ok: true, count: 3 });
    const mixed = [...chain.slice(0, 2), at(other, 2)];
    expect(verifyChain(mixed)).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'broken-link' });
  });
});

describe('ChainVerifier', () => {
  const chain = buildChain(1000);

  it('verifies page by page', () => {
    const verifier = new ChainVerifier();
    for (let offset = 0; offset < chain.length; offset += 100) {
      for (const row of chain.slice(offset, offset + 100)) expect(verifier.push(row)).toBeNull();
    }
    expect(verifier.result()).toEqual({ ok: true, count: 1000 });
    expect(verifier.lastSeq).toBe(1000);
    expect(verifier.lastHash).toBe(at(chain, 999).hash);
  });

  it('exposes the head so truncation at the end can be noticed by the caller', () => {
    const verifier = new ChainVerifier();
    for (const row of chain.slice(0, 998)) verifier.push(row);
    expect(verifier.result()).toEqual({ ok: true, count: 998 });
    expect(verifier.lastHash).not.toBe(at(chain, 999).hash);
  });

  it('keeps the first failure', () => {
    const verifier = new ChainVerifier();
    const rows = replaceAt(chain, 4, { ...at(chain, 4), action: 'forged' });
    const failures = rows.slice(0, 10).map((row) => verifier.push(row));
    const failure = { ok: false, count: 4, firstBadSeq: 5, reason: 'hash-mismatch' };
    expect(failures.slice(0, 4)).toEqual([null, null, null, null]);
    expect(failures.slice(4)).toEqual(Array(6).fill(failure));
    expect(verifier.result()).toEqual(failure);
  });

  it('resumes after an entry already verified', () => {
    const verifier = new ChainVerifier({ seq: 500, hash: at(chain, 499).hash });
    for (const row of chain.slice(500)) expect(verifier.push(row)).toBeNull();
    expect(verifier.result()).toEqual({ ok: true, count: 500 });

    const wrongAnchor = new ChainVerifier({ seq: 500, hash: at(chain, 498).hash });
    expect(wrongAnchor.push(at(chain, 500))).toMatchObject({ firstBadSeq: 501, reason: 'broken-link' });
  });

  it('verifies a long chain streamed entry by entry', () => {
    // Speed is measured by `npm run bench`, not here.
    const big = buildChain(20_000);
    expect(verifyChain(big)).toEqual({ ok: true, count: 20_000 });
  });
});

describe('entryJsonAroundSeq', () => {
  it('splits the canonical JSON so that prevHash + before + seq + after hashes like hashEntry', async () => {
    const { createHash } = await import('node:crypto');
    const { entryJsonAroundSeq, hashEntry } = await import('../../../src/core/audit/chain.js');
    const entry = { workspaceId: 3, at: '2026-12-01T09:00:00.000Z', actorId: null, action: 'ballot.cast', subject: 'proposal:7', data: { b: [1, 'x"y'], a: { z: null } } };
    const prev = 'ab'.repeat(32);
    const { before, after } = entryJsonAroundSeq(entry);
    const viaParts = createHash('sha256').update(`${prev}${before}42${after}`).digest('hex');
    expect(viaParts).toBe(hashEntry(prev, { ...entry, seq: 42 }));
  });
});
