// Pledges: what members bring to a group (money, hours or a thing), kept as the owner's commitment when it has a due
// date, listed with totals per kind and per sector without singling out a member's declared sector.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { resolveGroup, VOTING_ROLES } from '../groups/service.js';
import { canReadFiledUnder, canReadGroup, hiddenGroupIds, readerOf } from '../groups/visibility.js';
import { markDone, cancel as cancelCommitment, recordCommitment, resolveDue } from '../commitments/service.js';
import type { Commitment } from '../commitments/ports.js';
import { cellText } from '../inclusion/cells.js';
import { hiddenCells, UNDECLARED } from '../inclusion/participation.js';
import { formatNumber } from '../i18n/index.js';
import type { Group } from '../ports.js';
import { formatDateTime } from '../time.js';
import { notice, type View } from '../views/types.js';
import { formatAmount, parseAmount } from './money.js';
import type { Sector } from '../stakeholders/ports.js';
import type { Pledge, PledgeKind, PledgePool } from './pledge-ports.js';
import { closePledge, pledgedText, pledgeRef, subject } from './pledge-close.js';


/** What `pledge` asks for, as typed; the amount is read here in the member's locale. */
export interface NewPledge {
  what: string;
  amount?: string | undefined;
  currency?: string | undefined;
  hours?: number | undefined;
  inKind?: string | undefined;
  group?: string | undefined;
  due?: string | undefined;
  pool?: number | undefined;
}

/** What was pledged, in the reader's language: `5.000.000 ₫`, `10 hours`, `“two tents”`. */

/** The same, locale-free, for the audit chain: `VND 5000000`, `10 h`, the item. */
function pledgedRecord(p: Pick<Pledge, 'kind' | 'amountMinor' | 'currency' | 'hours' | 'item'>): string {
  if (p.kind === 'money') return formatAmount(p.amountMinor ?? 0, p.currency ?? 'XXX', 'en', 'code');
  if (p.kind === 'time') return `${p.hours ?? 0} h`;
  return p.item ?? '';
}

/** Exactly one of --amount, --hours and --in-kind: a pledge is of one kind, and the refusal says which to give. */
function kindOf(c: NewPledge): PledgeKind {
  const given = [c.amount !== undefined, c.hours !== undefined, c.inKind !== undefined].filter(Boolean).length;
  if (given !== 1) return fail(given === 0 ? 'pledge.kindMissing' : 'pledge.kindTooMany', {});
  if (c.amount !== undefined) return 'money';
  return c.hours !== undefined ? 'time' : 'in-kind';
}

function readAmount(s: Session, amount: string, currency: string | undefined, pool: PledgePool | null): { minor: number; currency: string } {
  // A pool counts in one currency, so a pledge into it may leave the currency out.
  const code = (currency ?? pool?.currency)?.toUpperCase();
  if (!code) return fail('pledge.currencyMissing', { amount });
  if (pool && pool.currency !== code) return fail('pledge.poolCurrency', { pool: `P-${pool.number}`, currency: pool.currency, given: code });
  const parsed = parseAmount(amount, code, s.locale);
  if (!parsed.ok) return fail(`pledge.amount.${parsed.reason}`, { amount, currency: code });
  if (parsed.minor === 0) return fail('pledge.amount.zero', { amount, currency: code });
  return { minor: parsed.minor, currency: code };
}

/** The group of the channel the command came from, unless it is a private group the member may not read. */
async function channelGroup(s: Session): Promise<Group | null> {
  const group = await s.tx.groups.findByChannel(s.workspace.id, s.ctx.channel.id);
  return group && (await canReadGroup(s.tx, group, readerOf(s))) ? group : null;
}

async function requirePool(s: Session, number: number): Promise<PledgePool> {
  const pool = await s.tx.pledges.findPool(s.workspace.id, number);
  if (!pool || !(await canReadFiledUnder(s.tx, pool.groupId, readerOf(s)))) return fail('pledge.poolNotFound', { pool: `P-${number}` });
  if (pool.status !== 'open') return fail('pledge.poolClosed', { pool: `P-${number}`, name: pool.name });
  return pool;
}

