// The other side of the Slack benchmark, in a worker thread: Slack's Web API and response URLs stubbed by a
// local HTTP server, and the load generator that sends signed slash commands and button clicks. Off the
// main thread, neither takes event-loop time from the app being measured, as the real Slack would not.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isMainThread, parentPort, type Worker, workerData } from 'node:worker_threads';
import { Pool } from 'undici';
import { ACTION_IDS } from '../src/bots/slack/render.js';
import { startWorker } from '../src/worker.js';
import { CpuMeter, log } from './support.js';

export type SlackBenchKind = 'slash' | 'button';

export const SIGNING_SECRET = '5f2b0c9a7e41d3686b1fa2c0de9a7b33';
export const TEAM = { id: 'T0BENCH', domain: 'concord-bench' };
export const CHANNEL = { id: 'C0ASSEMBLY', name: 'assembly' };

const memberId = (n: number) => `U${String(n).padStart(8, '0')}`;

function sign(body: string, timestamp: number): string {
  return `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ---- the Web API and response URLs, answered locally ----

/** Answers every Web API method with `{ ok: true }` and the fields Concord reads; records when answers reach response URLs. */
class StubSlack {
  private server: Server | null = null;
  port = 0;
  /** Arrival time (performance.now) of each response_url post, by request sequence number. */
  readonly answered = new Map<number, number>();
  readonly methods = new Map<string, number>();
  private ts = 1_765_000_000;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 60_000;
    this.port = await listen(this.server);
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(seq: number): string {
    return `http://127.0.0.1:${this.port}/respond/${seq}`;
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    if (path.startsWith('/respond/')) {
      this.answered.set(Number(path.slice('/respond/'.length)), performance.now());
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.startsWith('/api/') ? path.slice('/api/'.length) : path;
    this.methods.set(method, (this.methods.get(method) ?? 0) + 1);
    const params = (req.headers['content-type'] ?? '').includes('json') ? (JSON.parse(body || '{}') as Record<string, string>) : Object.fromEntries(new URLSearchParams(body));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ ok: true, ...this.answer(method, params) }));
  }

  private answer(method: string, p: Record<string, string>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'UBOT', bot_id: 'BBOT', team_id: TEAM.id, team: TEAM.domain, url: `https://${TEAM.domain}.slack.com/` };
      case 'users.info': {
        const id = String(p.user);
        return { user: { id, name: id.toLowerCase(), real_name: `Member ${id}`, tz: 'Europe/Berlin', locale: 'en-US', is_admin: false, profile: { display_name: id.toLowerCase(), real_name: `Member ${id}` } } };
      }
      case 'chat.postMessage':
        return { channel: p.channel, ts: `${++this.ts}.000100`, message: { text: p.text } };
      case 'chat.update':
        return { channel: p.channel, ts: p.ts };
      case 'chat.postEphemeral':
        return { message_ts: `${++this.ts}.000200` };
      case 'conversations.open':
        return { channel: { id: `D${String(p.users)}` } };
      case 'conversations.create':
        return { channel: { id: `G${++this.ts}`, name: p.name } };
      case 'conversations.info':
        return { channel: { id: p.channel, name: CHANNEL.name, is_private: false } };
      case 'views.open':
      case 'views.update':
      case 'views.publish':
      case 'views.push':
        return { view: { id: `V${++this.ts}`, hash: `hash-${this.ts}` } };
      default:
        return {};
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

// ---- the requests, as Slack sends them ----

interface Target {
  port: number;
  /** Builds the form body of request `seq`, voting as member `voter`. */
  body(seq: number, voter: number): string;
}

