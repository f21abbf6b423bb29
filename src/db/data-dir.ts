// The embedded database's folder: one owner process at a time, private to its user, and plainly named when it cannot be used.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync, writeSync, accessSync, constants } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { translate } from '../core/i18n/index.js';
import type { Locale, Msg } from '../core/i18n/types.js';

/** The file that says which process owns the folder. */
export const LOCK_FILE = 'concord.lock';

/** PGlite writes its write-ahead log in segments of this size; a shorter one was cut off. */
const WAL_SEGMENT_BYTES = 16 * 1024 * 1024;

/** A data folder Concord cannot use; `msg` says what is wrong and what to do, in the operator's language. */
export class DataDirError extends Error {
  constructor(
    readonly msg: Msg,
    /** What is damaged, for `data.damaged`. */
    readonly problem?: Msg,
  ) {
    super(describe('en', msg, problem));
  }

  text(locale: Locale): string {
    return describe(locale, this.msg, this.problem);
  }
}

function describe(locale: Locale, msg: Msg, problem: Msg | undefined): string {
  return translate(locale, problem ? { key: msg.key, params: { ...msg.params, problem: translate(locale, problem) } } : msg);
}

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

export interface DataDir {
  /** The absolute path. */
  path: string;
  /** No database yet: the first start prepares one, which takes a few seconds. */
  fresh: boolean;
  /** Removes this process's lock. */
  release(): void;
}

const isWindows = process.platform === 'win32';

/**
 * Makes sure the folder can hold Concord's database and that this process alone uses it: creates it
 * private to its owner (0700), refuses a file, a folder others can write, a read-only folder, a folder
 * holding something else or a damaged database, and takes the lock. Throws DataDirError.
 */
export function prepareDataDir(dir: string, opts: { notify?: (m: Msg) => void } = {}): DataDir {
  const path = resolve(dir);
  let fresh = false;
  let mode: number | null = null;
  try {
    const stat = statSync(path);
    if (!stat.isDirectory()) throw new DataDirError({ key: 'data.notAFolder', params: { dir: path } });
    mode = stat.mode & 0o777;
  } catch (error) {
    if (error instanceof DataDirError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unusable(path, error);
    try {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      if (!isWindows) chmodSync(path, 0o700);
    } catch (mkdirError) {
      throw unusable(path, mkdirError);
    }
    fresh = true;
  }
  if (mode !== null && !isWindows) {
    if (mode & 0o022) throw new DataDirError({ key: 'data.othersCanWrite', params: { dir: path, mode: octal(mode) } });
    if (!(mode & 0o200)) throw new DataDirError({ key: 'data.readOnly', params: { dir: path, reason: `mode ${octal(mode)}` } });
  }
  try {
    accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    throw unusable(path, error);
  }
  // Read before locking: a folder that is not Concord's gets no lock file either. A folder another
  // process holds is said to be in use, not judged by files that process may be writing.
  refuseIfHeld(path);
  if (!fresh) fresh = checkContents(path);
  const release = lock(path);
  try {
    // Folders made before Concord kept them private: close them to other users once it is sure they are its own.
    if (mode !== null && !isWindows && mode & 0o077) {
      chmodSync(path, 0o700);
      opts.notify?.({ key: 'data.madePrivate', params: { dir: path, mode: octal(mode) } });
    }
  } catch (error) {
    release();
    throw error;
  }
  return { path, fresh, release };
}

/** True when the folder holds no database yet. Throws when it holds something else, or a damaged one. */
function checkContents(path: string): boolean {
  const entries = readdirSync(path).filter((name) => name !== LOCK_FILE && !name.startsWith('.'));
  if (entries.length === 0) return true;
  if (!entries.includes('PG_VERSION')) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw new DataDirError({ key: 'data.notConcord', params: { dir: path, files: shown } });
  }
  if (!existsSync(join(path, 'global', 'pg_control'))) throw damaged(path, { key: 'data.problem.noControl' });
  const wal = join(path, 'pg_wal');
  const segments = existsSync(wal) ? readdirSync(wal).filter((name) => /^[0-9A-F]{24}$/.test(name)) : [];
  if (segments.length === 0) throw damaged(path, { key: 'data.problem.noWal' });
  for (const name of segments) {
    const size = statSync(join(wal, name)).size;
    if (size !== WAL_SEGMENT_BYTES) throw damaged(path, { key: 'data.problem.truncatedWal', params: { file: name, size, expected: WAL_SEGMENT_BYTES } });
  }
  return false;
}

export function damaged(path: string, problem: Msg): DataDirError {
  return new DataDirError({ key: 'data.damaged', params: { dir: path } }, problem);
}

/** A permission or file-system error, said in words. */
function unusable(path: string, error: unknown): DataDirError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOTDIR' || code === 'EEXIST') return new DataDirError({ key: 'data.notAFolder', params: { dir: path } });
  return new DataDirError({ key: 'data.readOnly', params: { dir: path, reason: code } });
}

const octal = (mode: number) => mode.toString(8).padStart(3, '0');

/**
 * Takes the folder's lock: a file created only if absent, holding this process's pid and host. A lock
 * whose process is gone (same host, pid no longer alive) is stale and taken over.
 */
function lock(path: string): () => void {
  const file = join(path, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw unusable(path, error);
      refuseIfHeld(path);
      try {
        unlinkSync(file);
      } catch {
        // Another process removed it first; the next attempt decides.
      }
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      // Only our own lock: never one another process took over meanwhile.
      const owner = readOwner(file);
      if (owner && owner.pid === me.pid && owner.host === me.host) {
        try {
          unlinkSync(file);
        } catch {
          // Already gone.
        }
      }
    };
    process.on('exit', release);
    return release;
  }
  throw new DataDirError({ key: 'data.readOnly', params: { dir: path, reason: 'lock' } });
}

/** Throws when a live process (this one included) holds the folder's lock. */
function refuseIfHeld(path: string): void {
  const file = join(path, LOCK_FILE);
  const owner = readOwner(file);
  if (!owner) return;
  const here = owner.host === hostname();
  if (here && owner.pid !== process.pid && isStale(owner)) return;
  throw new DataDirError({ key: here ? 'data.locked' : 'data.lockedOtherHost', params: { dir: path, pid: owner.pid, host: owner.host, since: owner.since, lock: file } });
}

export function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return { pid: parsed.pid, host: parsed.host, since: typeof parsed.since === 'string' ? parsed.since : '?' };
  } catch {
    return null;
  }
}

/** On this host, a lock whose process no longer runs. A lock from another host is never presumed stale. */
function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