export async function makePledge(s: Session, c: NewPledge): Promise<View[]> {
  const kind = kindOf(c);
  const pool = c.pool !== undefined ? await requirePool(s, c.pool) : null;
  if (pool && kind !== 'money') return fail('pledge.poolMoneyOnly', { pool: `P-${pool.number}` });
  if (kind !== 'money' && c.currency !== undefined) return fail('pledge.currencyWithoutAmount', {});
  const money = kind === 'money' ? readAmount(s, c.amount!, c.currency, pool) : null;
  const dueAt = c.due !== undefined ? resolveDue(s, c.due) : null;
  // Money for a pool goes to the pool's group unless another is named.
  const group = c.group ? await resolveGroup(s, c.group) : pool ? await s.tx.groups.get(pool.groupId) : await channelGroup(s);
  // A group's pledges show in its list and totals: only its members may add to them.
  if (group) {
    const role = await s.tx.groups.roleIn(group.id, s.actor.id);
    if (!role || !VOTING_ROLES.includes(role)) return fail('pledge.membersOnly', { group: group.name });
  }
  const fields = { kind, amountMinor: money?.minor ?? null, currency: money?.currency ?? null, hours: kind === 'time' ? c.hours! : null, item: kind === 'in-kind' ? c.inKind! : null };
  const number = await s.tx.pledges.nextNumber(s.workspace.id);
  const ref = pledgeRef(number);
  const pledged = pledgedText(s, fields);
  const views: View[] = [];
  let commitment: Commitment | null = null;
  if (dueAt) {
    // A pledge with a due date is a promise of its owner: reminders, done, extend and stats come with the commitment.
    const recorded = await recordCommitment(s, {
      what: s.t({ key: 'pledge.commitmentWhat', params: { ref, pledged, what: c.what } }),
      dueAt,
      owners: [s.actor],
      group,
      proposal: null,
      goal: null,
      reminders: null,
    });
    commitment = recorded.commitment;
  }
  await s.tx.pledges.insert({
    workspaceId: s.workspace.id,
    number,
    groupId: group?.id ?? null,
    ownerId: s.actor.id,
    what: c.what,
    ...fields,
    poolId: pool?.id ?? null,
    dueAt,
    commitmentId: commitment?.id ?? null,
    status: 'open',
    evidence: null,
    createdAt: s.now,
    doneAt: null,
  });
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: s.actor.id,
    action: 'pledge.made',
    subject: subject(number),
    data: {
      what: c.what,
      pledged: pledgedRecord(fields),
      // Raw values for whoever reads the chain by machine; `pledged` above is what people read.
      kind,
      amountMinor: fields.amountMinor,
      currency: fields.currency,
      pledgedHours: fields.hours,
      group: group?.name ?? null,
      pool: pool ? `P-${pool.number}` : null,
      dueAt: dueAt?.toISOString() ?? null,
      commitment: commitment?.number ?? null,
    },
  });
  const params = { ref, pledged, what: c.what, group: group?.name ?? s.t({ key: 'pledge.noGroup' }) };
  views.push(notice('success', s.t({ key: 'pledge.made', params })));
  if (pool) views.push(notice('info', s.t({ key: 'pledge.intoPool', params: { ref, pool: `P-${pool.number}`, name: pool.name } })));
  if (commitment) {
    views.push(
      notice(
        'info',
        s.t({ key: 'pledge.asCommitment', params: { ref, number: commitment.number, due: formatDateTime(commitment.dueAt, s.timezone, s.locale) } }),
      ),
    );
  }
  return views;
}

/** A pledge filed under a private group is for those who may read the group, and its owner. */
async function requirePledge(s: Session, number: number): Promise<Pledge> {
  const p = await s.tx.pledges.find(s.workspace.id, number);
  if (!p || (p.ownerId !== s.actor.id && !(await canReadFiledUnder(s.tx, p.groupId, readerOf(s))))) return fail('pledge.notFound', { ref: pledgeRef(number) });
  return p;
}

/** The owner, a convener of its group or a workspace admin may close or cancel a pledge. */
async function requireManage(s: Session, p: Pledge): Promise<void> {
  if (p.ownerId === s.actor.id || s.ctx.actor.isAdmin === true) return;
  if (p.groupId !== null && (await s.tx.groups.roleIn(p.groupId, s.actor.id)) === 'convener') return;
  fail('pledge.manageOnly', { ref: pledgeRef(p.number) });
}

