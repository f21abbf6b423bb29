// Members' profiles: what a member chooses to declare about themselves (sector, the stakeholder they represent,
// identity categories). Voluntary and private: only the member sees it, the audit log records that it changed but
// not what it says, and it reaches anyone else only as counts no smaller than the workspace's minimum cell.
import { requireWorkspaceAdmin } from '../access.js';
import type { Session } from '../context.js';
import { fail } from '../errors.js';
import { canReadFiledUnder, readerOf } from '../groups/visibility.js';
import type { Sector } from '../stakeholders/ports.js';
import { requireStakeholder, stakeholderRef } from '../stakeholders/service.js';
import { notice, type Field, type View } from '../views/types.js';
import type { MemberProfile } from './ports.js';

/** What `profile` asks for: only the parts given change. */
export interface ProfileChange {
  sector?: Sector | undefined;
  represents?: number | undefined;
  identities?: string[] | undefined;
  clear: boolean;
}

export async function profile(s: Session, c: ProfileChange): Promise<View[]> {
  const parts = c.sector !== undefined || c.represents !== undefined || c.identities !== undefined;
  if (c.clear) {
    if (parts) return fail('profile.clearAlone');
    return clearProfile(s);
  }
  if (!parts) return showProfile(s);
  const before = await s.tx.profiles.get(s.actor.id);
  const represents = c.represents !== undefined ? await requireStakeholder(s, c.represents) : null;
  const next: MemberProfile = {
    memberId: s.actor.id,
    workspaceId: s.workspace.id,
    sector: c.sector ?? before?.sector ?? null,
    representsId: represents?.id ?? before?.representsId ?? null,
    identities: c.identities ?? before?.identities ?? [],
    updatedAt: s.now,
  };
  if (before && sameProfile(before, next)) return [notice('info', s.t({ key: 'profile.unchanged' }))];
  await s.tx.profiles.save(next);
  // That a member changed their profile, never who or what it says: the log is read by others, and who changed
  // it, next to a count that moved, would tell what they declared.
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: null, action: 'profile.updated', subject: null, data: {} });
  return [notice('success', s.t({ key: 'profile.saved' })), ...(await profileCard(s, next))];
}

const sameProfile = (a: MemberProfile, b: MemberProfile) =>
  a.sector === b.sector && a.representsId === b.representsId && a.identities.length === b.identities.length && a.identities.every((x, i) => x === b.identities[i]);

async function clearProfile(s: Session): Promise<View[]> {
  if (!(await s.tx.profiles.clear(s.actor.id))) return [notice('info', s.t({ key: 'profile.nothingToClear' }))];
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: null, action: 'profile.cleared', subject: null, data: {} });
  return [notice('success', s.t({ key: 'profile.cleared' }))];
}

async function showProfile(s: Session): Promise<View[]> {
  const found = await s.tx.profiles.get(s.actor.id);
  if (!found) return [notice('info', s.t({ key: 'profile.none' }))];
  return profileCard(s, found);
}

/** The member's own profile, for their eyes only: a command's reply goes to the member who typed it. */
async function profileCard(s: Session, p: MemberProfile): Promise<View[]> {
  const { t } = s;
  const none = t({ key: 'profile.notDeclared' });
  const fields: Field[] = [
    { label: t({ key: 'profile.field.sector' }), value: p.sector ? t({ key: `stakeholder.sector.${p.sector}` }) : none },
    { label: t({ key: 'profile.field.represents' }), value: await representsText(s, p.representsId, none) },
    { label: t({ key: 'profile.field.identity' }), value: p.identities.length ? p.identities.join(', ') : none },
  ];
  return [{ type: 'card', title: t({ key: 'profile.title' }), fields, actions: [], footer: t({ key: 'profile.footer' }) }];
}

async function representsText(s: Session, id: number | null, none: string): Promise<string> {
  if (id === null) return none;
  const [st] = await s.tx.stakeholders.getMany([id]);
  // Removed since, or filed under a group the member may no longer read.
  if (!st || !(await canReadFiledUnder(s.tx, st.groupId, readerOf(s)))) return s.t({ key: 'profile.representsGone' });
  return `${stakeholderRef(st.number)} ${st.name}`;
}

/** `settings inclusion-min-cell`: the smallest count of members' declarations shown to anyone. */
export async function setMinCell(s: Session, n: number): Promise<View[]> {
  requireWorkspaceAdmin(s);
  if ((await s.tx.profiles.minCell(s.workspace.id)) === n) return [notice('info', s.t({ key: 'settings.minCellAlready', params: { n } }))];
  await s.tx.profiles.setMinCell(s.workspace.id, n);
  await s.tx.audit.append(s.workspace.id, s.now, { actorId: s.actor.id, action: 'settings.inclusion-min-cell', subject: null, data: { minCell: n } });
  return [notice('success', s.t({ key: 'settings.minCellSet', params: { n } }))];
}
