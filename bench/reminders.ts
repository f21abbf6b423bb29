// Reminder sweep: with N commitments of which 1% have a reminder due, the time to find, claim and
// hand every due reminder to the outbox (the platform delivery that follows is not measured).
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { BenchDatabase, log, openApp, START, scalar, seedGroup, summarise, timeMs, type Summary } from './support.js';

export interface SweepResult {
  commitments: number;
  due: number;
  sweep: Summary;
  perSecond: number;
}

/**
 * Commitments, owners and their pending reminder jobs in bulk SQL; 1% of the jobs are due at START, spread
 * over the hour before it (60 distinct due times, as after an hour's backlog).
 */
export async function seedCommitments(database: Database, workspaceId: number, groupId: number, total: number): Promise<void> {
  const created = new Date(START.getTime() - 86_400_000).toISOString();
  const step = 200_000;
  for (let from = 1; from <= total; from += step) {
    const to = Math.min(total, from + step - 1);
    await database.db.execute(sql`
      insert into commitments (workspace_id, number, group_id, what, due_at, status, created_by, created_at, channel_id)
      select ${workspaceId}, g, ${groupId}, 'Task ' || g,
        ${START.toISOString()}::timestamptz + case when g % 100 = 0 then interval '1 day' - ((g / 100) % 60) * interval '1 minute' else interval '30 days' end,
        'open', 1, ${created}::timestamptz, 'bench'
      from generate_series(${from}::int, ${to}::int) g`);
  }
  await database.db.execute(sql`
    insert into commitment_owners (commitment_id, member_id)
    select c.id, m.id from commitments c
    join members m on m.workspace_id = c.workspace_id and m.external_id = 'owner' || lpad(((c.number % 1000) + 1)::text, 5, '0')`);
  // One reminder per commitment: due now for 1 in 100, in three weeks for the rest.
  await database.db.execute(sql`
    insert into jobs (kind, key, run_at, payload)
    select 'commitment.remind', 'commitment:' || c.id || ':remind:1d:' || o.member_id,
      c.due_at - interval '1 day', jsonb_build_object('commitmentId', c.id, 'memberId', o.member_id, 'offset', '1d')
    from commitments c join commitment_owners o on o.commitment_id = c.id`);
  await database.db.execute(sql`analyze`);
}

export async function benchReminderSweep(adminUrl: string, total: number, runs: number): Promise<SweepResult> {
  const samples: number[] = [];
  let due = 0;
  for (let run = 0; run < runs; run++) {
    const bench = await BenchDatabase.create(adminUrl, 'sweep');
    const { app, database, close } = await openApp('postgres', { url: bench.url, poolSize: 4 });
    try {
      const { workspaceId, groupId } = await seedGroup(app, database, { workspace: 'sweep', channel: 'bench', group: 'Sweep', convener: 'chair', prefix: 'owner', count: 1000 });
      await seedCommitments(database, workspaceId, groupId, total);
      due = Number(await scalar(database, sql`select count(*)::int from jobs where kind = 'commitment.remind' and run_at <= ${START.toISOString()}::timestamptz`));
      samples.push(await timeMs(() => app.jobs.runDue()));
      const handed = Number(await scalar(database, sql`select count(*)::int from outbox where kind = 'dm'`));
      if (handed !== due) throw new Error(`expected ${due} reminders in the outbox, found ${handed}`);
      log(`  reminder sweep ${total.toLocaleString('en')}: ${samples.at(-1)!.toFixed(0)} ms for ${due} due`);
    } finally {
      await close();
      await bench.drop();
    }
  }
  const sweep = summarise(samples);
  return { commitments: total, due, sweep, perSecond: due / (sweep.median / 1000) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const total = Number(process.argv[2] ?? 100_000);
  const result = await benchReminderSweep(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', total, 1);
  log(JSON.stringify(result));
}