/**
 * `pledge done`: with a commitment, the commitment is marked done and closes the pledge (see closePledgeOf), so
 * that its stats count it; without, the pledge is closed here. A done pledge without evidence may be given one.
 */
export async function pledgeDone(s: Session, number: number, evidence: string | null): Promise<View[]> {
  const p = await requirePledge(s, number);
  await requireManage(s, p);
  const ref = pledgeRef(p.number);
  if (p.status === 'cancelled') return fail('pledge.isCancelled', { ref });
  if (p.status === 'done') {
    if (p.evidence !== null || evidence === null) return fail('pledge.alreadyDone', { ref });
    await s.tx.pledges.update(p.id, { evidence });
    await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'pledge.evidence', subject: subject(p.number), data: { evidence } });
    return [notice('success', s.t({ key: 'pledge.evidenceAdded', params: { ref, what: p.what } }))];
  }
  if (p.commitmentId !== null) {
    const c = await s.tx.commitments.get(p.commitmentId);
    if (c && (c.status === 'open' || c.status === 'blocked')) return markDone(s, c.number, evidence);
  }
  return closePledge(s, p, evidence);
}



export async function pledgeCancel(s: Session, number: number): Promise<View[]> {
  const p = await requirePledge(s, number);
  await requireManage(s, p);
  const ref = pledgeRef(p.number);
  if (p.status === 'cancelled') return fail('pledge.isCancelled', { ref });
  if (p.status === 'done') return fail('pledge.alreadyDone', { ref });
  const views: View[] = [];
  if (p.commitmentId !== null) {
    const c = await s.tx.commitments.get(p.commitmentId);
    // Nobody is reminded of a pledge that was withdrawn.
    if (c && ['pending', 'open', 'blocked'].includes(c.status)) views.push(...(await cancelCommitment(s, c.number)));
  }
  await s.tx.pledges.update(p.id, { status: 'cancelled' });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'pledge.cancelled', subject: subject(p.number), data: {} });
  return [notice('success', s.t({ key: 'pledge.cancelled', params: { ref, what: p.what } })), ...views];
}

/** Sums of one set of pledges: money per currency, hours, and how many things. */
interface Totals {
  money: Map<string, number>;
  hours: number;
  items: number;
}

const emptyTotals = (): Totals => ({ money: new Map(), hours: 0, items: 0 });

function add(totals: Totals, p: Pledge): void {
  if (p.kind === 'money' && p.currency) totals.money.set(p.currency, (totals.money.get(p.currency) ?? 0) + (p.amountMinor ?? 0));
  else if (p.kind === 'time') totals.hours += p.hours ?? 0;
  else if (p.kind === 'in-kind') totals.items += 1;
}

function totalsText(s: Pick<Session, 't' | 'locale'>, totals: Totals): string {
  const parts = [...totals.money.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, minor]) => formatAmount(minor, currency, s.locale));
  if (totals.hours > 0) parts.push(s.t({ key: 'pledge.hours', params: { count: totals.hours, hours: formatNumber(s.locale, totals.hours) } }));
  if (totals.items > 0) parts.push(s.t({ key: 'pledge.items', params: { count: totals.items } }));
  return parts.length ? parts.join(' · ') : '—';
}

/** What `pledges` lists. */
export interface PledgeQuery {
  group?: string | undefined;
  mine: boolean;
}

/**
 * Open and done pledges, oldest first, with totals per kind and per sector of the members who pledged. A sector
 * with fewer pledging members than the workspace's minimum cell shows only "fewer than N" and no amounts: its total
 * beside the list of who pledged what would tell which member declared it. When only one sector is withheld so, the
 * next smallest is withheld too, so that the withheld amount cannot be had by subtracting the others from the total.
 */
