// Pools: money a group shares out among buckets (projects asking for funds) by crowdfunding, the Method of Equal
// Shares or quadratic funding; members' allocations, the close and its result card with a fairness report. A pool
// belongs to a group and is as private as the group.
//
// Readings the rules need:
// - crowdfund: each member of the group gets `--per-member` (or the pool divided equally) to put into buckets;
// - equal-shares: members approve buckets; at close the method spends the pool (a bucket costs its maximum);
// - quadratic: `--amount` is the matching fund and `--per-member` what each member may contribute from; at close
//   each bucket gets its contributions plus its share of the matching fund.
import type { Session } from '../context.js';
import { DomainError, fail } from '../errors.js';
import { mentionList, resolveGroup, resolveMember, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { formatNumber, translator, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import { cellText } from '../inclusion/cells.js';
import { UNDECLARED } from '../inclusion/participation.js';
import type { Workspace } from '../members/ports.js';
import type { Group, Tx } from '../ports.js';
import type { Sector } from '../stakeholders/ports.js';
import { formatDateTime, parseWhen } from '../time.js';
import { notice, type Action, type CardView, type Field, type View } from '../views/types.js';
import { allocate as allocateFunds, bucketGoal, bucketStatus, closePool as closeCrowdfund, grantShares, OPEN_ENDED, openPool, raised, balance, type BucketGoal, type CrowdfundState } from './crowdfund.js';
import { equalShares } from './equal-shares.js';
import { fairnessReport, parseTargets } from './fairness.js';
import { formatAmount, isCurrency, parseAmount } from './money.js';
import type { PoolJob } from './pool-jobs.js';
import type { AllocationRow, Bucket, Pool, PoolMember, PoolResult, PoolRule } from './pool-ports.js';
import { contributionsOf, quadraticFunding } from './quadratic.js';

export const poolRef = (number: number): string => `P-${number}`;
export const bucketRef = (number: number): string => `B-${number}`;
const subject = (pool: Pool) => `pool:${pool.number}`;
const closeJobKey = (poolId: number) => `pool:${poolId}:close`;

const money = (pool: Pool, minor: number, locale: Locale) => formatAmount(Math.round(minor), pool.currency, locale);

/** A pool of a private group is for those who may read the group; anyone else is answered as for a missing one. */
async function requirePool(s: Session, number: number): Promise<Pool> {
  const pool = await s.tx.pools.findPool(s.workspace.id, number);
  if (!pool || !(await canReadFiledUnder(s.tx, pool.groupId, readerOf(s)))) return fail('pool.notFound', { ref: poolRef(number) });
  return pool;
}

async function requireBucket(s: Session, number: number): Promise<{ bucket: Bucket; pool: Pool }> {
  const bucket = await s.tx.pools.findBucket(s.workspace.id, number);
  const pool = bucket ? await s.tx.pools.getPool(bucket.poolId) : null;
  if (!bucket || !pool || !(await canReadFiledUnder(s.tx, pool.groupId, readerOf(s)))) return fail('bucket.notFound', { ref: bucketRef(number) });
  return { bucket, pool };
}

/** A convener of the group or a workspace admin opens and closes its pools: they hold the group's money. */
async function requireManage(s: Session, group: Group): Promise<void> {
  if (s.ctx.actor.isAdmin === true) return;
  if ((await s.tx.groups.roleIn(group.id, s.actor.id)) !== 'convener') fail('pool.manageOnly', { group: group.name });
}

/** Closed when closed, and also once its closing time has passed, before the job has run. */
function requireOpen(s: Session, pool: Pool): void {
  if (pool.status !== 'open' || (pool.closesAt !== null && pool.closesAt.getTime() <= s.now.getTime())) fail('pool.closed', { ref: poolRef(pool.number), name: pool.name });
}

/** Reads an amount the member typed, or refuses it in words. */
function amountOf(s: Session, text: string, currency: string, what: string): number {
  const parsed = parseAmount(text, currency, s.locale);
  if (!parsed.ok) return fail(`pool.money.${parsed.reason}`, { given: text, what, currency });
  return parsed.minor;
}

/** What `pool create` asks for. */
export interface NewPool {
  poolName: string;
  amount: string;
  currency: string;
  group?: string | undefined;
  rule: PoolRule;
  perMember?: string | undefined;
  cap?: string | undefined;
  matchingCap?: number | undefined;
  closes?: string | undefined;
  targetShares?: string | undefined;
}

export async function createPool(s: Session, c: NewPool): Promise<View[]> {
  const currency = c.currency.trim().toUpperCase();
  if (!isCurrency(currency)) return fail('pool.money.unknown-currency', { given: c.currency, what: '--currency', currency: c.currency });
  const group = await resolveGroup(s, c.group);
  await requireManage(s, group);
  const total = amountOf(s, c.amount, currency, '--amount');
  const perMember = c.perMember !== undefined ? amountOf(s, c.perMember, currency, '--per-member') : null;
  const cap = c.cap !== undefined ? amountOf(s, c.cap, currency, '--cap') : null;
  if (c.rule === 'quadratic' && perMember === null) return fail('pool.quadraticPerMember');
  let closesAt: Date | null = null;
  if (c.closes !== undefined) {
    const when = parseWhen(c.closes, { now: s.now, zone: s.timezone, locale: s.locale, horizonMonths: 24 });
    if (!when.ok) throw new DomainError(when.error);
    closesAt = when.date;
  }
  let targetShares: Pool['targetShares'] = null;
  if (c.targetShares !== undefined) {
    const parsed = parseTargets(c.targetShares);
    if (!parsed.ok) {
      const r = parsed.refusal;
      return fail(`pool.targets.${r.reason}`, { item: 'item' in r ? r.item : '', total: 'total' in r ? formatNumber(s.locale, r.total) : '' });
    }
    targetShares = Object.fromEntries(parsed.targets);
  }
  const voters = (await s.tx.groups.members(group.id)).filter((m) => VOTING_ROLES.includes(m.role)).map((m) => m.member.id);
  const shares = grantShares(voters, perMember !== null ? { perMember } : { pool: total });
  if (!shares.ok) return fail('pool.noMembers', { group: group.name });
  // In a crowdfund, balances are the pool: they may not promise more than it holds.
  if (c.rule === 'crowdfund' && perMember !== null && perMember * voters.length > total) {
    return fail('pool.perMemberTooMuch', { perMember: money({ currency } as Pool, perMember, s.locale), count: voters.length, total: money({ currency } as Pool, total, s.locale) });
  }
  const number = await s.tx.pools.nextPoolNumber(s.workspace.id);
  const pool = await s.tx.pools.insertPool({
    workspaceId: s.workspace.id,
    number,
    groupId: group.id,
    name: c.poolName,
    currency,
    totalMinor: total,
    rule: c.rule,
    perMemberMinor: perMember,
    capPerBucketMinor: cap,
    matchingCapShare: c.matchingCap ?? null,
    targetShares,
    closesAt,
    channelId: group.channelId,
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  await s.tx.pools.addMembers([...shares.grants].map(([memberId, grantMinor]) => ({ poolId: pool.id, memberId, grantMinor, sector: null })));
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'pool.created',
    subject: subject(pool),
    data: { title: c.poolName, group: group.name, rule: c.rule, currency, total, perMember, cap, members: voters.length, closesAt: closesAt?.toISOString() ?? null, targets: targetShares },
  });
  if (closesAt) await s.tx.jobs.schedule({ kind: 'pool.close', key: closeJobKey(pool.id), runAt: closesAt, payload: { poolId: pool.id } }, 'replace');
  const t = translator(s.workspace.locale);
  await s.tx.outbox.enqueue(
    { workspaceId: s.workspace.id, target: { kind: 'post', channelId: group.channelId }, view: await poolCard(s.tx, t, s.workspace.locale, s.workspace.timezone, pool, null) },
    s.now,
  );
  return [notice('success', s.t({ key: `pool.created.${c.rule}`, params: { ref: poolRef(number), name: c.poolName, group: group.name, total: money(pool, total, s.locale), count: voters.length } }))];
}

/** What `bucket add` asks for. */
export interface NewBucket {
  pool: number;
  title: string;
  min: string;
  max?: string | undefined;
  owner?: string | undefined;
  body?: string | undefined;
}

export async function addBucket(s: Session, c: NewBucket): Promise<View[]> {
  const pool = await requirePool(s, c.pool);
  requireOpen(s, pool);
  const group = await s.tx.groups.get(pool.groupId);
  const role = await s.tx.groups.roleIn(group.id, s.actor.id);
  if (!role || !VOTING_ROLES.includes(role)) return fail('bucket.membersOnly', { group: group.name });
  const min = amountOf(s, c.min, pool.currency, '--min');
  const max = c.max !== undefined ? amountOf(s, c.max, pool.currency, '--max') : min;
  const goal = bucketGoal(min, max);
  if (!goal.ok) return fail(`bucket.${goal.reason}`, { min: money(pool, min, s.locale), max: money(pool, max, s.locale) });
  const owner = c.owner !== undefined ? await resolveMember(s, c.owner) : s.actor;
  const number = await s.tx.pools.nextBucketNumber(s.workspace.id);
  await s.tx.pools.insertBucket({
    workspaceId: s.workspace.id,
    poolId: pool.id,
    number,
    title: c.title,
    body: c.body ?? null,
    minMinor: min,
    maxMinor: max,
    ownerId: owner.id,
    createdBy: s.actor.id,
    createdAt: s.now,
  });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'bucket.added',
    subject: subject(pool),
    data: { bucket: bucketRef(number), title: c.title, currency: pool.currency, min, max, owners: [owner.id] },
  });
  return [
    notice(
      'success',
      s.t({ key: 'bucket.added', params: { ref: bucketRef(number), title: c.title, pool: poolRef(pool.number), min: money(pool, min, s.locale), max: money(pool, max, s.locale), owner: `@${owner.displayName}` } }),
    ),
  ];
}

