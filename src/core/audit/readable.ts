// Turns a disclosed audit entry into words: names instead of ids, readable values, the reader's time zone and language.
import { isMessageKey, type Translator } from '../i18n/index.js';
import type { Locale, Msg } from '../i18n/types.js';
import { choiceLabel, describeRule } from '../proposals/rules/index.js';
import { RULES, type BallotValue, type RuleConfig, type RuleName } from '../proposals/rules/types.js';
import { formatAmount, isCurrency } from '../resources/money.js';
import { formatDateTime } from '../time.js';
import type { Disclosed } from './disclosure.js';

export interface ReadingContext {
  t: Translator;
  locale: Locale;
  timezone: string;
  /** Display names by member id. */
  names: Map<number, string>;
  /** Group names by id, for `group:<id>` subjects. */
  groupNames: Map<number, string>;
}

/** Actions with a sentence of their own; any other shows its stored name. */
const ACTIONS = [
  'proposal.created',
  'proposal.withdrawn',
  'proposal.closed',
  'proposal.reminded',
  'proposal.consulted',
  'proposal.advised',
  'ballot.cast',
  'ballot.changed',
  'decision.recorded',
  'decision.amended',
  'decision.review-due',
  'commitment.created',
  'commitment.done',
  'commitment.extended',
  'commitment.blocked',
  'commitment.cancelled',
  'commitment.overdue',
  'commitment.escalated',
  'settings.commitment-reminders',
  'settings.quiet-hours',
  'settings.digest',
  'settings.locale',
  'settings.timezone',
  'settings.reminder',
  'group.digest',
  'group.created',
  'group.joined',
  'group.left',
  'group.member-added',
  'group.role-set',
  'mediation.requested',
  'mediation.stage',
  'mediation.note',
  'mediation.caucus',
  'mediation.paused',
  'mediation.resumed',
  'mediation.agreement-proposed',
  'mediation.agreement-accepted',
  'mediation.agreement-declined',
  'mediation.closed',
  'mediation.notes-deleted',
  'stakeholder.added',
  'stakeholder.rated',
  'stakeholder.edited',
  'stakeholder.removed',
  'stakeholder.linked',
  'profile.updated',
  'profile.cleared',
  'settings.inclusion-min-cell',
  'goal.added',
  'goal.edited',
  'goal.closed',
  'indicator.added',
  'indicator.checkin',
  'indicator.reached',
  'settings.goal-thresholds',
  'pledge.made',
  'pledge.done',
  'pledge.evidence',
  'pledge.cancelled',
  'settings.inclusion-threshold',
  'proposal.inclusion-invited',
  'goal.postmortem-offered',
  'pool.created',
  'bucket.added',
  'pool.allocated',
  'pool.closed',
  'retro.started',
  'retro.item-added',
  'retro.voted',
  'retro.unvoted',
  'retro.action',
  'retro.discussed',
  'retro.closed',
  'kudos.given',
  'settings.retro-dots',
  'settings.kudos-limit',
] as const;
const ACTION_NAMES: ReadonlySet<string> = new Set(ACTIONS);
const hasSentence = (action: string): action is (typeof ACTIONS)[number] => ACTION_NAMES.has(action);

/** Data fields holding member ids, shown as @names. */
export const MEMBER_FIELDS: ReadonlySet<string> = new Set(['member', 'owners', 'parties', 'mediator', 'contact']);
/** Pool amounts, in minor units of the entry's `currency`. */
const MONEY_FIELDS: ReadonlySet<string> = new Set(['total', 'perMember', 'amount', 'previous', 'min', 'max', 'fundedTotal', 'returned']);
/** Data fields with a label of their own; others are left out of the readable view (they stay in the chain). */
const FIELDS = [
  'title',
  'what',
  'statement',
  'group',
  'rule',
  'anonymous',
  'hideResults',
  'closesAt',
  'electorate',
  'value',
  'reason',
  'outcome',
  'turnout',
  'reviewAt',
  'dueAt',
  'from',
  'to',
  'owners',
  'proposal',
  'onTime',
  'note',
  'member',
  'role',
  'previous',
  'parties',
  'mediator',
  'confidential',
  'stage',
  'summary',
  'escalatedTo',
  'notes',
  'scope',
  'locale',
  'timezone',
  'hours',
  'offsets',
  'day',
  'hour',
  'decisions',
  'open',
  'dueSoon',
  'overdue',
  'completed',
  'minCell',
  'cleared',
  'indicator',
  'goal',
  'baseline',
  'target',
  'unit',
  'checkin',
  'measured',
  'measuredAt',
  'atRisk',
  'offTrack',
  'stakeholders',
  'stakeholder',
  'crossSector',
  'threshold',
  'invited',
  'template',
  'names',
  'carried',
  'item',
  'column',
  'text',
  'dots',
  'perItem',
  'commitment',
  'limit',
  'pledged',
  'pool',
  'evidence',
  'bucket',
  'currency',
  'total',
  'perMember',
  'amount',
  'approved',
  'min',
  'max',
  'fundedTotal',
  'returned',
  'giniMembers',
  'giniSectors',
] as const;

