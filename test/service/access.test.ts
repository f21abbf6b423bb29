// Who may change what: workspace settings for platform admins, groups for their conveners.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';

let database: TestDatabase;
let h: Harness;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.reset();
  h = await createHarness(database);
});

describe('workspace settings', () => {
  it('are refused to a member who made themselves convener of a group of their own', async () => {
    expect((await h.run('mallory', 'group create "Mine"', { channel: 'mine' })).ok).toBe(true);
    for (const line of ['settings locale vi --workspace', 'settings timezone Asia/Tokyo --workspace', 'settings reminder 1', 'settings reminders "1h"', 'settings quiet-hours 0 23', 'settings group-creation anyone']) {
      const refused = await h.run('mallory', line);
      expect([line, refused.ok]).toEqual([line, false]);
      expect(refused.text).toMatch(/Only a workspace admin can change settings for the whole workspace/);
    }
    const vi = await h.run('mallory', 'settings timezone Asia/Tokyo --workspace', { locale: 'vi' });
    expect(vi.text).toMatch(/Chỉ quản trị viên không gian làm việc mới đổi được cài đặt chung/);
    const settings = await h.run('mallory', 'settings');
    expect(settings.text).toMatch(/Workspace time zone: UTC/);
    expect(settings.text).not.toMatch(/Asia\/Tokyo/);
  });

  it('are changed by a platform admin who convenes no group', async () => {
    expect((await h.run('ada', 'settings timezone Asia/Ho_Chi_Minh --workspace', { admin: true })).ok).toBe(true);
    expect((await h.run('ada', 'settings quiet-hours 22 7', { admin: true })).ok).toBe(true);
    const settings = await h.run('bob', 'settings');
    expect(settings.text).toMatch(/Workspace time zone: Asia\/Ho_Chi_Minh/);
    expect(settings.text).toMatch(/22:00–7:00/);
  });

  it('leave group settings to the group\'s conveners', async () => {
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('bob', 'group join', { channel: 'budget' });
    expect((await h.run('alice', 'settings reminders "1d" --group Budget')).ok).toBe(true);
    const bob = await h.run('bob', 'settings reminders "1h" --group Budget');
    expect(bob.ok).toBe(false);
    expect(bob.text).toMatch(/Only a convener of "Budget"/);
  });
});

describe('group creation', () => {
  it('can be kept to admins, in English and Vietnamese, and opened again', async () => {
    const set = await h.run('ada', 'settings group-creation admins', { admin: true });
    expect(set.text).toMatch(/Only workspace admins can create groups from now on/);
    const refused = await h.run('mallory', 'group create "Mine"', { channel: 'mine' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/only workspace admins can create groups/);
    const refusedVi = await h.run('mallory', 'group create "Mine"', { channel: 'mine', locale: 'vi' });
    expect(refusedVi.text).toMatch(/chỉ quản trị viên mới tạo được nhóm/);
    expect((await h.run('mallory', 'group list')).text).not.toMatch(/Mine/);
    expect((await h.run('ada', 'settings')).text).toMatch(/Who may create groups: workspace admins only/);
    expect((await h.run('ada', 'group create "Budget"', { channel: 'budget', admin: true })).ok).toBe(true);

    const vi = await h.run('ada', 'settings group-creation anyone', { admin: true, locale: 'vi' });
    expect(vi.text).toMatch(/Từ giờ mọi thành viên đều tạo được nhóm/);
    expect((await h.run('mallory', 'group create "Mine"', { channel: 'mine' })).ok).toBe(true);
  });

  it('explains the choices when the policy is misspelt', async () => {
    const wrong = await h.run('ada', 'settings group-creation nobody', { admin: true });
    expect(wrong.ok).toBe(false);
    expect(wrong.text).toMatch(/anyone/);
    expect(wrong.text).toMatch(/admins/);
  });
});

describe('guest accounts', () => {
  it('watch unless a convener adds them: they cannot join or create a group, or vote by themselves', async () => {
    await h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await h.run('bob', 'group join', { channel: 'budget' });
    const joined = await h.run('gina', 'group join', { channel: 'budget', guest: true });
    expect(joined.ok).toBe(false);
    expect(joined.text).toMatch(/Guest accounts take part in "Budget" only when a convener adds them/);
    const joinedVi = await h.run('gina', 'group join "Budget"', { guest: true, locale: 'vi' });
    expect(joinedVi.text).toMatch(/Tài khoản khách chỉ tham gia "Budget" khi được điều phối viên thêm vào/);
    const created = await h.run('gina', 'group create "Shadow"', { channel: 'shadow', guest: true });
    expect(created.text).toMatch(/Guest accounts cannot create groups/);
    expect((await h.run('gina', 'group create "Shadow"', { channel: 'shadow', guest: true, locale: 'vi' })).text).toMatch(/Tài khoản khách không tạo được nhóm/);

    await h.run('alice', 'propose "Buy chairs" --rule consent', { channel: 'budget' });
    expect((await h.run('gina', 'vote 1 consent', { guest: true })).ok).toBe(false);
    expect((await h.run('alice', 'group info "Budget"')).text).not.toMatch(/gina/);

    // A convener decides: once added, the guest takes part like any member.
    expect((await h.run('alice', 'group add @gina --group "Budget"')).ok).toBe(true);
    await h.run('alice', 'propose "Buy tables" --rule consent', { channel: 'budget' });
    expect((await h.run('gina', 'vote 2 consent', { guest: true })).ok).toBe(true);
  });
});
