// Turns what a member entered in a modal back into a `/concord` line, so modals go through the same parser as typed text.
import { quoteWord } from '../../core/commands/tokenize.js';

/** Always quoted, so free text that looks like a number or a flag stays text; core's quoteWord escapes whatever needs it. */
export function quote(value: string): string {
  return quoteWord(value, { always: true });
}

/**
 * Slack escapes `&`, `<` and `>` in slash command text. Decoding in one pass keeps `&amp;lt;`
 * (a member who typed `&lt;`) as `&lt;`.
 */
export function decodeSlackText(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

export type OptionBallotRule = 'approval' | 'ranked' | 'score' | 'dot';

/** Characters that split a ballot of each kind: a label containing one would be read as two. */
const SEPARATORS: Record<OptionBallotRule, RegExp> = {
  ranked: />/,
  approval: /,/,
  score: /[=,;]/,
  dot: /[=,;]/,
};

/**
 * An option as written in a ballot: its label when the label reads back unambiguously, else its
 * 1-based number, which core accepts as well.
 */
function ballotLabel(rule: OptionBallotRule, options: readonly string[], index: number): string {
  const label = options[index] ?? '';
  if (label.trim() !== '' && !SEPARATORS[rule].test(label)) return label;
  return String(index + 1);
}

export type BallotPicks =
  | { rule: 'ranked'; order: number[] }
  | { rule: 'approval'; chosen: number[] }
  | { rule: 'score' | 'dot'; amounts: Array<[number, number]> };

/** "B>A>C", "A,C", "A=5 B=2": the ballot texts core documents, built from option indexes. */
export function ballotText(options: readonly string[], picks: BallotPicks): string {
  switch (picks.rule) {
    case 'ranked':
      return picks.order.map((i) => ballotLabel('ranked', options, i)).join('>');
    case 'approval':
      return [...picks.chosen].sort((a, b) => a - b).map((i) => ballotLabel('approval', options, i)).join(',');
    case 'score':
    case 'dot':
      return picks.amounts.map(([i, n]) => `${ballotLabel(picks.rule, options, i)}=${n}`).join(' ');
  }
}

export interface ProposalDraft {
  title: string;
  body?: string;
  group?: string;
  rule: string;
  options?: string[];
  dots?: number;
  threshold?: string;
  /** A Slack user id. */
  decider?: string;
  closes?: string;
  /** Whole percent. */
  quorum?: number;
  anonymous?: boolean;
  hideResults?: string;
  /** Stakeholders to consult, as typed: `S-3, S-5`. */
  consult?: string;
  /** Sectors whose members must support it. */
  crossSector?: number;
}

export function proposeCommand(d: ProposalDraft): string {
  const parts = ['propose', quote(d.title)];
  if (d.body) parts.push('--body', quote(d.body));
  if (d.group) parts.push('--group', quote(d.group));
  parts.push('--rule', d.rule);
  if (d.options?.length) parts.push('--options', quote(d.options.join('|')));
  if (d.dots !== undefined) parts.push('--dots', String(d.dots));
  if (d.threshold) parts.push('--threshold', d.threshold);
  if (d.decider) parts.push('--decider', `<@${d.decider}>`);
  if (d.closes) parts.push('--closes', quote(d.closes));
  if (d.quorum !== undefined) parts.push('--quorum', `${d.quorum}%`);
  if (d.anonymous) parts.push('--anonymous');
  if (d.hideResults && d.hideResults !== 'never') parts.push('--hide-results', d.hideResults);
  if (d.consult) parts.push('--consult', quote(d.consult.replace(/\s+/g, '')));
  if (d.crossSector !== undefined) parts.push('--cross-sector', String(d.crossSector));
  return parts.join(' ');
}