export async function listPledges(s: Session, c: PledgeQuery): Promise<View[]> {
  const group = c.group ? await resolveGroup(s, c.group) : null;
  const excludeGroupIds = await hiddenGroupIds(s.tx, s.workspace.id, readerOf(s));
  const pledges = await s.tx.pledges.list(s.workspace.id, {
    ...(group ? { groupIds: [group.id] } : {}),
    excludeGroupIds,
    ...(c.mine ? { ownerId: s.actor.id } : {}),
    status: ['open', 'done'],
  });
  const { t } = s;
  const owners = new Map((await s.tx.members.getMany([...new Set(pledges.map((p) => p.ownerId))])).map((m) => [m.id, m.displayName]));
  const pools = await s.tx.pledges.poolNumbers([...new Set(pledges.flatMap((p) => (p.poolId === null ? [] : [p.poolId])))]);
  // `extend` moves the commitment's due date, not the pledge's: the commitment's is the one that holds.
  const commitments = new Map((await s.tx.commitments.getMany(pledges.flatMap((p) => (p.commitmentId === null ? [] : [p.commitmentId])))).map((c) => [c.id, c]));
  const dueOf = (p: Pledge) => (p.commitmentId !== null ? (commitments.get(p.commitmentId)?.dueAt ?? p.dueAt) : p.dueAt);
  const items = pledges.map((p) => {
    const parts = [
      `@${owners.get(p.ownerId) ?? '?'}`,
      t({ key: `pledge.state.${p.status}` }),
      ...(p.poolId !== null && pools.has(p.poolId) ? [`→ P-${pools.get(p.poolId)}`] : []),
      ...(dueOf(p) && p.status === 'open' ? [t({ key: 'pledge.dueShort', params: { due: formatDateTime(dueOf(p)!, s.timezone, s.locale) } })] : []),
      ...(p.evidence ? [t({ key: 'pledge.evidenceShort', params: { evidence: p.evidence } })] : []),
    ];
    return { text: `${pledgeRef(p.number)} ${pledgedText(s, p)} — ${p.what}`, detail: parts.join(' · ') };
  });
  const total = emptyTotals();
  for (const p of pledges) add(total, p);
  const footer = [t({ key: 'pledge.list.total', params: { totals: totalsText(s, total) } })];
  if (!c.mine && pledges.length > 0) footer.push(await sectorLines(s, pledges));
  return [
    {
      type: 'list',
      title: t(group ? { key: 'pledge.list.titleGroup', params: { group: group.name } } : { key: c.mine ? 'pledge.list.titleMine' : 'pledge.list.title' }),
      items,
      empty: t({ key: 'pledge.list.empty' }),
      footer: footer.join('\n'),
    },
  ];
}

async function sectorLines(s: Session, pledges: Pledge[]): Promise<string> {
  const { t } = s;
  const minCell = await s.tx.profiles.minCell(s.workspace.id);
  const sectors = await s.tx.profiles.sectorsOf([...new Set(pledges.map((p) => p.ownerId))]);
  const cells = new Map<Sector | typeof UNDECLARED, { members: Set<number>; totals: Totals }>();
  for (const p of pledges) {
    const sector = sectors.get(p.ownerId) ?? UNDECLARED;
    const cell = cells.get(sector) ?? { members: new Set(), totals: emptyTotals() };
    cell.members.add(p.ownerId);
    add(cell.totals, p);
    cells.set(sector, cell);
  }
  const rows = [...cells.entries()].sort(([a], [b]) => (a === UNDECLARED ? 1 : b === UNDECLARED ? -1 : a.localeCompare(b)));
  const hidden = hiddenCells(
    rows.map(([, cell]) => cell.members.size),
    minCell,
  );
  const lines = rows.map(([sector, cell], i) => {
    const name = sector === UNDECLARED ? t({ key: 'inclusion.undeclared' }) : t({ key: `stakeholder.sector.${sector}` });
    const count = cell.members.size;
    if (hidden[i]) {
      const members = count < minCell ? t({ key: 'pledge.sector.fewer', params: { n: minCell } }) : t({ key: 'pledge.sector.members', params: { count, members: String(count) } });
      return `• ${name}: ${members} · ${t({ key: 'pledge.sector.withheld' })}`;
    }
    return `• ${name}: ${t({ key: 'pledge.sector.members', params: { count, members: cellText(t, count, minCell) } })} · ${totalsText(s, cell.totals)}`;
  });
  return [t({ key: 'pledge.list.bySector' }), ...lines].join('\n');
}
