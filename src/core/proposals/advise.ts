// `advise`: the contact of a consulted stakeholder, or a member who says they represent it, gives its advice on a proposal.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { requireStakeholder, stakeholderRef } from '../stakeholders/service.js';
import { notice, type View } from '../views/types.js';
import type { AskedAs } from './consult.js';
import { requireProposal, scheduleCardRefresh } from './service.js';

/** What `advise` asks for. */
export interface AdviceFields {
  proposal: number;
  stakeholder: number;
  advice: string;
}

/**
 * `advise 7 S-3 "..."`: the contact of a consulted stakeholder, or a member who says they represent it, gives its advice
 * while the proposal is open; giving it again replaces their earlier advice. A representative's entry on the audit log
 * names nobody, as a profile change does: naming them would tell what they declared.
 */
export async function advise(s: Session, c: AdviceFields): Promise<View[]> {
  const p = await requireProposal(s, c.proposal);
  const st = await requireStakeholder(s, c.stakeholder);
  const params = { number: p.number, ref: stakeholderRef(st.number), name: st.name };
  if (!(await s.tx.consultations.of(p.id)).some((x) => x.stakeholderId === st.id)) fail('advice.notConsulted', params);
  if (p.status !== 'open') fail('advice.notOpen', { ...params, status: s.t({ key: `status.${p.status}` }) });
  const as: AskedAs | null =
    st.contactId === s.actor.id ? 'contact' : (await s.tx.profiles.get(s.actor.id))?.representsId === st.id ? 'representative' : null;
  if (!as) fail('advice.notTheirs', params);
  const advice = c.advice.trim();
  if (!advice) fail('advice.empty', params);
  const before = await s.tx.consultations.give({ proposalId: p.id, stakeholderId: st.id, memberId: s.actor.id, advice, givenAt: s.now });
  if (before === advice) return [notice('info', s.t({ key: 'advice.unchanged', params }))];
  await s.tx.audit.append(s.workspace.id, s.now, {
    actorId: as === 'contact' ? s.actor.id : null,
    action: 'proposal.advised',
    subject: `proposal:${p.number}`,
    data: { proposal: p.number, stakeholder: st.number, ...(before !== null ? { replaced: true } : {}) },
  });
  await scheduleCardRefresh(s.tx, p.id, s.now);
  const key = before !== null ? 'advice.replaced' : as === 'contact' ? 'advice.givenContact' : 'advice.givenRepresentative';
  return [notice('success', s.t({ key, params }))];
}
