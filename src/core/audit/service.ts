// The audit commands: read recent entries, and recompute the whole chain to prove nothing was altered.
import type { Session } from '../context.js';
import type { Tx } from '../ports.js';
import type { AuditEntry } from './ports.js';
import type { RuleName } from '../proposals/rules/types.js';
import { fail } from '../errors.js';
import { formatDateTime } from '../time.js';
import { notice, type View } from '../views/types.js';
import { ChainVerifier, type ChainFailureReason } from './chain.js';
import { BALLOT_ACTIONS, disclose, type AuditReader, type Disclosed, type EntryScope } from './disclosure.js';
import { holdsBallot, parseReceipt, voterCommitment } from './receipts.js';
import { actionText, actorText, detailText, MEMBER_FIELDS, timeText, type ReadingContext } from './readable.js';

const PAGE = 5000;

/** How many entries one look at the log may read to find `limit` the reader may see. */
const MAX_SCAN = 2000;
const SCAN_PAGE = 200;

/**
 * The latest entries the reader may see (see disclosure.ts), newest first, in words: names, readable
 * values, times in the reader's zone and language. Hidden entries are skipped, not marked.
 */
export async function listAudit(s: Session, limit: number): Promise<View[]> {
  const groups = await s.tx.groups.ofMember(s.actor.id);
  if (groups.length === 0) return [notice('info', s.t({ key: 'audit.noGroup' }))];
  const reader: AuditReader = { memberId: s.actor.id, groupIds: new Set(groups.map((g) => g.id)) };
  const scopes = new ScopeResolver(s, reader);
  const shown: { disclosed: Disclosed; scope: ResolvedScope }[] = [];
  let before: number | undefined;
  let scanned = 0;
  while (shown.length < limit && scanned < MAX_SCAN) {
    const page = await s.tx.audit.recent(s.workspace.id, SCAN_PAGE, before);
    for (const entry of page) {
      const scope = await scopes.of(entry);
      const disclosed = scope && disclose(entry, reader, scope);
      if (disclosed && scope) shown.push({ disclosed, scope });
      if (shown.length === limit) break;
    }
    scanned += page.length;
    if (page.length < SCAN_PAGE) break;
    before = page[page.length - 1]!.seq;
  }
  const r: ReadingContext = {
    t: s.t,
    locale: s.locale,
    timezone: s.timezone,
    names: await memberNames(s, shown.map((x) => x.disclosed)),
    groupNames: new Map(groups.map((g) => [g.id, g.name])),
  };
  return [
    {
      type: 'list',
      title: s.t({ key: 'audit.title', params: { count: shown.length } }),
      items: shown.map(({ disclosed: d, scope }) => {
        const totals = scope.proposal?.anonymous && d.entry.action === 'proposal.closed' ? s.t({ key: 'audit.anonymousTotals' }) : '';
        const detail = [detailText(d, r, scope.rule), totals].filter(Boolean).join(' · ');
        return {
          text: `#${d.entry.seq} · ${timeText(d.entry.at, r)} · ${actorText(d.actorId, r, d.entry.action)} ${actionText(d.entry.action, d.entry.subject, r)}`,
          detail: `${detail ? `${detail}\n` : ''}${s.t({ key: 'audit.hash', params: { hash: d.entry.hash.slice(0, 12) } })}`,
        };
      }),
      empty: s.t({ key: 'audit.empty' }),
    },
  ];
}

type ResolvedScope = EntryScope & { rule: RuleName | null };

/** Finds what each entry is about, once per subject. */
class ScopeResolver {
  private readonly cache = new Map<string, ResolvedScope | null>();

  constructor(
    private readonly s: Session,
    private readonly reader: AuditReader,
  ) {}

  /** Null when the subject no longer exists: nothing says who may read it, so nobody does. */
  async of(entry: AuditEntry): Promise<ResolvedScope | null> {
    const key = entry.subject ?? '';
    if (!this.cache.has(key)) this.cache.set(key, await this.resolve(entry.subject));
    return this.cache.get(key)!;
  }

  private async resolve(subject: string | null): Promise<ResolvedScope | null> {
    if (!subject) return { groupId: null, rule: null };
    const [kind, id] = subject.split(':');
    const n = Number(id);
    const { tx, workspace } = this.s;
    switch (kind) {
      case 'group':
        return { groupId: n, rule: null };
      case 'proposal': {
        const p = await tx.proposals.find(workspace.id, n);
        if (!p) return null;
        // Whether the reader voted matters only while hidden results are still hidden.
        const readerHasVoted = p.status === 'open' && p.hideResults === 'until-vote' ? !!(await tx.ballots.of(p.id, this.reader.memberId)) : false;
        return { groupId: p.groupId, rule: p.rule, proposal: { anonymous: p.anonymous, hideResults: p.hideResults, status: p.status, readerHasVoted } };
      }
      case 'commitment': {
        const c = await tx.commitments.find(workspace.id, n);
        return c ? { groupId: c.groupId, rule: null } : null;
      }
      case 'mediation': {
        const d = await tx.disputes.find(workspace.id, n);
        return d ? { groupId: d.groupId, rule: null } : null;
      }
      case 'goal': {
        const g = await tx.goals.findGoal(workspace.id, n);
        return g ? { groupId: g.groupId, rule: null } : null;
      }
      case 'pledge': {
        // A pledge to the whole workspace has no group: everyone may read its entries.
        const p = await tx.pledges.find(workspace.id, n);
        return p ? { groupId: p.groupId, rule: null } : null;
      }
      case 'pool': {
        const p = await tx.pools.findPool(workspace.id, n);
        return p ? { groupId: p.groupId, rule: null } : null;
      }
      case 'retro': {
        const r = await tx.retros.find(workspace.id, n);
        return r ? { groupId: r.groupId, rule: null } : null;
      }
      case 'stakeholder': {
        // A removed stakeholder's entries stay readable, and stay as private as its group.
        const filed = await tx.stakeholders.filedUnder(workspace.id, n);
        return filed ? { groupId: filed.groupId, rule: null } : null;
      }
      default:
        return { groupId: null, rule: null };
    }
  }
}

