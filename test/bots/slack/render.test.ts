// Every view kind, modal and App Home rendered at its worst (long text, 20 options, long labels) stays inside Block Kit's limits.
import { describe, expect, it } from 'vitest';
import type { Action, CardView, ListView, NoticeView, TextView, View } from '../../../src/core/views/types.js';
import { ballotModal, formModal, proposeModal, proposeModalForRule, reasonModal } from '../../../src/bots/slack/modals.js';
import { cutMrkdwn, mrkdwn, slackDate, splitMrkdwn } from '../../../src/bots/slack/mrkdwn.js';
import { decodeAction, encodeAction, renderMessage, renderReply } from '../../../src/bots/slack/render.js';
import { homeView } from '../../../src/bots/slack/home.js';
import { blockKitProblems } from './limits.js';
import { cardWithLongReasons, REASONS_NOTE } from '../long-reasons.js';
import { buttonsOf, textOf } from './support.js';

const long = (n: number, unit = 'Lorem <ipsum> & dolor sit amet, ') => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const OPTIONS_20 = Array.from({ length: 20 }, (_, i) => `Option ${i + 1} "quoted" \\ with a label long enough to reach eighty chars`.slice(0, 80));

function hugeCard(): CardView {
  const actions: Action[] = OPTIONS_20.map((o, i) => ({ command: `vote 12345 "${o.replace(/"/g, '\\"')}"`, label: `${o} ${long(100)}`, ...(i === 0 ? { style: 'primary' as const } : {}) }));
  actions.push({ command: 'vote 12345', label: 'Cast your ballot', style: 'primary', input: { kind: 'ballot', rule: 'ranked', options: OPTIONS_20, prompt: long(500) } });
  actions.push({ command: 'vote 12345 block', label: 'Block', style: 'danger', input: { kind: 'reason', prompt: long(3000) } });
  return {
    type: 'card',
    title: `Proposal #12345: ${long(400)}`,
    subtitle: long(5000),
    body: long(20_000, 'A line of the body with <@U0123ABCD> and <!channel> & more.\n'),
    fields: [
      ...Array.from({ length: 25 }, (_, i) => ({ label: `Field ${i} ${long(50)}`, value: long(100 + i * 10) })),
      { label: 'Closes', value: 'Fri 4 Dec 2026, 17:00 | ICT (in 3 days)', at: '2026-12-04T10:00:00.000Z' },
      { label: 'Reasons given', value: Array.from({ length: 200 }, (_, i) => `• @member${i} (block): ${long(80)}`).join('\n') },
    ],
    tally: {
      lines: OPTIONS_20.map((o, i) => ({ label: `${o}${long(200)}`, value: `${i} pts`, share: i / 190 })),
      summary: long(8000),
    },
    actions,
    footer: long(4000),
    tone: 'warning',
  };
}

const hugeList = (items: number): ListView => ({
  type: 'list',
  title: long(300),
  items: Array.from({ length: items }, (_, i) => ({ text: `#${i} ${long(300)}`, detail: `${long(500)}\nsecond line` })),
  empty: 'Nothing',
  footer: long(5000),
});

const hugeNotice: NoticeView = { type: 'notice', tone: 'danger', text: long(50_000) };
const hugeText: TextView = { type: 'text', title: long(400), text: long(200_000, '• `/concord propose "<title>" --rule consent|majority` — does things & more\n') };

