// Members' profiles through the core and a real database: declaring, showing, replacing and clearing, in English and
// Vietnamese; privacy (nobody else sees a profile, the audit log holds no declared value, the stakeholder shows
// only a count that is not small); bad input; and the minimum cell setting.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);


describe('a profile in English', () => {
  it('is declared in parts, shown to its member, replaced part by part and cleared', async () => {
    await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community');
    await ok('alice', 'stakeholder add "City Council" --kind organisation --sector government');
    expect(await ok('bob', 'profile')).toContain('You have not declared anything. Declaring is voluntary and private');

    const saved = await ok('bob', 'profile --sector community --represents S-1 --identity " young people | First-time voters |"');
    expect(saved).toContain('Your profile is saved. Only you can see it.');
    expect(saved).toContain('Sector: community');
    expect(saved).toContain('Represents: S-1 Riverside Residents');
    expect(saved).toContain('Identity: young people, First-time voters');

    // Giving a flag again replaces that part only.
    await ok('bob', 'profile --represents s-2');
    const shown = await ok('bob', 'profile');
    expect(shown).toContain('Your profile');
    expect(shown).toContain('Sector: community');
    expect(shown).toContain('Represents: S-2 City Council');
    expect(shown).toContain('Identity: young people, First-time voters');
    expect(shown).toContain('Only you can see this.');

    expect(await ok('bob', 'profile --sector community')).toContain('Your profile already says exactly that. Nothing changed.');

    expect(await ok('bob', 'profile --clear')).toContain('Your profile is removed.');
    expect(await ok('bob', 'profile')).toContain('You have not declared anything.');
    expect(await ok('bob', 'profile --clear')).toContain('You have no profile to remove.');
  });

  it('shows an empty part as not declared, and a removed stakeholder as no longer in the register', async () => {
    await ok('alice', 'stakeholder add "Press" --kind organisation --sector business');
    await ok('bob', 'profile --represents S-1');
    await ok('alice', 'stakeholder remove S-1');
    const shown = await ok('bob', 'profile');
    expect(shown).toContain('Sector: not declared');
    expect(shown).toContain('Represents: a stakeholder no longer in the register');
    expect(shown).toContain('Identity: not declared');
  });
});

describe('a profile in Vietnamese', () => {
  it('is declared, shown and cleared', async () => {
    const vi = { locale: 'vi' as const };
    // The audit log is read by the members of a group.
    await t.h.group(['lan', 'minh']);
    await ok('lan', 'stakeholder add "Cư dân ven sông" --kind cộng-đồng --sector cộng-đồng', vi);
    expect(await ok('minh', 'profile', vi)).toContain('Bạn chưa khai gì. Việc khai là tự nguyện và riêng tư');
    const saved = await ok('minh', 'profile --sector học-thuật --represents S-1 --identity "người trẻ|lần đầu bỏ phiếu"', vi);
    expect(saved).toContain('Đã lưu hồ sơ của bạn. Chỉ bạn xem được.');
    expect(saved).toContain('Lĩnh vực: học thuật');
    expect(saved).toContain('Đại diện cho: S-1 Cư dân ven sông');
    expect(saved).toContain('Bản sắc: người trẻ, lần đầu bỏ phiếu');
    expect(await ok('minh', 'profile', vi)).toContain('Chỉ bạn xem được hồ sơ này.');
    expect(await refused('minh', 'profile --clear --sector khác', vi)).toContain('`--clear` xóa toàn bộ hồ sơ của bạn nên phải dùng riêng');
    expect(await refused('minh', 'profile --identity "a|b|c|d|e|f"', vi)).toContain('`--identity` nhận tối đa 5 nhóm; bạn đã ghi 6.');
    expect(await ok('minh', 'profile --clear', vi)).toContain('Đã xóa hồ sơ của bạn.');
    const audit = await ok('lan', 'audit', vi);
    expect(audit).toContain('Một thành viên đã đổi hồ sơ của mình (ai đổi và đã khai gì là riêng tư, không được ghi lại)');
    expect(audit).toContain('Một thành viên đã xóa hồ sơ của mình (ai xóa và hồ sơ ghi gì là riêng tư, không được ghi lại)');
    expect(audit).not.toMatch(/@minh đã (đổi|xóa) hồ sơ/);
  });
});

