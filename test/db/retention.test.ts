// Retention: a mediation's private texts leave every table they were copied to, and delivered messages and stored replies go after a short while.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { rowsOf } from '../../src/db/client.js';
import { sweep } from '../../src/runtime/retention.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, DAY, HOUR, type Harness } from '../support/harness.js';

let database: TestDatabase;
let h: Harness;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

/** Every row of every table that can hold a copy of what members wrote, as text. */
async function everything(): Promise<string> {
  const tables = ['disputes', 'dispute_notes', 'dispute_agreements', 'outbox', 'processed_commands', 'jobs', 'audit_log'];
  const dumps = await Promise.all(tables.map(async (table) => rowsOf<{ row: string }>(await database.db.execute(sql.raw(`select t::text as row from ${table} t`))).map((r) => r.row)));
  return dumps.flat().join('\n');
}

const count = async (query: string) => rowsOf<{ n: number }>(await database.db.execute(sql.raw(query)))[0]!.n;

describe('a closed mediation after its retention period', () => {
  beforeEach(async () => {
    await database.reset();
    h = await createHarness(database);
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    for (const m of ['bob', 'carol', 'dan']) await h.run(m, 'group join', { channel: 'budget' });
    await h.run('alice', 'group role @dan mediator', { channel: 'budget' });
  });

  it('leaves no copy of the topic, the notes, the caucus, the agreement or a decline reason anywhere, and keeps the public record', async () => {
    const inSpace = (member: string, text: string, locale?: 'en' | 'vi') => h.run(member, text, { channel: 'mediation-1', ...(locale ? { locale } : {}) });
    await h.run('bob', 'mediate @bob @carol --topic "Outreach lead TOPIC-SECRET"', { channel: 'budget' });
    await h.run('carol', 'mediation accept 1', { channel: 'budget' });
    await inSpace('carol', 'mediation note "NOTE-SECRET about the budget"');
    await inSpace('dan', 'mediation caucus @carol "CAUCUS-SECRET question"');
    await inSpace('dan', 'mediation propose-agreement "TERMS-SECRET: Bob leads until March"');
    await inSpace('carol', 'mediation decline "REASON-SECRET not fair"');
    await inSpace('dan', 'mediation propose-agreement "TERMS2-SECRET: shared leadership"');
    // Replies that quote the case, stored for idempotency.
    expect((await inSpace('bob', 'mediation 1')).text).toContain('TOPIC-SECRET');
    expect((await h.run('bob', 'mediations')).text).toContain('TOPIC-SECRET');
    await inSpace('dan', 'mediation close resolved --summary "Shared leadership agreed"');
    const before = await everything();
    for (const secret of ['TOPIC-SECRET', 'NOTE-SECRET', 'CAUCUS-SECRET', 'TERMS-SECRET', 'TERMS2-SECRET', 'REASON-SECRET']) expect(before).toContain(secret);

    await h.advance(91 * DAY);

    const after = await everything();
    expect(after).not.toMatch(/TOPIC-SECRET|NOTE-SECRET|CAUCUS-SECRET|TERMS-SECRET|TERMS2-SECRET|REASON-SECRET/);
    expect(await count(`select count(*)::int as n from dispute_notes`)).toBe(0);
    expect(await count(`select count(*)::int as n from dispute_agreements`)).toBe(0);
    // What the parties chose to share stays: the outcome and the summary.
    expect(after).toContain('Shared leadership agreed');
    expect(await count(`select count(*)::int as n from disputes where outcome = 'resolved'`)).toBe(1);
    const deleted = rowsOf<{ data: Record<string, number> }>(await database.db.execute(sql`select data from audit_log where action = 'mediation.notes-deleted'`));
    expect(deleted[0]!.data.notes).toBe(1);
    expect(deleted[0]!.data.agreements).toBe(2);
    expect(deleted[0]!.data.messages).toBeGreaterThan(0);
    expect(deleted[0]!.data.replies).toBeGreaterThanOrEqual(2);

    expect((await inSpace('bob', 'mediation 1')).text).toContain('(topic deleted after the retention period)');
    expect((await inSpace('bob', 'mediation 1', 'vi')).text).toContain('(chủ đề đã bị xoá sau thời hạn lưu giữ)');
  });
});

