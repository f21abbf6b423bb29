// The offer of a blameless post-mortem, made to a goal's group when the goal is dropped or reaches its due date with
// an indicator off track: a card whose button starts the retro. Made once per goal.
import type { Goal } from '../goals/ports.js';
import { translator } from '../i18n/index.js';
import type { Tx, Workspace } from '../ports.js';
import type { CardView } from '../views/types.js';

export type OfferReason = 'dropped' | 'off-track';

/** Text as one quoted word of a command line, as a button sends it back. */
export const quoted = (text: string): string => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Posts the offer in the goal's group's channel, unless the goal was offered one already; true when it was posted. */
export async function offerPostmortem(tx: Tx, workspace: Workspace, goal: Goal, reason: OfferReason, now: Date): Promise<boolean> {
  const subject = `goal:${goal.number}`;
  if (await tx.audit.entryWithData(workspace.id, subject, 'offer', 'postmortem')) return false;
  const group = await tx.groups.get(goal.groupId);
  const t = translator(workspace.locale);
  const ref = `G-${goal.number}`;
  const params = { ref, title: goal.title };
  const view: CardView = {
    type: 'card',
    title: t({ key: 'retro.offer.title', params }),
    body: t({ key: `retro.offer.${reason}`, params }),
    fields: [],
    actions: [
      {
        command: `retro start ${quoted(t({ key: 'retro.offer.retroTitle', params }))} --template blameless --goal ${ref}`,
        label: t({ key: 'retro.offer.start' }),
        style: 'primary',
      },
    ],
    tone: 'info',
  };
  await tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'post', channelId: group.channelId }, view }, now);
  await tx.audit.append(workspace.id, now, { actorId: null, action: 'goal.postmortem-offered', subject, data: { offer: 'postmortem', cause: reason } });
  return true;
}