/**
 * Fields only stakeholder entries are read for: other entries hold some of the same names (a group's `name`
 * and `kind`) and show them elsewhere or not at all.
 */
const STAKEHOLDER_FIELDS = ['name', 'kind', 'sector', 'contact', 'power', 'interest', 'legitimacy', 'urgency', 'type'] as const;
/** Shown after the shared fields: a link reads "Link: funds · From: S-3 · To: S-5 · Source: ...". */
const STAKEHOLDER_LAST = ['source'] as const;

const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;

/** "proposal #3", "commitment #2", "mediation #1", the group's name; null when the entry has no subject. */
export function subjectText(subject: string | null, r: ReadingContext): string | null {
  if (!subject) return null;
  const [kind, id] = subject.split(':');
  const n = Number(id);
  if (kind === 'group') return r.groupNames.get(n) ?? r.t({ key: 'audit.subject.group' });
  if (kind === 'proposal' || kind === 'commitment' || kind === 'mediation' || kind === 'stakeholder' || kind === 'goal' || kind === 'retro' || kind === 'pledge' || kind === 'pool') return r.t({ key: `audit.subject.${kind}`, params: { number: n } });
  return subject;
}

export function actionText(action: string, subject: string | null, r: ReadingContext): string {
  const text = subjectText(subject, r) ?? '';
  if (hasSentence(action)) return r.t({ key: `audit.action.${action}`, params: { subject: text } }).trim();
  return `${action} ${text}`.trim();
}

/**
 * Actions whose entries name nobody though a member acted: who declared what on a profile is theirs alone, and so
 * are an anonymous retro's items and everyone's dots.
 */
const UNNAMED_MEMBER_ACTIONS: ReadonlySet<string> = new Set(['profile.updated', 'profile.cleared', 'proposal.advised', 'retro.item-added', 'retro.voted', 'retro.unvoted']);

export function actorText(actorId: number | null, r: ReadingContext, action?: string): string {
  if (actorId === null) return r.t({ key: action && UNNAMED_MEMBER_ACTIONS.has(action) ? 'audit.aMember' : 'audit.system' });
  return `@${r.names.get(actorId) ?? r.t({ key: 'audit.formerMember' })}`;
}

export function ballotText(value: BallotValue, rule: RuleName | null, t: Translator): string {
  const option = (o: string) => {
    const named = rule ? choiceLabel(rule, o) : null;
    return named ? t(named) : o;
  };
  switch (value.kind) {
    case 'choice':
      return option(value.choice);
    case 'approval':
      return value.choices.map(option).join(', ');
    case 'ranked':
      return value.order.map(option).join(' > ');
    case 'score':
      return Object.entries(value.scores).map(([o, n]) => `${option(o)} ${n}`).join(', ');
    case 'dot':
      return Object.entries(value.dots).map(([o, n]) => `${option(o)} ${n}`).join(', ');
  }
}

/**
 * The label of a word stored in the chain. An entry written by another version may hold a word without one: it shows
 * as its key, as translate shows any unknown key.
 */
function storedWord(t: Translator, key: string, params?: Msg['params']): string {
  return isMessageKey(key) ? t(params ? { key, params } : { key }) : key;
}

function isRule(value: unknown): value is RuleName {
  return typeof value === 'string' && (RULES as readonly string[]).includes(value);
}

