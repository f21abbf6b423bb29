// When the outbox gives up on a message, the member whose command owed it hears so: by DM, or where they typed the command.
import { translator } from './i18n/index.js';
import type { Tx } from './ports.js';
import type { OutboxTarget } from './outbox/ports.js';
import { notice } from './views/types.js';

export interface GivenUp {
  workspaceId: number;
  target: OutboxTarget;
  /** The member whose command owed the message, and the channel they typed it in; null for messages jobs send. */
  requestedBy: number | null;
  requestedIn: string | null;
}

/** What the platform said, short: it names a code or a missing permission, never the message itself. */
const short = (reason: string) => (reason.length > 200 ? `${reason.slice(0, 199)}…` : reason);

export async function deliveryGivenUp(tx: Tx, message: GivenUp, reason: string, attempts: number, now: Date): Promise<void> {
  if (message.requestedBy === null) return;
  const requester = await tx.members.get(message.requestedBy);
  const workspace = await tx.workspaces.get(message.workspaceId);
  const t = translator(requester.locale ?? workspace.locale);
  const params = { attempts, reason: short(reason) };
  const target = message.target;
  const dmRequester = (text: string) =>
    tx.outbox.enqueue({ workspaceId: workspace.id, target: { kind: 'dm', memberExternalId: requester.externalId }, view: notice('warning', text) }, now);
  switch (target.kind) {
    case 'post':
    case 'update': {
      const channel = target.kind === 'post' ? target.channelId : target.message.channelId;
      return dmRequester(t({ key: 'delivery.givenUpChannel', params: { ...params, channel } }));
    }
    case 'dm': {
      // A DM to the requester themselves: their DMs are what failed, so there is no way to tell them privately.
      if (target.memberExternalId === requester.externalId) return;
      const member = await tx.members.find(workspace.id, target.memberExternalId);
      return dmRequester(t({ key: 'delivery.givenUpDm', params: { ...params, member: `@${member?.displayName ?? target.memberExternalId}` } }));
    }
    case 'private':
      // Opening a private space: the requester was told at the first failure (see mediation's spaceFailed).
      return;
  }
}
