// A commitment's reminder on Slack: a DM at the right time whose buttons finish, extend or flag the work.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { CardView } from '../../../src/core/views/types.js';
import { DAY } from '../../support/harness.js';
import { buttonClick, buttonsOf, member, slashCommand, TEAM, textOf, useSlack, viewSubmission } from './support.js';

const t = useSlack({ check: 'fake' });

const owner = member(1);
const HOUR = 3_600_000;

const dueOf = async (number: number): Promise<string | undefined> => {
  const reply = await t.h.app.core.execute(
    { platform: 'slack', workspace: { externalId: TEAM.id, name: TEAM.domain }, actor: { externalId: owner.id, displayName: owner.name }, channel: { id: 'C0BUDGET', name: 'budget' }, idempotencyKey: randomUUID() },
    `commitment ${number}`,
  );
  expect(reply.ok).toBe(true);
  const card = reply.views.find((v): v is CardView => v.type === 'card');
  return card?.fields.find((f) => f.at)?.at;
};

it('reminds the owner by DM on time, and the extend button opens a form that moves the due date', async () => {
  await t.h.send(slashCommand(owner, 'commit "Send the minutes" --due "2026-12-03 17:00" --remind 1d'));
  const due = await dueOf(1);
  expect(due).toMatch(/^2026-12-03T/);
  const remindAt = Date.parse(due!) - DAY;
  t.slack.take();

  // Nothing before the reminder's time, the DM within the hour after it.
  await t.h.advance(remindAt - HOUR - t.h.clock.now().getTime());
  expect(t.slack.of('chat.postMessage')).toEqual([]);
  await t.h.advance(2 * HOUR);
  const calls = t.slack.of();
  expect(calls.map((c) => c.method)).toEqual(['conversations.open', 'chat.postMessage']);
  expect(calls[0]!.params.users).toBe(owner.id);
  const dm = calls[1]!;
  const channel = `D${owner.id}`;
  expect(dm.params.channel).toBe(channel);
  expect(textOf(dm.params.blocks)).toContain('Send the minutes');

  const buttons = buttonsOf(dm.params.blocks);
  expect(buttons).toHaveLength(3);
  const [done, extend, blocked] = buttons;
  expect(done!.value).toBe('done 1');
  expect(extend!.action_id).toMatch(/^concord:form:/);
  expect(JSON.parse(extend!.value)).toMatchObject({ c: 'extend 1', i: { kind: 'form', fields: [{ flag: 'due' }, { flag: 'reason' }] } });
  expect(blocked!.action_id).toMatch(/^concord:reason:/);
  expect(JSON.parse(blocked!.value)).toMatchObject({ c: 'blocked 1', i: { kind: 'reason' } });
  t.slack.take();

  // Extend: a modal with the due date and the reason.
  await t.h.send(buttonClick(owner, extend!, { channel: { id: channel, name: 'directmessage' }, messageTs: String(dm.response?.ts) }));
  const opened = t.slack.of('views.open');
  expect(opened).toHaveLength(1);
  const modal = opened[0]!.params.view as Record<string, unknown> & { blocks: Array<{ type: string; block_id?: string; label?: { text: string } }> };
  const inputs = modal.blocks.filter((b) => b.type === 'input');
  expect(inputs.map((b) => b.block_id)).toEqual(['field_0', 'field_1']);
  expect(inputs[0]!.label?.text).toMatch(/due/i);
  expect(inputs[1]!.label?.text).toMatch(/reason/i);
  t.slack.take();

  const submitted = await t.h.send(
    viewSubmission(owner, modal, {
      field_0: { value: { type: 'plain_text_input', value: '2026-12-10 17:00' } },
      field_1: { value: { type: 'plain_text_input', value: 'Waiting on the treasurer’s notes' } },
    }),
  );
  expect(submitted.status).toBe(200);
  const moved = await dueOf(1);
  expect(moved).toMatch(/^2026-12-10T/);
  expect(Date.parse(moved!) - Date.parse(due!)).toBe(7 * DAY);
  expect(t.h.logged.filter((l) => l.level === 'error')).toEqual([]);
});
