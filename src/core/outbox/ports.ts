// Messages a command owes: written to the outbox in the command's transaction, delivered later.
import type { View } from '../views/types.js';

export interface MessageRef {
  channelId: string;
  messageId: string;
}

export type OutboxTarget =
  /** `onlyFor`: a private space's members; the post is refused while anyone else is in the channel. */
  | { kind: 'post'; channelId: string; onlyFor?: string[] }
  | { kind: 'update'; message: MessageRef }
  | { kind: 'dm'; memberExternalId: string }
  /** Opens the private space of a mediation; the space's channel id is recorded on delivery. */
  | { kind: 'private'; disputeId: number; parentChannelId: string; title: string; memberExternalIds: string[] };

export interface NewOutboxMessage {
  workspaceId: number;
  target: OutboxTarget;
  view: View;
  /** Set when the message is a proposal's card: its MessageRef is stored on delivery. */
  cardOf?: number;
  /** Set when the message belongs to a mediation: it is deleted with the case's private texts. */
  disputeId?: number;
}

export interface OutboxRepo {
  enqueue(message: NewOutboxMessage, at: Date): Promise<void>;
  /** Many messages in one statement, for sweeps that owe thousands at once. */
  enqueueMany(messages: NewOutboxMessage[], at: Date): Promise<void>;
}
