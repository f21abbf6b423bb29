// Fair use: a member or a workspace that floods Concord is told to slow down, in their language, and others are not held back.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/bots/console/render.js';
import { RateLimiter } from '../../src/core/limits.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

async function slack(team: string, member: string, text: string, locale?: 'en' | 'vi', channel = 'C1') {
  const reply = await t.h.app.core.execute(
    {
      platform: 'slack',
      workspace: { externalId: team, name: team },
      actor: { externalId: member, displayName: member, ...(locale ? { locale } : {}) },
      channel: { id: channel, name: channel.toLowerCase() },
      idempotencyKey: randomUUID(),
    },
    text,
  );
  return { ...reply, text: reply.views.map(renderText).join('\n') };
}

describe('rate limits', () => {
  it('tells a member who floods Concord to slow down, changing nothing, while their teammates and other teams carry on', async () => {
    // The bucket refills in real time, so a slow machine may let a few more through: count, don't assume.
    let i = 0;
    const create = (n: number) => slack('T1', 'U1', `group create "Flood ${n}"`, undefined, `C${n}`);
    let reply = await create(i);
    while (reply.ok && i < 100) reply = await create(++i);
    expect(i).toBeGreaterThanOrEqual(20);
    expect(reply.ok).toBe(false);
    expect(reply.text).toMatch(/faster than Concord takes them.*Nothing was changed: try again in \d seconds?\./);
    const groups = (await slack('T1', 'U2', 'group list')).text;
    expect(groups).toContain(`Flood ${i - 1} (`);
    expect(groups).not.toContain(`Flood ${i} (`);
    expect((await slack('T2', 'U1', 'group list')).ok).toBe(true);
  });

  it('answers in the language of the member’s last reply', async () => {
    await slack('T1', 'U1', 'settings locale vi');
    let last = await slack('T1', 'U1', 'group list');
    for (let i = 0; last.ok && i < 100; i++) last = await slack('T1', 'U1', 'group list');
    expect(last.ok).toBe(false);
    expect(last.text).toMatch(/Bạn đang gửi lệnh nhanh hơn.*thử lại sau \d giây/);
  });

  it('never limits the console', async () => {
    for (let i = 0; i < 40; i++) expect((await t.h.exec('alice', 'group list')).ok).toBe(true);
  });
});

describe('RateLimiter', () => {
  const limits = { member: { burst: 3, perSecond: 1 }, workspace: { burst: 5, perSecond: 1 } };

  it('refills with time and takes from both buckets or neither', () => {
    let now = 0;
    const limiter = new RateLimiter(limits, () => now);
    const one = { member: 1, workspace: 1 };
    expect([1, 2, 3].map(() => limiter.take('a', 'w', one))).toEqual([0, 0, 0]);
    expect(limiter.take('a', 'w', one)).toBe(1);
    // Another member of the same workspace draws on the workspace's 2 tokens left, not on a's refusal.
    expect(limiter.take('b', 'w', one)).toBe(0);
    expect(limiter.take('b', 'w', one)).toBe(0);
    expect(limiter.take('b', 'w', one)).toBe(1);
    now = 1_000;
    expect(limiter.take('a', 'w', one)).toBe(0);
  });

  it('lets votes through a drained workspace bucket while the member still has tokens', () => {
    const limiter = new RateLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.take(`m${i}`, 'w', { member: 1, workspace: 1 });
    expect(limiter.take('x', 'w', { member: 1, workspace: 1 })).toBeGreaterThan(0);
    expect(limiter.take('x', 'w', { member: 1, workspace: 0 })).toBe(0);
  });
});
