// The console adapter: who says what where, labels on every message, and the simulated clock.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ConsoleMessenger, ConsoleSession } from '../../src/bots/console/console.js';
import { ConsoleLanguage } from '../../src/bots/console/messages.js';
import { loadConfig } from '../../src/config.js';
import { ManualClock } from '../../src/core/clock.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { silentLogger } from '../support/harness.js';

let database: TestDatabase;
let app: App;
let session: ConsoleSession;
let clock: ManualClock;
let output: string[];

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  output = [];
  const out = (text: string) => output.push(text);
  clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  const language = new ConsoleLanguage();
  app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock, messengers: { console: new ConsoleMessenger(out, language) }, database, logger: silentLogger });
  session = new ConsoleSession({ core: app.core, clock, tick: () => app.scheduler.tick(), nextDueAt: () => app.jobs.nextDueAt(), out, language });
});

const said = () => output.join('\n');

describe('console session', () => {
  it('labels ephemeral replies, channel posts and DMs', async () => {
    await session.handle('alice in #budget: /concord group create "Budget"');
    await session.handle('bob in #budget: group join');
    await session.handle('alice in #budget: /concord propose "Adopt" --rule consent --closes "in 2 days"');
    expect(said()).toContain('[only @alice]\n✓ Created');
    expect(said()).toContain('[only @bob]\n✓ You joined "Budget"');
    expect(said()).toMatch(/\[#budget\]\n== Proposal #1: Adopt ==/);
    output = [];
    await session.handle('@advance 1d1h');
    expect(said()).toMatch(/\[DM @alice\]\n== Reminder: proposal #1/);
    expect(said()).toMatch(/\[DM @bob\]\n== Reminder: proposal #1/);
    expect(said()).toMatch(/clock: 2026-12-02T10:00:00.000Z/);
  });

  it('runs jobs in the order they fall due while the clock advances past them', async () => {
    await session.handle('alice: group create "G"');
    await session.handle('alice: propose "Early" --rule consent --closes "in 1 day"');
    await session.handle('alice: propose "Late" --rule consent --closes "in 3 days"');
    output = [];
    await session.handle('@advance 4d');
    const text = said();
    expect(text.indexOf('Result of proposal #1')).toBeGreaterThan(-1);
    expect(text.indexOf('Result of proposal #1')).toBeLessThan(text.indexOf('Result of proposal #2'));
  });

  it('makes its first member the workspace admin, and nobody else, unless admins are configured', async () => {
    await session.handle('alice: /concord settings timezone Asia/Ho_Chi_Minh --workspace');
    expect(said()).toMatch(/The workspace time zone is now Asia\/Ho_Chi_Minh/);
    output = [];
    await session.handle('bob: /concord settings timezone UTC --workspace');
    expect(said()).toMatch(/Only a workspace admin can change settings for the whole workspace/);

    const out = (text: string) => output.push(text);
    const configured = new ConsoleSession({ core: app.core, clock, tick: () => app.scheduler.tick(), nextDueAt: () => app.jobs.nextDueAt(), out, admins: loadConfig({ CONSOLE_ADMINS: '@Bob, carol' }).CONSOLE_ADMINS });
    output = [];
    await configured.handle('alice: /concord settings reminder 2');
    expect(said()).toMatch(/Only a workspace admin/);
    output = [];
    await configured.handle('bob: /concord settings reminder 2');
    expect(said()).toMatch(/reminded 2 hours before a deadline/);
  });

  it('explains the line format and bad durations instead of failing', async () => {
    await session.handle('this is not a command line');
    expect(said()).toMatch(/Write a line as `name: \/concord <command>`/);
    output = [];
    await session.handle('@advance soon');
    expect(said()).toMatch(/not a duration/);
    expect(clock.now().toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it('speaks the language of the member being played, its own labels and prompts included', async () => {
    await session.handle('an in #budget: /concord settings locale vi');
    expect(said()).toContain('[chỉ @an thấy]');
    await session.handle('an in #budget: /concord group create "Ngân sách"');
    await session.handle('an in #budget: /concord propose "Thông qua" --rule consent --closes "in 2 days"');
    output = [];
    await session.handle('đây không phải một dòng lệnh');
    expect(said()).toContain('Hãy viết mỗi dòng theo dạng `tên: /concord <lệnh>`');
    output = [];
    await session.handle('@advance 1d1h');
    expect(said()).toMatch(/\[tin nhắn riêng cho @an\]\n/);
    expect(said()).toContain('đồng hồ: 2026-12-02T10:00:00.000Z');
    // Another member, in English: the console follows.
    await session.handle('alice: /concord help');
    output = [];
    await session.handle('@advance soon');
    expect(said()).toMatch(/is not a duration/);
  });

  it('names its workspace in the language it starts in', async () => {
    await session.handle('alice: /concord settings reminders "1d"');
    expect(said()).toContain('Commitment reminders for Local console: 1 day before the due time.');

    await database.reset();
    output = [];
    const out = (text: string) => output.push(text);
    const language = new ConsoleLanguage('vi');
    app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent', DEFAULT_LOCALE: 'vi' }), clock, messengers: { console: new ConsoleMessenger(out, language) }, database, logger: silentLogger });
    const vietnamese = new ConsoleSession({ core: app.core, clock, tick: () => app.scheduler.tick(), nextDueAt: () => app.jobs.nextDueAt(), out, language });
    await vietnamese.handle('an: /concord settings reminders "1d"');
    expect(said()).toContain('Lời nhắc cam kết cho Bảng điều khiển trên máy:');
    expect(said()).not.toContain('Local console');
  });

  it('skips blank lines and comments, and stops at @quit', async () => {
    expect(await session.handle('')).toBe(true);
    expect(await session.handle('# a comment')).toBe(true);
    expect(await session.handle('@quit')).toBe(false);
    expect(output).toEqual([]);
  });
});

describe('the stakeholder map in the console', () => {
  it('prints the text grid and the path of the picture it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-map-'));
    try {
      const out = (text: string) => output.push(text);
      const mapped = new ConsoleSession({ core: app.core, clock, tick: () => app.scheduler.tick(), nextDueAt: () => app.jobs.nextDueAt(), out, chartDir: dir });
      await mapped.handle('alice: stakeholder add "City Council" --kind organisation --sector government');
      await mapped.handle('alice: stakeholder add "Riverside Residents" --kind community --sector community');
      await mapped.handle('alice: stakeholder rate S-1 --power 5 --interest 4');
      output = [];
      await mapped.handle('alice: /concord stakeholders --map');
      expect(said()).toContain('[only @alice]\nPower/interest map\n▲ Power');
      expect(said()).toMatch(/│ S-1 City Council +│/);
      expect(said()).toContain('Not yet rated for power and interest: S-2 Riverside Residents.');
      const path = /^Picture: (.+\.png)$/m.exec(said())?.[1];
      expect(path?.startsWith(dir)).toBe(true);
      const png = readFileSync(path!);
      expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

      output = [];
      await mapped.handle('lan: /concord settings locale vi');
      await mapped.handle('lan: /concord stakeholders --map');
      expect(said()).toContain('Bản đồ quyền lực/quan tâm');
      expect(said()).toMatch(/^Hình ảnh: .+\.png$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
