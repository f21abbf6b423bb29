// Slack's HTTP deliveries, signed as Slack signs them: commands, buttons, modals, App Home, and the requests that must be refused.
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { HttpResponse } from 'msw';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../../src/db/client.js';
import { TEST_DATABASE_URL } from '../../support/db.js';
import { buttonClick, buttonsOf, deliver, startHarness, homeOpened, interaction, member, RESPONSE_HOST, sign, slashCommand, TEAM, textOf, useSlack, viewSubmission } from './support.js';

const t = useSlack({ fresh: true, check: 'fake and log' });

const alice = member(1);
const bao = member(2);
const chi = member(3);

async function budgetGroup(...others: typeof alice[]) {
  await t.h.send(slashCommand(alice, 'group create "Budget"'));
  for (const m of others) await t.h.send(slashCommand(m, 'group join'));
  t.slack.take();
}

const hookTexts = () => t.slack.hooks.map((hook) => String(hook.body.text));

describe('slash commands', () => {
  it('runs the command and answers only the member, through the response URL', async () => {
    const response = await t.h.send(slashCommand(alice, 'group create "Budget"'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(t.slack.hooks).toEqual([
      {
        url: expect.stringMatching(new RegExp(`^${RESPONSE_HOST}/commands/`)),
        body: {
          response_type: 'ephemeral',
          replace_original: false,
          text: 'Created the working group "Budget" in #budget. You are its convener. Others can join with `/concord group join "Budget"`.',
          blocks: [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: ':white_check_mark: Created the working group "Budget" in #budget. You are its convener. Others can join with `/concord group join "Budget"`.',
              },
            },
          ],
        },
      },
    ]);
    // Nothing else is posted: the answer is for alice alone.
    expect(t.slack.of()).toEqual([]);
    expect(t.slack.of('users.info')[0]?.params).toMatchObject({ user: alice.id, include_locale: 'true' });
  });

  it('posts the proposal card to the group’s channel, with a button per choice carrying its command', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "Move stand-up to 10:00" --rule consent --closes "2026-12-04 17:00"'));
    expect(hookTexts()).toEqual([expect.stringContaining('Proposal #1')]);
    const [post] = t.slack.of('chat.postMessage');
    expect(post?.params).toMatchObject({ channel: 'C0BUDGET', unfurl_links: 'false', text: expect.stringContaining('Proposal #1: Move stand-up to 10:00') });
    const text = textOf(post!.params.blocks);
    expect(text).toContain('Consent');
    expect(text).toMatch(/<!date\^\d+\^\{date_short_pretty\} at \{time\}\|[^>]+>/);
    expect(buttonsOf(post!.params.blocks).map((b) => [b.text.text, b.value, b.action_id.split(':').slice(0, 2).join(':')])).toEqual([
      ['Consent', 'vote 1 consent', 'concord:run'],
      ['Object', expect.stringContaining('"c":"vote 1 object"'), 'concord:reason'],
    ]);
  });

  it('decodes Slack’s &lt; &gt; &amp; before parsing, so ranked ballots can be typed', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "R&amp;D offsite" --rule ranked --options "A|B|C"'));
    await t.h.send(slashCommand(bao, 'vote 1 "B&gt;A&gt;C"'));
    expect(hookTexts().at(-1)).toMatch(/vote.*#1/i);
    const [card] = t.slack.of('chat.postMessage');
    expect(textOf(card!.params.blocks)).toContain('Proposal #1: R&D offsite');
    expect(card!.params.text).toBe('Proposal #1: R&amp;D offsite');
  });

  it('answers errors privately, translated into the member’s Slack language', async () => {
    t.slack.on('users.info', (p) => ({ user: { id: p.user, name: 'lan', locale: 'vi-VN', tz: 'Asia/Ho_Chi_Minh', profile: { display_name: 'Lan' } } }));
    await t.h.send(slashCommand(member(9), 'proposal 42'));
    expect(t.slack.hooks).toHaveLength(1);
    expect(t.slack.hooks[0]!.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/42/) });
    expect(String(t.slack.hooks[0]!.body.text)).toMatch(/đề xuất/i);
    expect(t.slack.of()).toEqual([]);
  });

  it('answers a vote without waiting for users.info, in the language the member’s profile last gave, keeping their name', async () => {
    const lan = member(8);
    t.slack.on('users.info', (p) => ({ user: { id: p.user, name: lan.name, locale: 'vi-VN', tz: 'Asia/Ho_Chi_Minh', profile: { display_name: 'Lan Nguyễn' } } }));
    await budgetGroup(lan);
    await t.h.send(slashCommand(alice, 'propose "Move stand-up to 10:00" --rule majority'));
    // Another process, which has never asked Slack about Lan, and whose users.info would now say English.
    t.slack.on('users.info', (p) => ({ user: { id: p.user, name: lan.name, locale: 'en-US', profile: { display_name: 'Someone else' } } }));
    const other = await startHarness(t.database);
    try {
      t.slack.take();
      await deliver(other.bot.port!, slashCommand(lan, 'vote 1 yes'));
      await other.bot.idle();
    } finally {
      await other.close();
    }
    expect(t.slack.hooks).toHaveLength(1);
    expect(String(t.slack.hooks[0]!.body.text)).toMatch(/Đã ghi nhận phiếu của bạn cho #1/);
    const [row] = rowsOf<{ name: string }>(await t.database.db.execute(sql`select display_name as name from members where external_id = ${lan.id}`));
    expect(row!.name).toBe('Lan Nguyễn');
    const [ballot] = rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from ballots`));
    expect(ballot!.n).toBe(1);
  });

  it('answers a member’s very first vote in the workspace’s language, and their next requests in their own', async () => {
    const lan = member(7);
    t.slack.on('users.info', (p) => ({ user: { id: p.user, name: lan.name, locale: 'vi-VN', tz: 'Asia/Ho_Chi_Minh', profile: { display_name: 'Lan' } } }));
    await budgetGroup();
    await t.h.send(slashCommand(alice, `group add <@${lan.id}>`));
    await t.h.send(slashCommand(alice, 'propose "Move stand-up to 10:00" --rule majority'));
    t.slack.take();
    await t.h.send(slashCommand(lan, 'vote 1 yes'));
    // Not kept waiting for users.info: the answer comes in English, and the profile is fetched meanwhile.
    expect(String(t.slack.hooks[0]!.body.text)).toMatch(/Your vote on #1 is recorded/);
    await vi.waitFor(() => expect(t.slack.of('users.info').some((c) => c.params.user === lan.id)).toBe(true));
    await t.h.send(slashCommand(lan, 'vote 1 no'));
    expect(String(t.slack.hooks[1]!.body.text)).toMatch(/phiếu/i);
  });

  it('shows help as a private message', async () => {
    await t.h.send(slashCommand(alice, 'help'));
    expect(textOf(t.slack.hooks[0]!.body.blocks)).toContain('/concord propose');
  });
});

describe('requests Slack did not send', () => {
  it('refuses a forged signature with 401 and does nothing', async () => {
    const d = slashCommand(alice, 'group create "Budget"');
    const response = await deliver(t.h.bot.port!, { ...d, signature: sign(d.body, Math.floor(Date.now() / 1000), 'ffffffffffffffffffffffffffffffff') });
    await t.h.bot.idle();
    expect(response.status).toBe(401);
    expect(t.slack.calls).toEqual([]);
    expect(t.slack.hooks).toEqual([]);
    await t.h.send(slashCommand(alice, 'group list'));
    expect(textOf(t.slack.hooks[0]!.body.blocks)).toMatch(/no groups yet/i);
  });

  it('refuses a correctly signed request more than five minutes old', async () => {
    const old = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await deliver(t.h.bot.port!, { ...slashCommand(alice, 'group create "Budget"'), timestamp: old });
    await t.h.bot.idle();
    expect(response.status).toBe(401);
    expect(t.slack.hooks).toEqual([]);
  });

  it('refuses a request signed with a timestamp far in the future', async () => {
    const future = Math.floor(Date.now() / 1000) + 10 * 60;
    const response = await deliver(t.h.bot.port!, { ...slashCommand(alice, 'group create "Budget"'), timestamp: future });
    await t.h.bot.idle();
    expect(response.status).toBe(401);
    expect(t.slack.hooks).toEqual([]);
  });

  it('refuses the same signed request sent twice', async () => {
    const d = slashCommand(alice, 'group create "Budget"');
    const timestamp = Math.floor(Date.now() / 1000);
    const first = await deliver(t.h.bot.port!, { ...d, timestamp });
    const replay = await deliver(t.h.bot.port!, { ...d, timestamp });
    await t.h.bot.idle();
    expect([first.status, replay.status]).toEqual([200, 401]);
    expect(t.slack.hooks).toHaveLength(1);
  });

  it('refuses a replay dressed up as a new signature or sent to another spelling of the path', async () => {
    const d = slashCommand(alice, 'group create "Budget"');
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = sign(d.body, timestamp);
    const first = await deliver(t.h.bot.port!, { ...d, timestamp, signature });
    // Bolt reads only what precedes a second "=", so this would pass its check as a fresh signature.
    const suffixed = await deliver(t.h.bot.port!, { ...d, timestamp, signature: `${signature}=1` });
    const dotted = await fetch(`http://127.0.0.1:${t.h.bot.port}/slack/./events`, {
      method: 'POST',
      headers: { 'content-type': d.contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature },
      body: d.body,
    });
    await t.h.bot.idle();
    expect([first.status, suffixed.status, dotted.status]).toEqual([200, 401, 401]);
    expect(t.slack.hooks).toHaveLength(1);
  });

  it('does not let a forged body burn the signature of the real request', async () => {
    const d = slashCommand(alice, 'group create "Budget"');
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = sign(d.body, timestamp);
    const forged = await deliver(t.h.bot.port!, { ...d, timestamp, signature, body: d.body.replace('Budget', 'Hacked') });
    const real = await deliver(t.h.bot.port!, { ...d, timestamp, signature });
    await t.h.bot.idle();
    expect([forged.status, real.status]).toEqual([401, 200]);
    expect(hookTexts()).toEqual([expect.stringContaining('Budget')]);
  });

  it('refuses an unsigned request and a body edited after signing', async () => {
    const d = slashCommand(alice, 'group create "Budget"');
    const unsigned = await fetch(`http://127.0.0.1:${t.h.bot.port}/slack/events`, { method: 'POST', headers: { 'content-type': d.contentType }, body: d.body });
    const timestamp = Math.floor(Date.now() / 1000);
    const edited = await deliver(t.h.bot.port!, { ...d, timestamp, signature: sign(d.body, timestamp), body: d.body.replace('Budget', 'Hacked') });
    await t.h.bot.idle();
    expect([unsigned.status, edited.status]).toEqual([401, 401]);
    expect(t.slack.hooks).toEqual([]);
  });

  it('refuses a body over 4 MB with 413 and one that is not what it claims to be with 400', async () => {
    const big = slashCommand(alice, `note ${'x'.repeat(5 * 1024 * 1024)}`);
    const garbled = { body: '{"type":', contentType: 'application/json' };
    const responses = [await deliver(t.h.bot.port!, big), await deliver(t.h.bot.port!, garbled)];
    await t.h.bot.idle();
    expect(responses.map((r) => r.status)).toEqual([413, 400]);
    expect(t.slack.hooks).toEqual([]);
  });

  it('answers health checks without a signature', async () => {
    const response = await fetch(`http://127.0.0.1:${t.h.bot.port}/healthz`);
    expect([response.status, await response.text()]).toEqual([200, 'ok']);
  });
});

