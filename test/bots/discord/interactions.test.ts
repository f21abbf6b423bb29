// Interactions as Discord sends them: modals for reasons and forms, ballots, autocomplete, languages, DMs and slow answers;
// each stored before it is acknowledged, and answered after all when the process that received it stopped.
import { HttpResponse } from 'msw';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { rowsOf } from '../../../src/db/client.js';
import type { Concord } from '../../../src/core/service.js';
import { APP_ID, autocomplete, buttons, CHANNEL, choose, click, customIds, dmChannelOf, GUILD, member, slash, submit, useDiscord, type DiscordHarnessOptions, type Member, type PostedMessage } from './support.js';

const t = useDiscord({ each: true });
let alice: Member;
let bob: Member;

beforeEach(async () => {
  alice = member('alice');
  bob = member('bob');
  await t.h.dispatch(slash(alice, 'group', [{ name: 'group', type: 3, value: 'Budget' }], 'create'));
  await t.h.dispatch(slash(alice, 'group', [{ name: 'members', type: 3, value: `<@${bob.id}>` }], 'add'));
  t.fake.take();
});

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }> };
type Data = { flags?: number; embeds?: Embed[]; components?: unknown[]; custom_id?: string; title?: string; choices?: Array<{ name: string; value: unknown }> };
const text = (data: Data | undefined) =>
  (data?.embeds ?? []).map((e) => [e.title, e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`)].filter(Boolean).join('\n')).join('\n');

/** Runs a raw interaction and returns Discord's callback for it. */
async function send(raw: { id: string }): Promise<{ type: number; data?: Data }> {
  await t.h.dispatch(raw);
  const [callback] = t.fake.callbacks(raw.id);
  if (!callback) throw new Error(`no callback for ${raw.id}: ${JSON.stringify(t.fake.calls.map((c) => `${c.method} ${c.path}`))}`);
  return callback as { type: number; data?: Data };
}

async function propose(options: Array<{ name: string; type: number; value: string | number | boolean }>): Promise<PostedMessage> {
  await send(slash(alice, 'proposal', options, 'create'));
  await t.h.tick();
  const post = t.fake.calls.filter((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages`).pop();
  const message = [...t.fake.messages.values()].pop();
  if (!post || !message) throw new Error('no card posted');
  t.fake.take();
  return { id: message.id, channel_id: CHANNEL, embeds: message.embeds, components: message.components };
}

const cardText = async (n: number) => text((await send(slash(alice, 'proposal', [{ name: 'proposal', type: 4, value: n }], 'show'))).data);

describe('modals', () => {
  it('asks for the reason of a block in a modal and records it with the vote', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Offsite in Da Lat' },
      { name: 'rule', type: 3, value: 'consensus' },
    ]);
    const block = buttons(card).find((b) => b.label === 'Block');
    expect(block?.custom_id).toBe('q:vote 1 block');
    const opened = await send(click(bob, card, block?.custom_id ?? ''));
    expect(opened.type).toBe(9);
    expect(opened.data?.custom_id).toBe('q:vote 1 block');
    expect(opened.data?.title).toBe('Block');
    expect(opened.data?.components).toEqual([
      {
        type: 18,
        label: 'Reason',
        description: expect.stringContaining('say why') as unknown,
        component: { type: 4, custom_id: 'reason', style: 2, required: true, max_length: 1000 },
      },
    ]);
    const answered = await send(submit(bob, 'q:vote 1 block', { reason: 'The "venue" is too far for two of us' }, card));
    expect(answered.type).toBe(4);
    expect(answered.data?.flags).toBe(64);
    expect(text(answered.data)).toMatch(/✅/);
    expect(await cardText(1)).toContain('The "venue" is too far for two of us');
  });

  it('collects form fields and appends them as flags', async () => {
    await send(slash(alice, 'commit', [{ name: 'what', type: 3, value: 'Draft the budget' }, { name: 'due', type: 3, value: 'in 2 days' }]));
    const shown = await send(slash(alice, 'concord', [{ name: 'text', type: 3, value: '/concord commitment 1' }]));
    const extend = buttons(shown.data as PostedMessage).find((b) => b.custom_id.startsWith('f:'));
    expect(extend?.custom_id).toBe('f:due,reason;extend 1');
    const message: PostedMessage = { id: '1', channel_id: CHANNEL, embeds: shown.data?.embeds ?? [], components: shown.data?.components ?? [], flags: 64 };
    const opened = await send(click(alice, message, extend?.custom_id ?? ''));
    expect(opened.type).toBe(9);
    const labels = (opened.data?.components as Array<{ label: string; component: { custom_id: string; required: boolean } }>).map((c) => [c.label, c.component.custom_id, c.component.required]);
    expect(labels).toEqual([
      ['Due', 'due', true],
      ['Reason', 'reason', true],
    ]);
    const answered = await send(submit(alice, 'f:due,reason;extend 1', { due: 'in 5 days', reason: 'Waiting for "final" quotes' }, message));
    expect(text(answered.data)).toMatch(/✅/);
    expect(text((await send(slash(alice, 'concord', [{ name: 'text', type: 3, value: 'commitment 1' }]))).data)).toMatch(/in 5 days/);
  });
});

