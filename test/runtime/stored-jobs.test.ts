// A job read back from the table is checked against its kind before it runs: a row an earlier version stored still runs,
// and one this version cannot run is refused plainly instead of failing again and again.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { coreJobs } from '../../src/core/jobs/index.js';
import { rowsOf } from '../../src/db/client.js';
import { HOUR, useHarness } from '../support/harness.js';

const t = useHarness();

const jobs = async () =>
  rowsOf<{ kind: string; status: string; attempts: number; last_error: string | null }>(await t.database.db.execute(sql`select kind, status, attempts, last_error from jobs order by id`));

async function store(kind: string, payload: unknown): Promise<void> {
  await t.database.db.execute(sql`
    insert into jobs (kind, key, run_at, payload) values (${kind}, ${`stored:${kind}`}, ${t.h.clock.now().toISOString()}::timestamptz, ${JSON.stringify(payload)}::text::jsonb)`);
}

describe('jobs as stored', () => {
  it('reads each kind’s payload into its type, taking an id stored as a numeric string as its number', () => {
    expect(coreJobs.read({ kind: 'commitment.remind', payload: { commitmentId: 3, memberId: '4', offset: '1d' } })).toEqual({
      ok: true,
      job: { kind: 'commitment.remind', payload: { commitmentId: 3, memberId: 4, offset: '1d' } },
    });
    expect(coreJobs.read({ kind: 'group.digest', payload: { groupId: 2, extra: true } })).toEqual({ ok: true, job: { kind: 'group.digest', payload: { groupId: 2 } } });
    expect(coreJobs.read({ kind: 'proposal.close', payload: { proposalId: -1 } }).ok).toBe(false);
    expect(coreJobs.read({ kind: 'proposal.close', payload: null }).ok).toBe(false);
    expect(coreJobs.read({ kind: 'proposal.explode', payload: { proposalId: 1 } })).toEqual({ ok: false, reason: 'unknown job kind proposal.explode' });
  });

  it('runs a close stored with its proposal id as a string', async () => {
    await t.h.run('alice', 'group create "G"');
    await t.h.run('alice', 'propose "P" --rule consent --closes "in 1 hour"');
    await t.database.db.execute(sql`update jobs set payload = jsonb_build_object('proposalId', payload->>'proposalId') where kind = 'proposal.close'`);
    await t.h.advance(2 * HOUR);
    expect((await jobs()).filter((j) => j.kind === 'proposal.close')).toEqual([{ kind: 'proposal.close', status: 'done', attempts: 1, last_error: null }]);
    const closed = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = 'proposal.closed'`));
    expect(closed[0]!.n).toBe(1);
  });

  it('refuses a kind it does not know and a payload of another shape, once each, with the reason kept, and runs the rest', async () => {
    await t.h.run('alice', 'group create "G"');
    await t.h.run('alice', 'propose "P" --rule consent --closes "in 1 hour"');
    await store('proposal.explode', { proposalId: 1 });
    await store('commitment.overdue', { commitment: 1 });
    await t.h.advance(2 * HOUR);
    await t.h.tick();
    const rows = await jobs();
    expect(rows.find((j) => j.kind === 'proposal.explode')).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/unknown job kind proposal\.explode/) });
    expect(rows.find((j) => j.kind === 'commitment.overdue')).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringMatching(/commitment\.overdue.*commitmentId/s) });
    expect(rows.find((j) => j.kind === 'proposal.close')).toMatchObject({ status: 'done' });
  });
});
