// The embedded database's folder: one process at a time, private to its owner, and plain words when it cannot be used.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { DataDirError, LOCK_FILE, prepareDataDir } from '../../src/db/data-dir.js';
import type { Msg } from '../../src/core/i18n/types.js';
import { translate } from '../../src/core/i18n/index.js';

const root = mkdtempSync(join(tmpdir(), 'concord-data-'));
/** A real database folder, made once: each case works on its own copy. */
const template = join(root, 'template');
const told: Msg[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  const db = await openPglite(template, { notify: (m) => told.push(m) });
  await db.close();
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function copy(name: string): string {
  const dir = join(root, name);
  cpSync(template, dir, { recursive: true });
  chmodSync(dir, 0o700);
  return dir;
}

function refusal(fn: () => unknown): DataDirError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataDirError) return error;
    throw error;
  }
  throw new Error('expected the folder to be refused');
}

describe('a new data folder', () => {
  it('is created private to its owner, and the first start says what takes time', () => {
    expect(statSync(template).mode & 0o777).toBe(0o700);
    expect(told.map((m) => m.key)).toEqual(['data.preparing']);
    expect(translate('en', told[0]!)).toBe(`Preparing the embedded database in ${template} (the first start takes a few seconds)…`);
    expect(translate('vi', told[0]!)).toBe(`Đang chuẩn bị cơ sở dữ liệu nhúng trong ${template} (lần khởi động đầu tiên mất vài giây)…`);
  });

  it('is not announced again once it holds a database, and the lock goes when the database closes', async () => {
    const dir = copy('second-start');
    const said: Msg[] = [];
    const db = await openPglite(dir, { notify: (m) => said.push(m) });
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await db.close();
    expect(said).toEqual([]);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);
});

describe('permissions', () => {
  it('refuses a folder other users can write, with the chmod that fixes it', () => {
    const dir = join(root, 'open-to-all');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toBe(
      `Other users of this machine can change the data folder ${dir} (mode 777). It holds private notes and votes, so Concord will not start: run \`chmod 700 ${dir}\` and start again.`,
    );
    expect(error.text('vi')).toContain(`Những người dùng khác trên máy này có thể sửa thư mục dữ liệu ${dir} (chế độ 777)`);
    expect(error.text('vi')).toContain(`\`chmod 700 ${dir}\``);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a read-only folder, naming it and saying how to let Concord write', () => {
    const dir = join(root, 'read-only');
    mkdirSync(dir);
    chmodSync(dir, 0o500);
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toContain(`Concord cannot write to its data folder ${dir} (mode 500)`);
    expect(error.message).toContain(`chmod 700 ${dir}`);
    expect(error.text('vi')).toContain(`Concord không ghi được vào thư mục dữ liệu ${dir} (mode 500)`);
    chmodSync(dir, 0o700);
  });

  it('makes a Concord folder that others could read private to its owner, and says so', () => {
    const dir = copy('readable');
    chmodSync(dir, 0o755);
    const said: Msg[] = [];
    const folder = prepareDataDir(dir, { notify: (m) => said.push(m) });
    folder.release();
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(said.map((m) => translate('en', m))).toEqual([
      `The data folder ${dir} was open to other users of this machine (mode 755); it is now private to its owner (mode 700).`,
    ]);
  });
});

describe('a folder that cannot hold the database', () => {
  it('refuses a file, naming it', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder');
    const error = refusal(() => prepareDataDir(file));
    expect(error.message).toBe(
      `CONCORD_DATA_DIR points to ${file}, which is a file, not a folder. Move the file away, or set CONCORD_DATA_DIR to a folder Concord can keep its database in.`,
    );
    expect(error.text('vi')).toContain(`CONCORD_DATA_DIR trỏ tới ${file}, đây là một tệp chứ không phải thư mục.`);
  });

  it('leaves a folder holding something else untouched', () => {
    const dir = join(root, 'documents');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'minutes.txt'), 'meeting');
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toContain(`${dir} already holds other files (minutes.txt) and is not a Concord data folder`);
    expect(error.text('vi')).toContain(`${dir} đã chứa các tệp khác (minutes.txt) và không phải là thư mục dữ liệu của Concord`);
    expect(readFileSync(join(dir, 'minutes.txt'), 'utf8')).toBe('meeting');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
  });

  it('says a database without its control file is damaged, and what to do', async () => {
    const dir = copy('no-control');
    rmSync(join(dir, 'global', 'pg_control'));
    const error = await openPglite(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirError);
    const message = (error as DataDirError).message;
    expect(message).toBe(
      `The data folder ${dir} is damaged: its control file global/pg_control is missing. Concord did not change it. Restore the folder from a backup, or move it aside (\`mv ${dir} ${dir}.damaged\`) to start again with an empty database.`,
    );
    expect(message).not.toMatch(/Failed query|params:/);
    expect((error as DataDirError).text('vi')).toContain(`Thư mục dữ liệu ${dir} bị hỏng: thiếu tệp điều khiển global/pg_control.`);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('says a database the embedded engine cannot open is damaged, in one line without the failed query', async () => {
    const dir = copy('no-base');
    rmSync(join(dir, 'base'), { recursive: true });
    const error = await openPglite(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirError);
    const message = (error as DataDirError).message;
    expect(message).toMatch(new RegExp(`^The data folder ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: the embedded database could not open it \\(.+\\)\\. Concord did not change it\\.`));
    expect(message).not.toMatch(/Failed query|params:|CREATE SCHEMA|\n/);
    expect((error as DataDirError).text('vi')).toContain('cơ sở dữ liệu nhúng không mở được nó (');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  }, 60_000);

  it('says a database with a cut-short write-ahead log is damaged', () => {
    const dir = copy('short-wal');
    const wal = join(dir, 'pg_wal', '000000010000000000000001');
    truncateSync(wal, 1000);
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toContain(
      `The data folder ${dir} is damaged: the write-ahead log file pg_wal/000000010000000000000001 is cut short (1000 of 16777216 bytes).`,
    );
    expect(error.text('vi')).toContain('tệp nhật ký ghi trước pg_wal/000000010000000000000001 bị cắt cụt (1000 trên 16777216 byte)');
  });
});

