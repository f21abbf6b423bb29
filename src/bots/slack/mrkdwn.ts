// Block Kit's hard limits and the text helpers that keep every string inside them: Slack rejects a whole message for one long label.

import { cutText, ELLIPSIS, safeSlice } from '../shared/text.js';

/** From Slack's Block Kit reference. Lengths are UTF-16 units, which never undercounts Slack's characters. */
export const LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100,
  text: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  actionsElements: 25,
  contextElements: 10,
  selectOptions: 100,
  optionGroups: 100,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  checkboxOptions: 10,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  hint: 2000,
  placeholder: 150,
  plainTextInput: 3000,
  /** The top-level `text` of a message: Slack cuts at 40 000, notifications show far less. */
  fallbackText: 3000,
} as const;

/** Shortens plain text to `max` units, marking the cut. */
export function cutPlain(text: string, max: number): string {
  return cutText(text, max);
}

/**
 * Shortens mrkdwn without breaking an entity (`&amp;`) or a token (`<@U1>`, `<!date^…>`) in two,
 * since a half token shows as garbage or swallows the rest of the message.
 */
export function cutMrkdwn(text: string, max: number): string {
  return cutText(text, max, { entities: true, tokens: true });
}

/** Splits mrkdwn into pieces of at most `max`, at line breaks where it can. */
export function splitMrkdwn(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') pieces.push(current);
    current = '';
  };
  for (const line of text.split('\n')) {
    const candidate = current === '' ? line : `${current}\n${line}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    flush();
    let rest = line;
    while (rest.length > max) {
      const head = cutMrkdwn(rest, max).slice(0, -ELLIPSIS.length);
      // A token longer than the limit cannot be kept whole; cut it as plain text.
      const taken = head.length > 0 ? head : safeSlice(rest, max);
      pieces.push(taken);
      rest = rest.slice(taken.length);
    }
    current = rest;
  }
  flush();
  return pieces;
}

// Slack mentions and links a member may have written; everything else that looks like markup is shown as typed.
const KEPT_TOKEN = /<(?:@[UW][A-Z0-9]+|#C[A-Z0-9]+|(?:https?|mailto):[^\s<>|]+)(?:\|[^<>]*)?>/g;
/** Concord stores a member known only by a mention under their Slack id; Slack shows the name for `<@id>`. */
const BARE_USER_ID = /(^|[\s(,])@([UW][A-Z0-9]{6,})(?![A-Za-z0-9])/g;

/** Plain text as mrkdwn that shows it as written. */
export const escapeMrkdwn = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeText = escapeMrkdwn;

/** A link written with its own label: `<https://…|label>`. */
const LABELLED_LINK = /^<((?:https?|mailto):[^\s<>|]+)\|([^<>]*)>$/;

/**
 * Text from Concord or a member, made safe for mrkdwn: `&`, `<` and `>` are escaped as Slack asks,
 * except user/channel mentions and links. `<!here>` and `<!channel>` are escaped on purpose: a proposal
 * body must not page everyone each time its card is posted. A link's label is shown beside its real
 * target, never in its place: in the bot's post `<https://evil|Official ballot>` would otherwise pass
 * for a link Concord vouches for.
 */
export function mrkdwn(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(KEPT_TOKEN)) {
    out += escapeText(text.slice(last, match.index));
    const link = LABELLED_LINK.exec(match[0]);
    out += link ? `${escapeText(link[2] ?? '')} (<${link[1]}>)` : match[0];
    last = match.index + match[0].length;
  }
  out += escapeText(text.slice(last));
  return out.replace(BARE_USER_ID, (_, before: string, id: string) => `${before}<@${id}>`);
}

/** A moment shown in each reader's own time zone by Slack, with Concord's own wording as the fallback. */
export function slackDate(iso: string, fallback: string): string | null {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const safeFallback = escapeText(fallback.replace(/[|]/g, '/'));
  return `<!date^${Math.floor(ms / 1000)}^{date_short_pretty} at {time}|${safeFallback}>`;
}

export const plain = (text: string, max: number = LIMITS.text) => ({ type: 'plain_text' as const, text: cutPlain(text, max), emoji: true });
export const md = (text: string, max: number = LIMITS.text) => ({ type: 'mrkdwn' as const, text: cutMrkdwn(text, max) });
