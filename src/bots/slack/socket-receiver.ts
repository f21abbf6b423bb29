// Bolt's Receiver for Slack in Socket Mode: Bolt's own receiver keeps the connection (and serves the install pages),
// and each envelope it receives is stored in the intake before it is acknowledged, as the HTTP front door does, so
// that a process that dies after acknowledging loses nothing.
import { randomUUID } from 'node:crypto';
import { SocketModeReceiver, type App, type Receiver, type ReceiverEvent, type SocketModeReceiverOptions } from '@slack/bolt';
import type { Logger } from '../../core/service.js';
import type { Intake } from '../../runtime/intake.js';
import { processStored } from './front-door.js';
import { slackIntakeRequest, type SlackIntakePayload } from './intake.js';
import { acknowledgesEmpty } from './listeners/early-acks.js';

export interface SlackSocketReceiverOptions {
  /** Bolt's Socket Mode receiver: the app token, its logger, and in multi-workspace mode the OAuth settings. */
  socket: SocketModeReceiverOptions;
  /** Slash commands whose listener acknowledges with nothing before anything else (see listeners). */
  commands: string[];
  logger: Logger;
  /** Where envelopes are stored before they are acknowledged; this receiver runs the Slack ones left unfinished. */
  intake: Intake;
}

/**
 * Bolt's Socket Mode receiver hands each envelope to its app's `processEvent`; here that app is a stand-in that stores
 * the request first and acknowledges it only once it is stored. Its work is done from the stored row, by the real app.
 * `installer` is the inner receiver's: Bolt takes its `authorize` from it in multi-workspace mode.
 */
export class SlackSocketReceiver implements Receiver {
  readonly installer: SocketModeReceiver['installer'];
  private readonly inner: SocketModeReceiver;
  private app: App | null = null;
  /** Envelopes taken in and not yet finished with: storing, acknowledging, and the work itself. */
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly options: SlackSocketReceiverOptions) {
    this.inner = new SocketModeReceiver(options.socket);
    this.installer = this.inner.installer;
  }

  init(app: App): void {
    this.app = app;
    // The inner receiver only ever calls processEvent on its app.
    this.inner.init({ processEvent: (event: ReceiverEvent) => this.receive(event) } as unknown as App);
  }

  /** Connects; from then on rows left unfinished by a process that died are taken over and run here. */
  async start(): Promise<unknown> {
    if (!this.app) throw new Error('the Slack receiver was started before an app was given to it');
    const { intake, logger } = this.options;
    const app = this.app;
    // Requests stored but left unfinished (by a process that died, here or elsewhere) were acknowledged already.
    intake.handle('slack', (row) => processStored(app, logger, row, row.payload as SlackIntakePayload, null));
    const connected = await this.inner.start();
    intake.start();
    return connected;
  }

  /**
   * Stops taking envelopes, lets those taken in be acknowledged and finish, then disconnects; `drain` runs last.
   * An envelope arriving meanwhile is neither stored nor acknowledged: Slack sends an event again, and a member sees
   * their command fail, as when the HTTP port closes.
   */
  async stop(drain: () => Promise<void> = async () => {}): Promise<void> {
    this.stopping = true;
    await this.quiet();
    await this.inner.stop();
    await drain();
  }

  /** Resolves once every envelope taken in so far has been acknowledged and its work is done. */
  async settled(): Promise<void> {
    await this.quiet();
    await this.options.intake.idle();
  }

  private async quiet(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }

  private receive(event: ReceiverEvent): Promise<void> {
    if (this.stopping) {
      this.options.logger.warn({ type: event.body.type }, 'slack request arrived while stopping; not acknowledged');
      return Promise.resolve();
    }
    const running: Promise<void> = this.admit(event).finally(() => this.running.delete(running));
    this.running.add(running);
    return running;
  }

  /** Stores the envelope's request, then acknowledges it (or lets its listener do so) and runs it. */
  private async admit(event: ReceiverEvent): Promise<void> {
    const { intake, logger, commands } = this.options;
    const app = this.app!;
    const payload: SlackIntakePayload = {
      body: event.body,
      ...(event.retryNum !== undefined ? { retryNum: event.retryNum } : {}),
      ...(event.retryReason ? { retryReason: event.retryReason } : {}),
    };
    let admission;
    try {
      // Nothing is signed in Socket Mode: a request with no trigger or event id (an options request) is its own.
      admission = await intake.admit(slackIntakeRequest(payload, null, `envelope:${randomUUID()}`));
    } catch (error) {
      // Not stored, so not acknowledged: Slack sends an event again; a member sees their command fail and can send it again.
      logger.error({ err: error }, 'slack request could not be stored');
      return;
    }
    if (admission.verdict !== 'new') {
      // A retry (an event sent again, say after a reconnect): stored already, here or on another instance, and run
      // from there. A replay cannot happen without a signature.
      this.acknowledge(event);
      return;
    }
    const { row } = admission;
    if (acknowledgesEmpty(event.body, commands)) {
      this.acknowledge(event);
      await intake.run(row, () => processStored(app, logger, row, payload, null));
      return;
    }
    // Its listener acknowledges, maybe with an answer (a modal's field errors), so it runs at once, not behind the
    // member's earlier requests: Slack waits for that acknowledgement.
    await intake.run(
      row,
      () =>
        processStored(app, logger, row, payload, (status, response) => {
          // Refused for want of an installation: acknowledged, as Bolt does, so that Slack stops sending it. Any
          // other failure before the acknowledgement leaves it unacknowledged.
          if (status === 200 || status === 401) this.acknowledge(event, status === 200 ? response : undefined);
        }),
      { inOrder: false },
    );
  }

  private acknowledge(event: ReceiverEvent, response?: unknown): void {
    event.ack(response).catch((error: unknown) => this.options.logger.error({ err: error }, 'slack request could not be acknowledged'));
  }
}
