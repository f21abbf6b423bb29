// Renders core views as Discord messages (embeds and components), always within Discord's limits: long content is cut or paginated.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  type APIEmbedField,
  type APISelectMenuOption,
  type APIStringSelectComponent,
} from 'discord.js';
import type { Locale } from '../../core/i18n/types.js';
import type { Action, CardView, ChartView, Field, ListView, TallyView, Tone, View } from '../../core/views/types.js';
import { chartFile } from '../../charts/render.js';
import { optionRef } from './command-line.js';
import { encodeId, type Ref } from './custom-ids.js';
import { LIMITS, cut, nonEmpty, splitText } from './limits.js';
import { discordText } from './messages.js';

export type ActionRow = APIActionRowComponent<APIComponentInMessageActionRow>;

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: ActionRow[];
  /** Files sent with the message; an embed shows one as its image through `attachment://<name>`. */
  files?: DiscordFile[];
  /** A chart still to be drawn (asynchronously, by `withCharts`) and attached under `chartFile`. */
  chart?: ChartView;
}

export interface DiscordFile {
  attachment: Buffer;
  name: string;
  /** Alt text, read out by screen readers. */
  description?: string;
}

export interface RenderOptions {
  /** The reader's language, when known (interaction replies); channel posts use language-neutral marks. */
  locale?: Locale;
  /** Set for messages outside a server (DMs): components then carry the guild, which their clicks lack. */
  guildId?: string;
  /** How many pages a long list or text may take before the rest is cut. */
  maxPages?: number;
}

/** The custom id of the overflow menu; each of its values is itself a component custom id. */
export const MENU_ID = 'x:menu';

const COLORS: Record<Tone, number> = { info: 0x5865f2, success: 0x57f287, warning: 0xfee75c, danger: 0xed4245 };
const MARKS: Record<Tone, string> = { info: '', success: '✅ ', warning: '⚠️ ', danger: '❌ ' };

