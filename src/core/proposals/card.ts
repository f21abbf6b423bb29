// Builds the proposal card and the result card: what a group sees in its channel, in the group's language.
import { formatNumber, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Proposal } from './ports.js';
import { choiceLabel, choicesFor, describeRule, quorumNeeded, tally } from './rules/index.js';
import type { StoredBallot } from './ports.js';
import type { Ballot, TallyResult } from './rules/types.js';
import type { Action, CardView, Field, TallyView } from '../views/types.js';
import { formatDateTime, formatRelative } from '../time.js';
import { quoteWord } from '../commands/tokenize.js';
import type { ConsultedView } from './consult.js';
import { participationFields, type ProposalParticipation } from '../inclusion/figures.js';

export interface CardInput {
  proposal: Proposal;
  groupName: string;
  authorName: string;
  deciderName: string | null;
  /** Who withdrew a withdrawn proposal, when recorded. */
  withdrawnByName?: string | null;
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
  /** The stakeholders the proposal consulted, when it consulted any. */
  consulted?: ConsultedView;
  /** The advice given for them, each attributed to its stakeholder only; read only where a member asked to see the proposal. */
  advice?: { ref: string; name: string; advice: string }[];
  /** Who could take part and who did, by sector (core/inclusion); small cells already suppressed. */
  participation?: ProposalParticipation;
}

export function currentTally(proposal: Proposal, ballots: Ballot[]): TallyResult {
  return proposal.result ?? tally(proposal.rule, { config: proposal.config, ballots, electorate: proposal.electorateSize, ties: proposal.ties });
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
      value: `${formatDateTime(p.closesAt, input.timezone, input.locale)} (${formatRelative(p.closesAt, input.now, input.locale, input.timezone)})`,
      at: p.closesAt.toISOString(),
    });
  }
  if (p.anonymous) fields.push({ label: t({ key: 'card.ballots' }), value: t({ key: 'card.anonymous' }) });
  fields.push(...crossSectorFields(p, result, t), ...consultedFields(input));

  const card: CardView = {
    type: 'card',
    title: t({ key: 'card.title', params: { number: p.number, title: p.title } }),
    subtitle: t(describeRule(p.rule, p.config, p.ties)),
    fields,
    actions: [],
    tone: 'info',
  };
  if (p.body) card.body = p.body;

  const visible = resultsVisible(p, input.viewerHasVoted ?? false);
  card.tally = tallyView(result, t, visible, p, input.locale);

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
    card.footer = input.withdrawnByName ? t({ key: 'card.withdrawnBy', params: { member: `@${input.withdrawnByName}` } }) : t({ key: 'card.withdrawn' });
  } else {
    card.tone = result.outcome === 'passed' || result.outcome === 'winner' ? 'success' : 'warning';
    card.footer = t({ key: 'card.closedOutcome', params: { outcome: outcomeLabel(t, result, p) } });
    if (p.outcome) card.fields.push({ label: t({ key: 'card.decision' }), value: p.outcome });
  }
  card.fields.push(...participationFields(t, input.locale, p.number, input.participation));
  const reasons = visibleReasons(input, visible);
  if (reasons) card.fields.push({ label: t({ key: 'card.reasons' }), value: reasons, shortened: t({ key: 'card.reasonsShortened', params: { number: p.number } }) });
  card.fields.push(...adviceFields(input));
  return card;
}

/** `--cross-sector`: the requirement while voting goes on; once closed, how many sectors supported it against how many were needed. */
function crossSectorFields(p: Proposal, result: TallyResult, t: Translator): Field[] {
  const counted = p.status === 'closed' ? result.crossSector : undefined;
  if (counted) {
    const params = { count: counted.sectors, needed: counted.needed };
    return [{ label: t({ key: 'card.crossSector' }), value: t({ key: counted.met ? 'card.crossSectorMet' : 'card.crossSectorShort', params }) }];
  }
  if (!p.crossSector || p.status !== 'open') return [];
  return [{ label: t({ key: 'card.crossSector' }), value: t({ key: 'card.crossSectorNeeded', params: { needed: p.crossSector } }) }];
}

/** The consulted stakeholders, each answered or still awaited; others the card's readers may not see only as a count. */
function consultedFields(input: CardInput): Field[] {
  const { consulted, t } = input;
  if (!consulted) return [];
  const lines = consulted.shown.map((c) => {
    const name = c.removed ? t({ key: 'card.consultedRemoved', params: { name: c.name } }) : c.name;
    return t({ key: c.answered ? 'card.consultedAnswered' : 'card.consultedAwaiting', params: { ref: c.ref, name } });
  });
  if (consulted.hidden > 0) lines.push(t({ key: 'card.consultedHidden', params: { count: consulted.hidden } }));
  return [{ label: t({ key: 'card.consulted' }), value: lines.join('\n') }];
}

/** The advice given, as the stakeholder's: never who wrote it. */
function adviceFields(input: CardInput): Field[] {
  const { advice, t } = input;
  if (!advice?.length) return [];
  const value = advice.map((a) => `• ${t({ key: 'card.adviceLine', params: { ref: a.ref, name: a.name, advice: a.advice } })}`).join('\n');
  return [{ label: t({ key: 'card.advice' }), value, shortened: t({ key: 'card.adviceShortened', params: { number: input.proposal.number } }) }];
}