/** The crowdfund state of a pool as stored; a quadratic pool's buckets only collect, so they have no limits. */
function stateOf(pool: Pool, members: readonly PoolMember[], buckets: readonly Bucket[], allocations: readonly AllocationRow[]): CrowdfundState {
  const goals = new Map<number, BucketGoal>(buckets.map((b) => [b.id, pool.rule === 'quadratic' ? OPEN_ENDED : { min: b.minMinor, max: b.maxMinor }]));
  let state = openPool(new Map(members.map((m) => [m.memberId, m.grantMinor])), goals, pool.capPerBucketMinor);
  const contributions = new Map<number, Map<number, number>>();
  for (const a of allocations) {
    if (a.amountMinor <= 0) continue;
    const byMember = contributions.get(a.bucketId) ?? new Map<number, number>();
    byMember.set(a.memberId, a.amountMinor);
    contributions.set(a.bucketId, byMember);
  }
  state = { ...state, contributions };
  return state;
}

/** What `allocate` asks for: an amount, or under equal shares `approve` / `withdraw`. */
export interface NewAllocation {
  bucket: number;
  amount: string;
  set: boolean;
}

const APPROVE = new Set(['approve', 'yes', 'duyệt', 'chọn', 'đồng-ý']);
const WITHDRAW = new Set(['withdraw', 'unapprove', 'no', 'rút', 'bỏ']);

