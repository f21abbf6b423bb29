// The audit log's hash chain: how an entry is hashed and how a stored chain is checked for tampering.
import { hash } from 'node:crypto';

/** The `prevHash` of a workspace's first entry (seq 1). */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryContent {
  workspaceId: number;
  seq: number;
  /** ISO timestamp. */
  at: string;
  actorId: number | null;
  action: string;
  subject: string | null;
  data: Record<string, unknown>;
}

export type StoredAuditEntry = AuditEntryContent & { prevHash: string; hash: string };

export type ChainFailureReason = 'hash-mismatch' | 'broken-link' | 'sequence-gap';

/**
 * `count` is how many entries verified before the failure; `firstBadSeq` is the first sequence
 * number that cannot be trusted. For a gap that is the missing number, so "everything below
 * firstBadSeq is intact" holds for every reason.
 */
export type ChainFailure = { ok: false; count: number; firstBadSeq: number; reason: ChainFailureReason };
export type ChainResult = { ok: true; count: number } | ChainFailure;

/**
 * Deterministic JSON, so a hash computed today matches one recomputed years later from the same
 * data whatever order the keys were stored or read back in. Object keys are sorted, Dates become
 * ISO strings, bigints become strings, undefined properties are left out (undefined in an array
 * becomes null, as in JSON). Anything JSON cannot round-trip faithfully is refused rather than
 * silently changed: non-finite numbers, functions, symbols, Maps, Sets, invalid Dates, cycles.
 */
export function canonicalJson(value: unknown): string {
  return write(value, []);
}

// Characters JSON.stringify would escape; strings without them are quoted as they are, which is
// several times faster and matters when a whole log is re-encoded to verify it.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function quote(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function write(value: unknown, ancestors: object[]): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return `"${value.toString()}"`;
    case 'object':
      return value === null ? 'null' : writeObject(value, ancestors);
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
}

function writeObject(value: object, ancestors: object[]): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError('canonicalJson: invalid Date');
    return `"${value.toISOString()}"`;
  }
  if (value instanceof Map || value instanceof Set) {
    throw new TypeError('canonicalJson: Map and Set have no canonical JSON form');
  }
  // Nesting is shallow in practice, so a linear scan beats maintaining a Set.
  if (ancestors.includes(value)) throw new TypeError('canonicalJson: circular structure');
  ancestors.push(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (i > 0) out += ',';
      out += item === undefined ? 'null' : write(item, ancestors);
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    let first = true;
    for (const key of keys) {
      const field = record[key];
      if (field === undefined) continue;
      out += `${first ? '' : ','}${quote(key)}:${write(field, ancestors)}`;
      first = false;
    }
    out += '}';
  }
  ancestors.pop();
  return out;
}

// Already in canonical (sorted) order, so the content is encoded without building and sorting a copy.
const CONTENT_KEYS = ['action', 'actorId', 'at', 'data', 'seq', 'subject', 'workspaceId'] as const;

/** SHA-256 (hex) of the previous entry's hash followed by the canonical JSON of this entry's content. */
export function hashEntry(prevHash: string, entry: AuditEntryContent): string {
  // Only the content fields: a stored row also carries its own hash, which must not feed into itself.
  let json = '{';
  for (const key of CONTENT_KEYS) {
    const value = entry[key];
    if (value === undefined) continue;
    json += `${json === '{' ? '' : ','}"${key}":${write(value, [])}`;
  }
  return hash('sha256', `${prevHash}${json}}`, 'hex');
}

/**
 * The canonical JSON of an entry, split around its `seq`, so the database can compute the hash
 * itself once it knows the next sequence number: sha256(prevHash + before + seq + after) equals
 * hashEntry(prevHash, entry). That lets an append be one statement while the chain head is locked.
 */
export function entryJsonAroundSeq(entry: Omit<AuditEntryContent, 'seq'>): { before: string; after: string } {
  let json = '{';
  let before = '';
  for (const key of CONTENT_KEYS) {
    if (key === 'seq') {
      json += `${json === '{' ? '' : ','}"seq":`;
      before = json;
      json = '';
      continue;
    }
    const value = entry[key];
    if (value === undefined) continue;
    json += `${json === '{' ? '' : ','}"${key}":${write(value, [])}`;
  }
  return { before, after: `${json}}` };
}

// Content that cannot be encoded was never hashed when written, so it counts as tampered.
function computeHash(entry: StoredAuditEntry): string | null {
  try {
    return hashEntry(entry.prevHash, entry);
  } catch {
    return null;
  }
}

/**
 * Checks a chain one entry at a time, keeping only the previous hash, so a caller can stream a
 * workspace's whole log page by page. Starts at seq 1 after GENESIS_HASH unless told to resume from
 * an entry already verified (`{ seq, hash }` of that entry).
 */
export class ChainVerifier {
  private nextSeq: number;
  private prevHash: string;
  private verified = 0;
  private failure: ChainFailure | null = null;

  constructor(after?: { seq: number; hash: string }) {
    this.nextSeq = after ? after.seq + 1 : 1;
    this.prevHash = after ? after.hash : GENESIS_HASH;
  }

  /** Null while the chain holds; the failure once it breaks (and for every entry after that). */
  push(entry: StoredAuditEntry): ChainFailure | null {
    if (this.failure) return this.failure;
    const seq = this.nextSeq;
    if (entry.seq !== seq) return this.fail(seq, 'sequence-gap');
    if (entry.prevHash !== this.prevHash) return this.fail(seq, 'broken-link');
    if (computeHash(entry) !== entry.hash) return this.fail(seq, 'hash-mismatch');
    this.prevHash = entry.hash;
    this.nextSeq = seq + 1;
    this.verified += 1;
    return null;
  }

  /**
   * Hash of the last entry that verified (GENESIS_HASH or the resume point before any). The chain
   * cannot notice entries cut off its end, so callers compare this with the head they stored.
   */
  get lastHash(): string {
    return this.prevHash;
  }

  /** Seq of the last entry that verified; 0 before any when starting from genesis. */
  get lastSeq(): number {
    return this.nextSeq - 1;
  }

  result(): ChainResult {
    return this.failure ?? { ok: true, count: this.verified };
  }

  private fail(firstBadSeq: number, reason: ChainFailureReason): ChainFailure {
    this.failure = { ok: false, count: this.verified, firstBadSeq, reason };
    return this.failure;
  }
}

/** Verifies a whole chain starting at seq 1; stops at the first bad entry. */
export function verifyChain(entries: Iterable<StoredAuditEntry>): ChainResult {
  const verifier = new ChainVerifier();
  for (const entry of entries) {
    if (verifier.push(entry)) break;
  }
  return verifier.result();
}
