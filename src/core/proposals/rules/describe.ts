// One-line explanations of how each rule decides, for proposal cards and help.
import { msg, type Msg } from '../../i18n/types.js';
import { MAX_SCORE } from './choices.js';
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

/** Button label for a canonical choice; null for option rules, whose labels are the options themselves. */
export function choiceLabel(rule: RuleName, choice: string): Msg | null {
  switch (rule) {
    case 'fist-of-five':
      return msg(`choice.fist-of-five.${choice}`);
    case 'consensus':
    case 'consent':
    case 'majority':
    case 'advice':
      return msg(`choice.${choice}`);
    case 'poll':
    case 'approval':
    case 'ranked':
    case 'score':
    case 'dot':
      return null;
  }
}
