// A whole proposal lived in Slack: modal, card, twenty votes by button, the deadline, the outcome.
import { expect, it } from 'vitest';
import { DAY } from '../../support/harness.js';
import { buttonClick, buttonsOf, deliver, interaction, member, slashCommand, TEAM, textOf, useSlack, viewSubmission } from './support.js';

const t = useSlack();

it('runs a proposal from the modal to its outcome, with the card kept up to date', async () => {
  const convener = member(1);
  const voters = Array.from({ length: 20 }, (_, i) => member(i + 2));
  await t.h.send(slashCommand(convener, 'group create "Budget"'));
  for (const voter of voters) await t.h.send(slashCommand(voter, 'group join'));
  t.slack.take();

  // The modal, with the rule picked first so its inputs appear.
  await t.h.send(slashCommand(convener, ''));
  const opened = t.slack.of('views.open')[0]!.params.view as Record<string, unknown> & { blocks: unknown[] };
  await t.h.send(
    interaction({
      type: 'block_actions',
      user: { id: convener.id, username: convener.name, name: convener.name, team_id: TEAM.id },
      team: { id: TEAM.id, domain: TEAM.domain },
      trigger_id: '1.1.rule',
      container: { type: 'view', view_id: 'VPROP' },
      view: { ...opened, id: 'VPROP', hash: 'hash-a', type: 'modal', state: { values: {} } },
      actions: [{ action_id: 'concord:propose:rule', block_id: 'rule', type: 'static_select', selected_option: { value: 'majority' }, action_ts: '1' }],
    }),
  );
  const modal = t.slack.of('views.update')[0]!.params.view as Record<string, unknown> & { blocks: Array<{ block_id?: string }> };
  expect(modal.blocks.map((b) => b.block_id)).toContain('threshold');
  t.slack.take();

  await t.h.send(
    viewSubmission(
      convener,
      modal,
      {
        title: { value: { type: 'plain_text_input', value: 'Raise the travel budget' } },
        body: { value: { type: 'plain_text_input', value: 'From 5 000 to 7 500 <USD> & no more.' } },
        group: { value: { type: 'static_select', selected_option: { value: 'Budget' } } },
        rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'majority' } } },
        threshold: { value: { type: 'static_select', selected_option: { value: '2/3' } } },
        close_date: { value: { type: 'datepicker', selected_date: '2026-12-04' } },
        close_time: { value: { type: 'timepicker', selected_time: '17:00' } },
        quorum: { value: { type: 'number_input', value: '50' } },
        results: { value: { type: 'radio_buttons', selected_option: { value: 'never' } } },
      },
      { id: 'VPROP', hash: 'hash-b' },
    ),
  );
  expect(t.slack.hooks.map((x) => x.body.text)).toEqual([expect.stringMatching(/Proposal #1 .*Raise the travel budget.*21 members can vote/)]);
  const [post] = t.slack.of('chat.postMessage');
  expect(post!.params.channel).toBe('C0BUDGET');
  const card = textOf(post!.params.blocks);
  expect(card).toContain('Proposal #1: Raise the travel budget');
  expect(card).toContain('From 5 000 to 7 500 &lt;USD&gt; &amp; no more.');
  expect(card).toContain('0 of 21 members');
  // 17:00 in Asia/Ho_Chi_Minh, shown to each reader in their own zone.
  expect(card).toContain(`<!date^${Date.parse('2026-12-04T10:00:00Z') / 1000}^{date_short_pretty} at {time}|`);
  const buttons = buttonsOf(post!.params.blocks);
  expect(buttons.map((b) => b.value)).toEqual(['vote 1 yes', 'vote 1 no', 'vote 1 abstain']);
  const cardTs = String(post!.response?.ts);
  t.slack.take();

  // Twenty members vote by button at the same time.
  const choice = (i: number) => buttons[i < 14 ? 0 : i < 18 ? 1 : 2]!;
  const responses = await Promise.all(voters.map((voter, i) => deliver(t.h.bot.port!, buttonClick(voter, choice(i)))));
  await t.h.bot.idle();
  expect(responses.map((r) => r.status)).toEqual(voters.map(() => 200));
  expect(t.slack.hooks).toHaveLength(20);
  expect(t.slack.hooks.every((x) => x.body.response_type === 'ephemeral' && x.body.replace_original === false)).toBe(true);
  expect(t.slack.of('chat.postMessage')).toEqual([]);

  const updates = t.slack.of('chat.update');
  expect(updates.length).toBeGreaterThanOrEqual(1);
  // Updates are coalesced in core; each goes to the card that was posted.
  expect(new Set(updates.map((u) => `${u.params.channel} ${u.params.ts}`))).toEqual(new Set([`C0BUDGET ${cardTs}`]));
  const latest = textOf(updates.at(-1)!.params.blocks);
  expect(latest).toContain('20 of 21 members');
  expect(latest).toMatch(/\*Yes\*\s+14/);
  expect(latest).toMatch(/\*No\*\s+4/);
  t.slack.take();

  // The deadline passes: the convener, who has not voted, is reminded first, then the result is posted.
  await t.h.advance(3 * DAY + 2 * 3_600_000);
  const dms = t.slack.of('conversations.open');
  expect(dms.map((d) => d.params.users)).toEqual([convener.id]);
  const posts = t.slack.of('chat.postMessage');
  const reminder = posts.find((p) => p.params.channel === `D${convener.id}`);
  expect(reminder?.params.text).toMatch(/Reminder/);
  const result = posts.find((p) => p.params.channel === 'C0BUDGET');
  expect(result?.params.text).toMatch(/Result of proposal #1/);
  expect(textOf(result!.params.blocks)).toMatch(/passed/i);
  const closed = textOf(t.slack.of('chat.update').at(-1)!.params.blocks);
  expect(closed).toMatch(/Closed: passed/i);
  expect(buttonsOf(t.slack.of('chat.update').at(-1)!.params.blocks)).toEqual([]);

  expect(t.slack.problems).toEqual([]);
  expect(t.slack.unhandled).toEqual([]);
  expect(t.h.logged.filter((l) => l.level === 'error')).toEqual([]);
});