export async function allocate(s: Session, c: NewAllocation): Promise<View[]> {
  // One member's allocations are taken one at a time: two at once could each see the same balance and overspend it.
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const { bucket, pool } = await requireBucket(s, c.bucket);
  requireOpen(s, pool);
  const members = await s.tx.pools.membersOf(pool.id);
  const me = members.find((m) => m.memberId === s.actor.id);
  if (!me) return fail('pool.notAMember', { ref: poolRef(pool.number), name: pool.name });
  const allocations = await s.tx.pools.allocationsOf(pool.id);
  const word = c.amount.trim().toLowerCase();
  const params = { ref: bucketRef(bucket.number), title: bucket.title, pool: poolRef(pool.number) };

  if (pool.rule === 'equal-shares') {
    const approved = APPROVE.has(word) ? true : WITHDRAW.has(word) ? false : null;
    if (approved === null) return fail('pool.approveOnly', params);
    await s.tx.pools.putAllocation({ poolId: pool.id, bucketId: bucket.id, memberId: s.actor.id, amountMinor: 0, approved, updatedAt: s.now });
    await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'pool.allocated', subject: subject(pool), data: { bucket: bucketRef(bucket.number), approved } });
    const count = allocations.filter((a) => a.bucketId === bucket.id && a.approved && a.memberId !== s.actor.id).length + (approved ? 1 : 0);
    return [notice('success', s.t({ key: approved ? 'pool.approved' : 'pool.unapproved', params: { ...params, count } }))];
  }

  if (APPROVE.has(word) || WITHDRAW.has(word)) return fail('pool.amountOnly', params);
  const amount = amountOf(s, c.amount, pool.currency, bucketRef(bucket.number));
  const buckets = await s.tx.pools.bucketsOf(pool.id);
  const state = stateOf(pool, members, buckets, allocations);
  const result = allocateFunds(state, s.actor.id, bucket.id, amount, c.set ? 'set' : 'add');
  if (!result.ok) {
    const r = result.refusal;
    const figure = 'room' in r ? r.room : 'available' in r ? r.available : 'cap' in r ? r.cap : 0;
    return fail(`pool.refused.${r.reason}`, { ...params, amount: money(pool, figure, s.locale), balance: money(pool, balance(state, s.actor.id), s.locale) });
  }
  const { after, before } = result.allocation;
  const next = result.allocation.state;
  await s.tx.pools.putAllocation({ poolId: pool.id, bucketId: bucket.id, memberId: s.actor.id, amountMinor: after, approved: false, updatedAt: s.now });
  if (after !== before) {
    await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'pool.allocated', subject: subject(pool), data: { bucket: bucketRef(bucket.number), currency: pool.currency, amount: after, previous: before } });
  }
  return [
    notice(
      'success',
      s.t({
        key: 'pool.allocated',
        params: { ...params, amount: money(pool, after, s.locale), raised: money(pool, raised(next, bucket.id), s.locale), balance: money(pool, balance(next, s.actor.id), s.locale) },
      }),
    ),
  ];
}

