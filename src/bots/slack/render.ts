// Core views as Block Kit: one renderer per view kind, each cutting to Slack's limits instead of letting Slack reject the message.
import type { ActionsBlock, Button, ContextBlock, DividerBlock, HeaderBlock, KnownBlock, SectionBlock } from '@slack/types';
import type { Action, ActionInput, CardView, ChartView, Field, ListView, NoticeView, TallyView, TextView, Tone, View } from '../../core/views/types.js';
import { LIMITS, cutMrkdwn, cutPlain, md, mrkdwn, plain, slackDate, splitMrkdwn } from './mrkdwn.js';

/** action_id prefixes: the listener tells a plain command from one that first needs a modal. */
export const ACTION_IDS = {
  run: 'concord:run',
  reason: 'concord:reason',
  ballot: 'concord:ballot',
  form: 'concord:form',
  homePropose: 'concord:home:propose',
  proposeRule: 'concord:propose:rule',
} as const;

const TONE_MARK: Record<Tone, string> = {
  info: ':information_source:',
  success: ':white_check_mark:',
  warning: ':warning:',
  danger: ':x:',
};

const CARD_MARK: Record<Tone, string> = {
  info: ':ballot_box_with_ballot:',
  success: ':white_check_mark:',
  warning: ':warning:',
  danger: ':x:',
};

const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text || '…', LIMITS.headerText) });
const section = (text: string): SectionBlock => ({ type: 'section', text: md(text || ' ') });
const context = (text: string): ContextBlock => ({ type: 'context', elements: [md(text || ' ')] });
const divider = (): DividerBlock => ({ type: 'divider' });
const sections = (text: string): SectionBlock[] => splitMrkdwn(text, LIMITS.text).map(section);

/** Keeps the head and the tail (the buttons), cutting the middle with a visible mark when over budget. */
function fit(content: KnownBlock[], tail: KnownBlock[], max: number): KnownBlock[] {
  if (content.length + tail.length <= max) return [...content, ...tail];
  const room = Math.max(0, max - tail.length - 1);
  const dropped = content.length - room;
  return [...content.slice(0, room), context(`… (+${dropped})`), ...tail].slice(0, max);
}

// ---- actions ----

interface EncodedInput {
  c: string;
  i?: ActionInput;
}

/**
 * What a button carries. A plain command travels as itself; a command that needs a modal carries its
 * input spec as JSON so the modal can be built from the click alone. When even that is over Slack's
 * 2000 characters the spec is left out and the listener asks core for the proposal again.
 */
export function encodeAction(action: Action): string | null {
  if (!action.input) return action.command.length <= LIMITS.buttonValue ? action.command : null;
  const candidates: EncodedInput[] = [
    { c: action.command, i: action.input },
    { c: action.command, i: { ...action.input, prompt: cutPlain(action.input.prompt, 200) } },
    { c: action.command },
  ];
  for (const candidate of candidates) {
    const value = JSON.stringify(candidate);
    if (value.length <= LIMITS.buttonValue) return value;
  }
  return null;
}

export type ActionKind = 'run' | ActionInput['kind'];

export function decodeAction(actionId: string, value: string): { command: string; input?: ActionInput; kind: ActionKind } {
  if (actionId.startsWith(`${ACTION_IDS.run}:`)) return { command: value, kind: 'run' };
  const kind: ActionKind = actionId.startsWith(`${ACTION_IDS.reason}:`) ? 'reason' : actionId.startsWith(`${ACTION_IDS.form}:`) ? 'form' : 'ballot';
  try {
    const parsed = JSON.parse(value) as EncodedInput;
    return parsed.i ? { command: parsed.c, input: parsed.i, kind } : { command: parsed.c, kind };
  } catch {
    return { command: value, kind };
  }
}

function button(action: Action, index: number): Button | null {
  const value = encodeAction(action);
  if (value === null) return null;
  const prefix = action.input ? ACTION_IDS[action.input.kind] : ACTION_IDS.run;
  const element: Button = { type: 'button', action_id: `${prefix}:${index}`, text: plain(action.label || action.command, LIMITS.buttonText), value };
  if (action.style) element.style = action.style;
  return element;
}

function actionBlocks(actions: Action[]): ActionsBlock[] {
  const buttons = actions.map(button).filter((b): b is Button => b !== null);
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.actionsElements) {
    blocks.push({ type: 'actions', elements: buttons.slice(i, i + LIMITS.actionsElements) });
  }
  return blocks;
}

// ---- cards ----

function fieldValue(field: Field): string {
  if (field.at) {
    const date = slackDate(field.at, field.value);
    if (date) return date;
  }
  return mrkdwn(field.value);
}

