// The stakeholder map on Slack: the grid in the member's ephemeral reply, the picture uploaded to their DM with Concord.
import { beforeEach, describe, expect, it } from 'vitest';
import { SLACK_MAX_BYTES } from '../../../src/charts/render.js';
import { member, slashCommand, textOf, useSlack } from './support.js';

const t = useSlack();
const alice = member(31);
const lan = member(32);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

beforeEach(() => {
  t.slack.reset();
  t.slack.on('users.info', (p) => {
    const id = String(p.user);
    return { user: { id, name: id.toLowerCase(), tz: 'UTC', locale: id === lan.id ? 'vi-VN' : 'en-US', is_admin: false, profile: { display_name: id.toLowerCase() } } };
  });
});

async function register(who: typeof alice) {
  await t.h.send(slashCommand(who, 'stakeholder add "City Council" --kind organisation --sector government'));
  await t.h.send(slashCommand(who, 'stakeholder add "Riverside Residents" --kind community --sector community'));
  await t.h.send(slashCommand(who, 'stakeholder rate S-1 --power 5 --interest 4'));
  t.slack.take();
}

describe('/concord stakeholders --map', () => {
  it('uploads the picture into the member\'s DM and answers them alone with the grid', async () => {
    await register(alice);
    await t.h.send(slashCommand(alice, 'stakeholders --map'));

    // files.uploadV2: an upload URL, the bytes posted to it, then the upload completed into the DM.
    const [asked] = t.slack.of('files.getUploadURLExternal');
    expect(asked?.params).toMatchObject({ filename: 'stakeholder-map.png' });
    expect(Number(asked?.params.length)).toBeGreaterThan(0);
    expect(t.slack.uploads).toHaveLength(1);
    const bytes = t.slack.uploads[0]!.bytes;
    expect([...bytes.subarray(0, 8)]).toEqual(PNG);
    expect(bytes.byteLength).toBe(Number(asked?.params.length));
    expect(bytes.byteLength).toBeLessThan(SLACK_MAX_BYTES);
    const opened = t.slack.of('conversations.open')[0];
    expect(opened?.params.users).toBe(alice.id);
    const [completed] = t.slack.of('files.completeUploadExternal');
    expect(completed?.params.channel_id).toBe(`D${alice.id}`);
    expect(completed?.params.files).toEqual([expect.objectContaining({ id: 'F1', title: 'Power/interest map' })]);
    // Nothing is posted where others read it.
    expect(t.slack.of('chat.postMessage')).toEqual([]);

    const [reply] = t.slack.hooks;
    expect(reply?.body.response_type).toBe('ephemeral');
    const text = textOf(reply?.body.blocks);
    expect(text).toContain('Power/interest map');
    expect(text).toMatch(/Manage closely \(1\)/);
    expect(text).toContain('Not yet rated for power and interest: S-2 Riverside Residents.');
    expect(text).toContain('The picture is in your direct messages with Concord');
    expect(t.slack.problems).toEqual([]);
  });

  it('speaks Vietnamese, alt text included', async () => {
    await register(lan);
    await t.h.send(slashCommand(lan, 'stakeholders --map'));
    const [asked] = t.slack.of('files.getUploadURLExternal');
    expect(String(asked?.params.alt_text)).toContain('Quản lý chặt chẽ: S-1 City Council.');
    const text = textOf(t.slack.hooks[0]?.body.blocks);
    expect(text).toContain('Bản đồ quyền lực/quan tâm');
    expect(text).toContain('Hình ảnh đã được gửi vào tin nhắn riêng của bạn với Concord');
  });

  it('still answers with the grid, and says so, when Slack refuses the upload', async () => {
    await register(alice);
    t.slack.on('files.getUploadURLExternal', () => ({ ok: false, error: 'missing_scope' }) as never);
    await t.h.send(slashCommand(alice, 'stakeholders --map'));
    const text = textOf(t.slack.hooks[0]?.body.blocks);
    expect(text).toMatch(/Manage closely \(1\)/);
    expect(text).toContain('The picture could not be sent; the text above shows the same.');
    expect(t.slack.uploads).toEqual([]);
  });
});
