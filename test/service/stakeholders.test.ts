// The stakeholder register through the core and a real database: adding, rating, the register and its
// classification, editing, removing, linking, who may do what, private groups and the audit log.
import { describe, expect, it } from 'vitest';
import { expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);

describe('the register in English', () => {
  it('numbers stakeholders, rates them and classifies them by the medians of everyone\'s ratings', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    expect(await ok('alice', 'stakeholder add "City Council" --kind organisation --sector government --contact @bob --note "Meets monthly"')).toContain(
      'Added S-1 "City Council" to the stakeholder register.',
    );
    expect(await ok('bob', 'stakeholder add "Riverside Residents" --kind community --sector community --group Budget')).toContain('Added S-2 "Riverside Residents"');

    expect(await ok('alice', 'stakeholder rate S-1 --power 5 --interest 2 --legitimacy 4 --urgency 4')).toContain('1 member has rated it');
    expect(await ok('bob', 'stakeholder rate s-1 --power 3 --interest 4 --legitimacy 4 --urgency 1')).toContain('2 members have rated it');
    expect(await ok('carol', 'stakeholder rate 1 --power 4 --interest 5')).toContain('3 members have rated it');

    const show = await ok('carol', 'stakeholder show S-1');
    expect(show).toContain('S-1 City Council');
    expect(show).toContain('Kind: organisation');
    expect(show).toContain('Sector: government');
    expect(show).toContain('Contact: @bob');
    expect(show).toContain('Note: Meets monthly');
    expect(show).toContain('Ratings: 3 members rated it');
    expect(show).toContain('Power: 4 (spread 2: views differ)');
    expect(show).toContain('Interest: 4 (spread 3: views differ)');
    expect(show).toContain('Legitimacy: 4 (spread 0)');
    expect(show).toContain('Urgency: 2.5 (spread 3: views differ)');
    expect(show).toContain('Power/interest: high power, high interest: manage closely');
    expect(show).toContain('Salience: dominant (power and legitimacy)');
    // Aggregates only: nobody's own rating shows.
    expect(show).not.toMatch(/@alice.*5|@carol/);

    const register = await ok('carol', 'stakeholders');
    expect(register).toContain('S-1 City Council');
    expect(register).toContain('organisation · government');
    expect(register).toContain('power 4 (views differ) · interest 4 (views differ) · legitimacy 4 · urgency 2.5 (views differ)');
    expect(register).toContain('manage closely');
    expect(register).toContain('S-2 Riverside Residents');
    expect(register).toContain('Power/interest: not rated yet');
    expect(register).toContain('Salience: not known yet: power, legitimacy, urgency still to be rated');

    expect(await ok('alice', 'stakeholders --group Budget')).not.toContain('City Council');
  });

  it('lets a member rate again, replacing their rating, and says when nothing changed', async () => {
    await ok('alice', 'stakeholder add "Hospital" --kind organisation --sector business');
    await ok('alice', 'stakeholder rate S-1 --power 2 --interest 2 --legitimacy 4');
    expect(await ok('alice', 'stakeholder rate S-1 --power 2 --interest 2 --legitimacy 4')).toContain('You have already rated S-1 "Hospital" exactly so. Nothing changed.');
    expect(await ok('alice', 'stakeholder rate S-1 --power 4 --interest 3')).toContain('Your new rating of S-1 "Hospital" replaces your earlier one. 1 member has rated it.');
    const show = await ok('alice', 'stakeholder show S-1');
    expect(show).toContain('Power: 4 (spread 0)');
    expect(show).toContain('keep satisfied');
    // The new rating replaced the old one whole: legitimacy is no longer rated.
    expect(show).not.toContain('Legitimacy:');
    expect(show).toContain('not known yet: legitimacy, urgency still to be rated');
  });

  it('classifies at the boundary: a median of 3 is low, 3.5 is high', async () => {
    await ok('alice', 'stakeholder add "Press" --kind organisation --sector business');
    await ok('alice', 'stakeholder rate S-1 --power 3 --interest 3 --legitimacy 3 --urgency 3');
    expect(await ok('alice', 'stakeholder show S-1')).toContain('low power, low interest: monitor');
    expect(await ok('alice', 'stakeholder show S-1')).toContain('not a stakeholder by this model');
    await ok('bob', 'stakeholder rate S-1 --power 4 --interest 4 --legitimacy 4 --urgency 4');
    const show = await ok('alice', 'stakeholder show S-1');
    expect(show).toContain('Power: 3.5 (spread 1)');
    expect(show).toContain('manage closely');
    expect(show).toContain('Salience: definitive');
  });

  it('links stakeholders both ways, once', async () => {
    await ok('alice', 'stakeholder add "City Fund" --kind organisation --sector government');
    await ok('alice', 'stakeholder add "Youth Club" --kind community --sector nonprofit');
    expect(await ok('bob', 'stakeholder link S-1 S-2 --type funds --source "https://example.org/grants"')).toContain('Recorded: S-1 City Fund funds S-2 Youth Club.');
    expect(await ok('bob', 'stakeholder link 1 2 --type funds')).toContain('Already recorded: S-1 City Fund funds S-2 Youth Club. Nothing changed.');
    expect(await ok('bob', 'stakeholder show S-1')).toContain('Links: funds S-2 Youth Club (source: https://example.org/grants)');
    expect(await ok('bob', 'stakeholder show S-2')).toContain('Links: is funded by S-1 City Fund');
    await ok('bob', 'stakeholder link S-1 S-2 --type partners');
    expect(await ok('bob', 'stakeholder link S-2 S-1 --type partners')).toContain('Already recorded');
    expect(await refused('bob', 'stakeholder link S-1 s-1 --type serves')).toContain('A stakeholder cannot be linked to itself.');
    expect(await refused('bob', 'stakeholder link S-1 S-7 --type serves')).toContain('There is no stakeholder S-7.');
  });
});