describe('ballots', () => {
  it('ranks options one menu at a time, then votes', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Venue' },
      { name: 'rule', type: 3, value: 'ranked' },
      { name: 'options', type: 3, value: 'Da Lat|Hoi An|Sa Pa' },
    ]);
    expect(customIds(card)).toEqual(['b:vote 1']);
    const first = await send(click(bob, card, 'b:vote 1'));
    expect(first.type).toBe(4);
    expect(first.data?.flags).toBe(64);
    expect(customIds(first.data as PostedMessage)).toEqual(['r:1:']);
    const step: PostedMessage = { id: '2', channel_id: CHANNEL, embeds: first.data?.embeds ?? [], components: first.data?.components ?? [], flags: 64 };
    const second = await send(choose(bob, step, 'r:1:', ['1']));
    expect(second.type).toBe(7);
    expect(text(second.data)).toContain('1. Hoi An');
    expect(customIds(second.data as PostedMessage)).toEqual(['r:1:1', 's:1:1', 'r:1:']);
    const done = await send(choose(bob, { ...step, components: second.data?.components ?? [] }, 'r:1:1', ['2']));
    expect(done.type).toBe(7);
    expect(done.data?.components).toEqual([]);
    expect(text(done.data)).toMatch(/✅/);
    expect(await cardText(1)).toMatch(/Hoi An\*\*: 1\b/);
    // The ballot stored is Hoi An > Sa Pa > Da Lat.
    const shown = await cardText(1);
    expect(shown).toMatch(/1 of 2/);
  });

  it('votes with the ranking so far', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Venue' },
      { name: 'rule', type: 3, value: 'ranked' },
      { name: 'options', type: 3, value: 'A|B|C|D' },
    ]);
    const step: PostedMessage = { id: '2', channel_id: CHANNEL, embeds: [], components: [], flags: 64 };
    await send(click(bob, card, 'b:vote 1'));
    const answered = await send(click(bob, step, 's:1:3'));
    expect(answered.type).toBe(7);
    expect(text(answered.data)).toMatch(/✅/);
  });

  it('scores options in a modal with a field each', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Logo' },
      { name: 'rule', type: 3, value: 'score' },
      { name: 'options', type: 3, value: 'Blue|Green|Red' },
    ]);
    const opened = await send(click(bob, card, 'b:vote 1'));
    expect(opened.type).toBe(9);
    expect(opened.data?.custom_id).toBe('o:1:s');
    const inputs = (opened.data?.components as Array<{ label: string; component: { custom_id: string } }>).map((c) => [c.label, c.component.custom_id]);
    expect(inputs).toEqual([
      ['Blue', 'v:1'],
      ['Green', 'v:2'],
      ['Red', 'v:3'],
      ['Reason (optional)', 'reason'],
    ]);
    const answered = await send(submit(bob, 'o:1:s', { 'v:1': '5', 'v:2': '', 'v:3': '2', reason: 'Blue reads best' }, card));
    expect(text(answered.data)).toMatch(/✅/);
    expect(await cardText(1)).toMatch(/Blue\*\*: 5/);
  });

  it('spreads dots over many options in one text area', async () => {
    const options = ['North', 'South', 'East', 'West', 'Centre', 'Online'];
    const card = await propose([
      { name: 'title', type: 3, value: 'Where' },
      { name: 'rule', type: 3, value: 'dot' },
      { name: 'options', type: 3, value: options.join('|') },
      { name: 'dots', type: 4, value: 5 },
    ]);
    const opened = await send(click(bob, card, 'b:vote 1'));
    const area = (opened.data?.components as Array<{ component: { custom_id: string; value?: string } }>)[0]?.component;
    expect(area?.custom_id).toBe('lines');
    expect(area?.value).toBe('North = \nSouth = \nEast = \nWest = \nCentre = \nOnline = ');
    const answered = await send(submit(bob, 'o:1:d', { lines: 'North = 3\nSouth = \nEast = 2\nWest =\nCentre = \nOnline = ', reason: '' }, card));
    expect(text(answered.data)).toMatch(/✅/);
    expect(await cardText(1)).toMatch(/North\*\*: 3/);
  });

  it('takes approval ballots straight from the menu on the card', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Snacks' },
      { name: 'rule', type: 3, value: 'approval' },
      { name: 'options', type: 3, value: 'Fruit|Cake|Nuts' },
    ]);
    expect(customIds(card)).toEqual(['a:vote 1']);
    const answered = await send(choose(bob, card, 'a:vote 1', ['1', '3']));
    expect(answered.type).toBe(4);
    expect(answered.data?.flags).toBe(64);
    expect(text(answered.data)).toMatch(/✅/);
    expect(await cardText(1)).toMatch(/Nuts\*\*: approved by 1 of 1 voter \(100%\)/);
  });

  it('runs what was picked in the overflow menu like a click', async () => {
    const card = await propose([
      { name: 'title', type: 3, value: 'Adopt' },
      { name: 'rule', type: 3, value: 'majority' },
    ]);
    const answered = await send(choose(bob, card, 'x:menu', ['c:vote 1 no']));
    expect(text(answered.data)).toMatch(/✅/);
    expect(await cardText(1)).toMatch(/No\*\*: 1/);
  });

  it('shows the card with its buttons when /vote has no choice', async () => {
    await propose([
      { name: 'title', type: 3, value: 'Adopt' },
      { name: 'rule', type: 3, value: 'consent' },
    ]);
    const shown = await send(slash(bob, 'vote', [{ name: 'proposal', type: 4, value: 1 }]));
    expect(shown.data?.flags).toBe(64);
    expect(buttons(shown.data as PostedMessage).map((b) => b.custom_id)).toEqual(['c:vote 1 consent', 'q:vote 1 object']);
    const voted = await send(slash(bob, 'vote', [{ name: 'proposal', type: 4, value: 1 }, { name: 'choice', type: 3, value: 'consent' }, { name: 'reason', type: 3, value: 'Fine by me' }]));
    expect(text(voted.data)).toMatch(/✅/);
  });
});