function visibleReasons(input: CardInput, visible: boolean): string | null {
  if (!visible) return null;
  const lines = input.voters
    .filter((b) => b.reason && b.value.kind === 'choice')
    .map((b) => {
      // Named choices (agree, block...) are translated; poll options are shown as they were written.
      const named = b.value.kind === 'choice' ? choiceLabel(input.proposal.rule, b.value.choice) : null;
      const choice = named ? input.t(named) : b.value.kind === 'choice' ? b.value.choice : '';
      const who = input.proposal.anonymous ? '' : `@${input.names.get(b.memberId) ?? '?'} `;
      return `• ${who}(${choice}): ${b.reason}`;
    });
  // Ballots come ordered by member; on an anonymous proposal that order would tell whose reason is whose.
  if (input.proposal.anonymous) lines.sort();
  return lines.length ? lines.join('\n') : null;
}

export function outcomeLabel(t: Translator, result: TallyResult, proposal?: Pick<Proposal, 'rule' | 'outcome'>): string {
  if (proposal?.rule === 'advice' && proposal.outcome) return t({ key: 'outcome.decided' });
  if (result.crossSector?.decisive) return t({ key: 'outcome.crossSectorShort', params: { count: result.crossSector.sectors, needed: result.crossSector.needed } });
  if (result.outcome === 'winner' || result.outcome === 'tie') {
    return t({ key: `outcome.${result.outcome}`, params: { winners: result.winners.join(', ') } });
  }
  return t({ key: `outcome.${result.outcome}` });
}

function tallyView(result: TallyResult, t: Translator, visible: boolean, p: Proposal, locale: Locale): TallyView {
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
      // Means are written as the reader writes numbers: 2.33 in English, 2,33 in Vietnamese.
      if (p.rule === 'score') line.value = formatNumber(locale, l.value, 2);
      if (p.rule === 'approval') {
        // A voter approves several options, so approvals are a share of the voters, not of all approvals.
        line.value = t({ key: 'card.approvedBy', params: { approved: l.value, count: result.turnout } });
        if (result.turnout > 0) line.share = l.value / result.turnout;
      } else if (p.rule === 'dot') {
        line.value = t({ key: 'card.dotsOf', params: { dots: l.value, count: total } });
        if (total > 0) line.share = l.value / total;
      } else if (isCount && total > 0) line.share = l.value / total;
      return line;
    }),
    // While voting goes on the explanation is a forecast, not a result; a withdrawn proposal has neither.
    ...(p.status === 'withdrawn'
      ? {}
      : {
          summary:
            p.status === 'open'
              ? t({ key: 'card.ifClosedNow', params: { explanation: result.explanation.map((m) => t(m)).join(' ') } })
              : result.explanation.map((m) => t(m)).join(' '),
        }),
  };
}

/** What an open proposal offers its voters: the card's buttons, and the ballot form of the read API (core/queries). */
export function ballotActions(p: Proposal, t: Translator): Action[] {
  const base = `vote ${p.number}`;
  const { rule } = p;
  if (rule === 'approval' || rule === 'ranked' || rule === 'score' || rule === 'dot') {
    const action: Action = {
      command: base,
      label: t({ key: 'card.castBallot' }),
      style: 'primary',
      input: {
        kind: 'ballot',
        rule,
        options: p.config.options,
        prompt: t({ key: `ballot.prompt.${rule}` }),
      },
    };
    if (p.rule === 'dot' && action.input?.kind === 'ballot') action.input.dots = p.config.dots ?? 5;
    return [action];
  }
  return choicesFor(p.rule, p.config).map((choice) => {
    const action: Action = {
      command: `${base} ${quoteWord(choice)}`,
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
    tally: tallyView(result, t, true, p, input.locale),
    actions: [],
    tone: result.outcome === 'passed' || result.outcome === 'winner' ? 'success' : 'warning',
  };
  card.fields.push(...crossSectorFields(p, result, t), ...consultedFields(input), ...participationFields(t, input.locale, p.number, input.participation));
  // Results frozen before tie modes existed do not record their tie-breaks, so they say nothing rather than "none".
  if (p.rule === 'ranked' && result.ties && result.rounds?.length) card.fields.push(...tieFields(result, t));
  // Ranked rounds are told once, in the tally's explanation, with their exhausted ballots and tie-breaks.
  if (p.rule === 'advice' && input.deciderName && !p.outcome) {
    card.footer = t({ key: 'result.adviceNext', params: { decider: `@${input.deciderName}`, number: p.number } });
  } else if (!p.outcome) {
    card.footer = t({ key: 'result.recordOutcome', params: { number: p.number } });
  }
  return card;
}

/** Ranked: every tie-break the count used, and the lot's seed and draws, so anyone can re-check them. */
function tieFields(result: TallyResult, t: Translator): Field[] {
  const rounds = result.rounds ?? [];
  const used = rounds.flatMap((r) => {
    const tb = r.tieBreak;
    if (!tb) return [];
    return [t({ key: `result.tieBreak.${tb.by}`, params: { round: r.round, ...(tb.by === 'previous' ? { previous: tb.round } : {}) } })];
  });
  const fields: Field[] = [{ label: t({ key: 'result.tieBreaks' }), value: used.length ? used.join('; ') : t({ key: 'result.tieBreaks.none' }) }];
  const draws = rounds.flatMap((r) => (r.tieBreak?.by === 'lot' ? [{ round: r.round, draw: r.tieBreak.draw, option: r.eliminated[0] ?? '' }] : []));
  if (result.seed && draws.length) {
    const lines = [t({ key: 'result.lotSeed', params: { seed: result.seed.hash, seq: result.seed.seq } })];
    for (const d of draws) {
      // Sixteen hex digits are plenty to compare with sha256sum's output; the close audit entry has them whole.
      const draw = d.draw.map((x) => `${x.option} ${x.hash.slice(0, 16)}…`).join(' < ');
      lines.push(t({ key: 'result.lotDraw', params: { round: d.round, draw, option: d.option } }));
    }
    fields.push({ label: t({ key: 'result.lot' }), value: lines.join('\n') });
  }
  return fields;
}