describe('the register in Vietnamese', () => {
  it('adds with Vietnamese words, rates and shows everything in Vietnamese', async () => {
    await t.h.group(['lan', 'minh']);
    const vi = { locale: 'vi' as const };
    expect(await ok('lan', 'stakeholder add "Hội Nông dân" --kind tổ-chức --sector phi-lợi-nhuận --note "Họp hằng quý"', vi)).toContain(
      'Đã thêm S-1 "Hội Nông dân" vào danh sách các bên liên quan.',
    );
    await ok('lan', 'stakeholder add "Sở Tài nguyên" --kind tổ-chức --sector nhà-nước', vi);
    expect(await ok('lan', 'stakeholder rate S-1 --power 2 --interest 5 --legitimacy 5 --urgency 4', vi)).toContain('Đã có 1 thành viên chấm');
    await ok('minh', 'stakeholder rate S-1 --power 3 --interest 4 --legitimacy 4 --urgency 5', vi);
    expect(await ok('minh', 'stakeholder link S-2 S-1 --type quản-lý', vi)).toContain('Đã ghi nhận: S-2 Sở Tài nguyên quản lý S-1 Hội Nông dân.');

    const show = await ok('minh', 'stakeholder show S-1', vi);
    expect(show).toContain('Loại: tổ chức');
    expect(show).toContain('Lĩnh vực: phi lợi nhuận');
    expect(show).toContain('Lượt chấm: 2 thành viên đã chấm');
    expect(show).toContain('Quyền lực: 2,5 (chênh 1)');
    expect(show).toContain('Mức quan tâm: 4,5 (chênh 1)');
    expect(show).toContain('quyền lực thấp, quan tâm cao: thông tin đầy đủ');
    expect(show).toContain('Mức độ nổi bật: phụ thuộc');
    expect(show).toContain('chịu sự quản lý của S-2 Sở Tài nguyên');

    const register = await ok('minh', 'stakeholders', vi);
    expect(register).toContain('Danh sách các bên liên quan');
    expect(register).toContain('tổ chức · nhà nước');
    expect(register).toContain('Quyền lực/quan tâm: chưa được chấm điểm');
    expect(register).toContain('Mức độ nổi bật: chưa xác định: còn cần chấm quyền lực, tính chính đáng, tính cấp bách');

    expect(await ok('lan', 'stakeholder edit S-1 --sector cộng-đồng', vi)).toContain('Đã cập nhật S-1 "Hội Nông dân".');
    expect(await ok('lan', 'stakeholder remove S-2', vi)).toContain('Đã xóa S-2 "Sở Tài nguyên" khỏi danh sách các bên liên quan.');
    expect(await refused('minh', 'stakeholder edit S-1 --note "Khác"', vi)).toContain('Chỉ người đã thêm S-1 "Hội Nông dân"');
    expect(await refused('minh', 'stakeholder rate S-1 --power 0 --interest 3', vi)).toContain('Cách dùng: /concord stakeholder rate');

    const audit = await ok('lan', 'audit', vi);
    expect(audit).toContain('@lan đã thêm bên liên quan S-1');
    expect(audit).toContain('@minh đã chấm điểm bên liên quan S-1');
    expect(audit).toContain('@lan đã sửa bên liên quan S-1');
    expect(audit).toContain('Lĩnh vực: cộng đồng');
    expect(audit).toContain('@lan đã xóa bên liên quan S-2');
    expect(audit).toContain('@minh đã ghi một mối liên hệ của bên liên quan S-2');
  });
});