describe('Block Kit limits', () => {
  const kinds: Array<[string, View[]]> = [
    ['card', [hugeCard()]],
    ['notice', [hugeNotice]],
    ['list with 1000 long items', [hugeList(1000)]],
    ['empty list', [{ type: 'list', title: 'Groups', items: [], empty: long(6000) }]],
    ['text', [hugeText]],
    ['several views at once', [hugeCard(), hugeNotice, hugeList(300), hugeText, hugeCard()]],
  ];

  for (const [name, views] of kinds) {
    it(`renders a ${name} as a message Slack accepts`, () => {
      const message = renderMessage(views);
      expect(blockKitProblems(message, 'message')).toEqual([]);
      expect(message.blocks.length).toBeGreaterThan(0);
      expect(message.text.length).toBeGreaterThan(0);
    });
  }

  it('keeps the buttons of a card that had to be cut, with unique action ids', () => {
    const message = renderMessage([hugeCard(), hugeCard()]);
    const buttons = buttonsOf(message.blocks);
    expect(buttons.length).toBeGreaterThanOrEqual(22);
    expect(new Set(buttons.map((b) => b.action_id)).size).toBe(buttons.length);
    expect(message.blocks.at(-1)?.type).toBe('actions');
    expect(textOf(message.blocks)).toContain('… (+');
  });

  it('carries the command in the button value, and a modal input spec alongside it when one is needed', () => {
    const card = hugeCard();
    const buttons = buttonsOf(renderMessage([card]).blocks);
    expect(buttons[0]!.value).toBe(card.actions[0]!.command);
    expect(buttons[0]!.text.text.length).toBeLessThanOrEqual(75);
    const ballot = buttons.find((b) => b.action_id.startsWith('concord:ballot:'))!;
    const decoded = decodeAction(ballot.action_id, ballot.value);
    expect(decoded.command).toBe('vote 12345');
    expect(decoded.input).toMatchObject({ kind: 'ballot', rule: 'ranked', options: OPTIONS_20 });
    const reason = buttons.find((b) => b.action_id.startsWith('concord:reason:'))!;
    expect(decodeAction(reason.action_id, reason.value)).toMatchObject({ kind: 'reason', command: 'vote 12345 block' });
  });

  it('leaves the input spec out of a button when it cannot fit in 2000 characters, so the click asks core again', () => {
    const options = Array.from({ length: 20 }, (_, i) => `${i}${'"'.repeat(79)}`);
    const value = encodeAction({ command: 'vote 7', label: 'Cast', input: { kind: 'ballot', rule: 'approval', options, prompt: 'Pick' } })!;
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(decodeAction('concord:ballot:0', value)).toEqual({ command: 'vote 7', kind: 'ballot' });
  });

  it('renders the propose modal, for every rule, with 150 groups and a long title', () => {
    const groups = Array.from({ length: 150 }, (_, i) => ({ name: `Group ${i} ${long(60)}`.slice(0, 60), current: i === 149 }));
    const meta = { locale: 'vi' as const, channel: 'C1', responseUrl: `https://hooks.slack.com/${long(2900, 'x')}`, tz: 'Asia/Ho_Chi_Minh' };
    const base = proposeModal({ locale: 'vi', groups, meta, title: long(500) });
    expect(blockKitProblems({ view: base }, 'modal')).toEqual([]);
    // Every group can be chosen, and the channel's own (the last by name here) is there and chosen.
    type Select = { initial_option?: { value: string }; option_groups: Array<{ label: { text: string }; options: Array<{ value: string }> }> };
    const select = (base.blocks.find((b) => b.block_id === 'group') as unknown as { element: Select }).element;
    expect(select.option_groups[0]!.label.text).toBe('Nhóm của kênh này');
    expect(select.option_groups.flatMap((g) => g.options.map((o) => o.value)).sort()).toEqual(groups.map((g) => g.name).sort());
    expect(select.initial_option?.value).toBe(groups[149]!.name);
    const few = proposeModal({ locale: 'en', groups: groups.slice(120), meta: { ...meta, locale: 'en' } });
    const flat = (few.blocks.find((b) => b.block_id === 'group') as unknown as { element: { initial_option?: { value: string }; options: Array<{ value: string }> } }).element;
    expect(flat.options).toHaveLength(30);
    expect(flat.initial_option?.value).toBe(groups[149]!.name);
    for (const rule of ['consent', 'majority', 'poll', 'dot', 'advice', 'ranked']) {
      const view = proposeModalForRule({ blocks: base.blocks, private_metadata: base.private_metadata! }, rule);
      expect(blockKitProblems({ view }, 'modal'), rule).toEqual([]);
    }
  });

  it('renders ballot modals for 20 options with long labels, and the reason and form modals', () => {
    const meta = { locale: 'en' as const, channel: 'C1', responseUrl: 'https://hooks.slack.com/actions/T/1/x', command: 'vote 12345' };
    for (const rule of ['ranked', 'score', 'dot', 'approval'] as const) {
      const view = ballotModal({ locale: 'en', input: { kind: 'ballot', rule, options: OPTIONS_20.map((o) => o + long(300)), dots: 100, prompt: long(5000) }, meta });
      expect(blockKitProblems({ view }, 'modal'), rule).toEqual([]);
    }
    expect(blockKitProblems({ view: reasonModal({ locale: 'en', prompt: long(5000), meta }) }, 'modal')).toEqual([]);
    const form = formModal({
      locale: 'en',
      title: long(100),
      meta: { ...meta, command: 'extend 3' },
      input: { kind: 'form', prompt: long(4000), fields: [{ flag: 'due', label: long(3000), placeholder: long(300) }, { flag: 'reason', label: 'Why' }] },
    });
    expect(blockKitProblems({ view: form }, 'modal')).toEqual([]);
  });

  it('fits App Home with three long lists into 100 blocks', () => {
    const view = homeView('en', [[hugeList(500)], [hugeList(500)], [hugeList(500), hugeNotice]]);
    expect(blockKitProblems({ view }, 'home')).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});

describe('mrkdwn', () => {
  it('escapes what Slack would read as markup, keeping member and channel mentions and links', () => {
    expect(mrkdwn('a < b & c > d')).toBe('a &lt; b &amp; c &gt; d');
    expect(mrkdwn('ask <@U0123ABCD> in <#C0123ABCD|general>, see <https://example.com>')).toBe('ask <@U0123ABCD> in <#C0123ABCD|general>, see <https://example.com>');
    expect(mrkdwn('hi <!channel> and <!here>')).toBe('hi &lt;!channel&gt; and &lt;!here&gt;');
  });

  it('shows where a member’s labelled link really goes, so a label cannot pass for another address', () => {
    expect(mrkdwn('Vote here: <https://evil.example/steal|Official ballot (SSO)> today')).toBe('Vote here: Official ballot (SSO) (<https://evil.example/steal>) today');
    expect(mrkdwn('<https://evil.example|https://sso.example.com> & <mailto:a@evil.example|HR>')).toBe(
      'https://sso.example.com (<https://evil.example>) &amp; HR (<mailto:a@evil.example>)',
    );
  });

  it('turns a member known only by Slack id into a mention Slack shows by name', () => {
    expect(mrkdwn('Proposed by @U0123ABCD, decider @alice')).toBe('Proposed by <@U0123ABCD>, decider @alice');
  });

  it('shows a moment in each reader’s time zone, with Concord’s text as the fallback', () => {
    expect(slackDate('2026-12-04T10:00:00.000Z', 'Fri 4 Dec, 17:00 | ICT <soon>')).toBe(
      '<!date^1796378400^{date_short_pretty} at {time}|Fri 4 Dec, 17:00 / ICT &lt;soon&gt;>',
    );
  });

  it('never cuts an entity or a token in half', () => {
    const text = `${'x'.repeat(95)}&amp;<@U0123ABCD> tail`;
    for (let max = 90; max < 120; max++) {
      const cut = cutMrkdwn(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(/&[a-z]*…$|<[^>]*…$/);
    }
    for (const piece of splitMrkdwn(`${'y'.repeat(2990)}&amp;&amp;<@U0123ABCD>\n${'z'.repeat(7000)}`, 3000)) {
      expect(piece.length).toBeLessThanOrEqual(3000);
      expect(piece).not.toMatch(/&[a-z]*$|<[^>]*$/);
    }
  });
});

describe('a card with many long reasons', () => {
  const card = (locale: 'en' | 'vi') =>
    cardWithLongReasons(locale, {
      body: long(2000),
      tally: { lines: [{ label: 'Consent', value: '10', share: 0.08 }, { label: 'Object', value: '110', share: 0.92 }], summary: 'If voting ended now: 110 objections, so it would not pass.' },
    });

  it('keeps the tally, the forecast and the buttons, and shortens the reasons with a note saying where to read them', () => {
    for (const locale of ['en', 'vi'] as const) {
      for (const views of [[card(locale)], [{ type: 'notice', tone: 'success', text: 'Voted.' } as NoticeView, card(locale)]]) {
        const message = renderMessage(views);
        expect(blockKitProblems(message, 'message')).toEqual([]);
        const text = textOf(message.blocks);
        expect(text).toContain('If voting ended now: 110 objections');
        expect(text).toContain('*Object*  110');
        expect(text).toContain('Quorum: 10 more votes needed');
        expect(text).toContain(REASONS_NOTE[locale]);
        expect(buttonsOf(message.blocks).map((b) => b.value)).toEqual(['vote 7 consent']);
      }
    }
  });

  it('lists every reason in the reply to the member, after the card', () => {
    const [first, ...rest] = renderReply([card('en')]);
    expect(textOf(first!.blocks)).toContain('If voting ended now');
    expect(rest.length).toBeGreaterThan(0);
    for (const more of rest) expect(blockKitProblems(more, 'message')).toEqual([]);
    const listed = rest.map((m) => textOf(m.blocks)).join('\n');
    for (const i of [0, 60, 119]) expect(listed).toContain(`@member${i} (Object)`);
  });
});
