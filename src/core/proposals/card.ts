// Builds the proposal card and the result card: what a group sees in its channel, in the group's language.
import type { Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Proposal } from '../ports.js';
import { choiceLabel, choicesFor, describeRule, quorumNeeded, tally } from './rules/index.js';
import type { StoredBallot } from '../ports.js';
import type { Ballot, TallyResult } from './rules/types.js';
import type { Action, CardView, Field, TallyView } from '../views/types.js';
import { formatDateTime, formatRelative } from '../time.js';

export interface CardInput {
  proposal: Proposal;
  groupName: string;
  authorName: string;
  deciderName: string | null;
  /** Every ballot's value and reason, for the tally and the turnout. */
  ballots: Ballot[];
  /**
   * The ballots whose voter a card may show, by member: those with a reason, or every ballot when
   * showVoters is set. A group's card needs only the first, which keeps a card refresh cheap however
   * many have voted.
   */
  voters: StoredBallot[];
  /** Display names by member id; ignored for anonymous proposals. */
  names: Map<number, string>;
  locale: Locale;
  timezone: string;
  now: Date;
  t: Translator;
  /** The reader has voted: with hide-results until-vote they may see the tally. */
  viewerHasVoted?: boolean;
  /** Whether to show who voted what (never for anonymous proposals). */
  showVoters?: boolean;
}

export function currentTally(proposal: Proposal, ballots: Ballot[]): TallyResult {
  return proposal.result ?? tally(proposal.rule, { config: proposal.config, ballots, electorate: proposal.electorateSize });
}

export function resultsVisible(proposal: Pick<Proposal, 'status' | 'hideResults'>, viewerHasVoted: boolean): boolean {
  // Only a close reveals hidden results; a withdrawn proposal keeps them as hidden as they were.
  if (proposal.status === 'closed') return true;
  if (proposal.hideResults === 'until-close') return false;
  if (proposal.hideResults === 'until-vote') return viewerHasVoted;
  return true;
}

export function proposalCard(input: CardInput): CardView {
  const { proposal: p, t } = input;
  const result = currentTally(p, input.ballots);
  const fields: Field[] = [
    { label: t({ key: 'card.group' }), value: input.groupName },
    { label: t({ key: 'card.rule' }), value: t({ key: `rule.name.${p.rule}` }) },
    { label: t({ key: 'card.proposer' }), value: `@${input.authorName}` },
    { label: t({ key: 'card.turnout' }), value: t({ key: 'card.turnoutValue', params: { voted: input.ballots.length, count: p.electorateSize } }) },
  ];
  if (p.rule === 'advice' && input.deciderName) fields.push({ label: t({ key: 'card.decider' }), value: `@${input.deciderName}` });
  // The advice process has no quorum: the decider decides however many gave advice.
  if (p.config.quorum && p.rule !== 'advice') {
    fields.push({ label: t({ key: 'card.quorum' }), value: t({ key: 'card.quorumValue', params: { needed: quorumNeeded(p.config.quorum, p.electorateSize), count: p.electorateSize } }) });
  }
  if (p.closesAt && p.status === 'open') {
    fields.push({
      label: t({ key: 'card.closes' }),
      value: `${formatDateTime(p.closesAt, input.timezone, input.locale)} (${formatRelative(p.closesAt, input.now, input.locale)})`,
      at: p.closesAt.toISOString(),
    });
  }
  if (p.anonymous) fields.push({ label: t({ key: 'card.ballots' }), value: t({ key: 'card.anonymous' }) });

  const card: CardView = {
    type: 'card',
    title: t({ key: 'card.title', params: { number: p.number, title: p.title } }),
    subtitle: t(describeRule(p.rule, p.config)),
    fields,
    actions: [],
    tone: 'info',
  };
  if (p.body) card.body = p.body;

  const visible = resultsVisible(p, input.viewerHasVoted ?? false);
  card.tally = tallyView(result, t, visible, p);

  if (p.status === 'open') {
    const needed = p.rule === 'advice' ? 0 : quorumNeeded(p.config.quorum, p.electorateSize) - input.ballots.length;
    if (needed > 0) card.footer = t({ key: 'card.quorumMissing', params: { count: needed } });
    card.actions = ballotActions(p, t);
    if (input.showVoters && !p.anonymous && input.voters.length) {
      const voted = input.voters.map((b) => `@${input.names.get(b.memberId) ?? '?'}`).join(', ');
      card.fields.push({ label: t({ key: 'card.voted' }), value: voted });
    }
  } else if (p.status === 'withdrawn') {
    card.tone = 'warning';
    card.footer = t({ key: 'card.withdrawn' });
  } else {
    card.tone = result.outcome === 'passed' || result.outcome === 'winner' ? 'success' : 'warning';
    card.footer = t({ key: 'card.closedOutcome', params: { outcome: outcomeLabel(t, result, p) } });
    if (p.outcome) card.fields.push({ label: t({ key: 'card.decision' }), value: p.outcome });
  }
  const reasons = visibleReasons(input, visible);
  if (reasons) card.fields.push({ label: t({ key: 'card.reasons' }), value: reasons, shortened: t({ key: 'card.reasonsShortened', params: { number: p.number } }) });
  return card;
}