describe('clearing details', () => {
  it('takes away a group, a contact or a note, says when there was nothing to take, and refuses what it cannot read', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'stakeholder add "Library" --kind organisation --sector community --group Budget --contact @bob --note "Open on Sundays"');
    expect(await ok('alice', 'stakeholder edit S-1 --clear group,note')).toContain('Updated S-1 "Library".');
    const show = await ok('bob', 'stakeholder show S-1');
    expect(show).not.toContain('Group:');
    expect(show).not.toContain('Note:');
    expect(show).toContain('Contact: @bob');
    expect(await ok('alice', 'stakeholder edit S-1 --clear note')).toContain('already reads like that');
    expect(await refused('alice', 'stakeholder edit S-1 --clear contact --contact @alice')).toContain('--contact is both given and cleared');
    expect(await refused('alice', 'stakeholder edit S-1 --clear phone')).toContain('`--clear` takes group, contact or note');
    expect(await ok('alice', 'audit')).toMatch(/@alice edited stakeholder S-1[\s\S]*Cleared: group, note/);
  });
});

describe('who may change a stakeholder', () => {
  it('is whoever added it, a convener of its group or a workspace admin', async () => {
    await t.h.group(['alice', 'bob', 'carol']);
    await ok('bob', 'stakeholder add "Library" --kind organisation --sector community --group Budget');
    await ok('bob', 'stakeholder add "Bakery" --kind organisation --sector business');

    expect(await refused('carol', 'stakeholder edit S-1 --note "Open on Sundays"')).toContain(
      'Only the member who added S-1 "Library", a convener of its group or a workspace admin can change or remove it.',
    );
    expect(await refused('carol', 'stakeholder remove S-2')).toContain('Only the member who added S-2 "Bakery"');
    // alice convenes Budget, where S-1 is filed; S-2 is filed under no group.
    expect(await ok('alice', 'stakeholder edit S-1 --note "Open on Sundays" --contact @carol')).toContain('Updated S-1 "Library".');
    expect(await refused('alice', 'stakeholder edit S-2 --kind person')).toContain('Only the member who added S-2');
    expect(await ok('dora', 'stakeholder edit S-2 --name "Corner Bakery"', { admin: true })).toContain('Updated S-2 "Corner Bakery".');
    expect(await ok('bob', 'stakeholder edit S-2 --name "Corner Bakery"')).toContain('already reads like that. Nothing changed.');

    // Anyone may rate and link.
    await ok('carol', 'stakeholder rate S-1 --power 2 --interest 2');
    await ok('carol', 'stakeholder link S-2 S-1 --type serves');

    expect(await ok('bob', 'stakeholder remove S-2')).toContain('Removed S-2 "Corner Bakery" from the stakeholder register.');
    expect(await refused('bob', 'stakeholder show S-2')).toContain('There is no stakeholder S-2.');
    expect(await ok('bob', 'stakeholders')).not.toContain('Bakery');
    expect(await ok('bob', 'stakeholder show S-1')).not.toContain('Links:');
    // The name is free again, and numbers are never reused.
    expect(await ok('carol', 'stakeholder add "corner bakery" --kind organisation --sector business')).toContain('Added S-3 "corner bakery"');

    const audit = await ok('alice', 'audit');
    expect(audit).toContain('@bob removed stakeholder S-2');
    expect(audit).toContain('@alice edited stakeholder S-1');
    expect(audit).toContain('Contact: @carol · Note: Open on Sundays');
    expect(audit).toContain('@dora edited stakeholder S-2');
    expect(audit).toContain('Name: Corner Bakery');
    expect(audit).toContain('@carol rated stakeholder S-1');
    expect(audit).toContain('Power: 2 · Interest: 2');
    expect(audit).toContain('@carol recorded a link of stakeholder S-1');
    expect(audit).toContain('Link: serves · From: S-2 · To: S-1');
  });
});