describe('autocomplete', () => {
  it('suggests open proposals, groups, time zones and the choices of a proposal', async () => {
    await propose([
      { name: 'title', type: 3, value: 'Move stand-up to 10:00' },
      { name: 'rule', type: 3, value: 'majority' },
    ]);
    let answer = await send(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: '', focused: true }]));
    expect(answer.type).toBe(8);
    expect(answer.data?.choices).toEqual([{ name: '#1 Move stand-up to 10:00', value: 1 }]);
    answer = await send(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: 1 }, { name: 'choice', type: 3, value: 'y', focused: true }]));
    expect(answer.data?.choices).toEqual([{ name: 'Yes', value: 'yes' }]);
    answer = await send(autocomplete(alice, 'proposal', [{ name: 'group', type: 3, value: 'bud', focused: true }], 'create'));
    expect(answer.data?.choices).toEqual([{ name: 'Budget', value: 'Budget' }]);
    answer = await send(autocomplete(alice, 'settings', [{ name: 'timezone', type: 3, value: 'ho_chi', focused: true }], 'timezone'));
    expect(answer.data?.choices).toEqual([{ name: 'Asia/Ho_Chi_Minh', value: 'Asia/Ho_Chi_Minh' }]);
    answer = await send(autocomplete(alice, 'done', [{ name: 'commitment', type: 4, value: '', focused: true }]));
    expect(answer.data?.choices).toEqual([]);
  });

  it('suggests option names made of quote characters exactly as they are', async () => {
    await propose([
      { name: 'title', type: 3, value: 'Supplier' },
      { name: 'rule', type: 3, value: 'poll' },
      { name: 'options', type: 3, value: 'Acme|«Acme»|a\\b "c"' },
    ]);
    const answer = await send(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: 1 }, { name: 'choice', type: 3, value: '', focused: true }]));
    expect(answer.data?.choices?.map((c) => c.value)).toEqual(['Acme', '«Acme»', 'a\\b "c"']);
  });

  it('reads the proposal number Discord sends as a string while the member is still typing', async () => {
    await propose([
      { name: 'title', type: 3, value: 'Move stand-up to 10:00' },
      { name: 'rule', type: 3, value: 'majority' },
    ]);
    const answer = await send(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: '1' }, { name: 'choice', type: 3, value: 'y', focused: true }]));
    expect(answer.data?.choices).toEqual([{ name: 'Yes', value: 'yes' }]);
    const notYet = await send(autocomplete(bob, 'vote', [{ name: 'proposal', type: 4, value: 'mo' }, { name: 'choice', type: 3, value: '', focused: true }]));
    expect(notYet.data?.choices).toEqual([]);
  });
});

