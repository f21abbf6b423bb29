// What the outbox tells the core about the messages it delivers; when it gives up on one, the member whose command owed it hears so.
import { translator, type Locale } from './i18n/index.js';
import { spaceFailed, spaceOpened } from './mediation/service.js';
import type { OutboxTarget, Tx } from './ports.js';
import { jobKeys } from './proposals/service.js';
import { notice, type View } from './views/types.js';

export interface DeliveredMessage {
  target: OutboxTarget;
  view: View;
  cardOf: number | null;
}

/** What the runtime needs of the core to deliver messages: it tells each outcome, inside the transaction that records it. */
export interface DeliveryHandler {
  /** A message reached the platform: record where, when that matters. */
  delivered(tx: Tx, message: DeliveredMessage, ref: { channelId: string; messageId?: string }, now: Date): Promise<void>;
  /**
   * A delivery failed. The outbox retries; the first failure to open a private space is explained to the
   * requester, and when the outbox gives up (`givenUp`) the member whose command owed the message hears so.
   */
  failed(tx: Tx, message: DeliveredMessage, error: string, attempts: number, now: Date, givenUp?: GivenUp): Promise<void>;
  /**
   * The language in which a failure to deliver to `target` is explained, when the adapter words the explanation
   * itself (opening a private space: the requester's). Read at send time, so a member who changed language hears
   * it in the new one.
   */
  explainedIn(tx: Tx, target: OutboxTarget): Promise<Locale | undefined>;
}

export const coreDeliveries: DeliveryHandler = {
  async delivered(tx, message, ref, now) {
    if (message.cardOf !== null && ref.messageId) {
      await tx.proposals.update(message.cardOf, { messageRef: { channelId: ref.channelId, messageId: ref.messageId } });
      // Ballots may have arrived while the card was on its way: bring it up to date.
      await tx.jobs.schedule({ kind: 'proposal.card', key: jobKeys.card(message.cardOf), runAt: now, payload: { proposalId: message.cardOf } }, 'keep');
    }
    if (message.target.kind === 'private') await spaceOpened(tx, message.target.disputeId, ref.channelId, now, message.view);
  },
  async failed(tx, message, error, attempts, now, givenUp) {
    if (message.target.kind === 'private' && attempts === 1) await spaceFailed(tx, message.target.disputeId, error, now);
    if (givenUp) await deliveryGivenUp(tx, givenUp, error, attempts, now);
  },
  async explainedIn(tx, target) {
    if (target.kind !== 'private') return undefined;
    const dispute = await tx.disputes.get(target.disputeId);
    if (!dispute) return undefined;
    return readerLocale(tx, dispute.requestedBy, dispute.workspaceId);
  },
};

/** The language a member reads: their own setting, else their workspace's. */
async function readerLocale(tx: Tx, memberId: number, workspaceId: number): Promise<Locale> {
  const member = await tx.members.get(memberId);
  return member.locale ?? (await tx.workspaces.get(workspaceId)).locale;
}

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
