// One-line explanations of how each rule decides, for proposal cards and help.
import { msg, type Msg } from '../../i18n/types.js';
import { MAX_SCORE } from './choices.js';
import { dotsOf, formatFraction, minMeanOf, validThreshold } from './common.js';
import type { RuleConfig, RuleName } from './types.js';

export function describeRule(rule: RuleName, config: RuleConfig): Msg {
  switch (rule) {
    case 'majority': {
      const threshold = validThreshold(config);
      return threshold
        ? msg('rule.describe.majority.threshold', { threshold: formatFraction(threshold) })
        : msg('rule.describe.majority');
    }
    case 'fist-of-five':
      return msg('rule.describe.fist-of-five', { min: minMeanOf(config) });
    case 'score':
      return msg('rule.describe.score', { max: MAX_SCORE });
    case 'dot':
      return msg('rule.describe.dot', { count: dotsOf(config) });
    case 'consensus':
    case 'consent':
    case 'poll':
    case 'approval':
    case 'ranked':
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
