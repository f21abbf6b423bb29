// Cutting text to a platform's limits, one way for every adapter: lengths in UTF-16 units, the cut marked, markup kept whole.

export const ELLIPSIS = '…';

/** Drops a lone high surrogate left at the end of a cut, which the platforms reject as invalid UTF-8. */
export function safeSlice(text: string, end: number): string {
  const cut = text.slice(0, Math.max(0, end));
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

/** What a cut must not break in two; a half token shows as garbage or swallows the rest of the message. */
export interface CutRules {
  /** Tokens in angle brackets: Slack's `<@U1>` and `<!date^…>`, Discord's `<@123>` and `<t:1700000000:F>`. */
  tokens?: boolean;
  /** How close before the cut a token must start to be moved out whole; any distance when absent. */
  tokenReach?: number;
  /** Entities such as `&amp;`, which Slack's mrkdwn needs for `&`, `<` and `>`. */
  entities?: boolean;
}

/** Where the cut goes so that nothing the rules protect is broken: at `end`, or before what it would break. */
function cutPoint(text: string, end: number, rules: CutRules): number {
  if (rules.entities) {
    const amp = text.lastIndexOf('&', end - 1);
    if (amp !== -1 && !text.slice(amp, end).includes(';') && /^&[a-z]+;/.test(text.slice(amp, amp + 6))) end = amp;
  }
  if (rules.tokens) {
    const open = text.lastIndexOf('<', end - 1);
    const near = rules.tokenReach === undefined || end - open < rules.tokenReach;
    if (open !== -1 && near && !text.slice(open, end).includes('>')) end = open;
  }
  return end;
}

/** Shortens text to `max` units, marking the cut with an ellipsis. Text that fits is returned as it is. */
export function cutText(text: string, max: number, rules: CutRules = {}): string {
  if (text.length <= max) return text;
  return `${safeSlice(text, cutPoint(text, max - ELLIPSIS.length, rules))}${ELLIPSIS}`;
}
