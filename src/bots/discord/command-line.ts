// Builds `/concord` command lines from what a member entered in Discord, so every surface goes through core's one parser.
import { quoteWord } from '../../core/commands/tokenize.js';

/** Always quoted, so free text that looks like a number or a flag stays text; core's quoteWord escapes whatever needs it. */
export function quote(value: string): string {
  return quoteWord(value, { always: true });
}

/** Appends free text (a reason, a note) as the command's trailing quoted word. */
export function appendText(command: string, text: string): string {
  const trimmed = text.trim();
  return trimmed ? `${command} ${quote(trimmed)}` : command;
}

/** Appends `--flag "value"` for every filled-in form field, in the order given. */
export function appendFlags(command: string, values: Array<[flag: string, value: string]>): string {
  const parts = [command];
  for (const [flag, value] of values) {
    if (value.trim()) parts.push(`--${flag}`, quote(value.trim()));
  }
  return parts.join(' ');
}

export type OptionBallotRule = 'approval' | 'ranked' | 'score' | 'dot';

/**
 * How a ballot names option `index`: its 1-based number, which is short enough for a custom id.
 * Core reads an exact label before a number, so when some label is itself a number the labels
 * are used instead (they cannot contain the separators `,` `>` `=`; core refuses such options).
 */
export function optionRef(options: readonly string[], index: number): string {
  const numeric = options.some((o) => /^\s*\d+\s*$/.test(o));
  return numeric ? (options[index] ?? String(index + 1)).trim() : String(index + 1);
}

export type BallotPicks =
  | { rule: 'ranked'; order: number[] }
  | { rule: 'approval'; chosen: number[] }
  | { rule: 'score' | 'dot'; amounts: Array<[index: number, amount: number]> };

/** "3>1>2", "1,3", "1=5 2=2": the ballot texts core documents, built from option indexes. */
export function ballotText(options: readonly string[], picks: BallotPicks): string {
  switch (picks.rule) {
    case 'ranked':
      return picks.order.map((i) => optionRef(options, i)).join('>');
    case 'approval':
      return [...picks.chosen].sort((a, b) => a - b).map((i) => optionRef(options, i)).join(',');
    case 'score':
    case 'dot':
      return picks.amounts.map(([i, n]) => `${optionRef(options, i)}=${n}`).join(' ');
  }
}

/** `vote 7` → 7: ballot actions always name the proposal right after the verb. */
export function proposalOfVote(command: string): number | null {
  const match = /^vote\s+#?(\d+)\s*$/i.exec(command.trim());
  return match ? Number(match[1]) : null;
}