export async function closePoolCommand(s: Session, number: number): Promise<View[]> {
  await s.tx.audit.lockWorkspace(s.workspace.id);
  const pool = await requirePool(s, number);
  await requireManage(s, await s.tx.groups.get(pool.groupId));
  if (pool.status !== 'open') return fail('pool.closed', { ref: poolRef(pool.number), name: pool.name });
  const closed = await closeNow(s.tx, s.workspace, pool, s.actor.id, s.now);
  // The result card is posted in the pool's channel: typed there, the reply need not show it a second time.
  if (s.ctx.channel.id === pool.channelId) return [notice('success', s.t({ key: 'pool.closedHere', params: { ref: poolRef(pool.number), name: pool.name } }))];
  return [await poolCard(s.tx, s.t, s.locale, s.timezone, closed, null)];
}

/** Closes the pool by its rule, writes what each bucket received and the result, and posts the result card. */
async function closeNow(tx: Tx, workspace: Workspace, pool: Pool, actorId: number | null, now: Date): Promise<Pool> {
  const members = await tx.pools.membersOf(pool.id);
  const ids = members.map((m) => m.memberId);
  const declared = await tx.profiles.sectorsOf(ids);
  const sectors = new Map<number, Sector | null>(ids.map((id) => [id, declared.get(id) ?? null]));
  await tx.pools.freezeSectors(pool.id, sectors);
  const buckets = await tx.pools.bucketsOf(pool.id);
  const allocations = await tx.pools.allocationsOf(pool.id);
  const funded = new Map<number, { amount: number; matching?: number }>();
  const allocated = new Map<number, number>();
  let total = pool.totalMinor;
  let returned: number;

  if (pool.rule === 'equal-shares') {
    const es = equalShares(
      ids,
      buckets.map((b) => ({ id: b.id, cost: b.maxMinor, approvers: allocations.filter((a) => a.bucketId === b.id && a.approved).map((a) => a.memberId) })),
      pool.totalMinor,
    );
    for (const f of es.funded) funded.set(f.id, { amount: f.cost });
    for (const [m, paid] of es.payments) allocated.set(m, paid);
    returned = es.leftover;
  } else {
    const state = stateOf(pool, members, buckets, allocations);
    for (const c of contributionsOf(state)) allocated.set(c.member, (allocated.get(c.member) ?? 0) + c.amount);
    if (pool.rule === 'crowdfund') {
      const closed = closeCrowdfund(state);
      for (const b of closed.buckets) if (b.status === 'funded') funded.set(b.bucket, { amount: b.raised });
      returned = total - closed.totals.funded;
    } else {
      const clusters = new Map([...sectors].filter((e): e is [number, Sector] => e[1] !== null));
      const q = quadraticFunding(contributionsOf(state), pool.totalMinor, { clusters, ...(pool.matchingCapShare !== null ? { cap: { share: pool.matchingCapShare } } : {}) });
      let contributed = 0;
      for (const b of q.buckets) {
        contributed += b.contributed;
        if (b.contributed + b.matching > 0) funded.set(b.bucket, { amount: b.contributed + b.matching, matching: b.matching });
      }
      // The matching fund and what members contributed from their balances both went into the buckets.
      total += contributed;
      returned = q.unmatched;
    }
  }

  const targets = new Map(Object.entries(pool.targetShares ?? {}) as [Sector, number][]);
  const report = fairnessReport({ members: ids, allocated, sectors, targets });
  const fundedList = buckets.filter((b) => funded.has(b.id)).map((b) => ({ bucket: b.number, title: b.title, ownerId: b.ownerId, ...funded.get(b.id)! }));
  const result: PoolResult = {
    funded: fundedList,
    notFunded: buckets.filter((b) => !funded.has(b.id)).map((b) => ({ bucket: b.number, title: b.title })),
    totals: { total, funded: fundedList.reduce((a, f) => a + f.amount, 0), returned },
    fairness: {
      bySector: report.bySector.map((x) => ({ sector: x.sector, members: x.members, amount: Math.round(x.amount), share: x.share, target: x.target })),
      giniMembers: report.giniMembers,
      giniSectors: report.giniSectors,
      allocatedNothing: report.allocatedNothing,
    },
  };
  for (const b of buckets) await tx.pools.setFunded(b.id, funded.get(b.id)?.amount ?? 0);
  await tx.pools.closePool(pool.id, result, now);
  await tx.jobs.cancel([closeJobKey(pool.id)]);
  await tx.audit.append(workspace.id, now, {
    actorId,
    action: 'pool.closed',
    subject: subject(pool),
    data: {
      funded: fundedList.map((f) => ({ bucket: bucketRef(f.bucket), amount: f.amount })),
      currency: pool.currency,
      total: result.totals.total,
      fundedTotal: result.totals.funded,
      returned,
      giniMembers: Math.round(report.giniMembers * 1000) / 1000,
      giniSectors: Math.round(report.giniSectors * 1000) / 1000,
    },
  });
  const closed: Pool = { ...pool, status: 'closed', result, closedAt: now };
  const t = translator(workspace.locale);
  await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: pool.channelId }, view: await poolCard(tx, t, workspace.locale, workspace.timezone, closed, null) }, now);
  return closed;
}