/** A masked link, `[label](url)` or `[label](<url> "title")`, as Discord's markdown reads it in embeds. */
const MASKED_LINK = /\[([^[\]]*)\]\(\s*<?((?:https?|mailto|discord):[^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)/gi;

/**
 * Text as a card shows it. A member's masked link shows its real target beside the label, never only
 * the label: in the bot's post `[Official ballot](https://evil)` would pass for a link Concord vouches
 * for. Members only known by a mention are stored under their Discord id: they are shown as mentions,
 * which Discord resolves to names; embeds and allowed_mentions keep any mention from paging.
 */
const mentions = (text: string) =>
  text
    .replace(MASKED_LINK, (_, label: string, url: string) => `${label.replace(/[[\]]/g, '')} (${url})`)
    .replace(/(^|[^<\w])@(\d{17,20})(?!\w)/g, (_, before: string, id: string) => `${before}<@${id}>`);

function words(opts: RenderOptions) {
  const t = opts.locale ? discordText(opts.locale) : null;
  return {
    tally: t ? t('discord.tally') : '📊',
    cut: t ? t('discord.cut') : '…',
    more: (count: number) => (t ? t('discord.more', { count }) : `… +${count}`),
    moreActions: t ? t('discord.moreActions') : '…',
    run: t ? t('discord.runCommand') : '▶',
    page: (title: string, page: number, pages: number) => (t ? t('discord.page', { title, page, pages }) : `${title} (${page}/${pages})`),
  };
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** `<t:…:F>` shows the moment in each reader's own time zone and language; `<t:…:R>` counts down. */
function fieldValue(field: Field): string {
  if (field.at) {
    const ms = Date.parse(field.at);
    if (Number.isFinite(ms)) {
      const unix = Math.floor(ms / 1000);
      return `<t:${unix}:F> (<t:${unix}:R>)`;
    }
  }
  return mentions(field.value);
}

function tallyText(tally: TallyView): string {
  const lines: string[] = [];
  if (tally.hiddenNote) lines.push(`*${tally.hiddenNote}*`);
  for (const line of tally.lines) {
    const share = line.share === undefined ? '' : ` (${Math.round(line.share * 100)}%)`;
    const bar = line.share === undefined ? '' : ` ${'▰'.repeat(Math.round(line.share * 10))}${'▱'.repeat(10 - Math.round(line.share * 10))}`;
    lines.push(`**${mentions(line.label)}**: ${line.value}${share}${bar}`);
  }
  if (tally.summary) lines.push(tally.summary);
  return lines.join('\n');
}

// ---- components ----

interface Built {
  rows: ActionRow[];
  /** Commands too long for any custom id: shown as text to copy instead. */
  typed: string[];
}

function refOf(action: Action): Ref {
  const input = action.input;
  if (!input) return { kind: 'run', command: action.command };
  switch (input.kind) {
    case 'reason':
      return { kind: 'reason', command: action.command };
    case 'form':
      return { kind: 'form', command: action.command, flags: input.fields.map((f) => f.flag) };
    case 'ballot':
      return input.rule === 'approval' ? { kind: 'approval', command: action.command } : { kind: 'ballot', command: action.command };
  }
}

const buttonStyle = (action: Action) =>
  action.style === 'primary' ? ButtonStyle.Primary : action.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;

function approvalSelect(action: Action, customId: string): APIStringSelectComponent | null {
  if (action.input?.kind !== 'ballot') return null;
  const all = action.input.options;
  const options = all.slice(0, LIMITS.selectOptions);
  if (options.length === 0) return null;
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: cut(nonEmpty(action.input.prompt || action.label), LIMITS.selectPlaceholder),
    min_values: 1,
    max_values: options.length,
    // Values name options the way core reads them back: `vote 7 "1,3"`.
    options: options.map((label, i) => ({ label: cut(nonEmpty(label), LIMITS.selectOptionLabel), value: optionRef(all, i) })),
  };
}

/**
 * A choice of a vote by its place on the card: `vote 12 "<a long option>"` no longer fits 100
 * characters, and the compact form that borrows the button's label gives every option the same id.
 */
function choiceRef(action: Action, index: number): Ref | null {
  const proposal = /^vote\s+(\d+)\s/.exec(action.command)?.[1];
  return proposal && !action.input ? { kind: 'choice', proposal: Number(proposal), index } : null;
}

function buildComponents(actions: Action[], opts: RenderOptions): Built {
  const ids = opts.guildId ? { guildId: opts.guildId } : {};
  const typed: string[] = [];
  const selects: APIStringSelectComponent[] = [];
  const buttons: Array<{ button: APIButtonComponent; action: Action; id: string; ref: Ref }> = [];
  // Discord refuses a message in which two components share a custom id.
  const seen = new Set<string>();
  for (const [index, action] of actions.entries()) {
    const label = cut(nonEmpty(action.label), LIMITS.buttonLabel);
    let ref = refOf(action);
    let id = encodeId(ref, { ...ids, label });
    const byPlace = choiceRef(action, index);
    if (byPlace && (!id || seen.has(id))) {
      ref = byPlace;
      id = encodeId(ref, ids);
    }
    if (!id) {
      typed.push(action.command);
      continue;
    }
    if (seen.has(id)) continue;
    seen.add(id);
    if (ref.kind === 'approval') {
      const select = approvalSelect(action, id);
      if (select) selects.push(select);
      continue;
    }
    buttons.push({ action, id, ref, button: { type: ComponentType.Button, style: buttonStyle(action), label, custom_id: id } });
  }

  const rows: ActionRow[] = selects.slice(0, LIMITS.actionRows).map((s) => ({ type: ComponentType.ActionRow, components: [s] }));
  const free = LIMITS.actionRows - rows.length;
  const fits = free * LIMITS.buttonsPerRow;
  let shown = buttons;
  let overflow: typeof buttons = [];
  if (buttons.length > fits && free > 0) {
    // The last row becomes a menu holding whatever did not fit as buttons.
    shown = buttons.slice(0, (free - 1) * LIMITS.buttonsPerRow);
    overflow = buttons.slice(shown.length);
  }
  for (let i = 0; i < shown.length && rows.length < LIMITS.actionRows; i += LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: shown.slice(i, i + LIMITS.buttonsPerRow).map((b) => b.button) });
  }
  if (overflow.length > 0) {
    const menu: APISelectMenuOption[] = [];
    for (const b of overflow) {
      // A menu value travels without the button's label, so it must decode on its own.
      const value = encodeId(b.ref, ids) ?? encodeId(choiceRef(b.action, actions.indexOf(b.action)) ?? b.ref, ids);
      if (value && menu.length < LIMITS.selectOptions) menu.push({ label: cut(nonEmpty(b.action.label), LIMITS.selectOptionLabel), value });
      else typed.push(b.action.command);
    }
    if (menu.length > 0) {
      rows.push({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.StringSelect, custom_id: MENU_ID, placeholder: words(opts).moreActions, options: menu }],
      });
    }
  }
  return { rows, typed };
}