describe('stakeholders of a private group', () => {
  async function hr() {
    await ok('alice', 'group create "HR" --kind committee --private', { channel: 'hr' });
    await ok('alice', 'group add @bob --group HR', { channel: 'hr' });
    await ok('guest', 'group create "Garden"', { channel: 'garden' });
    await ok('alice', 'stakeholder add "Staff Union" --kind organisation --sector nonprofit --group HR');
    await ok('guest', 'stakeholder add "Seed Bank" --kind organisation --sector nonprofit');
    t.h.messenger.take();
  }

  it('are seen only by those who may read the group; everyone else is told as for a missing one', async () => {
    await hr();
    expect(await ok('bob', 'stakeholders')).toContain('S-1 Staff Union');
    expect(await ok('bob', 'stakeholder show S-1')).toContain('Group: HR');
    await ok('bob', 'stakeholder rate S-1 --power 4 --interest 5');

    const register = await ok('guest', 'stakeholders');
    expect(register).not.toContain('Staff Union');
    expect(register).toContain('S-2 Seed Bank');
    for (const line of ['stakeholder show S-1', 'stakeholder rate S-1 --power 1 --interest 1', 'stakeholder edit S-1 --note x', 'stakeholder remove S-1', 'stakeholder link S-2 S-1 --type funds']) {
      const hidden = await refused('guest', line);
      const missing = await refused('guest', line.replace('S-1', 'S-9'));
      expect(hidden, line).toBe(missing.replace('S-9', 'S-1'));
    }
    expect(await refused('guest', 'stakeholder add "staff union" --kind person --sector other')).toContain('The name "staff union" is already taken. Pick another name.');
    expect(await refused('guest', 'stakeholders --group HR')).toContain('There is no group called "HR"');

    // A link to a stakeholder the reader may not see is left out of what they see.
    await ok('bob', 'stakeholder link S-1 S-2 --type partners');
    expect(await ok('guest', 'stakeholder show S-2')).not.toContain('Links:');
    expect(await ok('bob', 'stakeholder show S-2')).toContain('Links: partners with S-1 Staff Union');

    // Linked from the open side: the entry is filed under the private one, out of the guest's sight.
    await ok('bob', 'stakeholder link S-2 S-1 --type serves --source "Union newsletter"');
    const theirs = await ok('guest', 'audit');
    expect(theirs).toContain('@guest added stakeholder S-2');
    expect(theirs).not.toContain('recorded a link');
    expect(theirs).not.toContain('stakeholder S-1');
    expect(theirs).not.toContain('Staff Union');
    const ours = await ok('bob', 'audit');
    expect(ours).toContain('@alice added stakeholder S-1');
    expect(ours).toContain('@bob rated stakeholder S-1');
    expect(ours).toContain('Link: serves · From: S-2 · To: S-1 · Source: Union newsletter');
  });

  it('stay hidden on the audit log once removed', async () => {
    await hr();
    await ok('alice', 'stakeholder remove S-1');
    expect(await ok('guest', 'audit')).not.toContain('stakeholder S-1');
    expect(await ok('bob', 'audit')).toContain('@alice removed stakeholder S-1');
  });
});