/** Short fields sit side by side (ten to a section); long or multi-line ones get a section of their own. */
function fieldBlocks(fields: Field[]): SectionBlock[] {
  const blocks: SectionBlock[] = [];
  let row: ReturnType<typeof md>[] = [];
  const flushRow = () => {
    if (row.length) blocks.push({ type: 'section', fields: row });
    row = [];
  };
  for (const field of fields) {
    const text = `*${mrkdwn(field.label)}*\n${fieldValue(field)}`;
    if (field.value.includes('\n') || text.length > 300) {
      flushRow();
      blocks.push(...sections(text));
      continue;
    }
    row.push(md(text, LIMITS.fieldText));
    if (row.length === LIMITS.fields) flushRow();
  }
  flushRow();
  return blocks;
}

const bar = (share: number): string => {
  const filled = Math.round(Math.min(1, Math.max(0, share)) * 10);
  return `${'▰'.repeat(filled)}${'▱'.repeat(10 - filled)} ${Math.round(share * 100)}%`;
};

function tallyBlocks(tally: TallyView): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  if (tally.hiddenNote) blocks.push(context(`:lock: ${mrkdwn(tally.hiddenNote)}`));
  if (tally.lines.length) {
    const lines = tally.lines.map((l) => `*${mrkdwn(l.label)}*  ${mrkdwn(l.value)}${l.share === undefined ? '' : `  ${bar(l.share)}`}`);
    blocks.push(...sections(lines.join('\n')));
  }
  if (tally.summary) blocks.push(...splitMrkdwn(mrkdwn(tally.summary), LIMITS.text).map(context));
  return blocks;
}

/** The first `room` blocks, and a note in place of the rest when some are left out. */
function shorten(blocks: KnownBlock[], room: number, note: (left: number) => string): KnownBlock[] {
  if (blocks.length <= room) return blocks;
  const kept = Math.max(0, room - 1);
  return room > 0 ? [...blocks.slice(0, kept), context(note(blocks.length - kept))] : [];
}

/**
 * A card within `max` blocks. What a reader needs to act (the tally with its "if voting ended now",
 * the footer, the buttons) always stays: long fields marked `shortened` (the reasons) give way
 * first, with their note saying where to read them whole, then the body. Fields cut are added to `cut`.
 */
function cardBlocks(card: CardView, max: number, cut?: Field[]): KnownBlock[] {
  const head: KnownBlock[] = [header(`${CARD_MARK[card.tone ?? 'info']} ${card.title}`)];
  if (card.subtitle) head.push(context(mrkdwn(card.subtitle)));
  const body = card.body ? sections(mrkdwn(card.body)) : [];
  const fields = fieldBlocks(card.fields.filter((f) => !f.shortened));
  const tail: KnownBlock[] = [...(card.tally ? tallyBlocks(card.tally) : []), ...(card.footer ? [context(mrkdwn(card.footer))] : [])];
  const actions = actionBlocks(card.actions);
  let room = max - head.length - fields.length - tail.length - actions.length;
  const longs: KnownBlock[] = [];
  for (const field of card.fields.filter((f) => f.shortened)) {
    const blocks = fieldBlocks([field]);
    // The body comes first: what is proposed matters more than what was said about it.
    const share = Math.max(0, room - Math.min(body.length, Math.max(0, room - 2)));
    const kept = shorten(blocks, share, () => mrkdwn(field.shortened ?? ''));
    if (kept.length < blocks.length || kept.at(-1) !== blocks.at(-1)) cut?.push(field);
    longs.push(...kept);
    room -= kept.length;
  }
  const shownBody = shorten(body, room, (left) => `… (+${left})`);
  return fit([...head, ...shownBody, ...fields, ...longs, ...tail], actions, max);
}

// ---- notices, lists, text ----

function noticeBlocks(view: NoticeView, max: number): KnownBlock[] {
  return fit(sections(`${TONE_MARK[view.tone]} ${mrkdwn(view.text)}`), [], max);
}

function listItemText(item: ListView['items'][number]): string {
  const head = `• *${mrkdwn(item.text)}*`;
  return item.detail ? `${head}\n${mrkdwn(item.detail)}` : head;
}