describe('the front door', () => {
  /** Sends a command from another thread and blocks this one until it is answered or `ms` pass: [waited, status, hooks meanwhile]. */
  const sendWhileBlocked = (text: string, ms: number): [string, number, number, () => Promise<number>] => {
    const d = slashCommand(alice, text);
    const timestamp = Math.floor(Date.now() / 1000);
    // [done, status]
    const seen = new Int32Array(new SharedArrayBuffer(8));
    const client = new Worker(
      `const { workerData: w } = require('node:worker_threads');
      const seen = new Int32Array(w.seen);
      const settle = (status) => { Atomics.store(seen, 1, status); Atomics.store(seen, 0, 1); Atomics.notify(seen, 0); };
      fetch(w.url, { method: 'POST', headers: w.headers, body: w.body }).then((r) => settle(r.status), () => settle(-1));`,
      {
        eval: true,
        workerData: {
          seen: seen.buffer,
          url: `http://127.0.0.1:${t.h.bot.port}/slack/events`,
          headers: { 'content-type': d.contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(d.body, timestamp) },
          body: d.body,
        },
      },
    );
    const waited = Atomics.wait(seen, 0, 0, ms);
    const status = Atomics.load(seen, 1);
    const ranMeanwhile = t.slack.hooks.length;
    // Once this thread is free again: the status the client got in the end.
    const settled = async () => {
      while (Atomics.load(seen, 0) === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await client.terminate();
      return Atomics.load(seen, 1);
    };
    return [waited, status, ranMeanwhile, settled];
  };

  it.runIf(TEST_DATABASE_URL)('on Postgres, stores and acknowledges a command while the main thread is busy, and runs it once the main thread is free', async () => {
    // This thread blocks until the client has its answer: only the front door's own thread can have stored and sent it.
    const [waited, status, ranMeanwhile, settled] = sendWhileBlocked('group create "Budget"', 10_000);
    expect([waited, status, ranMeanwhile]).toEqual(['ok', 200, 0]);
    await settled();
    await t.h.bot.idle();
    expect(hookTexts()).toEqual([expect.stringContaining('Budget')]);
  });

  it.skipIf(TEST_DATABASE_URL)('on the embedded database, acknowledges a command only once the main thread has stored it', async () => {
    // The embedded database lives on this thread: while it is blocked nothing can be stored, so nothing is acknowledged.
    const [waited, , ranMeanwhile, settled] = sendWhileBlocked('group create "Budget"', 1_000);
    expect([waited, ranMeanwhile]).toEqual(['timed-out', 0]);
    expect(await settled()).toBe(200);
    await t.h.bot.idle();
    expect(hookTexts()).toEqual([expect.stringContaining('Budget')]);
  });
});

describe('retried deliveries', () => {
  it('has its effect once when Slack delivers the same trigger id again', async () => {
    await budgetGroup(bao);
    const d = slashCommand(alice, 'propose "Adopt the budget" --rule consent', { trigger: '777.888.retried' });
    const now = Math.floor(Date.now() / 1000);
    const first = await deliver(t.h.bot.port!, { ...d, timestamp: now });
    const retry = await deliver(t.h.bot.port!, { ...d, timestamp: now - 1, headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    await t.h.bot.idle();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(t.slack.of('chat.postMessage')).toHaveLength(1);
    expect(t.slack.hooks).toHaveLength(1);
    t.slack.take();
    await t.h.send(slashCommand(alice, 'proposals'));
    expect(textOf(t.slack.hooks[0]!.body.blocks).match(/Adopt the budget/g)).toHaveLength(1);
  });

  it('counts a button clicked once but delivered twice as one vote', async () => {
    await budgetGroup(bao, chi);
    await t.h.send(slashCommand(alice, 'propose "Adopt" --rule majority'));
    const [card] = t.slack.of('chat.postMessage');
    const yes = buttonsOf(card!.params.blocks).find((b) => b.value === 'vote 1 yes')!;
    t.slack.take();
    const click = buttonClick(bao, yes, { trigger: '555.666.click' });
    await t.h.send(click);
    await t.h.send({ ...click, timestamp: Math.floor(Date.now() / 1000) - 2 });
    expect(t.slack.hooks).toHaveLength(1);
    const updates = t.slack.of('chat.update');
    expect(textOf(updates.at(-1)!.params.blocks)).toContain('1 of 3 members');
  });
});

describe('a double click', () => {
  it('leaves one ballot, the later click’s, when a member clicks two choices at the same instant', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "Adopt" --rule majority'));
    const [card] = t.slack.of('chat.postMessage');
    const buttons = buttonsOf(card!.params.blocks);
    const yes = buttons.find((b) => b.value === 'vote 1 yes')!;
    const no = buttons.find((b) => b.value === 'vote 1 no')!;
    t.slack.take();
    // Both through the real endpoint at once; whichever was stored second is the later click.
    const responses = await Promise.all([deliver(t.h.bot.port!, buttonClick(bao, yes)), deliver(t.h.bot.port!, buttonClick(bao, no))]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    await t.h.bot.idle();
    const stored = rowsOf<{ payload: { body: { actions: Array<{ value: string }> } } }>(
      await t.database.db.execute(sql`select payload from intake where member_key = ${`${TEAM.id}:${bao.id}`} order by id`),
    );
    const later = stored.at(-1)!.payload.body.actions[0]!.value.split(' ').at(-1);
    const ballots = rowsOf<{ value: unknown }>(
      await t.database.db.execute(sql`select b.value from ballots b join members m on m.id = b.member_id where m.external_id = ${bao.id}`),
    );
    expect(ballots).toHaveLength(1);
    expect(JSON.stringify(ballots[0]!.value)).toContain(later);
  });
});

describe('modals', () => {
  it('opens the proposal modal for /concord alone, on the channel’s group, and runs what it builds', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, ''));
    const [open] = t.slack.of('views.open');
    const view = open!.params.view as { callback_id: string; blocks: Array<{ block_id?: string; element?: { initial_option?: { value: string } } }>; private_metadata: string };
    expect(open!.params.trigger_id).toMatch(/^\d+\./);
    expect(view.callback_id).toBe('concord:propose');
    expect(view.blocks.find((b) => b.block_id === 'group')?.element?.initial_option?.value).toBe('Budget');
    expect(view.blocks.map((b) => b.block_id)).not.toContain('options');

    // Choosing a rule with options adds the options input.
    await t.h.send(
      interaction({
        type: 'block_actions',
        user: { id: alice.id, username: alice.name, name: alice.name, team_id: TEAM.id },
        team: { id: TEAM.id, domain: TEAM.domain },
        trigger_id: '9.9.rule',
        api_app_id: 'A0CONCORD',
        container: { type: 'view', view_id: 'V1' },
        view: { ...view, id: 'V1', hash: 'hash-1', type: 'modal', state: { values: {} } },
        actions: [{ action_id: 'concord:propose:rule', block_id: 'rule', type: 'static_select', selected_option: { value: 'ranked', text: { type: 'plain_text', text: 'Ranked choice' } }, action_ts: '1' }],
      }),
    );
    const [update] = t.slack.of('views.update');
    expect(update!.params).toMatchObject({ view_id: 'V1', hash: 'hash-1' });
    const updated = update!.params.view as typeof view;
    expect(updated.blocks.map((b) => b.block_id)).toEqual(expect.arrayContaining(['title', 'rule', 'options', 'close_date', 'close_time']));
    t.slack.take();

    const values = {
      title: { value: { type: 'plain_text_input', value: 'Team offsite venue' } },
      group: { value: { type: 'static_select', selected_option: { value: 'Budget' } } },
      rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'ranked' } } },
      options: { value: { type: 'plain_text_input', value: 'Da Lat\nHoi An\nSa Pa' } },
      close_date: { value: { type: 'datepicker', selected_date: '2026-12-05' } },
      close_time: { value: { type: 'timepicker', selected_time: '17:00' } },
      results: { value: { type: 'radio_buttons', selected_option: { value: 'never' } } },
    };
    const response = await t.h.send(viewSubmission(alice, updated, values, { id: 'V1' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(hookTexts()).toEqual([expect.stringMatching(/Proposal #1 .*Team offsite venue/)]);
    const [card] = t.slack.of('chat.postMessage');
    expect(card!.params.channel).toBe('C0BUDGET');
    // 17:00 in alice's Slack zone (Asia/Ho_Chi_Minh) is 10:00 UTC.
    expect(textOf(card!.params.blocks)).toContain(`<!date^${Date.parse('2026-12-05T10:00:00Z') / 1000}^`);
    expect(buttonsOf(card!.params.blocks).map((b) => b.action_id)).toEqual(['concord:ballot:0']);
  });

  it('keeps the member in the modal while what they entered cannot work', async () => {
    await t.h.send(slashCommand(alice, 'propose'));
    const view = t.slack.of('views.open')[0]!.params.view as Record<string, unknown>;
    const response = await t.h.send(
      viewSubmission(alice, view, {
        title: { value: { type: 'plain_text_input', value: 'Pick' } },
        rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'poll' } } },
        options: { value: { type: 'plain_text_input', value: 'Only one' } },
      }),
    );
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { options: 'Give from 2 to 20 options, one per line.' } });
    expect(t.slack.of('chat.postMessage')).toEqual([]);
  });

  it('tells the member why core refused a submitted proposal, with the line to fix', async () => {
    await t.h.send(slashCommand(alice, ''));
    const view = t.slack.of('views.open')[0]!.params.view as Record<string, unknown>;
    t.slack.take();
    await t.h.send(
      viewSubmission(alice, view, {
        title: { value: { type: 'plain_text_input', value: 'No group yet' } },
        rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'consent' } } },
      }),
    );
    expect(t.slack.hooks).toHaveLength(1);
    const text = textOf(t.slack.hooks[0]!.body.blocks);
    expect(text).toMatch(/group/i);
    expect(text).toContain('`/concord propose "No group yet" --rule consent`');
  });

  it('asks for a ranked ballot in a modal and votes with what was chosen', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "Venue" --rule ranked --options "Da Lat|Hoi An|Sa Pa"'));
    const cast = buttonsOf(t.slack.of('chat.postMessage')[0]!.params.blocks)[0]!;
    t.slack.take();
    await t.h.send(buttonClick(bao, cast));
    const [open] = t.slack.of('views.open');
    const view = open!.params.view as { blocks: Array<{ block_id?: string; element?: { options?: Array<{ value: string; text: { text: string } }> } }> };
    expect(view.blocks.filter((b) => b.block_id?.startsWith('rank_'))).toHaveLength(3);
    expect(view.blocks.find((b) => b.block_id === 'rank_0')?.element?.options?.map((o) => o.text.text)).toEqual(['Da Lat', 'Hoi An', 'Sa Pa']);
    t.slack.take();
    await t.h.send(
      viewSubmission(bao, view, {
        rank_0: { value: { type: 'static_select', selected_option: { value: '1' } } },
        rank_1: { value: { type: 'static_select', selected_option: { value: '2' } } },
        rank_2: { value: { type: 'static_select', selected_option: { value: '0' } } },
      }),
    );
    // The answer goes back through the response URL of the card the button was on.
    expect(t.slack.hooks.map((x) => x.url)).toEqual([expect.stringContaining('/actions/')]);
    expect(hookTexts()[0]).toMatch(/#1/);
    expect(textOf(t.slack.of('chat.update').at(-1)!.params.blocks)).toContain('1 of 2 members');
    await t.h.send(slashCommand(bao, 'proposal 1'));
    expect(textOf(t.slack.hooks.at(-1)!.body.blocks)).toMatch(/Hoi An/);
  });

  it('asks core for the ballot’s options when they were too long to travel in the button', async () => {
    await budgetGroup(bao);
    const options = Array.from({ length: 20 }, (_, i) => `${String(i).padStart(2, '0')}${'"'.repeat(70)}`);
    const typed = options.map((o) => o.replace(/"/g, '\\"')).join('|');
    await t.h.send(slashCommand(alice, `propose "Quotes" --rule ranked --options "${typed}"`));
    const cast = buttonsOf(t.slack.of('chat.postMessage')[0]!.params.blocks)[0]!;
    expect(JSON.parse(cast.value)).toEqual({ c: 'vote 1' });
    t.slack.take();
    await t.h.send(buttonClick(bao, cast));
    const view = t.slack.of('views.open')[0]!.params.view as { blocks: Array<{ block_id?: string }> };
    expect(view.blocks.filter((b) => b.block_id?.startsWith('rank_'))).toHaveLength(20);
    expect(t.slack.hooks).toEqual([]);
  });

  it('asks for the reason an objection needs, then records both', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "Adopt" --rule consent'));
    const object = buttonsOf(t.slack.of('chat.postMessage')[0]!.params.blocks).find((b) => b.action_id.startsWith('concord:reason'))!;
    t.slack.take();
    await t.h.send(buttonClick(bao, object));
    const view = t.slack.of('views.open')[0]!.params.view as Record<string, unknown>;
    expect(view.callback_id).toBe('concord:reason');
    t.slack.take();
    await t.h.send(viewSubmission(bao, view, { reason: { value: { type: 'plain_text_input', value: 'It breaks the "Q3" plan' } } }));
    expect(hookTexts()[0]).toMatch(/#1/);
    expect(textOf(t.slack.of('chat.update').at(-1)!.params.blocks)).toContain('It breaks the "Q3" plan');
  });

  it('explains the typed form when the modal can no longer be opened', async () => {
    t.slack.on('views.open', () => HttpResponse.json({ ok: false, error: 'expired_trigger_id' }));
    await t.h.send(slashCommand(alice, ''));
    expect(textOf(t.slack.hooks[0]!.body.blocks)).toContain('propose');
    expect(textOf(t.slack.hooks[0]!.body.blocks)).toMatch(/Usage/);
  });
});