function fieldValue(key: string, value: unknown, d: Disclosed, rule: RuleName | null, r: ReadingContext): string | null {
  if (value === null || value === undefined || value === '') return null;
  const { t } = r;
  if (MEMBER_FIELDS.has(key)) {
    const ids = Array.isArray(value) ? value : [value];
    return ids.map((id) => actorText(typeof id === 'number' ? id : Number(id), r)).join(', ');
  }
  if (key === 'rule' && isRule(value)) {
    const config = d.data.config as RuleConfig | undefined;
    return config ? `${t({ key: `rule.name.${value}` })} (${t(describeRule(value, config))})` : t({ key: `rule.name.${value}` });
  }
  if (key === 'rule' && d.entry.action.startsWith('pool.') && typeof value === 'string') return storedWord(t, `pool.rule.${value}`);
  // A pool's amounts are stored in minor units of its currency; shown as money in the reader's convention.
  if (MONEY_FIELDS.has(key) && typeof value === 'number' && typeof d.data.currency === 'string' && isCurrency(d.data.currency)) {
    return formatAmount(value, d.data.currency, r.locale);
  }
  if (key === 'value' && typeof value === 'object') return ballotText(value as BallotValue, rule, t);
  if (key === 'outcome' && typeof value === 'string') {
    if (d.entry.action.startsWith('mediation.')) return storedWord(t, `mediation.outcome.${value}`);
    const winners = Array.isArray(d.data.winners) ? (d.data.winners as string[]).join(', ') : '';
    return storedWord(t, `outcome.${value}`, { winners });
  }
  if ((key === 'role' || key === 'previous') && typeof value === 'string') return storedWord(t, `role.${value}`);
  if (key === 'kind' && typeof value === 'string') return storedWord(t, `stakeholder.kind.${value}`);
  if (key === 'sector' && typeof value === 'string') return storedWord(t, `stakeholder.sector.${value}`);
  if (key === 'type' && typeof value === 'string') return storedWord(t, `stakeholder.linkType.${value}`);
  if (key === 'scope' && (value === 'me' || value === 'workspace')) return t({ key: `audit.scope.${value}` });
  if (key === 'hideResults' && typeof value === 'string') return value === 'never' ? null : storedWord(t, `audit.hideResults.${value}`);
  if (key === 'turnout' && typeof value === 'number') return t({ key: 'card.turnoutValue', params: { voted: value, count: Number(d.data.electorate ?? value) } });
  if (key === 'electorate' && d.data.turnout !== undefined) return null; // already in the turnout
  if (key === 'proposal' && typeof value === 'number') return t({ key: 'audit.subject.proposal', params: { number: value } });
  if (key === 'stakeholder' && typeof value === 'number') return `S-${value}`;
  if (key === 'stakeholders' && Array.isArray(value)) return value.map((n) => `S-${String(n)}`).join(', ');
  if (key === 'crossSector' && typeof value === 'object') {
    const c = value as { needed?: unknown; sectors?: unknown; met?: unknown };
    if (typeof c.needed !== 'number' || typeof c.sectors !== 'number') return null;
    return t({ key: c.met ? 'card.crossSectorMet' : 'card.crossSectorShort', params: { count: c.sectors, needed: c.needed } });
  }
  if (typeof value === 'boolean') {
    // A flag that is off says nothing worth a line.
    if (!value && (key === 'anonymous' || key === 'confidential')) return null;
    return t({ key: value ? 'audit.yes' : 'audit.no' });
  }
  if (typeof value === 'string' && ISO_TIME.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return formatDateTime(date, r.timezone, r.locale);
  }
  if (Array.isArray(value)) return value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : null;
  if (typeof value === 'object') return null;
  return String(value);
}

/** The entry's details as "Label: value" parts, in a fixed order. */
export function detailText(d: Disclosed, r: ReadingContext, rule: RuleName | null): string {
  if (d.ballotWithheld) return r.t({ key: 'audit.ballotWithheld' });
  const parts: string[] = [];
  // A stakeholder's own fields first, then those every entry shows (group, note, from and to), then the source.
  const keys: readonly ((typeof FIELDS)[number] | (typeof STAKEHOLDER_FIELDS)[number] | (typeof STAKEHOLDER_LAST)[number])[] = d.entry.action.startsWith('stakeholder.')
    ? [...STAKEHOLDER_FIELDS, ...FIELDS, ...STAKEHOLDER_LAST]
    : FIELDS;
  for (const key of keys) {
    const text = fieldValue(key, d.data[key], d, rule, r);
    if (text !== null) parts.push(`${r.t({ key: `audit.field.${key}` })}: ${text}`);
  }
  return parts.join(' · ');
}

export function timeText(at: string, r: ReadingContext): string {
  return formatDateTime(new Date(at), r.timezone, r.locale);
}