function slashBody(stub: StubSlack, proposal: number) {
  return (seq: number, voter: number): string => {
    const id = memberId(voter);
    return new URLSearchParams({
      token: 'deprecated-verification-token',
      team_id: TEAM.id,
      team_domain: TEAM.domain,
      channel_id: CHANNEL.id,
      channel_name: CHANNEL.name,
      user_id: id,
      user_name: id.toLowerCase(),
      command: '/concord',
      text: `vote ${proposal} yes`,
      api_app_id: 'A0CONCORD',
      is_enterprise_install: 'false',
      response_url: stub.responseUrl(seq),
      trigger_id: `${seq}.${Date.now()}.${voter.toString(16)}`,
    }).toString();
  };
}

function buttonBody(stub: StubSlack, proposal: number) {
  return (seq: number, voter: number): string => {
    const id = memberId(voter);
    const trigger = `${seq}.${Date.now()}.${voter.toString(16)}`;
    const payload = {
      type: 'block_actions',
      user: { id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id },
      api_app_id: 'A0CONCORD',
      token: 'deprecated-verification-token',
      container: { type: 'message', message_ts: '1765000001.000100', channel_id: CHANNEL.id, is_ephemeral: false },
      trigger_id: trigger,
      team: { id: TEAM.id, domain: TEAM.domain },
      enterprise: null,
      is_enterprise_install: false,
      channel: CHANNEL,
      message: { type: 'message', ts: '1765000001.000100', user: 'UBOT', text: 'card' },
      state: { values: {} },
      response_url: stub.responseUrl(seq),
      actions: [
        {
          action_id: `${ACTION_IDS.run}:1`,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'No', emoji: true },
          value: `vote ${proposal} no`,
          type: 'button',
          action_ts: '1765000002.000300',
        },
      ],
    };
    return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  };
}

// ---- the load generator ----

export interface LoadResult {
  ok: number;
  errors: number;
  rps: number;
  latencies: number[];
  /** Send time (performance.now) of every request answered 200, warm-up included, by sequence number. */
  sent: Map<number, number>;
  /** Requests answered 200, warm-up included. */
  acknowledged: number;
  exhausted: boolean;
  other: number | null;
}

/** Keeps `connections` signed requests in flight: `warmupMs` unmeasured, then `durationMs` measured. */
async function drive(target: Target, opts: { connections: number; warmupMs: number; durationMs: number; firstSeq: number; voters: { next: number; end: number } }): Promise<LoadResult> {
  const pool = new Pool(`http://127.0.0.1:${target.port}`, { connections: opts.connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const sent = new Map<number, number>();
  const latencies: number[] = [];
  let seq = opts.firstSeq;
  let ok = 0;
  let errors = 0;
  let acknowledged = 0;
  let exhausted = false;
  let measuring = false;
  let stopped = false;
  let exhaustedAt: number | null = null;
  const firstError: string[] = [];

  const worker = async () => {
    while (!stopped) {
      if (opts.voters.next >= opts.voters.end) {
        if (!exhausted && measuring) exhaustedAt = performance.now();
        exhausted = true;
        return;
      }
      const voter = opts.voters.next++;
      const n = seq++;
      const body = target.body(n, voter);
      const timestamp = Math.floor(Date.now() / 1000);
      const counted = measuring;
      const start = performance.now();
      try {
        const response = await pool.request({
          path: '/slack/events',
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp) },
          body,
        });
        await response.body.dump();
        const elapsed = performance.now() - start;
        const good = response.statusCode === 200;
        if (good) {
          acknowledged++;
          sent.set(n, start);
        } else if (firstError.length < 3) firstError.push(`HTTP ${response.statusCode}`);
        // Only requests both sent and answered inside the window count towards its figures.
        if (counted && measuring) {
          if (good) {
            ok++;
            latencies.push(elapsed);
          } else errors++;
        }
      } catch (error) {
        if (firstError.length < 3) firstError.push((error as Error).message);
        if (counted && measuring) errors++;
      }
    }
  };

  const workers = Array.from({ length: opts.connections }, () => worker());

  await new Promise((resolve) => setTimeout(resolve, opts.warmupMs));
  measuring = true;
  const meter = new CpuMeter();
  const windowStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, opts.durationMs));
  measuring = false;
  const other = meter.otherShare();
  // Out of voters early, the window ends when the first worker found none left.
  const windowMs = (exhaustedAt ?? performance.now()) - windowStart;
  stopped = true;
  await Promise.all(workers);
  await pool.close();
  if (firstError.length) log(`    first failures: ${firstError.join('; ')}`);
  latencies.sort((a, b) => a - b);
  return { ok, errors, rps: (ok / windowMs) * 1000, latencies, sent, acknowledged, exhausted, other };
}