describe('App Home', () => {
  it('publishes open proposals, decisions and groups when a member opens it', async () => {
    await budgetGroup(bao);
    await t.h.send(slashCommand(alice, 'propose "Adopt the budget" --rule consent'));
    await t.h.send(slashCommand(alice, 'propose "Old idea" --rule consent'));
    await t.h.send(slashCommand(alice, 'close 2'));
    t.slack.take();
    const response = await t.h.send(homeOpened(bao, 'Ev0HOME1'));
    expect(response.status).toBe(200);
    const [publish] = t.slack.of('views.publish');
    expect(publish!.params.user_id).toBe(bao.id);
    const view = publish!.params.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const text = textOf(view.blocks);
    expect(text).toContain('Adopt the budget');
    expect(text).toMatch(/Decision register/);
    expect(text).toContain('Old idea');
    expect(text).toMatch(/Budget \(working group\)/);
    expect(buttonsOf([{ type: 'actions', elements: [(view.blocks[1] as { accessory: unknown }).accessory] }])[0]?.action_id).toBe('concord:home:propose');
  });

  it('opens the proposal modal from App Home and answers by DM, since there is no channel', async () => {
    await budgetGroup(bao);
    await t.h.send(
      interaction({
        type: 'block_actions',
        user: { id: bao.id, username: bao.name, name: bao.name, team_id: TEAM.id },
        team: { id: TEAM.id, domain: TEAM.domain },
        trigger_id: '4.4.home',
        api_app_id: 'A0CONCORD',
        container: { type: 'view', view_id: 'VHOME' },
        view: { id: 'VHOME', type: 'home', hash: 'h', blocks: [], private_metadata: '', state: { values: {} } },
        actions: [{ action_id: 'concord:home:propose', block_id: 'x', type: 'button', value: 'propose', action_ts: '1' }],
      }),
    );
    const view = t.slack.of('views.open')[0]!.params.view as Record<string, unknown>;
    t.slack.take();
    await t.h.send(
      viewSubmission(bao, view, {
        title: { value: { type: 'plain_text_input', value: 'From home' } },
        group: { value: { type: 'static_select', selected_option: { value: 'Budget' } } },
        rule: { 'concord:propose:rule': { type: 'static_select', selected_option: { value: 'consent' } } },
      }),
    );
    expect(t.slack.hooks).toEqual([]);
    const posts = t.slack.of('chat.postMessage');
    expect(posts.map((p) => p.params.channel).sort()).toEqual(['C0BUDGET', `D${bao.id}`]);
    expect(posts.find((p) => p.params.channel === `D${bao.id}`)!.params.text).toMatch(/Proposal #1/);
  });
});