async function memberNames(s: Session, shown: Disclosed[]): Promise<Map<number, string>> {
  const ids = new Set<number>();
  for (const d of shown) {
    if (d.actorId !== null) ids.add(d.actorId);
    for (const field of MEMBER_FIELDS) {
      const value = d.data[field];
      for (const id of Array.isArray(value) ? value : [value]) if (typeof id === 'number') ids.add(id);
    }
  }
  const members = ids.size ? await s.tx.members.getMany([...ids]) : [];
  return new Map(members.map((m) => [m.id, m.displayName]));
}

export type VerifyOutcome = { ok: true; count: number } | { ok: false; count: number; firstBadSeq: number; reason: ChainFailureReason | 'truncated' };

/** Streams the chain page by page, so a long log never sits in memory at once. */
export async function verifyWorkspaceChain(tx: Tx, workspaceId: number): Promise<VerifyOutcome> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const page = await tx.audit.page(workspaceId, after, PAGE);
    for (const entry of page) {
      const failure = verifier.push(entry);
      if (failure) return failure;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  const result = verifier.result();
  if (!result.ok) return result;
  // Entries cut off the end leave a valid but shorter chain: the head remembers how long it was.
  const head = await tx.audit.head(workspaceId);
  if (head && head.seq !== result.count) {
    return { ok: false, count: result.count, firstBadSeq: result.count + 1, reason: 'truncated' };
  }
  return result;
}

export async function verifyAudit(s: Session, receipt?: string): Promise<View[]> {
  // A receipt is checked before the chain is walked: a mistyped one should not wait for the whole log.
  const found = receipt === undefined ? null : await findReceipt(s, receipt);
  const outcome = await verifyWorkspaceChain(s.tx, s.workspace.id);
  const views: View[] = [];
  if (found) views.push(receiptView(s, found, outcome));
  if (outcome.ok) return [...views, notice('success', s.t({ key: 'audit.intact', params: { count: outcome.count } }))];
  const params = { seq: outcome.firstBadSeq, count: outcome.count };
  // A gap means the entry with that number is gone, not that it is there and wrong.
  if (outcome.reason === 'sequence-gap') return [...views, notice('danger', s.t({ key: 'audit.missing', params }))];
  if (outcome.reason === 'truncated') return [...views, notice('danger', s.t({ key: 'audit.truncated', params }))];
  return [...views, notice('danger', s.t({ key: 'audit.broken', params: { ...params, reason: s.t({ key: `audit.reason.${outcome.reason}` }) } }))];
}

interface FoundReceipt {
  number: number;
  entry: AuditEntry;
  /** The entry holds the ballot the member has now (false: they changed it since). */
  current: boolean;
}

/**
 * Finds the reader's sealed ballot entry from their receipt. The commitment is recomputed with the
 * reader's own member id, so a receipt finds nothing for anyone but the member who voted with it.
 */
async function findReceipt(s: Session, text: string): Promise<FoundReceipt> {
  const parsed = parseReceipt(text);
  if (!parsed) return fail('audit.receipt.invalid', { receipt: text });
  const p = await s.tx.proposals.find(s.workspace.id, parsed.number);
  const salt = p?.anonymous ? await s.tx.proposals.ballotSalt(p.id) : null;
  if (!p || !salt) return fail('audit.receipt.notFound', { number: parsed.number });
  const entry = await s.tx.audit.entryWithData(s.workspace.id, `proposal:${p.number}`, 'voter', voterCommitment(salt, s.actor.id, parsed.nonce));
  if (!entry || !BALLOT_ACTIONS.has(entry.action)) return fail('audit.receipt.notFound', { number: parsed.number });
  const ballot = await s.tx.ballots.of(p.id, s.actor.id);
  return { number: p.number, entry, current: !!ballot && holdsBallot(salt, parsed.nonce, ballot.value, entry.data) };
}

function receiptView(s: Session, found: FoundReceipt, outcome: VerifyOutcome): View {
  const at = formatDateTime(new Date(found.entry.at), s.timezone, s.locale);
  const params = { number: found.number, seq: found.entry.seq, at };
  const lines = [s.t({ key: 'audit.receipt.found', params })];
  lines.push(s.t({ key: found.current ? 'audit.receipt.current' : 'audit.receipt.superseded' }));
  // Only an intact chain up to and past the entry proves it was not changed or removed since.
  const intact = outcome.ok || outcome.firstBadSeq > found.entry.seq;
  lines.push(s.t({ key: intact ? 'audit.receipt.intact' : 'audit.receipt.notProven', params }));
  return notice(intact ? 'success' : 'danger', lines.join(' '));
}
