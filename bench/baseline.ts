// The floor to compare the service against: the same ballot upsert plus count, written by hand with postgres.js.
import postgres from 'postgres';
import { CpuMeter, log, summarise, timeMs, type Summary } from './support.js';

export async function measureRawBaseline(url: string, opts: { concurrency: number; runs: number; ballots: number }): Promise<{ summary: Summary; other: number | null }> {
  const sql = postgres(url, { max: opts.concurrency, onnotice: () => {} });
  try {
    // Shaped like `ballots`, without the foreign keys, in its own table so it never touches the app's data.
    await sql`
      create table if not exists raw_ballots (
        proposal_id integer not null,
        member_id integer not null,
        value jsonb not null,
        reason text,
        cast_at timestamptz not null,
        updated_at timestamptz not null,
        primary key (proposal_id, member_id)
      )`;
    const value = { kind: 'choice', choice: 'yes' };
    const at = new Date();
    const castAll = async (proposalId: number, ballots: number) => {
      let next = 1;
      const worker = async () => {
        while (next <= ballots) {
          const memberId = next++;
          await sql.begin(async (tx) => {
            await tx`
              insert into raw_ballots (proposal_id, member_id, value, reason, cast_at, updated_at)
              values (${proposalId}, ${memberId}, ${tx.json(value)}, null, ${at}, ${at})
              on conflict (proposal_id, member_id) do update set value = excluded.value, reason = excluded.reason, updated_at = excluded.updated_at`;
            await tx`select count(*)::int as n from raw_ballots where proposal_id = ${proposalId}`;
          });
        }
      };
      return timeMs(() => Promise.all(Array.from({ length: opts.concurrency }, worker)));
    };
    await castAll(0, Math.min(200, opts.ballots));
    // Started and read while the pool's connections are open: the CPU of ended backends cannot be read.
    const meter = new CpuMeter();
    const samples: number[] = [];
    for (let i = 1; i <= opts.runs; i++) {
      const rate = (opts.ballots / (await castAll(i, opts.ballots))) * 1000;
      log(`  raw postgres.js c=${opts.concurrency} run ${i}: ${rate.toFixed(0)} tx/s`);
      samples.push(rate);
    }
    return { summary: summarise(samples), other: meter.otherShare() };
  } finally {
    await sql`drop table if exists raw_ballots`.catch(() => {});
    await sql.end();
  }
}
