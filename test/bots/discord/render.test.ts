// Every view kind renders within Discord's limits, however long its content: cut or paginated, never rejected.
import { describe, expect, it } from 'vitest';
import { decodeId, encodeId } from '../../../src/bots/discord/custom-ids.js';
import { renderView, renderViews, type DiscordMessage } from '../../../src/bots/discord/render.js';
import type { Action, CardView, View } from '../../../src/core/views/types.js';
import { embedChars, messageProblems } from './limits.js';
import { cardWithLongReasons, REASONS_NOTE } from '../long-reasons.js';

const long = (n: number, word = 'word') => Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word).join(' ').slice(0, n);
const options20 = Array.from({ length: 20 }, (_, i) => `Option ${i + 1} ${long(70, 'x')}`.slice(0, 80));

function allIds(messages: DiscordMessage[]): Array<{ id: string; label?: string }> {
  return messages.flatMap((m) =>
    m.components.flatMap((row) =>
      row.components.flatMap((c) => {
        const component = c as { custom_id?: string; label?: string; options?: Array<{ value: string }> };
        const out: Array<{ id: string; label?: string }> = [];
        if (component.custom_id) out.push({ id: component.custom_id, ...(component.label ? { label: component.label } : {}) });
        if (component.custom_id === 'x:menu') for (const o of component.options ?? []) out.push({ id: o.value });
        return out;
      }),
    ),
  );
}

function expectWithinLimits(messages: DiscordMessage[]) {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) expect(messageProblems(m as never)).toEqual([]);
}

const mediateCommand = `mediate @123456789012345678901 @234567890123456789 --topic "Disagreement about proposal #7, the outreach budget" --group "Budget and Finance Committee" --proposal 7`;

const bigCard: CardView = {
  type: 'card',
  title: `Proposal #12: ${long(400)}`,
  subtitle: long(300),
  body: long(5000),
  fields: [
    ...Array.from({ length: 30 }, (_, i) => ({ label: `Field ${i} ${long(300)}`, value: long(2000) })),
    { label: 'Closes', value: 'Thursday', at: '2026-12-03T09:00:00.000Z' },
  ],
  tally: { lines: options20.map((o, i) => ({ label: o, value: String(i), share: i / 190 })), summary: long(500) },
  actions: [
    ...options20.map((o): Action => ({ command: `vote 12 "${o}"`, label: `${o} ${long(60)}` })),
    { command: 'vote 12 block', label: 'Block', style: 'danger', input: { kind: 'reason', prompt: 'Why?' } },
    { command: 'extend 3', label: 'Extend', input: { kind: 'form', prompt: 'New date', fields: [{ flag: 'due', label: 'Due' }, { flag: 'reason', label: 'Reason' }] } },
    { command: mediateCommand, label: 'Ask for mediation', style: 'primary' },
  ],
  footer: long(3000),
  tone: 'warning',
};