function visibleReasons(input: CardInput, visible: boolean): string | null {
  if (!visible) return null;
  const lines = input.voters
    .filter((b) => b.reason && b.value.kind === 'choice')
    .map((b) => {
      const choice = b.value.kind === 'choice' ? input.t({ key: `choice.${b.value.choice}` }) : '';
      const who = input.proposal.anonymous ? '' : `@${input.names.get(b.memberId) ?? '?'} `;
      return `• ${who}(${choice}): ${b.reason}`;
    });
  // Ballots come ordered by member; on an anonymous proposal that order would tell whose reason is whose.
  if (input.proposal.anonymous) lines.sort();
  return lines.length ? lines.join('\n') : null;
}

export function outcomeLabel(t: Translator, result: TallyResult, proposal?: Pick<Proposal, 'rule' | 'outcome'>): string {
  if (proposal?.rule === 'advice' && proposal.outcome) return t({ key: 'outcome.decided' });
  if (result.outcome === 'winner' || result.outcome === 'tie') {
    return t({ key: `outcome.${result.outcome}`, params: { winners: result.winners.join(', ') } });
  }
  return t({ key: `outcome.${result.outcome}` });
}

function tallyView(result: TallyResult, t: Translator, visible: boolean, p: Proposal): TallyView {
  if (!visible) {
    return {
      lines: [],
      hiddenNote: t({ key: p.hideResults === 'until-vote' ? 'card.hiddenUntilVote' : 'card.hiddenUntilClose' }),
    };
  }
  const total = result.lines.reduce((sum, l) => sum + l.value, 0);
  // Ranked lines come from different rounds, so they do not add up to a whole.
  const isCount = !['fist-of-five', 'score', 'ranked'].includes(p.rule);
  return {
    lines: result.lines.map((l) => {
      const named = choiceLabel(p.rule, l.option);
      const label = named ? t(named) : l.option;
      const line: { label: string; value: string; share?: number } = { label, value: l.display };
      if (isCount && total > 0) line.share = l.value / total;
      return line;
    }),
    // While voting goes on the explanation is a forecast, not a result.
    summary:
      p.status === 'open'
        ? t({ key: 'card.ifClosedNow', params: { explanation: result.explanation.map((m) => t(m)).join(' ') } })
        : result.explanation.map((m) => t(m)).join(' '),
  };
}

function ballotActions(p: Proposal, t: Translator): Action[] {
  const base = `vote ${p.number}`;
  if (['approval', 'ranked', 'score', 'dot'].includes(p.rule)) {
    const action: Action = {
      command: base,
      label: t({ key: 'card.castBallot' }),
      style: 'primary',
      input: {
        kind: 'ballot',
        rule: p.rule as 'approval' | 'ranked' | 'score' | 'dot',
        options: p.config.options,
        prompt: t({ key: `ballot.prompt.${p.rule}` }),
      },
    };
    if (p.rule === 'dot' && action.input?.kind === 'ballot') action.input.dots = p.config.dots ?? 5;
    return [action];
  }
  return choicesFor(p.rule, p.config).map((choice) => {
    const action: Action = {
      command: `${base} ${quoteIfNeeded(choice)}`,
      label: (() => {
        const named = choiceLabel(p.rule, choice);
        return named ? t(named) : choice;
      })(),
    };
    if (choice === 'block' || choice === 'object') {
      action.style = 'danger';
      action.input = { kind: 'reason', prompt: t({ key: 'ballot.reasonPrompt' }) };
    }
    if (choice === 'agree' || choice === 'consent' || choice === 'yes') action.style = 'primary';
    return action;
  });
}

export const quoteIfNeeded = (text: string) => (/[\s"'\\]/.test(text) ? `"${text.replace(/(["\\])/g, '\\$1')}"` : text);

export function resultCard(input: CardInput): CardView {
  const { proposal: p, t } = input;
  const result = currentTally(p, input.ballots);
  const card: CardView = {
    type: 'card',
    title: t({ key: 'result.title', params: { number: p.number, title: p.title } }),
    subtitle: outcomeLabel(t, result, p),
    fields: [
      { label: t({ key: 'card.group' }), value: input.groupName },
      { label: t({ key: 'card.rule' }), value: t({ key: `rule.name.${p.rule}` }) },
      { label: t({ key: 'card.turnout' }), value: t({ key: 'card.turnoutValue', params: { voted: result.turnout, count: p.electorateSize } }) },
    ],
    tally: tallyView(result, t, true, p),
    actions: [],
    tone: result.outcome === 'passed' || result.outcome === 'winner' ? 'success' : 'warning',
  };
  if (result.rounds?.length) {
    card.body = result.rounds
      .map((r) =>
        t({
          key: 'result.round',
          params: {
            round: r.round,
            // Stored as JSON the counts lose their order: list them in the proposal's option order.
            counts: p.config.options.filter((o) => o in r.counts).map((o) => `${o} ${r.counts[o]}`).join(', '),
            eliminated: r.eliminated.join(', ') || '—',
          },
        }),
      )
      .join('\n');
  }
  if (p.rule === 'advice' && input.deciderName && !p.outcome) {
    card.footer = t({ key: 'result.adviceNext', params: { decider: `@${input.deciderName}`, number: p.number } });
  } else if (!p.outcome) {
    card.footer = t({ key: 'result.recordOutcome', params: { number: p.number } });
  }
  return card;
}
