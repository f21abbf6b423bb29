// The read API: structured data adapters build menus, forms and App Home from, read under the same visibility rules as the text views.
import type { CommitmentStatus } from './commitments/ports.js';
import type { Session } from './context.js';
import { listGroups } from './groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from './groups/visibility.js';
import type { Locale } from './i18n/types.js';
import type { GroupKind, Role } from './groups/ports.js';
import type { ProposalStatus } from './ports.js';
import type { HideResults } from './proposals/ports.js';
import { ballotActions, resultsVisible } from './proposals/card.js';
import { choicesFor } from './proposals/rules/index.js';
import type { RuleName } from './proposals/rules/types.js';
import { decisions, listProposals } from './proposals/service.js';
import type { Action, View } from './views/types.js';

/** A group the reader may read, as a menu lists it. */
export interface GroupEntry {
  name: string;
  kind: GroupKind;
  private: boolean;
  channelId: string;
  channelName: string | null;
  memberCount: number;
  /** The group whose channel the request came from. */
  inThisChannel: boolean;
  /** The reader's role in the group; null when they are not a member. */
  role: Role | null;
}

/** One way to vote on a proposal, as its card offers it. */
export interface BallotChoice extends Action {
  /** The value a choice button casts (`agree`, `block`, `3`); absent for a ballot that needs a form. */
  choice?: string;
  /** The member is asked for a reason before the vote is cast. */
  reasonAsked: boolean;
}

/** What a ballot form needs to know about a proposal the reader may read. */
export interface BallotForm {
  proposal: number;
  /** The card's title, as the card shows it. */
  title: string;
  status: ProposalStatus;
  rule: RuleName;
  anonymous: boolean;
  hideResults: HideResults;
  /** Whether this reader may see the tally now. */
  resultsVisible: boolean;
  /** Whether this reader has voted (their own ballot only: never anyone else's). */
  hasVoted: boolean;
  /** The choices the card offers, in the card's order; empty once voting is over. */
  choices: BallotChoice[];
}

/** A proposal in a menu. */
export interface ProposalEntry {
  number: number;
  title: string;
  status: ProposalStatus;
  rule: RuleName;
  /** Whether this reader has voted. */
  voted: boolean;
}

/** What App Home shows: open proposals, the decision register and the groups, as views. */
export interface HomeData {
  locale: Locale;
  sections: View[][];
}

/** The groups the reader may read, private ones they are not in or invited to left out, and the reader's language for the menu. */
export async function readGroups(s: Session): Promise<{ locale: Locale; groups: GroupEntry[] }> {
  return { locale: s.locale, groups: await readableGroups(s) };
}

async function readableGroups(s: Session): Promise<GroupEntry[]> {
  const hidden = new Set(await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s)));
  const roles = new Map((await s.tx.groups.ofMember(s.actor.id)).map((g) => [g.id, g.role]));
  return (await s.tx.groups.list(s.workspace.id))
    .filter((g) => !hidden.has(g.id))
    .map((g) => ({
      name: g.name,
      kind: g.kind,
      private: g.visibility === 'private',
      channelId: g.channelId,
      channelName: g.channelName,
      memberCount: g.memberCount,
      inThisChannel: g.channelId === s.ctx.channel.id,
      role: roles.get(g.id) ?? null,
    }));
}

/** The ballot form of a proposal; null when there is none the reader may read (missing, or in a private group closed to them). */
export async function readBallotForm(s: Session, number: number): Promise<BallotForm | null> {
  const p = await s.tx.proposals.find(s.workspace.id, number);
  if (!p || !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s)))) return null;
  const hasVoted = !!(await s.tx.ballots.of(p.id, s.actor.id));
  const actions = p.status === 'open' ? ballotActions(p, s.t) : [];
  // Choice buttons come in the order of the rule's choices; a ballot that needs a form is one button without one.
  const values = actions.some((a) => a.input?.kind === 'ballot') ? [] : choicesFor(p.rule, p.config);
  return {
    proposal: p.number,
    title: s.t({ key: 'card.title', params: { number: p.number, title: p.title } }),
    status: p.status,
    rule: p.rule,
    anonymous: p.anonymous,
    hideResults: p.hideResults,
    resultsVisible: resultsVisible(p, hasVoted),
    hasVoted,
    choices: actions.map((action, i) => {
      const choice: BallotChoice = { ...action, reasonAsked: action.input?.kind === 'reason' };
      const value = values[i];
      if (value !== undefined) choice.choice = value;
      return choice;
    }),
  };
}

/** Proposals the reader may read: open ones, or with `all` every status, newest first, as `proposals` lists them. */
export async function readProposals(s: Session, all: boolean): Promise<ProposalEntry[]> {
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const proposals = await s.tx.proposals.list(s.workspace.id, all ? { excludeGroupIds, limit: 50 } : { status: ['open'], excludeGroupIds, limit: 50 });
  const entries: ProposalEntry[] = [];
  for (const p of proposals) {
    entries.push({ number: p.number, title: p.title, status: p.status, rule: p.rule, voted: !!(await s.tx.ballots.of(p.id, s.actor.id)) });
  }
  return entries;
}

/** A commitment in a menu. */
export interface CommitmentEntry {
  number: number;
  what: string;
  status: CommitmentStatus;
}

/** The reader's own commitments still to be done or answered, as `commitments --mine` lists them. */
export async function readMyCommitments(s: Session): Promise<CommitmentEntry[]> {
  // One's own commitments are listed whatever group they are filed under.
  const mine = await s.tx.commitments.list(s.workspace.id, { ownerId: s.actor.id, status: ['open', 'blocked', 'pending'], excludeGroupIds: [], limit: 50 });
  return mine.map((c) => ({ number: c.number, what: c.what, status: c.status }));
}

/** App Home's sections, built by the same code as `proposals`, `decisions` and `group list`. */
export async function readHome(s: Session): Promise<HomeData> {
  return {
    locale: s.locale,
    sections: [
      await listProposals(s, false),
      await decisions(s, undefined),
      await listGroups(s),
    ],
  };
}
