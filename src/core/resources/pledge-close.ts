// A pledge closed and told in words: shared by the pledges service and by the commitments service, which closes the
// pledge a commitment reminded of when that commitment is done. It imports neither, so neither imports the other.
import type { Commitment } from '../commitments/ports.js';
import type { Session } from '../context.js';
import { formatNumber } from '../i18n/index.js';
import { notice, type View } from '../views/types.js';
import { formatAmount } from './money.js';
import type { Pledge } from './pledge-ports.js';

export const pledgeRef = (number: number): string => `PL-${number}`;
export const subject = (number: number) => `pledge:${number}`;

/** What was pledged, in the reader's words: `5.000.000 ₫`, `10 hours`, the thing. */
export function pledgedText(s: Pick<Session, 't' | 'locale'>, p: Pick<Pledge, 'kind' | 'amountMinor' | 'currency' | 'hours' | 'item'>): string {
  if (p.kind === 'money') return formatAmount(p.amountMinor ?? 0, p.currency ?? 'XXX', s.locale);
  if (p.kind === 'time') return s.t({ key: 'pledge.hours', params: { count: p.hours ?? 0, hours: formatNumber(s.locale, p.hours ?? 0) } });
  return s.t({ key: 'pledge.item', params: { item: p.item ?? '' } });
}

/** Marks the pledge done, with the evidence given if any. */
export async function closePledge(s: Session, p: Pledge, evidence: string | null): Promise<View[]> {
  await s.tx.pledges.update(p.id, { status: 'done', evidence, doneAt: s.now });
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'pledge.done', subject: subject(p.number), data: { evidence } });
  const params = { ref: pledgeRef(p.number), what: p.what, pledged: pledgedText(s, p) };
  // Evidence is optional, but asked for: a note or a link lets the group see the pledge was kept.
  return [notice('success', s.t({ key: evidence === null ? 'pledge.doneNoEvidence' : 'pledge.done', params }))];
}

/** Called when a commitment is marked done: the pledge it reminded of is done too, with the note as its evidence. */
export async function closePledgeOf(s: Session, commitment: Commitment, note: string | null): Promise<View[]> {
  const p = await s.tx.pledges.byCommitment(commitment.id);
  if (!p || p.status !== 'open') return [];
  return closePledge(s, p, note);
}
