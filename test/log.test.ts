// What the log may say: a command's name and numbers, an error's type and place, never what members wrote.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { DiscordMessenger } from '../src/bots/discord/index.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import type { Messenger } from '../src/core/ports.js';
import { renderText } from '../src/bots/console/render.js';
import { createLogger } from '../src/log.js';
import { FakeDiscord, discordClient } from './bots/discord/support.js';
import { useTestDatabase } from './support/db.js';
import { RecordingMessenger } from './support/harness.js';

const SECRET = 'Carol still resents the budget cut — do not tell Bob';
// Members by Discord-shaped ids, so that DMs to them are refused for what they say and not for their address.
const [ALICE, BOB, CAROL, DAN] = ['1100000000000000201', '1100000000000000202', '1100000000000000203', '1100000000000000204'] as const;

const t = useTestDatabase({ fresh: true });
let fake: FakeDiscord;
const client = discordClient();

beforeAll(() => {
  fake = new FakeDiscord();
  fake.listen();
});
afterAll(async () => {
  fake.close();
  await client.destroy();
});
beforeEach(() => {
  fake.reset();
});

/** Concord with a real pino logger whose output the test reads. */
async function start(messenger: Messenger): Promise<{ app: App; log: () => string; run: (member: string, text: string, opts?: { channel?: string; locale?: 'en' | 'vi' }) => Promise<{ ok: boolean; text: string; errorId?: string }> }> {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
  const app = await createApp({ config: loadConfig({ RATE_LIMITS: 'off' }), clock, messengers: { console: messenger }, database: t.database, logger: createLogger('info', sink) });
  const run = async (member: string, text: string, opts: { channel?: string; locale?: 'en' | 'vi' } = {}) => {
    const channel = opts.channel ?? 'budget';
    const reply = await app.core.execute(
      {
        platform: 'console',
        workspace: { externalId: 'test', name: 'Test' },
        actor: { externalId: member, displayName: member, ...(opts.locale ? { locale: opts.locale } : {}) },
        channel: { id: channel, name: channel },
        idempotencyKey: randomUUID(),
      },
      text,
    );
    await app.scheduler.tick();
    return { ok: reply.ok, text: reply.views.map(renderText).join('\n'), ...(reply.errorId ? { errorId: reply.errorId } : {}) };
  };
  await run(ALICE, 'group create "Budget"');
  for (const m of [BOB, CAROL, DAN]) await run(m, 'group join');
  await run(ALICE, `group role @${DAN} mediator`);
  await run(BOB, `mediate @${BOB} @${CAROL} --topic "Outreach"`);
  await run(CAROL, 'mediation accept 1');
  return { app, log: () => lines.join(''), run };
}

describe('the log', () => {
  it('names a failed command and its numbers but never its text', async () => {
    const { app, log, run } = await start(new RecordingMessenger());
    // The notes table is gone: writing a note fails unexpectedly, and the database error carries the note as a parameter.
    await t.database.db.execute(sql`alter table dispute_notes rename to dispute_notes_away`);
    try {
      const en = await run(CAROL, `mediation note 1 "${SECRET}"`, { channel: 'mediation-1' });
      const vi = await run(CAROL, `mediation note 1 "${SECRET}"`, { channel: 'mediation-1', locale: 'vi' });
      expect(en.ok).toBe(false);
      expect(en.text).toBe(`✗ Sorry, something went wrong on our side and nothing was changed. If it happens again, mention error id ${en.errorId}.`);
      expect(vi.text).toContain(vi.errorId);
      const entries = log()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; errorId?: string; command?: unknown; err?: { message: string } });
      const failed = entries.filter((e) => e.msg === 'command failed');
      expect(failed.map((e) => e.errorId)).toEqual([en.errorId, vi.errorId]);
      expect(failed[0]!.command).toEqual({ name: 'mediation.note', dispute: 1 });
      expect(failed[0]!.err?.message).toMatch(/dispute_notes/);
      expect(failed[0]!.err?.message).toMatch(/params: \[withheld\]/);
      expect(log()).not.toContain('resents');
    } finally {
      await t.database.db.execute(sql`alter table dispute_notes_away rename to dispute_notes`);
      await app.close();
    }
  });

  it('never shows a message Discord refused, however often the delivery is retried', async () => {
    fake.on('POST', /^\/channels\/\d+\/messages$/, () => HttpResponse.json({ message: 'Missing Permissions', code: 50013 }, { status: 403 }));
    const { app, log, run } = await start(new DiscordMessenger(client));
    try {
      const sent = await run(DAN, `mediation caucus 1 @${CAROL} "${SECRET}"`);
      expect(sent.ok).toBe(true);
      // Discord was asked to post it, and said no.
      expect(JSON.stringify(fake.calls.filter((c) => c.method === 'POST').map((c) => c.body))).toContain('resents');
      for (let i = 0; i < 3; i++) {
        await t.database.db.execute(sql`update outbox set next_attempt_at = now() - interval '1 minute' where status = 'pending'`);
        await app.scheduler.tick();
      }
      const failures = log()
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { msg: string; err?: { type: string; code?: number; status?: number } })
        .filter((e) => e.msg === 'message delivery failed' && e.err?.status === 403);
      expect(failures.length).toBeGreaterThanOrEqual(2);
      expect(failures[0]!.err).toMatchObject({ code: 50013, status: 403 });
      expect(log()).not.toContain('resents');
    } finally {
      await app.close();
    }
  });
});