// Reading -----------------------------------------------------------------------------------------

const percent = (locale: Locale, share: number) => `${formatNumber(locale, Math.round(share * 100))}%`;
const giniText = (locale: Locale, g: number) => formatNumber(locale, Math.round(g * 100) / 100, 2);

/**
 * The pool's card: while open its buckets and how they stand (and the reader's balance when given); once closed the
 * result, with the fairness report. Per-sector figures are withheld for sectors with fewer members than the
 * workspace's minimum cell: in a small group they would tell what a known few allocated.
 */
export async function poolCard(tx: Tx, t: Translator, locale: Locale, zone: string, pool: Pool, readerId: number | null): Promise<CardView> {
  const group = await tx.groups.get(pool.groupId);
  const buckets = await tx.pools.bucketsOf(pool.id);
  const members = await tx.pools.membersOf(pool.id);
  const m = (minor: number) => money(pool, minor, locale);
  const fields: Field[] = [
    { label: t({ key: 'pool.field.group' }), value: group.name },
    { label: t({ key: 'pool.field.rule' }), value: t({ key: `pool.rule.${pool.rule}` }) },
    { label: t({ key: pool.rule === 'quadratic' ? 'pool.field.matching' : 'pool.field.total' }), value: m(pool.totalMinor) },
  ];
  const actions: Action[] = [];
  const params = { ref: poolRef(pool.number), name: pool.name };

  if (pool.status === 'open' || !pool.result) {
    const allocations = await tx.pools.allocationsOf(pool.id);
    const state = stateOf(pool, members, buckets, allocations);
    const grant = members[0]?.grantMinor ?? 0;
    fields.push({ label: t({ key: 'pool.field.members' }), value: t({ key: 'pool.membersLine', params: { count: members.length, grant: m(grant) } }) });
    if (pool.closesAt) fields.push({ label: t({ key: 'pool.field.closes' }), value: formatDateTime(pool.closesAt, zone, locale), at: pool.closesAt.toISOString() });
    if (readerId !== null && pool.rule !== 'equal-shares' && members.some((x) => x.memberId === readerId)) {
      fields.push({ label: t({ key: 'pool.field.balance' }), value: m(balance(state, readerId)) });
    }
    for (const b of buckets) {
      let value: string;
      if (pool.rule === 'equal-shares') {
        const count = allocations.filter((a) => a.bucketId === b.id && a.approved).length;
        value = t({ key: 'bucket.line.approvals', params: { cost: m(b.maxMinor), count } });
      } else if (pool.rule === 'quadratic') {
        const count = allocations.filter((a) => a.bucketId === b.id && a.amountMinor > 0).length;
        value = t({ key: 'bucket.line.contributed', params: { raised: m(raised(state, b.id)), count } });
      } else {
        value = t({ key: 'bucket.line.crowdfund', params: { raised: m(raised(state, b.id)), min: m(b.minMinor), max: m(b.maxMinor), status: t({ key: `bucket.status.${bucketStatus(state, b.id)}` }) } });
      }
      fields.push({ label: `${bucketRef(b.number)} ${b.title}`, value });
    }
    return {
      type: 'card',
      title: t({ key: 'pool.card.title', params }),
      ...(buckets.length === 0 ? { body: t({ key: 'pool.noBuckets', params }) } : {}),
      fields,
      actions,
      tone: 'info',
    };
  }

  const r = pool.result;
  const people = await tx.members.getMany([...new Set([...r.funded.map((f) => f.ownerId), ...r.fairness.allocatedNothing])]);
  const name = (id: number) => people.find((p) => p.id === id)?.displayName ?? '?';
  const fundedLines = r.funded.map((f) =>
    t({ key: f.matching !== undefined ? 'pool.result.fundedMatched' : 'pool.result.funded', params: { ref: bucketRef(f.bucket), title: f.title, amount: m(f.amount), matching: m(f.matching ?? 0) } }),
  );
  fields.push({ label: t({ key: 'pool.field.funded' }), value: fundedLines.length ? fundedLines.join('\n') : t({ key: 'pool.result.noneFunded' }) });
  if (r.notFunded.length) fields.push({ label: t({ key: 'pool.field.notFunded' }), value: r.notFunded.map((b) => `${bucketRef(b.bucket)} ${b.title}`).join('\n') });
  fields.push({ label: t({ key: 'pool.field.totals' }), value: t({ key: 'pool.result.totals', params: { total: m(r.totals.total), funded: m(r.totals.funded), returned: m(r.totals.returned) } }) });
  const minCell = await tx.profiles.minCell(pool.workspaceId);
  const sectorLines = r.fairness.bySector.map((x) => {
    const sector = x.sector === UNDECLARED ? t({ key: 'inclusion.undeclared' }) : t({ key: `stakeholder.sector.${x.sector as Sector}` });
    const count = cellText(t, x.members, minCell);
    const target = x.target !== null ? t({ key: 'pool.result.target', params: { target: percent(locale, x.target) } }) : '';
    if (x.members < minCell) return t({ key: 'pool.result.sectorWithheld', params: { sector, count, target } });
    return t({ key: 'pool.result.sector', params: { sector, count, amount: m(x.amount), share: percent(locale, x.share), target } });
  });
  if (sectorLines.length) fields.push({ label: t({ key: 'pool.field.bySector' }), value: sectorLines.join('\n') });
  fields.push({ label: t({ key: 'pool.field.gini' }), value: t({ key: 'pool.result.gini', params: { members: giniText(locale, r.fairness.giniMembers), sectors: giniText(locale, r.fairness.giniSectors) } }) });
  fields.push({
    label: t({ key: 'pool.field.allocatedNothing' }),
    value: r.fairness.allocatedNothing.length ? mentionList(r.fairness.allocatedNothing.map(name)) : t({ key: 'pool.result.everyone' }),
  });
  // A funded bucket becomes its owner's commitment with one click.
  for (const f of r.funded.slice(0, 5)) {
    const title = f.title.replace(/"/g, '”');
    actions.push({ command: `commit "${title}" --due "in 1 month" --owner @${name(f.ownerId)} --group "${group.name}"`, label: t({ key: 'pool.action.commit', params: { ref: bucketRef(f.bucket) } }) });
  }
  return { type: 'card', title: t({ key: 'pool.result.title', params }), fields, actions, tone: 'success' };
}

export async function showPool(s: Session, number: number): Promise<View[]> {
  const pool = await requirePool(s, number);
  return [await poolCard(s.tx, s.t, s.locale, s.timezone, pool, s.actor.id)];
}

export async function showBucket(s: Session, number: number): Promise<View[]> {
  const { bucket, pool } = await requireBucket(s, number);
  const allocations = (await s.tx.pools.allocationsOf(pool.id)).filter((a) => a.bucketId === bucket.id);
  const [owner] = await s.tx.members.getMany([bucket.ownerId]);
  const m = (minor: number) => money(pool, minor, s.locale);
  const fields: Field[] = [
    { label: s.t({ key: 'bucket.field.pool' }), value: `${poolRef(pool.number)} ${pool.name}` },
    { label: s.t({ key: 'bucket.field.asks' }), value: s.t({ key: 'bucket.asks', params: { min: m(bucket.minMinor), max: m(bucket.maxMinor) } }) },
    { label: s.t({ key: 'bucket.field.owner' }), value: `@${owner?.displayName ?? '?'}` },
  ];
  if (pool.rule === 'equal-shares') fields.push({ label: s.t({ key: 'bucket.field.approvals' }), value: String(allocations.filter((a) => a.approved).length) });
  else fields.push({ label: s.t({ key: 'bucket.field.raised' }), value: m(allocations.reduce((a, x) => a + x.amountMinor, 0)) });
  if (bucket.fundedMinor !== null) fields.push({ label: s.t({ key: 'bucket.field.funded' }), value: m(bucket.fundedMinor) });
  return [{ type: 'card', title: `${bucketRef(bucket.number)} ${bucket.title}`, ...(bucket.body ? { body: bucket.body } : {}), fields, actions: [], tone: 'info' }];
}

export async function listPools(s: Session, c: { group?: string | undefined }): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const pools = await s.tx.pools.listPools(s.workspace.id, { ...(group ? { groupIds: [group.id] } : {}), excludeGroupIds });
  const items = pools.map((p) => ({
    text: `${poolRef(p.number)} ${p.name}`,
    detail: [s.t({ key: `pool.rule.${p.rule}` }), money(p, p.totalMinor, s.locale), s.t({ key: `pool.state.${p.status}` })].join(' · '),
  }));
  return [{ type: 'list', title: s.t(group ? { key: 'pool.list.titleGroup', params: { group: group.name } } : { key: 'pool.list.title' }), items, empty: s.t({ key: 'pool.list.empty' }) }];
}

// Jobs --------------------------------------------------------------------------------------------

export async function runPoolJob(tx: Tx, job: PoolJob, now: Date): Promise<void> {
  switch (job.kind) {
    case 'pool.close': {
      const pool = await tx.pools.getPool(job.payload.poolId);
      if (!pool || pool.status !== 'open') return;
      const workspace = await tx.workspaces.get(pool.workspaceId);
      await tx.audit.lockWorkspace(workspace.id);
      await closeNow(tx, workspace, pool, null, now);
      return;
    }
  }
}