describe('answers', () => {
  it('speaks the member’s Discord language and keeps errors private', async () => {
    const lan = member('lan', { locale: 'vi' });
    const answer = await send(slash(lan, 'proposal', [{ name: 'proposal', type: 4, value: 42 }], 'close'));
    expect(answer.type).toBe(4);
    expect(answer.data?.flags).toBe(64);
    expect(text(answer.data)).toMatch(/^❌ Không có đề xuất #42/);
  });

  it('passes /concord text to the parser and pages long help with follow-ups', async () => {
    const raw = slash(alice, 'concord', [{ name: 'text', type: 3, value: 'help' }]);
    const answer = await send(raw);
    expect(answer.type).toBe(4);
    const followUps = t.fake.calls.filter((c) => c.method === 'POST' && c.path === `/webhooks/${APP_ID}/${raw.token}`);
    for (const f of followUps) expect((f.body as { flags: number }).flags).toBe(64);
    expect(text(answer.data)).toMatch(/Concord commands/);
  });

  it('defers when core is slow, then edits the original response', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow: Pick<Concord, 'execute'> = {
      async execute() {
        await gate;
        return { ok: true, locale: 'en', views: [{ type: 'notice', tone: 'success', text: 'Done late' }] };
      },
    };
    await t.restart({ core: slow, ackAfterMs: 5 });
    const raw = slash(alice, 'decisions');
    const done = t.h.dispatch(raw);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(t.fake.callbacks(raw.id)).toEqual([{ type: 5, data: { flags: 64 } }]);
    release();
    await done;
    const edit = t.fake.calls.find((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${raw.token}/messages/@original`);
    expect(text(edit?.body as Data)).toBe('✅ Done late');
  });

  it('acts in the right server from a DM, and explains when it cannot', async () => {
    await send(slash(alice, 'commit', [{ name: 'what', type: 3, value: 'Book the venue' }, { name: 'due', type: 3, value: 'in 3 days' }]));
    const dm: PostedMessage = { id: '9', channel_id: '1', embeds: [], components: [] };
    const guildB36 = BigInt(GUILD).toString(36);
    const answered = await send(click(alice, dm, `c.${guildB36}:done 1`, { guild: false }));
    expect(text(answered.data)).toMatch(/✅/);
    const lost = await send(click(alice, dm, 'c:done 1', { guild: false }));
    expect(text(lost.data)).toMatch(/works inside a server/);
    const stale = await send(click(alice, dm, 'zz-old-button'));
    expect(text(stale.data)).toMatch(/older version/);
  });

  it('does nothing for a DM button naming a server the clicking member is not in', async () => {
    const stranger = member('mallory', { locale: 'vi' });
    t.fake.on('GET', new RegExp(`^/guilds/${GUILD}/members/${stranger.id}$`), () => HttpResponse.json({ message: 'Unknown Member', code: 10007 }, { status: 404 }));
    const dm: PostedMessage = { id: '9', channel_id: '1', embeds: [], components: [] };
    const guildB36 = BigInt(GUILD).toString(36);
    const forged = await send(click(stranger, dm, `c.${guildB36}:group create "Hijacked"`, { guild: false }));
    expect(text(forged.data)).toMatch(/không phải thành viên/);
    const english = await send(click({ ...stranger, locale: 'en-US' }, dm, `c.${guildB36}:group create "Hijacked"`, { guild: false }));
    expect(text(english.data)).toMatch(/not a member of the server/);
    const groups = await send(slash(alice, 'group', [], 'list'));
    expect(text(groups.data)).not.toContain('Hijacked');
    // A member of the server clicks through, and is asked once per while, not once per click.
    const lookups = () => t.fake.calls.filter((c) => c.method === 'GET' && c.path.startsWith(`/guilds/${GUILD}/members/${alice.id}`)).length;
    await send(click(alice, dm, `c.${guildB36}:group list`, { guild: false }));
    await send(click(alice, dm, `c.${guildB36}:group list`, { guild: false }));
    expect(lookups()).toBe(1);
  });
});

describe('after a command', () => {
  it('nudges the scheduler when a command succeeded, so the card changes at once; not after a refusal', async () => {
    let nudges = 0;
    await t.restart({
      nudge: async () => {
        nudges++;
        await t.h.tick();
      },
    });
    await send(slash(alice, 'proposal', [{ name: 'title', type: 3, value: 'Nudged' }, { name: 'rule', type: 3, value: 'consent' }], 'create'));
    expect(nudges).toBe(1);
    // The card went out without anyone ticking by hand.
    expect(t.fake.calls.some((c) => c.method === 'POST' && c.path === `/channels/${CHANNEL}/messages`)).toBe(true);
    await send(slash(bob, 'vote', [{ name: 'proposal', type: 4, value: 99 }, { name: 'choice', type: 3, value: 'consent' }]));
    expect(nudges).toBe(1);
  });
});

const said = (body: unknown) => text(body as Data);

const intakeRows = async () =>
  rowsOf<{ request_key: string; member_key: string; status: string; attempts: number }>(
    await t.database.db.execute(sql`select request_key, member_key, status, attempts from intake where source = 'discord' order by id`),
  );

/** An open majority proposal #1 in Alice's group, on a harness started with `opts`. */
async function setUp(opts: DiscordHarnessOptions = {}): Promise<void> {
  await t.restart(opts);
  await t.h.dispatch(slash(alice, 'proposal', [{ name: 'title', type: 3, value: 'Adopt' }, { name: 'rule', type: 3, value: 'majority' }], 'create'));
  await t.h.tick();
  t.fake.take();
}

const vote = (who: Member, choice = 'yes') => slash(who, 'vote', [{ name: 'proposal', type: 4, value: 1 }, { name: 'choice', type: 3, value: choice }]);

async function tally(): Promise<string> {
  const shown = slash(alice, 'proposal', [{ name: 'proposal', type: 4, value: 1 }], 'show');
  await t.h.dispatch(shown);
  return said(t.fake.callbacks(shown.id)[0]?.data);
}

/** A row the intake of a process that stopped left running, its lease over, received `ago` before now. */
async function orphan(raw: { id: string; guild_id?: string }, who: Member, ago: string): Promise<void> {
  await t.database.db.execute(sql`
    insert into intake (source, request_key, member_key, signature, payload, locked_by, locked_until, received_at)
    values ('discord', ${raw.id}, ${`${raw.guild_id ?? 'dm'}:${who.id}`}, null, ${JSON.stringify(raw)}::jsonb,
            'gone', now() - interval '1 second', now() - ${ago}::interval)`);
}

async function takeOver(): Promise<void> {
  await t.h.app.intake.sweep();
  await t.h.app.intake.idle();
  await t.h.handler.settled();
}

describe('stored before it is acknowledged', () => {
  it('stores an interaction before deferring it, keyed by its id and its member', async () => {
    // Core waits at the gate once it is closed, so the answer is deferred.
    let gate: Promise<void> = Promise.resolve();
    const waiting: Pick<Concord, 'execute'> = {
      execute: async (ctx, line) => {
        await gate;
        return t.h.app.core.execute(ctx, line);
      },
    };
    await setUp({ core: waiting, ackAfterMs: 5 });
    let open!: () => void;
    gate = new Promise<void>((resolve) => (open = resolve));
    let storedAtDefer: unknown = null;
    t.fake.on('POST', /\/callback$/, async (call) => {
      if ((call.body as { type?: number }).type === 5) storedAtDefer = await intakeRows();
      return undefined;
    });
    const raw = vote(bob);
    const done = t.h.dispatch(raw);
    await vi.waitFor(() => expect(t.fake.callbacks(raw.id)).toEqual([{ type: 5, data: { flags: 64 } }]));
    open();
    await done;
    expect(storedAtDefer).toContainEqual({ request_key: raw.id, member_key: `${GUILD}:${bob.id}`, status: 'running', attempts: 1 });
    expect((await intakeRows()).find((r) => r.request_key === raw.id)?.status).toBe('done');
  });

  it('runs an interaction delivered twice once, and answers it once', async () => {
    await setUp();
    const raw = vote(bob);
    await t.h.dispatch(raw);
    await t.h.dispatch(raw);
    expect(t.fake.callbacks(raw.id)).toHaveLength(1);
    expect((await intakeRows()).filter((r) => r.request_key === raw.id)).toEqual([{ request_key: raw.id, member_key: `${GUILD}:${bob.id}`, status: 'done', attempts: 1 }]);
    expect(await tally()).toMatch(/1 of 2/);
  });

  it('acknowledges nothing and runs nothing when the interaction cannot be stored, and says so', async () => {
    await setUp();
    vi.spyOn(t.h.app.intake, 'admit').mockRejectedValueOnce(new Error('the database is away'));
    const raw = vote(bob);
    await t.h.dispatch(raw);
    const [answer, ...more] = t.fake.callbacks(raw.id);
    expect(more).toEqual([]);
    expect(answer?.type).toBe(4);
    expect(answer?.data?.flags).toBe(64);
    expect(said(answer?.data)).toMatch(/went wrong/);
    expect((await intakeRows()).map((r) => r.request_key)).not.toContain(raw.id);
    expect(await tally()).toMatch(/0 of 2/);
  });
});

describe('taken over after a process stopped', () => {
  it('answers an interaction a stopped process left unfinished through its token, running it once', async () => {
    await setUp();
    const raw = vote(bob);
    await orphan(raw, bob, '1 minute');
    await takeOver();
    const calls = t.fake.take();
    // Deferred by the process that stopped: answered by editing that deferred reply, never by a second callback.
    expect(calls.filter((c) => /\/callback$/.test(c.path))).toEqual([]);
    const edits = calls.filter((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${raw.token}/messages/@original`);
    expect(edits).toHaveLength(1);
    expect(said(edits[0]?.body)).toMatch(/yes/i);
    expect(await intakeRows()).toContainEqual({ request_key: raw.id, member_key: `${GUILD}:${bob.id}`, status: 'done', attempts: 2 });
    // Nothing is left to take over.
    await takeOver();
    expect(t.fake.take().filter((c) => c.path.startsWith('/webhooks/'))).toEqual([]);
    expect(await tally()).toMatch(/1 of 2/);
  });

  it('takes over a click on a card as it does a command', async () => {
    await setUp();
    const card = [...t.fake.messages.values()].pop()!;
    const yes = buttons(card).find((b) => /yes/i.test(b.label));
    const raw = click(bob, { id: card.id, channel_id: CHANNEL, embeds: card.embeds, components: card.components }, yes!.custom_id);
    await orphan(raw, bob, '1 minute');
    await takeOver();
    const edits = t.fake.take().filter((c) => c.method === 'PATCH' && c.path === `/webhooks/${APP_ID}/${raw.token}/messages/@original`);
    expect(edits).toHaveLength(1);
    expect(await intakeRows()).toContainEqual({ request_key: raw.id, member_key: `${GUILD}:${bob.id}`, status: 'done', attempts: 2 });
    expect(await tally()).toMatch(/1 of 2/);
  });

  it('answers by direct message once the token has expired, with buttons that carry the server', async () => {
    await setUp();
    const raw = slash(bob, 'proposal', [{ name: 'proposal', type: 4, value: 1 }], 'show');
    await orphan(raw, bob, '20 minutes');
    await takeOver();
    const calls = t.fake.take();
    expect(calls.filter((c) => c.path.startsWith('/webhooks/') || /\/callback$/.test(c.path))).toEqual([]);
    expect(calls.filter((c) => c.method === 'POST' && c.path === '/users/@me/channels').map((c) => c.body)).toEqual([{ recipient_id: bob.id }]);
    const dm = calls.filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelOf(bob.id)}/messages`);
    expect(dm).toHaveLength(1);
    expect(said(dm[0]?.body)).toMatch(/Adopt/);
    const ids = ((dm[0]?.body as { components?: Array<{ components: Array<{ custom_id?: string }> }> }).components ?? []).flatMap((row) => row.components.map((c) => c.custom_id ?? ''));
    expect(ids.length).toBeGreaterThan(0);
    const guild36 = BigInt(GUILD).toString(36);
    for (const id of ids) expect(id).toContain(guild36);
    expect((await intakeRows()).find((r) => r.request_key === raw.id)?.status).toBe('done');
  });

  it('answers by direct message when Discord no longer knows the interaction, and tries again when that fails too', async () => {
    await setUp();
    const raw = vote(bob, 'no');
    await orphan(raw, bob, '1 minute');
    t.fake.on('PATCH', /^\/webhooks\//, () => HttpResponse.json({ message: 'Unknown Webhook', code: 10015 }, { status: 404 }));
    let refuse = true;
    t.fake.on('POST', new RegExp(`^/channels/${dmChannelOf(bob.id)}/messages$`), () =>
      refuse ? HttpResponse.json({ message: 'Cannot send messages to this user', code: 50007 }, { status: 403 }) : undefined,
    );
    await takeOver();
    // Not delivered anywhere: handed back to be tried again.
    expect((await intakeRows()).find((r) => r.request_key === raw.id)).toMatchObject({ status: 'running', attempts: 2 });
    refuse = false;
    t.fake.take();
    await t.database.db.execute(sql`update intake set locked_until = now() - interval '1 second' where request_key = ${raw.id}`);
    await takeOver();
    const dm = t.fake.take().filter((c) => c.method === 'POST' && c.path === `/channels/${dmChannelOf(bob.id)}/messages`);
    expect(dm).toHaveLength(1);
    expect(said(dm[0]?.body)).toMatch(/no/i);
    expect((await intakeRows()).find((r) => r.request_key === raw.id)).toMatchObject({ status: 'done', attempts: 3 });
    // The vote counted once, though the command ran twice.
    expect(await tally()).toMatch(/1 of 2/);
  });
});