/** Items are packed into as few sections as fit; past the budget the rest is counted, not shown. */
function listBlocks(view: ListView, max: number): KnownBlock[] {
  const content: KnownBlock[] = [header(view.title)];
  const tail: KnownBlock[] = view.footer ? [context(mrkdwn(view.footer))] : [];
  if (view.items.length === 0) {
    content.push(section(mrkdwn(view.empty)));
    return fit(content, tail, max);
  }
  const room = max - content.length - tail.length;
  const packed: string[] = [];
  let current = '';
  let shown = 0;
  for (const item of view.items) {
    const text = cutMrkdwn(listItemText(item), LIMITS.text);
    const candidate = current ? `${current}\n${text}` : text;
    if (candidate.length <= LIMITS.text) {
      current = candidate;
      shown++;
      continue;
    }
    // Full sections, this one, the next and the "+N" note must all fit.
    if (packed.length + 3 > room) break;
    packed.push(current);
    current = text;
    shown++;
  }
  if (current) packed.push(current);
  content.push(...packed.map(section));
  const hidden = view.items.length - shown;
  if (hidden > 0) content.push(context(`… (+${hidden})`));
  return fit(content, tail, max);
}

function textBlocks(view: TextView, max: number): KnownBlock[] {
  const content: KnownBlock[] = [];
  if (view.title) content.push(header(view.title));
  content.push(...sections(mrkdwn(view.text)));
  return fit(content, [], max);
}

/**
 * A chart in an ephemeral reply is its text grid, in code blocks that each fit a section; the picture cannot be
 * ephemeral in Slack and is sent apart (see SlackAnswers).
 */
function chartBlocks(view: ChartView, max: number): KnownBlock[] {
  const fence = '```';
  const grid = splitMrkdwn(mrkdwn(view.text.replace(/`/g, 'ˋ')), LIMITS.text - fence.length * 2 - 2).map((piece) => section(`${fence}\n${piece}\n${fence}`));
  return fit([header(view.title), ...grid], view.footer ? [context(cutMrkdwn(mrkdwn(view.footer), LIMITS.text))] : [], max);
}

export function renderView(view: View, max: number = LIMITS.messageBlocks, cut?: Field[]): KnownBlock[] {
  switch (view.type) {
    case 'card':
      return cardBlocks(view, max, cut);
    case 'notice':
      return noticeBlocks(view, max);
    case 'list':
      return listBlocks(view, max);
    case 'text':
      return textBlocks(view, max);
    case 'chart':
      return chartBlocks(view, max);
  }
}

/** What notifications and screen readers show: the first view's headline. */
export function fallbackText(views: View[]): string {
  const first = views[0];
  if (!first) return ' ';
  const text = first.type === 'card' || first.type === 'list' || first.type === 'chart' ? first.title : first.type === 'notice' ? first.text : (first.title ?? first.text);
  return cutMrkdwn(mrkdwn(text), LIMITS.fallbackText) || ' ';
}

/** Several views in one message, separated by dividers, within one message's block budget. Fields cut to fit go in `cut`. */
export function renderMessage(views: View[], max: number = LIMITS.messageBlocks, cut?: Field[]): { text: string; blocks: KnownBlock[] } {
  const blocks: KnownBlock[] = [];
  for (const [i, view] of views.entries()) {
    const separator = i > 0 ? 1 : 0;
    const left = views.length - i;
    // Each remaining view gets an even share of what is left, so the last one is not squeezed out.
    const room = Math.floor((max - blocks.length - separator - (left - 1)) / left);
    if (room < 2) {
      if (blocks.length < max) blocks.push(context(`… (+${views.length - i})`));
      break;
    }
    if (separator) blocks.push(divider());
    // Buttons of different views must not share an action_id within one message.
    blocks.push(...renumber(renderView(view, room, cut), i));
  }
  return { text: fallbackText(views), blocks };
}

/**
 * A reply to the member: the message, then whatever a card had to shorten, whole, in messages of
 * their own. This is the form the cards' "shortened" notes point to.
 */
export function renderReply(views: View[], max: number = LIMITS.messageBlocks): Array<{ text: string; blocks: KnownBlock[] }> {
  const cut: Field[] = [];
  const first = renderMessage(views, max, cut);
  const rest: Array<{ text: string; blocks: KnownBlock[] }> = [];
  for (const field of cut) {
    const blocks = fieldBlocks([{ label: field.label, value: field.value }]);
    for (let i = 0; i < blocks.length; i += LIMITS.messageBlocks) {
      rest.push({ text: cutMrkdwn(mrkdwn(field.label), LIMITS.fallbackText), blocks: blocks.slice(i, i + LIMITS.messageBlocks) });
    }
  }
  return [first, ...rest];
}

function renumber(blocks: KnownBlock[], viewIndex: number): KnownBlock[] {
  if (viewIndex === 0) return blocks;
  return blocks.map((block) =>
    block.type === 'actions'
      ? { ...block, elements: block.elements.map((e) => ('action_id' in e && e.action_id ? { ...e, action_id: `${e.action_id}.${viewIndex}` } : e)) }
      : block,
  ) as KnownBlock[];
}

export const blocksOf = { header, section, context, divider, sections, fit };