describe('one process per data folder', () => {
  it('refuses a second process, naming the folder and the process that holds it, and takes over once that process is killed', async () => {
    const dir = copy('shared');
    const holder = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-data-dir.ts', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(holder);
    const first = await new Promise<string>((resolve) => {
      let out = '';
      holder.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.trim());
      });
      holder.on('exit', () => resolve(out.trim()));
    });
    expect(first).toBe('open');

    const error = await openPglite(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataDirError);
    const message = (error as DataDirError).message;
    expect(message).toContain(`The data folder ${dir} is in use by another Concord process (pid ${holder.pid} on ${hostname()}, since `);
    expect((error as DataDirError).text('vi')).toContain(`Thư mục dữ liệu ${dir} đang được một tiến trình Concord khác sử dụng (pid ${holder.pid} trên ${hostname()}`);

    // Killed without a chance to clean up: its lock stays behind, stale, and must not block a restart.
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(holder.pid);
    const db = await openPglite(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    await db.close();
  }, 120_000);

  it('says a folder another process holds is in use, rather than judging files that process may be writing', async () => {
    const dir = copy('held-while-writing');
    rmSync(join(dir, 'global', 'pg_control'));
    const holder = spawn('sleep', ['30']);
    children.push(holder);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: holder.pid, host: hostname(), since: '2026-12-01T09:00:00.000Z' }));
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toContain(`The data folder ${dir} is in use by another Concord process (pid ${holder.pid} on ${hostname()}`);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(refusal(() => prepareDataDir(dir)).message).toContain('is damaged: its control file global/pg_control is missing');
  });

  it('does not presume a lock from another machine stale', () => {
    const dir = copy('other-host');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 999_999, host: 'elsewhere.example', since: '2026-12-01T09:00:00.000Z' }));
    const error = refusal(() => prepareDataDir(dir));
    expect(error.message).toContain(`a Concord process on another machine (pid 999999 on elsewhere.example, since 2026-12-01T09:00:00.000Z)`);
    expect(error.message).toContain(`delete ${join(dir, LOCK_FILE)}`);
  });
});

/** Runs `npm start` as it would be run (main.ts under tsx) with the given data folder and language. */
async function start(dataDir: string, locale: 'en' | 'vi', script = '/dev/null'): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, CONCORD_DATA_DIR: dataDir, DEFAULT_LOCALE: locale, LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  delete env.SLACK_BOT_TOKEN;
  delete env.SLACK_CLIENT_ID;
  delete env.DISCORD_TOKEN;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--script', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, stdout, stderr };
}

describe('npm start', () => {
  it('says what it is doing on the first start only, and leaves the folder unlocked when it ends', async () => {
    const dir = join(root, 'first-start');
    const script = join(root, 'help.txt');
    writeFileSync(script, 'alice: /concord help\n');
    const first = await start(dir, 'vi', script);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(`Đang chuẩn bị cơ sở dữ liệu nhúng trong ${dir} (lần khởi động đầu tiên mất vài giây)…\n`);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const second = await start(dir, 'en', script);
    expect(second.code).toBe(0);
    expect(second.stderr).toBe('');
  }, 120_000);

  it('exits with the translated reason instead of a failed query on a folder it cannot use', async () => {
    const file = join(root, 'start-file');
    writeFileSync(file, 'x');
    const { code, stderr } = await start(file, 'vi');
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      `CONCORD_DATA_DIR trỏ tới ${file}, đây là một tệp chứ không phải thư mục. Hãy dời tệp đó đi, hoặc đặt CONCORD_DATA_DIR thành một thư mục mà Concord có thể lưu cơ sở dữ liệu.`,
    );
  }, 60_000);
});