// ---- embeds ----

/** Cuts an embed until its parts together fit Discord's 6000 characters: description first, then the last fields. */
/** Cuts an embed until its parts together fit Discord's 6000 characters: description first, then the last fields but `keep`. */
function fitEmbed(embed: APIEmbed, cutNote: string, keep: string): APIEmbed {
  while (embedLength(embed) > LIMITS.embedTotal) {
    const over = embedLength(embed) - LIMITS.embedTotal;
    const description = embed.description ?? '';
    if (description.length > 200 + cutNote.length + 1) {
      embed.description = `${cut(description, Math.max(200, description.length - over - cutNote.length - 1))}\n${cutNote}`;
      continue;
    }
    const fields = embed.fields ?? [];
    const index = fields.map((f) => f.name).lastIndexOf(fields.filter((f) => f.name !== keep).pop()?.name ?? '\u0000');
    const last = fields[index];
    if (!last) {
      // Only commands to copy are left; shorten the footer rather than fail.
      if (embed.footer && embed.footer.text.length > 100) embed.footer.text = cut(embed.footer.text, Math.max(100, embed.footer.text.length - over));
      else break;
      continue;
    }
    if (last.value.length > 100) last.value = cut(last.value, Math.max(100, last.value.length - over));
    else fields.splice(index, 1);
  }
  return embed;
}

/** Separators and marks the budget below does not count one by one. */
const MARGIN = 16;

/**
 * A card's embed within Discord's limits. What a reader needs to act (the tally with its "if voting
 * ended now", the commands to copy) always stays: the body is cut to make room for it, and long
 * fields marked `shortened` (the reasons) give way first, with their note saying where to read them
 * whole. Fields cut are added to `cut`.
 */
