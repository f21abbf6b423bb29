// `inclusion`: the full participation report for one proposal, or across a group's proposals, commitments and
// mediations; and `settings inclusion-threshold`. Every count passes through participationOf, under the minimum cell.
import { requireWorkspaceAdmin } from '../access.js';
import type { Session } from '../context.js';
import { DomainError, fail } from '../errors.js';
import { resolveGroup } from '../groups/service.js';
import { formatNumber } from '../i18n/index.js';
import type { CardView, View } from '../views/types.js';
import { notice } from '../views/types.js';
import { requireProposal } from '../proposals/service.js';
import { formatDateTime, parsePastWhen } from '../time.js';
import { inclusionNote, reportFields } from './figures.js';
import { participationOf } from './participation.js';
import type { GroupCounts } from './ports.js';
import { proposalParticipation } from './proposal.js';

export interface InclusionQuery {
  proposal?: number | undefined;
  group?: string | undefined;
  since?: string | undefined;
}

export async function inclusionReport(s: Session, q: InclusionQuery): Promise<View[]> {
  if ((q.proposal === undefined) === (q.group === undefined)) return fail('inclusion.needTarget');
  if (q.proposal !== undefined) {
    if (q.since !== undefined) return fail('inclusion.sinceWithoutGroup');
    return proposalReport(s, q.proposal);
  }
  return groupReport(s, q.group!, q.since);
}

/** One proposal: a member who may not read its group hears what a missing proposal gets. */
async function proposalReport(s: Session, number: number): Promise<View[]> {
  const { t } = s;
  const p = await requireProposal(s, number);
  const pp = await proposalParticipation(s.tx, p);
  const threshold = await s.tx.inclusion.threshold(s.workspace.id);
  const words = { eligible: t({ key: 'inclusion.word.couldVote' }), participants: t({ key: 'inclusion.word.voted' }) };
  const fields = pp.figures.sectors.length ? reportFields(t, s.locale, pp.figures, words) : [{ label: t({ key: 'inclusion.field' }), value: t({ key: 'inclusion.report.empty' }) }];
  fields.push({ label: t({ key: 'inclusion.report.threshold' }), value: formatNumber(s.locale, threshold, 2) });
  const note = inclusionNote(t, pp);
  if (note) fields.push({ label: t({ key: 'inclusion.noteLabel' }), value: note });
  const card: CardView = {
    type: 'card',
    title: t({ key: 'inclusion.report.title', params: { number: p.number, title: p.title } }),
    subtitle: t({ key: `inclusion.report.${p.status}` }),
    fields,
    actions: [],
    footer: t({ key: 'inclusion.report.footer', params: { n: pp.figures.minCell } }),
    tone: 'info',
  };
  return [card];
}

/** A group's record: three cards, one each for proposals, commitments and mediations. Private groups as resolveGroup decides. */
async function groupReport(s: Session, groupName: string, sinceText: string | undefined): Promise<View[]> {
  const { t } = s;
  const group = await resolveGroup(s, groupName);
  let since: Date | null = null;
  if (sinceText !== undefined) {
    const when = parsePastWhen(sinceText, { now: s.now, zone: s.timezone, locale: s.locale });
    if (!when.ok) throw new DomainError(when.error);
    since = when.date;
  }
  const [counts, minCell] = await Promise.all([s.tx.inclusion.groupCounts(group.id, since), s.tx.profiles.minCell(s.workspace.id)]);
  const sinceWords = since ? t({ key: 'inclusion.group.since', params: { date: formatDateTime(since, s.timezone, s.locale) } }) : '';
  const card = (kind: 'proposals' | 'commitments' | 'mediations', c: GroupCounts, words: { eligible: string; participants: string }): CardView => {
    const figures = participationOf(c.sectors, minCell);
    return {
      type: 'card',
      title: t({ key: `inclusion.group.${kind}`, params: { group: group.name, since: sinceWords } }),
      subtitle: t({ key: `inclusion.group.${kind}Counted`, params: { count: c.items } }),
      fields: figures.sectors.length ? reportFields(t, s.locale, figures, words) : [],
      actions: [],
      footer: t({ key: 'inclusion.report.footer', params: { n: minCell } }),
      tone: 'info',
    };
  };
  const members = t({ key: 'inclusion.word.members' });
  return [
    card('proposals', counts.proposals, { eligible: t({ key: 'inclusion.word.couldVote' }), participants: t({ key: 'inclusion.word.voted' }) }),
    card('commitments', counts.commitments, { eligible: members, participants: t({ key: 'inclusion.word.owners' }) }),
    card('mediations', counts.mediations, { eligible: members, participants: t({ key: 'inclusion.word.parties' }) }),
  ];
}

/** `settings inclusion-threshold`: below which representation ratio a sector's non-voters are invited to vote. */
export async function setThreshold(s: Session, threshold: number): Promise<View[]> {
  requireWorkspaceAdmin(s);
  const shown = formatNumber(s.locale, threshold, 2);
  if ((await s.tx.inclusion.threshold(s.workspace.id)) === threshold) return [notice('info', s.t({ key: 'settings.thresholdAlready', params: { threshold: shown } }))];
  await s.tx.inclusion.setThreshold(s.workspace.id, threshold);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.inclusion-threshold', subject: null, data: { threshold } });
  return [notice('success', s.t({ key: 'settings.thresholdSet', params: { threshold: shown } }))];
}
