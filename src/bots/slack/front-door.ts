// The HTTP front door for Slack's requests, in a worker thread of its own. It verifies each request the way Bolt's
// HTTPReceiver does, refuses replays, and answers health checks and Slack's SSL and URL checks. Every other request is
// stored in the intake before anything acknowledges it: the requests Concord's listeners would acknowledge with
// nothing are acknowledged as soon as they are stored, before they run; the others when their listener acknowledges.
// On Postgres this thread stores them itself, over a connection of its own, so an acknowledgement never queues behind
// votes or card updates on the main thread; embedded PGlite lives on the main thread, which stores them there. Either
// way the store group-commits whatever arrives together.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, workerData, type Worker } from 'node:worker_threads';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { AuthorizationError, HTTPModuleFunctions as httpFunc, ReceiverMultipleAckError, type App, type ReceiverEvent } from '@slack/bolt';
import type { Logger } from '../../core/service.js';
import type { Intake } from '../../runtime/intake.js';
import { GroupCommit, type Holder, type IntakeRow } from '../../runtime/intake-store.js';
import { startWorker } from '../../worker.js';
import { slackIntakeRequest, type SlackIntakePayload } from './intake.js';
import { acknowledgesEmpty } from './listeners/early-acks.js';
import { ReplayGuard, signatureDigest } from './replay.js';

export interface FrontDoorPaths {
  events: string;
  health: string;
  /** Pages served by the fallback (the install and OAuth redirect pages), GET only. */
  pages: string[];
}

interface Settings {
  port: number;
  signingSecret: string;
  paths: FrontDoorPaths;
  /** Slash commands whose listener acknowledges with nothing before anything else. */
  commands: string[];
  /** Where requests for other paths (the OAuth install pages) go, if anywhere: a loopback port on the main thread. */
  proxyPort: number | null;
  maxEarly: number;
  /** [requests passed to the main thread, the last request id]: ids stay unique across a restarted door. */
  forwarded: SharedArrayBuffer;
  /** Postgres: the door stores requests itself, for the main thread's intake (its holder). */
  store: { url: string; holder: Holder } | null;
}

type ToMain =
  | { t: 'listening'; port: number }
  | { t: 'failed'; message: string }
  | {
      t: 'event';
      id: number;
      /** The request as the intake stores it: the parsed body and Slack's retry headers. */
      payload: SlackIntakePayload;
      early: boolean;
      signature: string | null;
      /** Stored already, by the door. */
      row?: IntakeRow;
    }
  | { t: 'health'; id: number }
  | { t: 'log'; level: 'warn' | 'error'; message: string; fields?: Record<string, unknown> }
  | { t: 'closed' };

type ToDoor =
  | { t: 'ack'; id: number; body?: unknown }
  | { t: 'fail'; id: number; status: number }
  | { t: 'done' }
  | { t: 'health'; id: number }
  | { t: 'close'; force: boolean };

/**
 * Acknowledged requests the main thread has not finished beyond which the door stops acknowledging early: a main
 * thread that has stopped making progress then shows as late or failed acks, not as ten thousand silent ones.
 */
const MAX_EARLY = 10_000;
const HEALTH_TIMEOUT_MS = 5_000;
const RESTART_DELAY_MS = 250;
const PROXY_TIMEOUT_MS = 30_000;
/** As Bolt's HTTPReceiver: a request no listener acknowledged gets a 404 after three seconds. */
const UNHANDLED_MS = 3_001;

export interface FrontDoorOptions {
  port: number;
  signingSecret: string;
  paths: FrontDoorPaths;
  commands: string[];
  app: App;
  logger: Logger;
  /** Where each request is stored before it is acknowledged, and from which its work is done. */
  intake: Intake;
  /** Postgres: the database the door stores requests in from its own thread; without it the main thread stores them. */
  databaseUrl?: string;
  /** Serves GETs of `paths.pages` (the install pages), on the main thread. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => void;
  maxEarly?: number;
}

/** The main thread's side: starts the worker and hands each request it passes on to Bolt's `App.processEvent`. */
export class SlackFrontDoor {
  private readonly forwarded: Int32Array;
  private received = 0;
  /** Bolt's processEvent for each request: authorisation, then the listener (and, for Concord's, all its work). */
  private readonly running = new Set<Promise<void>>();
  private closed: (() => void) | null = null;
  private stopping = false;
  /** Whether `worker` is running (false from its unexpected exit until a new one listens). */
  private alive = true;