function cardEmbed(view: CardView, opts: RenderOptions, typed: string[], cutFields?: Field[]): APIEmbed {
  const w = words(opts);
  const field = (f: Field): APIEmbedField => {
    const value = fieldValue(f);
    return { name: cut(nonEmpty(f.label), LIMITS.fieldName), value: cut(nonEmpty(value), LIMITS.fieldValue), inline: value.length <= 40 && !value.includes('\n') };
  };
  const fields: APIEmbedField[] = view.fields.filter((f) => !f.shortened).map(field);
  const longs = view.fields.filter((f) => f.shortened);
  const tallyFields: APIEmbedField[] = [];
  let tallyPart = '';
  if (view.tally) {
    const text = tallyText(view.tally);
    // A long tally (twenty options) reads better whole in the description than cut in a field.
    if (text.length <= LIMITS.fieldValue) tallyFields.push({ name: w.tally, value: nonEmpty(text), inline: false });
    else tallyPart = `**${w.tally}**\n${text.length > LIMITS.embedDescription / 2 ? keepSummary(text, view.tally.summary, LIMITS.embedDescription / 2) : text}`;
  }
  // Commands to copy come last but are kept when fields must go: they are the only way to that action.
  const runFields = typed.map((command) => ({ name: w.run, value: cut(`\`/concord ${command.replace(/`/g, 'ˋ')}\``, LIMITS.fieldValue), inline: false }));
  const room = LIMITS.embedFields - runFields.length - tallyFields.length - longs.length;
  if (fields.length > room) {
    const extra = fields.length - (room - 1);
    fields.splice(room - 1, fields.length, { name: '…', value: w.more(extra), inline: false });
  }
  const embed: APIEmbed = { title: cut(nonEmpty(mentions(view.title)), LIMITS.embedTitle), color: COLORS[view.tone ?? 'info'] };
  if (view.footer) embed.footer = { text: cut(mentions(view.footer), LIMITS.footer) };
  const head = view.subtitle ? cut(`*${mentions(view.subtitle)}*`, LIMITS.embedDescription / 4) : '';
  const fieldsLength = [...fields, ...tallyFields, ...runFields].reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  let left = LIMITS.embedTotal - MARGIN - (embed.title?.length ?? 0) - (embed.footer?.text.length ?? 0) - fieldsLength - head.length - tallyPart.length;

  // The body comes before the reasons: what is proposed matters more than what was said about it.
  const notes = longs.map((f) => cut(nonEmpty(f.label), LIMITS.fieldName).length + Math.min(fieldValue(f).length, (f.shortened ?? '').length + 200));
  const body = view.body ? mentions(view.body) : '';
  const bodyRoom = Math.min(LIMITS.embedDescription - head.length - tallyPart.length - MARGIN, left - notes.reduce((a, b) => a + b, 0));
  const shownBody = body.length <= bodyRoom ? body : bodyRoom > w.cut.length + 20 ? `${cut(body, bodyRoom - w.cut.length - 1)}\n${w.cut}` : '';
  left -= shownBody.length;
  const description = [head, shownBody, tallyPart].filter(Boolean).join('\n\n');
  if (description) embed.description = description;

  const longFields = longs.map((f) => {
    const name = cut(nonEmpty(f.label), LIMITS.fieldName);
    const value = nonEmpty(fieldValue(f));
    const note = f.shortened ?? w.cut;
    const fits = Math.min(LIMITS.fieldValue, left - name.length);
    const shown = value.length <= fits ? value : fits > note.length + 20 ? `${cut(value, fits - note.length - 1)}\n${note}` : cut(note, Math.max(1, fits));
    if (shown !== value) cutFields?.push(f);
    left -= name.length + shown.length;
    return { name, value: shown, inline: false };
  });
  const all = [...fields, ...longFields, ...tallyFields, ...runFields];
  if (all.length) embed.fields = all;
  return fitEmbed(embed, w.cut, w.run);
}

/** Tally lines cut to `max` with the summary (the forecast) kept whole after them. */
function keepSummary(text: string, summary: string | undefined, max: number): string {
  if (!summary || !text.endsWith(summary)) return cut(text, max);
  const lines = text.slice(0, text.length - summary.length).trimEnd();
  return `${cut(lines, Math.max(20, max - summary.length - 1))}\n${summary}`;
}

function paged(title: string | undefined, text: string, color: number, opts: RenderOptions, footer?: string): APIEmbed[] {
  const w = words(opts);
  const maxPages = opts.maxPages ?? 10;
  const shownFooter = footer ? cut(footer, LIMITS.footer) : undefined;
  // Each page is one message: its title, description and footer share the 6000 characters.
  const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - LIMITS.embedTitle - (shownFooter?.length ?? 0)) - w.cut.length - 1;
  const chunks = splitText(text, room);
  let pages = chunks.slice(0, maxPages);
  if (chunks.length > maxPages) {
    const lastIndex = pages.length - 1;
    pages[lastIndex] = `${pages[lastIndex] ?? ''}\n${w.cut}`;
  }
  if (pages.length === 0) pages = [''];
  return pages.map((chunk, i) => {
    const embed: APIEmbed = { color };
    if (title) embed.title = cut(pages.length > 1 ? w.page(title, i + 1, pages.length) : title, LIMITS.embedTitle);
    if (chunk.trim()) embed.description = chunk;
    else if (!title) embed.description = '—';
    if (shownFooter && i === pages.length - 1) embed.footer = { text: shownFooter };
    return embed;
  });
}