describe('the power/interest map', () => {
  const chartOf = async (member: string, line: string, opts: { locale?: 'en' | 'vi' } = {}) => {
    const reply = await t.h.run(member, line, opts);
    expect(reply.ok, reply.text).toBe(true);
    const [view] = reply.views;
    if (view?.type !== 'chart' || view.chart.kind !== 'power-interest') throw new Error(`not a map: ${reply.text}`);
    return { ...view, chart: view.chart };
  };

  it('places each rated stakeholder in its quadrant by the medians and names those not yet rated', async () => {
    await t.h.group(['alice', 'bob']);
    await ok('alice', 'stakeholder add "City Council" --kind organisation --sector government');
    await ok('alice', 'stakeholder add "Riverside Residents" --kind community --sector community');
    await ok('alice', 'stakeholder add "Local Press" --kind organisation --sector business');
    await ok('alice', 'stakeholder add "Seed Bank" --kind organisation --sector nonprofit');
    await ok('alice', 'stakeholder add "Ward Office" --kind organisation --sector government');
    await ok('alice', 'stakeholder rate S-1 --power 5 --interest 4');
    await ok('bob', 'stakeholder rate S-1 --power 3 --interest 3');
    await ok('alice', 'stakeholder rate S-2 --power 2 --interest 5');
    await ok('alice', 'stakeholder rate S-3 --power 4 --interest 1');
    await ok('alice', 'stakeholder rate S-4 --power 1 --interest 2');

    const map = await chartOf('bob', 'stakeholders --map');
    expect(map.title).toBe('Power/interest map');
    expect(map.chart.points.map((p) => [p.ref, p.power, p.interest, p.quadrant])).toEqual(
      expect.arrayContaining([
        ['S-1', 4, 3.5, 'manage-closely'],
        ['S-2', 2, 5, 'keep-informed'],
        ['S-3', 4, 1, 'keep-satisfied'],
        ['S-4', 1, 2, 'monitor'],
      ]),
    );
    expect(map.chart.points).toHaveLength(4);
    expect(map.chart.note).toBe('1 stakeholder not yet rated is not shown');
    expect(map.text).toContain('Not yet rated for power and interest: S-5 Ward Office.');
    expect(map.text).toMatch(/│ Keep satisfied \(1\) +│ Manage closely \(1\) +│/);
    expect(map.text).toMatch(/│ S-3 Local Press +│ S-1 City Council +│/);
    expect(map.text).toMatch(/│ Monitor \(1\) +│ Keep informed \(1\) +│/);
    expect(map.alt).toContain('Manage closely: S-1 City Council.');
    expect(map.alt).toContain('Keep informed: S-2 Riverside Residents.');
    // Reading the map changes nothing, so the audit log does not hear of it.
    expect(await ok('alice', 'audit')).not.toContain('map');
  });

  it('leaves out the stakeholders of a private group from those who may not read it', async () => {
    await ok('alice', 'group create "HR" --kind committee --private', { channel: 'hr' });
    await ok('alice', 'group add @bob --group HR', { channel: 'hr' });
    await ok('guest', 'group create "Garden"', { channel: 'garden' });
    await ok('alice', 'stakeholder add "Staff Union" --kind organisation --sector nonprofit --group HR');
    await ok('guest', 'stakeholder add "Seed Bank" --kind organisation --sector nonprofit');
    await ok('bob', 'stakeholder rate S-1 --power 4 --interest 5');
    await ok('guest', 'stakeholder rate S-2 --power 2 --interest 2');

    const theirs = await chartOf('guest', 'stakeholders --map');
    expect(theirs.chart.points.map((p) => p.ref)).toEqual(['S-2']);
    expect(JSON.stringify(theirs)).not.toContain('Staff Union');
    const ours = await chartOf('bob', 'stakeholders --map');
    expect(ours.chart.points.map((p) => p.ref).sort()).toEqual(['S-1', 'S-2']);
    expect((await chartOf('bob', 'stakeholders --group HR --map')).title).toBe('Power/interest map of HR');
    expect(await refused('guest', 'stakeholders --group HR --map')).toContain('There is no group called "HR"');
  });

  it('speaks Vietnamese, and says the register is empty instead of drawing an empty map', async () => {
    const vi = { locale: 'vi' as const };
    expect(await ok('lan', 'stakeholders --map', vi)).toContain('Danh sách chưa có bên liên quan nào.');
    await ok('lan', 'stakeholder add "Hội Nông dân" --kind tổ-chức --sector phi-lợi-nhuận', vi);
    await ok('lan', 'stakeholder rate S-1 --power 2 --interest 5', vi);
    const map = await chartOf('lan', 'stakeholders --map', vi);
    expect(map.title).toBe('Bản đồ quyền lực/quan tâm');
    expect(map.chart.axes).toEqual({ power: 'Quyền lực', interest: 'Mức quan tâm' });
    expect(map.chart.quadrants['keep-informed']).toBe('Thông tin đầy đủ');
    expect(map.text).toContain('Thông tin đầy đủ (1)');
    expect(map.text).toContain('S-1 Hội Nông dân');
    expect(map.footer).toContain('từ 3,5 trở lên là cao');
  });
});