describe('rendering views for Discord', () => {
  it('fits a card with everything too long into one message', () => {
    const messages = renderView(bigCard, { locale: 'en' });
    expect(messages).toHaveLength(1);
    expectWithinLimits(messages);
    const [message] = messages;
    const embed = message?.embeds[0];
    expect(embed?.title?.length).toBe(256);
    expect(embedChars(embed as never)).toBeLessThanOrEqual(6000);
    expect(message?.components).toHaveLength(5);
    // Every action is reachable: as a button, in the overflow menu, or written out to copy.
    const ids = allIds(messages);
    const commands = ids.map(({ id, label }) => decodeId(id, label)?.ref).filter((r) => r && 'command' in r).map((r) => (r as { command: string }).command);
    const typed = (embed?.fields ?? []).filter((f) => f.value.startsWith('`/concord')).map((f) => f.value);
    for (const action of bigCard.actions) {
      const shown = commands.includes(action.command) || typed.some((t) => t.includes(action.command.slice(0, 40)));
      expect(shown, action.command).toBe(true);
    }
  });

  it('gives approval ballots a menu of up to 25 options and ranked ballots a button', () => {
    const card: CardView = {
      type: 'card',
      title: 'Proposal #3: Venue',
      fields: [],
      actions: [
        { command: 'vote 3', label: 'Cast your ballot', input: { kind: 'ballot', rule: 'approval', options: options20, prompt: 'Choose every option you can accept.' } },
        { command: 'vote 4', label: 'Cast your ballot', input: { kind: 'ballot', rule: 'ranked', options: options20, prompt: 'Rank' } },
      ],
    };
    const [message] = renderView(card, { locale: 'en' });
    expectWithinLimits([message as DiscordMessage]);
    const select = message?.components[0]?.components[0] as { custom_id: string; options: Array<{ value: string }>; max_values: number };
    expect(select.custom_id).toBe('a:vote 3');
    expect(select.options).toHaveLength(20);
    expect(select.options[2]?.value).toBe('3');
    expect(select.max_values).toBe(20);
    expect(message?.components[1]?.components[0]).toMatchObject({ type: 2, custom_id: 'b:vote 4' });
  });

  it('paginates long lists and texts, each page within the limits', () => {
    const list: View = { type: 'list', title: long(300), items: Array.from({ length: 400 }, (_, i) => ({ text: `#${i} ${long(150)}`, detail: long(200) })), empty: 'none', footer: long(3000) };
    const pages = renderView(list, { locale: 'en' });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(10);
    expectWithinLimits(pages);
    expect(pages[pages.length - 1]?.embeds[0]?.description).toContain('shortened');
    const text: View = { type: 'text', title: 'Help', text: `\`\`\`\n${long(9000)}\n\`\`\`` };
    const textPages = renderView(text, { locale: 'vi' });
    expect(textPages).toHaveLength(3);
    expectWithinLimits(textPages);
    for (const page of textPages) expect((page.embeds[0]?.description?.match(/```/g) ?? []).length % 2).toBe(0);
    expect(textPages[1]?.embeds[0]?.title).toBe('Help (2/3)');
  });

  it('renders notices and empty lists, and packs several views into few messages', () => {
    const views: View[] = [
      { type: 'notice', tone: 'danger', text: long(6000) },
      { type: 'list', title: 'Open proposals', items: [], empty: 'Nothing here yet.' },
      { type: 'text', text: '' },
      { type: 'notice', tone: 'success', text: 'Done' },
    ];
    const messages = renderViews(views, { locale: 'en' });
    expectWithinLimits(messages);
    expect(messages.length).toBeLessThan(views.length);
    expect(messages.flatMap((m) => m.embeds).some((e) => e.description === 'Nothing here yet.')).toBe(true);
  });

  it('puts buttons that do not fit into a menu on the last row', () => {
    const actions: Action[] = Array.from({ length: 40 }, (_, i) => ({ command: `done ${i + 1}`, label: `Done ${i + 1}` }));
    const [message] = renderView({ type: 'card', title: 'Many', fields: [], actions }, { locale: 'en' });
    expectWithinLimits([message as DiscordMessage]);
    expect(message?.components).toHaveLength(5);
    const menu = message?.components[4]?.components[0] as { custom_id: string; options: Array<{ value: string }> };
    expect(menu.custom_id).toBe('x:menu');
    expect(menu.options.map((o) => o.value)).toEqual(Array.from({ length: 20 }, (_, i) => `c:done ${i + 21}`));
  });

  it('shows members known only by id as mentions', () => {
    const [message] = renderView({ type: 'card', title: 'T', fields: [{ label: 'Proposed by', value: '@123456789012345678' }], actions: [] });
    expect(message?.embeds[0]?.fields?.[0]?.value).toBe('<@123456789012345678>');
  });
});

describe('custom ids', () => {
  it('round-trip plain, compact and DM forms within 100 characters', () => {
    const refs = [
      { kind: 'run' as const, command: 'vote 7 agree' },
      { kind: 'reason' as const, command: 'mediation decline 3' },
      { kind: 'form' as const, command: 'extend 3', flags: ['due', 'reason'] },
      { kind: 'rank' as const, proposal: 12, picked: [3, 0, 19] },
      { kind: 'amounts' as const, proposal: 9, rule: 'dot' as const },
      { kind: 'run' as const, command: 'mediate @123456789012345678 @234567890123456789 --topic "Proposal #7" --group "Ops" --proposal 7' },
    ];
    for (const ref of refs) {
      for (const guildId of [undefined, '1100000000000000002']) {
        const id = encodeId(ref, guildId ? { guildId } : {});
        expect(id, JSON.stringify(ref)).not.toBeNull();
        expect(id?.length).toBeLessThanOrEqual(100);
        expect(decodeId(id ?? '')).toEqual(guildId ? { ref, guildId } : { ref });
      }
    }
  });

  it('uses the clicked label to shorten a long choice, and gives up when nothing fits', () => {
    const option = `A very long poll option ${'x'.repeat(56)}`;
    const command = `vote 123 "${option}"`;
    const id = encodeId({ kind: 'run', command }, { guildId: '1100000000000000002', label: option });
    expect(id).toMatch(/^C\.[0-9a-z]+:vote 123 \{l\}$/);
    expect(decodeId(id ?? '', option)?.ref).toEqual({ kind: 'run', command });
    expect(decodeId(id ?? '')).toBeNull();
    expect(encodeId({ kind: 'run', command: `propose ${'"'}${'y'.repeat(120)}"` })).toBeNull();
    expect(decodeId('zz')).toBeNull();
    expect(decodeId('k:whatever')).toBeNull();
  });
});

describe('a card with many long reasons', () => {
  // Twenty long options: the tally is too long for a field and goes in the description, after the body.
  const card = (locale: 'en' | 'vi') =>
    cardWithLongReasons(locale, { body: long(3500), tally: { lines: options20.map((o, i) => ({ label: o, value: String(i), share: i / 190 })), summary: 'If voting ended now: Option 20 would win.' } });
  const textOf = (m: DiscordMessage) => m.embeds.map((e) => [e.description, ...(e.fields ?? []).map((f) => `${f.name}: ${f.value}`), e.footer?.text].join('\n')).join('\n');

  it('keeps the tally and its forecast, and shortens the reasons with a note saying where to read them', () => {
    for (const locale of ['en', 'vi'] as const) {
      for (const opts of [{}, { locale }]) {
        const [message] = renderView(card(locale), opts);
        expectWithinLimits([message!]);
        const text = textOf(message!);
        expect(text).toContain('If voting ended now: Option 20 would win.');
        expect(text).toContain('**Option 20');
        expect(text).toContain(REASONS_NOTE[locale]);
      }
    }
  });

  it('lists every reason in a reply to the member, and posts only the card to the channel', () => {
    expect(renderViews([card('en')])).toHaveLength(1);
    const reply = renderViews([card('en')], { locale: 'en' });
    expectWithinLimits(reply);
    const listed = reply.slice(1).map(textOf).join('\n');
    for (const i of [0, 60, 119]) expect(listed).toContain(`@member${i} (Object)`);
  });
});
