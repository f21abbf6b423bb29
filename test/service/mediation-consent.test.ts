// Asking for mediation: only a group's own members ask, and nothing is announced before every named party agrees.
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

beforeEach(async () => {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  for (const m of ['bob', 'carol', 'dan']) await t.h.run(m, 'group join', { channel: 'budget' });
  await t.h.run('alice', 'group role @dan mediator', { channel: 'budget' });
  await t.h.run('zed', 'group create "Elsewhere"', { channel: 'elsewhere' });
  t.h.messenger.take();
});

const disputes = async () => rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from disputes`))[0]!.n;
const consents = async () =>
  rowsOf<{ member: string; consent: string }>(
    await t.database.db.execute(sql`select m.external_id as member, p.consent from dispute_parties p join members m on m.id = p.member_id order by m.external_id`),
  );
const auditText = async () => JSON.stringify(rowsOf(await t.database.db.execute(sql`select actor_id, action, data from audit_log where action like 'mediation.%' order by seq`)));

describe('who may ask', () => {
  it('refuses someone outside the group, in English and Vietnamese, and records nothing', async () => {
    const refused = await t.h.run('zed', 'mediate @bob @carol --topic "Gossip" --group Budget');
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/Only members of "Budget" can ask for mediation in it\. Join with `\/concord group join "Budget"`/);
    const vi = await t.h.run('zed', 'mediate @zed @carol --topic "Chuyện riêng" --group Budget', { locale: 'vi' });
    expect(vi.text).toMatch(/Chỉ thành viên của "Budget" mới có thể yêu cầu hòa giải trong nhóm đó/);
    expect(await disputes()).toBe(0);
    expect(t.h.messenger.take()).toEqual([]);
  });

  it('refuses someone who belongs to no group at all', async () => {
    const refused = await t.h.run('yan', 'mediate @yan @carol --topic "Anything"');
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/not in any group yet/);
    expect(await disputes()).toBe(0);
  });
});

describe('consent of the named party', () => {
  it('announces nothing and opens no space until the other party agrees', async () => {
    const asked = await t.h.run('bob', 'mediate @bob @carol --topic "Who leads outreach"', { channel: 'budget' });
    expect(asked.ok).toBe(true);
    expect(asked.text).toMatch(/Mediation #1 is requested, with @dan as mediator\. @carol has been asked to agree; nothing is announced/);
    const sent = t.h.messenger.take();
    expect(sent.filter((s) => s.kind !== 'dm')).toEqual([]);
    expect(sent.map((s) => s.to)).toEqual(['carol']);
    const card = sent[0]!.view;
    expect(sent[0]!.text).toMatch(/@bob asks for mediation with you on this topic, with @dan as mediator/);
    expect(card.type === 'card' ? card.actions.map((a) => a.command) : []).toEqual(['mediation accept 1', 'mediation decline 1']);
    expect(await auditText()).not.toMatch(/"parties"|"mediator"/);
    expect(await consents()).toEqual([
      { member: 'bob', consent: 'accepted' },
      { member: 'carol', consent: 'pending' },
    ]);
    // Nothing can happen in the case before it opens.
    expect((await t.h.run('bob', 'mediation note 1 "Early"')).text).toMatch(/has not started: it is waiting for every party to agree/);
    expect((await t.h.run('dan', 'mediation close 1 resolved')).ok).toBe(false);
    expect(t.h.messenger.take()).toEqual([]);

    const agreed = await t.h.run('carol', 'mediation accept 1');
    expect(agreed.text).toMatch(/every party has: mediation #1 is open with @dan as mediator/);
    const opened = t.h.messenger.take();
    expect(opened.find((s) => s.kind === 'post' && s.to === 'budget')?.text).toMatch(/A mediation has been opened \(#1\)[\s\S]*@bob, @carol/);
    expect(opened.find((s) => s.kind === 'private')?.text.split(',').sort()).toEqual(['bob', 'carol', 'dan']);
    expect(await consents()).toEqual([
      { member: 'bob', consent: 'accepted' },
      { member: 'carol', consent: 'accepted' },
    ]);
    expect((await t.h.run('carol', 'mediation accept 1', { channel: 'mediation-1' })).ok).toBe(false);
  });

  it('asks in the party\'s own language', async () => {
    await t.h.run('carol', 'settings locale vi');
    await t.h.run('bob', 'mediate @bob @carol --topic "Ai phụ trách truyền thông"', { channel: 'budget' });
    const dm = t.h.messenger.take().find((s) => s.kind === 'dm' && s.to === 'carol');
    expect(dm?.text).toMatch(/Bạn được mời tham gia hòa giải #1/);
    expect(dm?.text).toMatch(/@bob đề nghị hòa giải với bạn về chủ đề này, với @dan làm hòa giải viên/);
    expect((await t.h.run('carol', 'mediation accept 1')).text).toMatch(/Bạn đã đồng ý, và tất cả các bên cũng vậy: hòa giải #1 bắt đầu/);
  });

  it('a decline ends the request privately: only the requester hears', async () => {
    await t.h.run('bob', 'mediate @bob @carol --topic "Who leads outreach"', { channel: 'budget' });
    t.h.messenger.take();
    const declined = await t.h.run('carol', 'mediation decline 1 "I would rather talk to Bob directly"');
    expect(declined.text).toMatch(/You declined mediation #1\. It will not go ahead and nothing was announced/);
    const sent = t.h.messenger.take();
    expect(sent.map((s) => `${s.kind}:${s.to}`)).toEqual(['dm:bob']);
    expect(sent[0]!.text).toMatch(/Mediation #1 will not go ahead: @carol declined, saying: I would rather talk to Bob directly/);
    expect(await consents()).toContainEqual({ member: 'carol', consent: 'declined' });
    expect((await t.h.run('bob', 'mediation 1')).text).toMatch(/declined by a party/);
    expect((await t.h.run('carol', 'mediation accept 1')).text).toMatch(/did not go ahead/);
    expect((await t.h.run('bob', 'mediation 1', { locale: 'vi' })).text).toMatch(/bị một bên từ chối/);
  });

  it('a mediator opening a case for others needs every party to agree', async () => {
    const asked = await t.h.run('dan', 'mediate @bob @carol --topic "Budget lines"', { channel: 'budget' });
    expect(asked.text).toMatch(/@bob, @carol have been asked to agree/);
    t.h.messenger.take();
    expect((await t.h.run('bob', 'mediation accept 1')).text).toMatch(/It opens once the other parties agree/);
    expect((await t.h.run('bob', 'mediation accept 1')).text).toMatch(/You have already agreed to mediation #1/);
    expect(t.h.messenger.take()).toEqual([]);
    await t.h.run('carol', 'mediation accept 1');
    expect(t.h.messenger.take().some((s) => s.kind === 'post' && s.to === 'budget')).toBe(true);
  });
});