describe('bad input', () => {
  it('says what was wrong and how to write it', async () => {
    await ok('alice', 'stakeholder add "Museum" --kind organisation --sector academia');
    expect(await refused('alice', 'stakeholder add "Museum" --kind organisation --sector academia')).toContain('"Museum" is already in the register as S-1.');
    expect(await refused('alice', 'stakeholder add "MUSEUM" --kind person --sector other')).toContain('already in the register as S-1');
    const kind = await refused('alice', 'stakeholder add "Zoo" --kind company --sector business');
    expect(kind).toContain('"company" is not allowed for `--kind`. Choose one of: organisation, person, community.');
    expect(kind).toContain('Usage: /concord stakeholder add "<name>" --kind organisation|person|community --sector');
    expect(await refused('alice', 'stakeholder add "Zoo" --kind person')).toContain('--sector');
    expect(await refused('alice', 'stakeholder rate S-1 --power 6 --interest 3')).toContain('`--power` must be a whole number from 1 to 5, not "6".');
    expect(await refused('alice', 'stakeholder rate S-1 --power 3')).toContain('--interest');
    expect(await refused('alice', 'stakeholder rate museum --power 3 --interest 3')).toContain('should name a stakeholder by its number, such as S-3, s-3 or 3, not "museum"');
    expect(await refused('alice', 'stakeholder rate S-0 --power 3 --interest 3')).toContain('not "S-0"');
    expect(await refused('alice', 'stakeholder edit S-1')).toContain('Say what to change with at least one of --name, --kind, --sector, --group, --contact, --note, --clear.');
    expect(await refused('alice', 'stakeholder link S-1 S-2 --type owns')).toContain('Choose one of: funds, regulates, partners, represents, serves.');
    expect(await refused('alice', 'stakeholder add "Zoo" --kind person --sector other --group Nowhere')).toContain('There is no group called "Nowhere"');
    expect(await refused('alice', 'stakeholder')).toContain('needs one more word');
  });
});