  private constructor(
    private worker: Worker,
    readonly port: number,
    private readonly settings: Settings,
    private readonly options: FrontDoorOptions,
    private readonly fallback: ReturnType<typeof createServer> | null,
  ) {
    this.forwarded = new Int32Array(settings.forwarded);
    this.watch(worker);
  }

  static async start(options: FrontDoorOptions): Promise<SlackFrontDoor> {
    let fallback: ReturnType<typeof createServer> | null = null;
    let proxyPort: number | null = null;
    if (options.fallback) {
      const serve = options.fallback;
      // The door forwards only GETs of the pages; this port is on loopback, and it answers nothing else whoever asks.
      fallback = createServer((req, res) => {
        const path = pathOf(req);
        if (req.method !== 'GET' || path === null || !options.paths.pages.includes(path)) {
          res.writeHead(404).end();
          return;
        }
        try {
          serve(req, res);
        } catch {
          res.writeHead(404).end();
        }
      });
      proxyPort = await new Promise<number>((resolve, reject) => {
        fallback!.once('error', reject);
        fallback!.listen(0, '127.0.0.1', () => resolve((fallback!.address() as AddressInfo).port));
      });
    }
    const settings: Settings = {
      port: options.port,
      signingSecret: options.signingSecret,
      paths: options.paths,
      commands: options.commands,
      proxyPort,
      maxEarly: options.maxEarly ?? MAX_EARLY,
      forwarded: new SharedArrayBuffer(8),
      store: options.databaseUrl ? { url: options.databaseUrl, holder: options.intake.holder } : null,
    };
    try {
      const { worker, port } = await open(settings);
      // A port of 0 picks a free one; a restarted door takes the same.
      return new SlackFrontDoor(worker, port, { ...settings, port }, options, fallback);
    } catch (error) {
      fallback?.close();
      throw error;
    }
  }

