// Discord's hard limits and the text helpers that keep every string inside them: Discord rejects a whole message for one long label.

import { cutText, safeSlice } from '../shared/text.js';

/** From Discord's API reference. Lengths are UTF-16 units, which never undercounts Discord's characters. */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author of every embed in a message together. */
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionLabel: 100,
  selectOptionValue: 100,
  selectOptionDescription: 100,
  selectPlaceholder: 150,
  modalTitle: 45,
  modalComponents: 5,
  textInputLabel: 45,
  textInputPlaceholder: 100,
  textInputValue: 4000,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  stringOptionLength: 6000,
  autocompleteChoices: 25,
  threadName: 100,
} as const;

/**
 * Shortens text to `max` units, marking the cut. A markdown token cut in two (`<t:1700000000:F>`,
 * `<@123>`) would show as garbage, so the cut moves before an unclosed `<`.
 */
export function cut(text: string, max: number): string {
  return cutText(text, max, { tokens: true, tokenReach: 40 });
}

/** Discord rejects empty labels and values; a single space is not accepted either. */
export function nonEmpty(text: string, fallback = '—'): string {
  return text.trim() === '' ? fallback : text;
}

/**
 * Splits long text into pieces of at most `max` units at line breaks (or spaces), so that a page
 * never starts in the middle of a word. A code block cut in two is closed and reopened.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  let reopen = '';
  while (rest.length > 0) {
    const budget = max - reopen.length - 4;
    if (reopen.length + rest.length <= max) {
      pieces.push(reopen + rest);
      break;
    }
    let end = rest.lastIndexOf('\n', budget);
    if (end < budget / 2) end = rest.lastIndexOf(' ', budget);
    if (end < budget / 2) end = budget;
    let piece = reopen + safeSlice(rest, end);
    const fences = (piece.match(/```/g) ?? []).length;
    reopen = '';
    if (fences % 2 === 1) {
      piece += '\n```';
      reopen = '```\n';
    }
    pieces.push(piece);
    rest = rest.slice(safeSlice(rest, end).length).replace(/^\n/, '');
  }
  return pieces;
}
