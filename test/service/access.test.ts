// Who may change what: workspace settings for platform admins, groups for their conveners.
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/harness.js';

const t = useHarness();

describe('workspace settings', () => {
  it('are refused to a member who made themselves convener of a group of their own', async () => {
    expect((await t.h.run('mallory', 'group create "Mine"', { channel: 'mine' })).ok).toBe(true);
    for (const line of ['settings locale vi --workspace', 'settings timezone Asia/Tokyo --workspace', 'settings reminder 1', 'settings reminders "1h"', 'settings quiet-hours 0 23', 'settings group-creation anyone']) {
      const refused = await t.h.run('mallory', line);
      expect([line, refused.ok]).toEqual([line, false]);
      expect(refused.text).toMatch(/Only a workspace admin can change settings for the whole workspace/);
    }
    const vi = await t.h.run('mallory', 'settings timezone Asia/Tokyo --workspace', { locale: 'vi' });
    expect(vi.text).toMatch(/Chỉ quản trị viên không gian làm việc mới đổi được cài đặt chung/);
    const settings = await t.h.run('mallory', 'settings');
    expect(settings.text).toMatch(/Workspace time zone: UTC/);
    expect(settings.text).not.toMatch(/Asia\/Tokyo/);
  });

  it('are changed by a platform admin who convenes no group', async () => {
    expect((await t.h.run('ada', 'settings timezone Asia/Ho_Chi_Minh --workspace', { admin: true })).ok).toBe(true);
    expect((await t.h.run('ada', 'settings quiet-hours 22 7', { admin: true })).ok).toBe(true);
    const settings = await t.h.run('bob', 'settings');
    expect(settings.text).toMatch(/Workspace time zone: Asia\/Ho_Chi_Minh/);
    expect(settings.text).toMatch(/22:00–7:00/);
  });

  it('leave group settings to the group\'s conveners', async () => {
    await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await t.h.run('bob', 'group join', { channel: 'budget' });
    expect((await t.h.run('alice', 'settings reminders "1d" --group Budget')).ok).toBe(true);
    const bob = await t.h.run('bob', 'settings reminders "1h" --group Budget');
    expect(bob.ok).toBe(false);
    expect(bob.text).toMatch(/Only a convener of "Budget"/);
  });
});

describe('group creation', () => {
  it('can be kept to admins, in English and Vietnamese, and opened again', async () => {
    const set = await t.h.run('ada', 'settings group-creation admins', { admin: true });
    expect(set.text).toMatch(/Only workspace admins can create groups from now on/);
    const refused = await t.h.run('mallory', 'group create "Mine"', { channel: 'mine' });
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/only workspace admins can create groups/);
    const refusedVi = await t.h.run('mallory', 'group create "Mine"', { channel: 'mine', locale: 'vi' });
    expect(refusedVi.text).toMatch(/chỉ quản trị viên mới tạo được nhóm/);
    expect((await t.h.run('mallory', 'group list')).text).not.toMatch(/Mine/);
    expect((await t.h.run('ada', 'settings')).text).toMatch(/Who may create groups: workspace admins only/);
    expect((await t.h.run('ada', 'group create "Budget"', { channel: 'budget', admin: true })).ok).toBe(true);

    const vi = await t.h.run('ada', 'settings group-creation anyone', { admin: true, locale: 'vi' });
    expect(vi.text).toMatch(/Từ giờ mọi thành viên đều tạo được nhóm/);
    expect((await t.h.run('mallory', 'group create "Mine"', { channel: 'mine' })).ok).toBe(true);
  });

  it('explains the choices when the policy is misspelt', async () => {
    const wrong = await t.h.run('ada', 'settings group-creation nobody', { admin: true });
    expect(wrong.ok).toBe(false);
    expect(wrong.text).toMatch(/anyone/);
    expect(wrong.text).toMatch(/admins/);
  });
});

describe('guest accounts', () => {
  it('watch unless a convener adds them: they cannot join or create a group, or vote by themselves', async () => {
    await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
    await t.h.run('bob', 'group join', { channel: 'budget' });
    const joined = await t.h.run('gina', 'group join', { channel: 'budget', guest: true });
    expect(joined.ok).toBe(false);
    expect(joined.text).toMatch(/Guest accounts take part in "Budget" only when a convener adds them/);
    const joinedVi = await t.h.run('gina', 'group join "Budget"', { guest: true, locale: 'vi' });
    expect(joinedVi.text).toMatch(/Tài khoản khách chỉ tham gia "Budget" khi được điều phối viên thêm vào/);
    const created = await t.h.run('gina', 'group create "Shadow"', { channel: 'shadow', guest: true });
    expect(created.text).toMatch(/Guest accounts cannot create groups/);
    expect((await t.h.run('gina', 'group create "Shadow"', { channel: 'shadow', guest: true, locale: 'vi' })).text).toMatch(/Tài khoản khách không tạo được nhóm/);

    await t.h.run('alice', 'propose "Buy chairs" --rule consent', { channel: 'budget' });
    expect((await t.h.run('gina', 'vote 1 consent', { guest: true })).ok).toBe(false);
    expect((await t.h.run('alice', 'group info "Budget"')).text).not.toMatch(/gina/);

    // A convener decides: once added, the guest takes part like any member.
    expect((await t.h.run('alice', 'group add @gina --group "Budget"')).ok).toBe(true);
    await t.h.run('alice', 'propose "Buy tables" --rule consent', { channel: 'budget' });
    expect((await t.h.run('gina', 'vote 2 consent', { guest: true })).ok).toBe(true);
  });
});