  /** Resolves once every request the door has let through has reached the app and the app is done with it. */
  async settled(): Promise<void> {
    while (this.received < Atomics.load(this.forwarded, 0) || this.running.size) {
      if (this.running.size) await Promise.allSettled([...this.running]);
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Stops taking requests; `drain` runs between that and closing the connections still open. */
  async stop(drain: () => Promise<void>): Promise<void> {
    this.stopping = true;
    // A door that is down (between a crash and its reopening) has nothing to close; a reopening in flight gives up.
    const closed = this.alive ? new Promise<void>((resolve) => (this.closed = resolve)) : Promise.resolve();
    if (this.alive) this.post({ t: 'close', force: false });
    await this.settled();
    await drain();
    if (this.alive) this.post({ t: 'close', force: true });
    await closed;
    await this.worker.terminate();
    if (this.fallback) await new Promise((resolve) => this.fallback!.close(resolve));
  }

  private watch(worker: Worker): void {
    worker.on('message', (message: ToMain) => this.receive(message));
    worker.on('error', (error) => this.options.logger.error({ err: error }, 'slack front door failed'));
    worker.once('exit', (code) => {
      this.alive = false;
      // Stopping, or already stopped while this one was closing: nothing more will answer.
      this.closed?.();
      if (this.stopping) return;
      // Requests it acknowledged and passed on are already here; the app keeps its queue. Its open connections are gone.
      this.received = Math.max(this.received, Atomics.load(this.forwarded, 0));
      this.options.logger.error({ code }, 'slack front door stopped; opening it again');
      void this.reopen(RESTART_DELAY_MS);
    });
  }

  private async reopen(delayMs: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (this.stopping) return;
    try {
      const { worker } = await open(this.settings);
      if (this.stopping) {
        await worker.terminate();
        return;
      }
      this.worker = worker;
      this.alive = true;
      this.watch(worker);
      this.options.logger.info({ port: this.port }, 'slack front door open again');
    } catch (error) {
      this.options.logger.error({ err: error }, 'slack front door could not be opened again');
      await this.reopen(Math.min(delayMs * 2, 30_000));
    }
  }

  private post(message: ToDoor): void {
    this.worker.postMessage(message);
  }

  private receive(message: ToMain): void {
    switch (message.t) {
      case 'event':
        this.received++;
        this.dispatch(message);
        return;
      case 'health':
        this.post({ t: 'health', id: message.id });
        return;
      case 'log':
        this.options.logger[message.level](message.fields ?? {}, message.message);
        return;
      case 'closed':
        this.closed?.();
        return;
    }
  }

  private dispatch(message: Extract<ToMain, { t: 'event' }>): void {
    const running: Promise<void> = this.admit(message).finally(() => {
      this.running.delete(running);
      if (message.early) this.post({ t: 'done' });
    });
    this.running.add(running);
  }

  /** Stores the request, then acknowledges it (or lets its listener do so) and runs it. */
  private async admit(message: Extract<ToMain, { t: 'event' }>): Promise<void> {
    const { intake, logger } = this.options;
    const { payload } = message;
    let admission;
    try {
      if (message.row) intake.adopt(message.row);
      admission = message.row ? { verdict: 'new' as const, row: message.row } : await intake.admit(slackIntakeRequest(payload, message.signature));
    } catch (error) {
      // Not stored, so not acknowledged: Slack retries an event; a member sees their command fail and can send it again.
      logger.error({ err: error }, 'slack request could not be stored');
      this.post({ t: 'fail', id: message.id, status: 503 });
      return;
    }
    if (admission.verdict === 'replayed') {
      logger.warn({ verdict: 'replayed' }, 'slack request refused');
      this.post({ t: 'fail', id: message.id, status: 401 });
      return;
    }
    if (admission.verdict === 'retry') {
      // Stored already, here or on another instance, and run from there.
      this.post({ t: 'ack', id: message.id });
      return;
    }
    if (message.early) {
      // The door acknowledged what it stored itself.
      if (!message.row) this.post({ t: 'ack', id: message.id });
      await intake.run(admission.row, () => this.process(admission.row, payload, null));
      return;
    }
    // Its listener acknowledges, maybe with an answer (a modal's field errors), so it runs at once, not behind the
    // member's earlier requests: Slack waits for that acknowledgement.
    await intake.run(admission.row, () => this.process(admission.row, payload, message.id), { inOrder: false });
  }

  /**
   * Hands a stored request to Bolt. `ackId` is the waiting connection of a request its listener acknowledges; null
   * when it was acknowledged already (stored, or taken over after a crash).
   */
  process(row: IntakeRow, payload: SlackIntakePayload, ackId: number | null): Promise<void> {
    return processStored(this.options.app, this.options.logger, row, payload, ackId === null ? null : (status, body) => this.post(status === 200 ? { t: 'ack', id: ackId, body } : { t: 'fail', id: ackId, status }));
  }
}

/** How a listener's acknowledgement, or its failure before one, reaches the waiting connection. */
type Answer = (status: number, body?: unknown) => void;

/**
 * Runs a stored request through Bolt: authorisation, then the listener and its work. A request that fails before its
 * acknowledgement is refused (it is not acknowledged, so nothing is lost); one that fails after it throws, so the
 * intake tries it again.
 */
export async function processStored(app: App, logger: Logger, row: IntakeRow, payload: SlackIntakePayload, answer: Answer | null): Promise<void> {
  let acked = answer === null;
  const event: ReceiverEvent = {
    body: payload.body,
    retryNum: payload.retryNum,
    retryReason: payload.retryReason,
    customProperties: { intake: { attempts: row.attempts, receivedAt: row.receivedAt.toISOString() } },
    ack: async (response?: unknown) => {
      if (answer === null) return;
      if (acked) throw new ReceiverMultipleAckError();
      acked = true;
      answer(200, response);
    },
  };
  try {
    await app.processEvent(event);
  } catch (error) {
    if (acked) throw error;
    acked = true;
    logger.error({ err: error }, 'slack request failed before its acknowledgement');
    answer?.(error instanceof AuthorizationError ? 401 : 500);
  }
}

/** Starts a worker on `settings` and waits until it listens. */
async function open(settings: Settings): Promise<{ worker: Worker; port: number }> {
  const worker = startWorker(import.meta.url, { slackFrontDoor: settings });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const onMessage = (message: ToMain): void => {
        if (message.t === 'listening') resolve(message.port);
        else if (message.t === 'failed') reject(new Error(message.message));
        else return;
        worker.off('message', onMessage);
      };
      worker.on('message', onMessage);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the Slack front door stopped (exit ${code})`)));
    });
    return { worker, port };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}

// ---- the worker ----

function serve(settings: Settings): void {
  const port = parentPort!;
  const post = (message: ToMain): void => port.postMessage(message);
  const forwarded = new Int32Array(settings.forwarded);
  const guard = new ReplayGuard();
  const store = settings.store ? new GroupCommit(drizzle(postgres(settings.store.url, { max: 4, onnotice: () => {} })), settings.store.holder) : null;
  const waiting = new Map<number, { res: ServerResponse; timer: NodeJS.Timeout }>();
  const health = new Map<number, { res: ServerResponse; timer: NodeJS.Timeout }>();
  let early = 0;
  const nextId = (): number => Atomics.add(forwarded, 1, 1) + 1;

  const reply = (entries: typeof waiting, id: number, send: (res: ServerResponse) => void): void => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    clearTimeout(entry.timer);
    if (!entry.res.headersSent) send(entry.res);
  };

  const receive = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const verdict = guard.check(header(req, 'x-slack-request-timestamp'), header(req, 'x-slack-signature'));
    if (verdict !== 'fresh') {
      post({ t: 'log', level: 'warn', message: 'slack request refused', fields: { verdict } });
      res.writeHead(401).end();
      return;
    }
    let body: Record<string, unknown>;
    try {
      const buffered = await httpFunc.parseAndVerifyHTTPRequest({ signingSecret: settings.signingSecret, bodyLimit: httpFunc.defaultBodyLimit }, req);
      try {
        body = httpFunc.parseHTTPRequestBody(buffered) as Record<string, unknown>;
      } catch (error) {
        post({ t: 'log', level: 'warn', message: 'slack request body malformed', fields: { reason: (error as Error).message } });
        res.writeHead(400).end();
        return;
      }
    } catch (error) {
      guard.forget(header(req, 'x-slack-signature'));
      const tooLarge = httpFunc.isRawBodyError(error) && error.statusCode === 413;
      post({ t: 'log', level: 'warn', message: 'slack request refused', fields: { verdict: tooLarge ? 'too large' : 'unverified', reason: (error as Error).message } });
      // The rest of an oversized body is never read, so the connection cannot carry another request.
      res.writeHead(tooLarge ? 413 : 401, tooLarge ? { connection: 'close' } : {}).end();
      return;
    }
    if (body.ssl_check === '1') return httpFunc.buildSSLCheckResponse(res);
    if (body.type === 'url_verification') return httpFunc.buildUrlVerificationResponse(res, body);

    const id = nextId();
    const acksNow = early < settings.maxEarly && acknowledgesEmpty(body, settings.commands);
    const retryNum = httpFunc.extractRetryNumFromHTTPRequest(req);
    const retryReason = httpFunc.extractRetryReasonFromHTTPRequest(req);
    // Counted before the ack leaves, so whoever sees the ack can wait for the request to reach the app.
    Atomics.add(forwarded, 0, 1);
    const signature = signatureDigest(header(req, 'x-slack-signature'));
    const payload: SlackIntakePayload = { body, ...(retryNum !== undefined ? { retryNum } : {}), ...(retryReason ? { retryReason } : {}) };
    const event: Extract<ToMain, { t: 'event' }> = { t: 'event', id, payload, early: acksNow, signature };
    if (store) {
      let admission;
      try {
        admission = await store.admit(slackIntakeRequest(payload, signature));
      } catch (error) {
        // Not stored, so not acknowledged: Slack retries an event; a member sees the command fail and can send it again.
        post({ t: 'log', level: 'error', message: 'slack request could not be stored', fields: { reason: String(error) } });
        Atomics.sub(forwarded, 0, 1);
        res.writeHead(503).end();
        return;
      }
      if (admission.verdict !== 'new') {
        Atomics.sub(forwarded, 0, 1);
        if (admission.verdict === 'replayed') post({ t: 'log', level: 'warn', message: 'slack request refused', fields: { verdict: 'replayed' } });
        res.writeHead(admission.verdict === 'replayed' ? 401 : 200).end();
        return;
      }
      event.row = admission.row;
      if (acksNow) {
        early++;
        // Stored: the ack first, then the copy to the main thread.
        res.writeHead(200).end();
        post(event);
        return;
      }
    } else if (acksNow) early++;
    // Acknowledged when the main thread has stored it (or, for the others, when their listener acknowledges).
    post(event);
    const timer = setTimeout(
      () =>
        reply(waiting, id, (r) => {
          post({ t: 'log', level: 'error', message: 'slack request not acknowledged within 3 seconds' });
          r.writeHead(404).end();
        }),
      UNHANDLED_MS,
    );
    waiting.set(id, { res, timer });
  };

  const proxy = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = httpRequest({ host: '127.0.0.1', port: settings.proxyPort!, method: req.method, path: req.url, headers: endToEnd(req.headers), timeout: PROXY_TIMEOUT_MS }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, endToEnd(answer.headers));
      answer.pipe(res);
    });
    upstream.on('timeout', () => upstream.destroy(new Error('install page timed out')));
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  };

  const server = createServer((req, res) => {
    const path = pathOf(req);
    if (path === null) {
      res.writeHead(400).end();
      return;
    }
    if (req.method === 'GET' && path === settings.paths.health) {
      // Answered by the main thread, so a main thread that stopped turning fails its health check.
      const id = nextId();
      const timer = setTimeout(() => reply(health, id, (r) => r.writeHead(503, { 'content-type': 'text/plain' }).end('busy')), HEALTH_TIMEOUT_MS);
      health.set(id, { res, timer });
      post({ t: 'health', id });
      return;
    }
    if (req.method === 'POST' && path === settings.paths.events) {
      receive(req, res).catch((error: unknown) => {
        post({ t: 'log', level: 'error', message: 'slack front door failed on a request', fields: { reason: String(error) } });
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    // Only the install pages are served from the main thread, and they are pages: GET.
    if (settings.proxyPort !== null && req.method === 'GET' && settings.paths.pages.includes(path)) return proxy(req, res);
    res.writeHead(404).end();
  });

  port.on('message', (message: ToDoor) => {
    switch (message.t) {
      case 'ack':
        return reply(waiting, message.id, (res) => httpFunc.buildContentResponse(res, message.body));
      case 'fail':
        return reply(waiting, message.id, (res) => res.writeHead(message.status).end());
      case 'done':
        // A restarted door hears of requests its predecessor acknowledged.
        early = Math.max(0, early - 1);
        return;
      case 'health':
        return reply(health, message.id, (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok'));
      case 'close':
        if (!message.force) {
          server.close(() => post({ t: 'closed' }));
          server.closeIdleConnections();
        } else {
          server.closeAllConnections();
        }
        return;
    }
  });
  server.once('error', (error) => post({ t: 'failed', message: `Slack's HTTP port ${settings.port} could not be opened: ${error.message}` }));
  server.listen(settings.port, () => post({ t: 'listening', port: (server.address() as AddressInfo).port }));
}

/** The path as the WHATWG parser reads it (and Bolt's receiver after it): `/slack/./events` and `/slack\\events` are `/slack/events`. */
function pathOf(req: IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://door').pathname;
  } catch {
    return null;
  }
}

/** Headers about one connection, not the request: not passed through the proxy. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'transfer-encoding']);

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const settings = isMainThread ? undefined : (workerData as { slackFrontDoor?: Settings } | null)?.slackFrontDoor;
if (settings) serve(settings);
