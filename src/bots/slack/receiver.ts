// Bolt's Receiver for Slack over HTTP: the front door (a worker thread that verifies, guards and acknowledges early) and the OAuth install pages.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, Receiver } from '@slack/bolt';
import { InstallProvider, type InstallProviderOptions, type InstallURLOptions } from '@slack/oauth';
import type { Logger } from '../../core/service.js';
import type { Intake } from '../../runtime/intake.js';
import { processStored, SlackFrontDoor, type FrontDoorPaths } from './front-door.js';
import type { SlackIntakePayload } from './intake.js';

/** The OAuth install flow: Slack's "Add to Slack" page and the redirect that stores the installation. */
export interface InstallPages {
  provider: InstallProviderOptions;
  installPath: string;
  redirectPath: string;
  /** Scopes and redirect URI asked for on the install page. */
  urlOptions: InstallURLOptions;
}

export interface SlackHttpReceiverOptions {
  port: number;
  signingSecret: string;
  /** The events path and the health check; the install pages' paths come from `install`. */
  paths: Omit<FrontDoorPaths, 'pages'>;
  /** Slash commands whose listener acknowledges with nothing before anything else (see listeners). */
  commands: string[];
  logger: Logger;
  /** Where requests are stored before they are acknowledged; this receiver runs the Slack ones left unfinished. */
  intake: Intake;
  /** Postgres: the front door's thread stores requests over a connection of its own to this database. */
  databaseUrl?: string;
  /** In multi-workspace mode: the install pages, served by this receiver. */
  install?: InstallPages;
}

/**
 * Slack's HTTP requests reach the app through `init(app)`, `start()` and `stop()`, as any Bolt receiver's do; the
 * front door hands each verified request to `app.processEvent`. When installing is offered, `installer` is what Bolt
 * takes its `authorize` from, as with its own HTTPReceiver.
 */
export class SlackHttpReceiver implements Receiver {
  readonly installer: InstallProvider | undefined;
  private app: App | null = null;
  private door: SlackFrontDoor | null = null;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.installer = options.install ? new InstallProvider(options.install.provider) : undefined;
  }

  init(app: App): void {
    this.app = app;
  }

  /** Opens the door; resolves with the port it listens on (0 asks for a free one). */
  async start(): Promise<number> {
    if (!this.app) throw new Error('the Slack receiver was started before an app was given to it');
    const { install, intake, logger } = this.options;
    const app = this.app;
    // Requests stored but left unfinished (by a process that died, here or elsewhere) were acknowledged already.
    intake.handle('slack', (row) => processStored(app, logger, row, row.payload as SlackIntakePayload, null));
    this.door = await SlackFrontDoor.start({
      port: this.options.port,
      signingSecret: this.options.signingSecret,
      paths: { ...this.options.paths, pages: install ? [install.installPath, install.redirectPath] : [] },
      commands: this.options.commands,
      app,
      logger,
      intake,
      ...(this.options.databaseUrl ? { databaseUrl: this.options.databaseUrl } : {}),
      ...(install ? { fallback: (req: IncomingMessage, res: ServerResponse) => this.page(req, res) } : {}),
    });
    intake.start();
    return this.door.port;
  }

  /** Stops taking requests; `drain` runs between that and closing the connections still open. */
  async stop(drain: () => Promise<void> = async () => {}): Promise<void> {
    await this.door?.stop(drain);
  }

  /** The port listened on, once started. */
  get port(): number | undefined {
    return this.door?.port;
  }

  /** Resolves once every request let in so far has reached the app and the app is done with it. */
  async settled(): Promise<void> {
    await this.door?.settled();
    await this.options.intake.idle();
  }

  /** An install page: the door passes only GETs of these paths. */
  private page(req: IncomingMessage, res: ServerResponse): void {
    const { install } = this.options;
    const installer = this.installer;
    if (!install || !installer) return void res.writeHead(404).end();
    const path = new URL(req.url ?? '/', 'http://door').pathname;
    const failed = (error: unknown) => {
      this.options.logger.error({ err: error, path }, 'slack install page failed');
      if (!res.headersSent) res.writeHead(500).end();
    };
    if (path === install.installPath) installer.handleInstallPath(req, res, {}, install.urlOptions).catch(failed);
    else if (path === install.redirectPath) installer.handleCallback(req, res, {}).catch(failed);
    else res.writeHead(404).end();
  }
}
