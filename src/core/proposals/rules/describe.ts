// One-line explanations of how each rule decides, for proposal cards and help.
import { msg, type Msg } from '../../i18n/types.js';
import { ADVICE_CHOICES, CONSENSUS_CHOICES, CONSENT_CHOICES, FIST_OF_FIVE_CHOICES, MAJORITY_CHOICES, MAX_SCORE } from './choices.js';
import { dotsOf, formatFraction, minMeanOf, validThreshold } from './common.js';
import type { RuleConfig, RuleName, TieMode } from './types.js';

/** `ties` matters only for ranked choice, whose description says how a tie for fewest is settled. */
export function describeRule(rule: RuleName, config: RuleConfig, ties: TieMode = 'lot'): Msg {
  switch (rule) {
    case 'majority': {
      const threshold = validThreshold(config);
      if (!threshold) return msg('rule.describe.majority');
      // A written 1/2 is "at least half": unlike the default, it passes an even split, so say so.
      const half = threshold.num * 2 === threshold.den;
      return msg(half ? 'rule.describe.majority.half' : 'rule.describe.majority.threshold', { threshold: formatFraction(threshold) });
    }
    case 'fist-of-five':
      return msg('rule.describe.fist-of-five', { min: minMeanOf(config) });
    case 'score':
      return msg('rule.describe.score', { max: MAX_SCORE });
    case 'dot':
      return msg('rule.describe.dot', { count: dotsOf(config) });
    case 'ranked':
      return msg(ties === 'batch' ? 'rule.describe.ranked.batch' : 'rule.describe.ranked');
    case 'consensus':
    case 'consent':
    case 'poll':
    case 'approval':
    case 'advice':
      return msg(`rule.describe.${rule}`);
  }
}

/** The single-word choices, each with a label of its own in the catalogs. */
const WORDS: readonly string[] = [...CONSENSUS_CHOICES, ...CONSENT_CHOICES, ...MAJORITY_CHOICES, ...ADVICE_CHOICES];
type Word = (typeof CONSENSUS_CHOICES | typeof CONSENT_CHOICES | typeof MAJORITY_CHOICES | typeof ADVICE_CHOICES)[number];
const isWord = (choice: string): choice is Word => WORDS.includes(choice);
const isFinger = (choice: string): choice is (typeof FIST_OF_FIVE_CHOICES)[number] => (FIST_OF_FIVE_CHOICES as readonly string[]).includes(choice);

/**
 * Button label for a canonical choice; null for option rules, whose labels are the options themselves, and for a
 * stored choice that is not one of the rule's words.
 */
export function choiceLabel(rule: RuleName, choice: string): Msg | null {
  switch (rule) {
    case 'fist-of-five':
      return isFinger(choice) ? msg(`choice.fist-of-five.${choice}`) : null;
    case 'consensus':
    case 'consent':
    case 'majority':
    case 'advice':
      return isWord(choice) ? msg(`choice.${choice}`) : null;
    case 'poll':
    case 'approval':
    case 'ranked':
    case 'score':
    case 'dot':
      return null;
  }
}