function listText(view: ListView): string {
  if (view.items.length === 0) return view.empty;
  return view.items.map((item) => (item.detail ? `• ${item.text}\n  ${item.detail}` : `• ${item.text}`)).join('\n');
}

/** One view as one or more messages (pages). Only cards carry components, on their single page. */
export function renderView(view: View, opts: RenderOptions = {}): DiscordMessage[] {
  switch (view.type) {
    case 'notice': {
      const text = `${MARKS[view.tone]}${mentions(view.text)}`;
      return [{ embeds: [{ description: cut(nonEmpty(text), LIMITS.embedDescription), color: COLORS[view.tone] }], components: [] }];
    }
    case 'text':
      return paged(view.title ? mentions(view.title) : undefined, mentions(view.text), COLORS.info, opts).map((e) => ({ embeds: [e], components: [] }));
    case 'list':
      return paged(mentions(view.title), mentions(listText(view)), COLORS.info, opts, view.footer ? mentions(view.footer) : undefined).map((e) => ({ embeds: [e], components: [] }));
    case 'chart': {
      // The grid as text too: the picture may fail to load, and a screen reader reads the text.
      const pages = paged(mentions(view.title), `\`\`\`\n${view.text.replace(/`/g, 'ˋ')}\n\`\`\``, COLORS.info, opts, view.footer ? mentions(view.footer) : undefined);
      const [first, ...rest] = pages;
      if (!first) return [];
      return [{ embeds: [{ ...first, image: { url: `attachment://${chartFile(view.chart)}` } }], components: [], chart: view }, ...rest.map((e) => ({ embeds: [e], components: [] }))];
    }
    case 'card': {
      const built = buildComponents(view.actions, opts);
      const cutFields: Field[] = [];
      const card: DiscordMessage = { embeds: [cardEmbed(view, opts, built.typed, cutFields)], components: built.rows };
      // A reply to the member (it has a language) lists whole what the card had to shorten: the form its note points to.
      if (!opts.locale) return [card];
      const whole = cutFields.flatMap((f) => paged(f.label, mentions(f.value), COLORS.info, { ...opts, maxPages: 40 }));
      return [card, ...whole.map((e) => ({ embeds: [e], components: [] }))];
    }
  }
}

function idsOf(message: DiscordMessage): string[] {
  return message.components.flatMap((row) => row.components.map((c) => ('custom_id' in c ? c.custom_id : '')));
}

/** Several views as few messages as Discord allows: up to 10 embeds, 6000 characters and 5 rows each. */
export function renderViews(views: View[], opts: RenderOptions = {}): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  for (const page of views.flatMap((v) => renderView(v, opts))) {
    const last = messages[messages.length - 1];
    const fits =
      last &&
      // A chart's picture belongs to the message whose embed shows it.
      !last.chart &&
      !page.chart &&
      last.embeds.length + page.embeds.length <= LIMITS.embedsPerMessage &&
      [...last.embeds, ...page.embeds].reduce((sum, e) => sum + embedLength(e), 0) <= LIMITS.embedTotal &&
      last.components.length + page.components.length <= LIMITS.actionRows &&
      !idsOf(page).some((id) => idsOf(last).includes(id));
    if (last && fits) {
      last.embeds.push(...page.embeds);
      last.components.push(...page.components);
    } else {
      messages.push({ ...page, embeds: [...page.embeds], components: [...page.components] });
    }
  }
  return messages;
}
