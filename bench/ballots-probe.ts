import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { ManualClock } from '../src/core/clock.js';
import { openDatabase } from '../src/db/client.js';
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
await admin.unsafe('drop database if exists concord_probe with (force)');
await admin.unsafe('create database concord_probe');
await admin.end();
const database = await openDatabase({ url: 'postgres://postgres@127.0.0.1:5432/concord_probe', poolSize: 32 });
const clock = new ManualClock(new Date('2026-12-01T09:00:00Z'));
const app = await createApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), clock, messengers: {}, database });
const ctx = (m: string) => ({ platform: 'console', workspace: { externalId: 'w', name: 'w' }, actor: { externalId: m, displayName: m }, channel: { id: 'c' }, idempotencyKey: randomUUID() });
const N = 2000;
await app.core.execute(ctx('alice'), 'group create G');
for (let i = 0; i < N; i += 200) await app.core.execute(ctx('alice'), `group add ${Array.from({ length: 200 }, (_, j) => `@m${i + j}`).join(' ')}`);
await app.core.execute(ctx('alice'), 'propose "P" --rule majority');
for (const c of [1, 8]) {
  let next = c === 1 ? 0 : 1000;
  const end = c === 1 ? 1000 : 2000;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: c }, async () => { while (next < end) { const i = next++; const r = await app.core.execute(ctx(`m${i}`), 'vote 1 yes'); if (!r.ok) throw new Error(JSON.stringify(r)); } }));
  const dt = performance.now() - t0;
  console.log(`c=${c}: ${(1000 / (dt / 1000)).toFixed(0)} ballots/s`);
}
await database.close();