describe('privacy', () => {
  it('shows a member only their own profile, and records no declared value on the audit log', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community');
    await ok('bob', 'profile --sector nonprofit --represents S-1 --identity "Hmong|wheelchair user"');
    // Alice asking sees her own (empty) profile, never Bob's.
    const alice = await ok('alice', 'profile');
    expect(alice).toContain('You have not declared anything.');
    expect(alice).not.toMatch(/Hmong|wheelchair|nonprofit/);

    const audit = await ok('alice', 'audit');
    expect(audit).toContain('A member changed their profile (who, and what they declared, are private and not recorded)');
    expect(audit).not.toMatch(/@bob changed/);
    expect(audit).not.toMatch(/Hmong|wheelchair|nonprofit|Riverside Residents.*bob/);

    await ok('bob', 'profile --clear');
    const rows = rowsOf<{ action: string; subject: string | null; data: Record<string, unknown> }>(
      await t.database.db.execute(sql`select action, subject, data from audit_log where action like 'profile.%' order by seq`),
    );
    expect(rows).toEqual([
      { action: 'profile.updated', subject: null, data: {} },
      { action: 'profile.cleared', subject: null, data: {} },
    ]);
    // Nor is anything of it sent anywhere.
    expect(t.h.messenger.sent.map((m) => m.text).join('\n')).not.toMatch(/Hmong|wheelchair/);
  });

  it('lets a member represent only a stakeholder they may see', async () => {
    await ok('alice', 'group create Board --private', { channel: 'C-board' });
    await ok('alice', 'stakeholder add "Donor Circle" --kind organisation --sector business --group Board');
    expect(await refused('bob', 'profile --represents S-1')).toContain('There is no stakeholder S-1.');
    expect(await refused('bob', 'profile --represents S-9')).toContain('There is no stakeholder S-9.');
  });

  it('shows on the stakeholder only how many represent it, as "fewer than N" below the minimum cell', async () => {
    await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community');
    expect(await ok('alice', 'stakeholder show S-1')).toContain('Members who say they represent it: fewer than 5');
    for (const m of ['m1', 'm2', 'm3', 'm4']) await ok(m, 'profile --represents S-1');
    const four = await ok('alice', 'stakeholder show S-1');
    expect(four).toContain('Members who say they represent it: fewer than 5');
    expect(four).not.toMatch(/@m\d/);
    await ok('m5', 'profile --represents S-1');
    expect(await ok('alice', 'stakeholder show S-1')).toContain('Members who say they represent it: 5');
    await ok('admin', 'settings inclusion-min-cell 6', { admin: true });
    expect(await ok('alice', 'stakeholder show S-1')).toContain('Members who say they represent it: fewer than 6');
    expect(await ok('lan', 'stakeholder show S-1', { locale: 'vi' })).toContain('Số thành viên cho biết mình đại diện: dưới 6');
  });
});

describe('bad input', () => {
  it('explains each mistake', async () => {
    expect(await refused('bob', 'profile --sector church')).toMatch(/--sector/);
    expect(await refused('bob', 'profile --represents council')).toContain('`S-<n>` should name a stakeholder by its number, such as S-3, s-3 or 3, not "council".');
    expect(await refused('bob', 'profile --identity "a|b|c|d|e|f"')).toContain('`--identity` takes at most 5 categories; you gave 6.');
    const long = 'x'.repeat(41);
    expect(await refused('bob', `profile --identity "ok|${long}"`)).toContain(`Each identity category may be at most 40 characters long: "${long}" is longer.`);
    expect(await ok('bob', `profile --identity "${'y'.repeat(40)}"`)).toContain('Your profile is saved.');
    expect(await refused('bob', 'profile --identity "Parent|parent "')).toContain('"parent" is named twice in `--identity` (case does not count).');
    expect(await refused('bob', 'profile --clear --identity "x"')).toContain('`--clear` removes your whole profile, so it goes alone');
    // Five is the most, and nothing was saved by the refusals.
    expect(await ok('carol', 'profile --identity "a|b|c|d|e"')).toContain('Identity: a, b, c, d, e');
  });
});

describe('the minimum cell setting', () => {
  it('is 5 by default, shown in settings, changed by admins only, from 2 to 50', async () => {
    await t.h.group(['alice']);
    expect(await ok('alice', 'settings')).toContain('Smallest count of members\' declarations shown: 5');
    expect(await refused('alice', 'settings inclusion-min-cell 3')).toContain('admin');
    expect(await refused('alice', 'settings inclusion-min-cell 1', { admin: true })).toMatch(/2/);
    expect(await refused('alice', 'settings inclusion-min-cell 51', { admin: true })).toMatch(/50/);
    expect(await ok('alice', 'settings inclusion-min-cell 2', { admin: true })).toContain('Counts of members\' declarations below 2 now show only as "fewer than 2".');
    expect(await ok('alice', 'settings inclusion-min-cell 2', { admin: true })).toContain('Counts below 2 already show only as "fewer than 2".');
    expect(await ok('alice', 'settings')).toContain('Smallest count of members\' declarations shown: 2');
    expect(await ok('lan', 'settings', { locale: 'vi' })).toContain('Số lượng nhỏ nhất được hiện khi đếm thông tin thành viên tự khai: 2');
    expect(await ok('alice', 'settings inclusion-min-cell 50', { admin: true })).toContain('below 50');
    const audit = await ok('alice', 'audit');
    expect(audit).toContain('@alice changed the smallest count of members\' declarations shown');
    expect(audit).toContain('Smallest count shown: 50');
  });
});