// ---- the worker, and its handle on the main thread ----

export interface DriveRequest {
  port: number;
  kind: SlackBenchKind;
  proposal: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  firstSeq: number;
  voters: { next: number; end: number };
}

type Call = { id: number; op: 'drive'; request: DriveRequest } | { id: number; op: 'answered' } | { id: number; op: 'clear' } | { id: number; op: 'stop' };

/** The worker as the main thread sees it: the stub's address, and the load generator to call. */
export class SlackLoad {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private constructor(
    private readonly worker: Worker,
    readonly apiUrl: string,
  ) {
    worker.on('message', (message: { id: number; value?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.value);
    });
    worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  static async start(): Promise<SlackLoad> {
    // The worker runs this same file.
    const worker = startWorker(import.meta.url, { slackLoad: true });
    const apiUrl = await new Promise<string>((resolve, reject) => {
      worker.once('message', (message: { apiUrl: string }) => resolve(message.apiUrl));
      worker.once('error', reject);
    });
    return new SlackLoad(worker, apiUrl);
  }

  private call<T>(op: Call['op'], request?: DriveRequest): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, op, ...(request ? { request } : {}) });
    });
  }

  /** Keeps `connections` requests in flight against the app on `port`; see drive(). */
  async drive(request: DriveRequest): Promise<LoadResult & { votersNext: number }> {
    const value = await this.call<Omit<LoadResult, 'sent'> & { sent: [number, number][]; votersNext: number }>('drive', request);
    return { ...value, sent: new Map(value.sent) };
  }

  /** When each request's answer reached its response URL (worker clock, as `sent`), and the Web API calls made. */
  async answered(): Promise<{ answered: Map<number, number>; methods: Map<string, number> }> {
    const value = await this.call<{ answered: [number, number][]; methods: [string, number][] }>('answered');
    return { answered: new Map(value.answered), methods: new Map(value.methods) };
  }

  clear(): Promise<void> {
    return this.call('clear');
  }

  async stop(): Promise<void> {
    await this.call('stop');
    await this.worker.terminate();
  }
}

async function serveAsWorker(): Promise<void> {
  const stub = new StubSlack();
  await stub.start();
  parentPort!.on('message', (call: Call) => {
    const answer = async (): Promise<unknown> => {
      switch (call.op) {
        case 'drive': {
          const r = call.request;
          const body = r.kind === 'slash' ? slashBody(stub, r.proposal) : buttonBody(stub, r.proposal);
          const voters = { ...r.voters };
          const result = await drive({ port: r.port, body }, { connections: r.connections, warmupMs: r.warmupMs, durationMs: r.durationMs, firstSeq: r.firstSeq, voters });
          return { ...result, sent: [...result.sent], votersNext: voters.next };
        }
        case 'answered':
          return { answered: [...stub.answered], methods: [...stub.methods] };
        case 'clear':
          stub.answered.clear();
          stub.methods.clear();
          return null;
        case 'stop':
          await stub.stop();
          return null;
      }
    };
    answer().then(
      (value) => parentPort!.postMessage({ id: call.id, value }),
      (error: unknown) => parentPort!.postMessage({ id: call.id, error: String(error instanceof Error ? (error.stack ?? error.message) : error) }),
    );
  });
  parentPort!.postMessage({ apiUrl: stub.apiUrl });
}

if (!isMainThread && (workerData as { slackLoad?: boolean } | null)?.slackLoad) await serveAsWorker();
