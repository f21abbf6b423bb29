// Builders shared by the rule tests, so each case reads as the ballots it describes.
import type { Ballot, RuleConfig, TallyInput } from '../../../src/core/proposals/rules/types.js';

export const choice = (c: string, reason?: string): Ballot =>
  reason === undefined ? { value: { kind: 'choice', choice: c } } : { value: { kind: 'choice', choice: c }, reason };

export const choices = (...cs: string[]): Ballot[] => cs.map((c) => choice(c));

/** `repeat(3, 'agree')` reads better than three literals when counts matter. */
export const repeat = (n: number, c: string): Ballot[] => Array.from({ length: n }, () => choice(c));

export const ranked = (spec: string): Ballot => ({
  value: { kind: 'ranked', order: spec === '' ? [] : spec.split('>') },
});

export const approval = (spec: string): Ballot => ({ value: { kind: 'approval', choices: spec.split(',') } });

export const score = (scores: Record<string, number>): Ballot => ({ value: { kind: 'score', scores } });

export const dot = (dots: Record<string, number>): Ballot => ({ value: { kind: 'dot', dots } });

export function input(ballots: Ballot[], config: Partial<RuleConfig> = {}, electorate = 10): TallyInput {
  return { config: { options: [], ...config }, ballots, electorate };
}

export const keys = (msgs: { key: string }[]): string[] => msgs.map((m) => m.key);