describe('delivered messages and stored replies', () => {
  beforeEach(async () => {
    await database.reset();
    h = await createHarness(database, undefined, { OUTBOX_RETENTION_HOURS: '2', REPLY_RETENTION_HOURS: '1' });
    await h.app.startHousekeeping();
  });

  it('are deleted after their own retention by the scheduler, while a repeated request still gets its first reply until then', async () => {
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    const first = await h.run('alice', 'propose "Adopt the budget" --rule consent --closes "in 30 days"', { channel: 'budget', key: 'req-1' });
    expect(first.ok).toBe(true);
    // A message still owed is never swept, however old.
    await database.db.execute(sql`
      insert into outbox (workspace_id, kind, target, view, next_attempt_at, created_at)
      select id, 'post', '{"kind":"post","channelId":"later"}', '{"type":"text","text":"owed"}', now() + interval '30 days', '2026-11-01T00:00:00Z' from workspaces`);
    expect(await count(`select count(*)::int as n from outbox where status = 'sent'`)).toBeGreaterThan(0);

    await h.advance(30 * 60_000);
    const again = await h.run('alice', 'propose "Adopt the budget" --rule consent --closes "in 30 days"', { channel: 'budget', key: 'req-1' });
    expect(again.replayed).toBe(true);
    expect(again.text).toBe(first.text);

    // The sweep runs hourly: what passed its retention goes within the hour after.
    await h.advance(2 * HOUR);
    expect(await count(`select count(*)::int as n from processed_commands`)).toBe(0);
    expect(await count(`select count(*)::int as n from outbox where status = 'sent'`)).toBeGreaterThan(0);

    await h.advance(2 * HOUR);
    expect(await count(`select count(*)::int as n from outbox where status = 'sent'`)).toBe(0);
    expect(await count(`select count(*)::int as n from outbox where status = 'pending'`)).toBe(1);
    // The sweep keeps itself booked.
    expect(await count(`select count(*)::int as n from jobs where kind = 'data.sweep' and status = 'pending'`)).toBe(1);
  });

  it('have sensible defaults and refuse a retention that is not a whole number of hours', () => {
    const config = loadConfig({});
    expect(config.OUTBOX_RETENTION_HOURS).toBe(72);
    expect(config.REPLY_RETENTION_HOURS).toBe(24);
    expect(() => loadConfig({ REPLY_RETENTION_HOURS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ OUTBOX_RETENTION_HOURS: 'a week' })).toThrow(/OUTBOX_RETENTION_HOURS/);
  });
});

describe('handled platform requests', () => {
  it('are deleted an hour after they came in; requests still being handled stay', async () => {
    await database.reset();
    const insert = (key: string, status: string, agoMs: number) =>
      database.db.execute(sql`
        insert into intake (source, request_key, member_key, payload, status, received_at)
        values ('slack', ${key}, 'T:U', '{"text":"vote 1 yes"}'::jsonb, ${status}, now() - make_interval(secs => ${agoMs / 1000}::float8))`);
    await insert('old-done', 'done', 2 * HOUR);
    await insert('old-failed', 'failed', 2 * HOUR);
    await insert('old-running', 'running', 2 * HOUR);
    await insert('recent-done', 'done', HOUR / 2);
    const swept = await sweep(database.db, new Date(), { outboxHours: 72, replyHours: 24 });
    expect(swept.requests).toBe(2);
    const left = rowsOf<{ request_key: string }>(await database.db.execute(sql`select request_key from intake order by request_key`));
    expect(left.map((r) => r.request_key)).toEqual(['old-running', 'recent-done']);
  });
});

describe('a purge that fails', () => {
  beforeEach(async () => {
    await database.reset();
    h = await createHarness(database);
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    for (const m of ['bob', 'carol', 'dan']) await h.run(m, 'group join', { channel: 'budget' });
    await h.run('alice', 'group role @dan mediator', { channel: 'budget' });
  });

  it('keeps no copy of the texts it was deleting in the job’s recorded error', async () => {
    await h.run('bob', 'mediate @bob @carol --topic "Outreach"', { channel: 'budget' });
    await h.run('carol', 'mediation accept 1', { channel: 'budget' });
    await h.run('carol', 'mediation note "NOTE-SECRET about the budget"', { channel: 'mediation-1' });
    await h.run('dan', 'mediation close resolved', { channel: 'mediation-1' });
    // The purge's last statement fails: its parameters hold the texts it was looking for.
    await database.db.execute(sql`alter table processed_commands rename to processed_commands_away`);
    try {
      await h.advance(91 * DAY);
      const [job] = rowsOf<{ last_error: string | null; status: string }>(await database.db.execute(sql`select last_error, status from jobs where kind = 'dispute.purge'`));
      expect(job!.last_error).toMatch(/processed_commands/);
      expect(job!.last_error).toContain('params: [withheld]');
      expect(job!.last_error).not.toContain('NOTE-SECRET');
      // Rolled back as a whole: the note is still there for the next attempt.
      expect(await count(`select count(*)::int as n from dispute_notes`)).toBe(1);
    } finally {
      await database.db.execute(sql`alter table processed_commands_away rename to processed_commands`);
    }
  });
});
