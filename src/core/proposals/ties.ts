// `settings ties lot|batch`: how a group's ranked-choice proposals settle a tie for fewest votes.
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { resolveGroup } from '../groups/service.js';
import { notice, type View } from '../views/types.js';
import { DEFAULT_TIE_MODE, type TieMode } from './rules/types.js';

export async function setGroupTies(s: Session, c: { ties: TieMode; group?: string | undefined }): Promise<View[]> {
  const group = await resolveGroup(s, c.group);
  if (!s.ctx.actor.isAdmin && (await s.tx.groups.roleIn(group.id, s.actor.id)) !== 'convener') fail('group.convenerOnly', { group: group.name });
  if ((group.rankedTies ?? DEFAULT_TIE_MODE) === c.ties) {
    return [notice('info', s.t({ key: 'settings.tiesUnchanged', params: { group: group.name, ties: c.ties } }))];
  }
  await s.tx.groups.setRankedTies(group.id, c.ties);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.ranked-ties', subject: `group:${group.id}`, data: { ties: c.ties } });
  return [notice('success', s.t({ key: `settings.tiesSet.${c.ties}`, params: { group: group.name } }))];
}
