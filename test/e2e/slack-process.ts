// Concord as a real process serving Slack over HTTP, and a Slack of its own on a local port (the Web API and the
// response URLs), for tests that kill the process, restart it, or run two of it on one database.
// Free of the test runner, so the benchmarks drive the same processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const SIGNING_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
export const TEAM = { id: 'T0CRASH', domain: 'crash-test' };

export interface HookPost {
  path: string;
  body: Record<string, unknown>;
  /** When it arrived (ms since the epoch). */
  at: number;
}

/** Slack's Web API and response URLs: answers what Concord asks with enough to proceed, and records what it sent. */
export class LocalSlack {
  readonly calls: Array<{ method: string; params: Record<string, string> }> = [];
  readonly hooks: HookPost[] = [];
  private ts = 1_765_000_000;
  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(): Promise<LocalSlack> {
    const server: Server = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        const path = new URL(req.url ?? '/', 'http://slack').pathname;
        if (path.startsWith('/hooks/')) {
          slack.hooks.push({ path, body: JSON.parse(data || '{}') as Record<string, unknown>, at: Date.now() });
          res.writeHead(200).end('ok');
          return;
        }
        const method = path.replace(/^\/api\//, '');
        const params = Object.fromEntries(new URLSearchParams(data));
        slack.calls.push({ method, params });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...slack.answer(method, params) }));
      });
    });
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    const slack = new LocalSlack(server, port);
    return slack;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/hooks/${id}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(method: string, params: Record<string, string>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { user_id: 'UCONCORD', bot_id: 'BCONCORD', team_id: TEAM.id };
      case 'users.info':
        return { user: { id: params.user, name: params.user, tz: 'UTC', locale: 'en-US', profile: { display_name: params.user } } };
      case 'conversations.open':
        return { channel: { id: `D${params.users}` } };
      case 'chat.postMessage':
        return { channel: params.channel, ts: `${++this.ts}.000100` };
      case 'chat.update':
        return { channel: params.channel, ts: params.ts };
      default:
        return {};
    }
  }
}

/** A free port on loopback, for a process that must come back on the same one. */
export async function freePort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ConcordProcess {
  child: ChildProcess;
  port: number;
  /** What it wrote to stderr (its JSON log lines). */
  log(): string;
  /** Resolves with its exit code (or signal). */
  exited: Promise<number | string | null>;
}

/** Starts `src/main.ts` serving Slack on `port`, and waits until its health check answers. */
export async function startConcord(env: NodeJS.ProcessEnv, port: number, slack: LocalSlack): Promise<ConcordProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...env,
      SLACK_BOT_TOKEN: 'xoxb-crash-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Concord exited before it listened:\n${stderr}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Concord did not answer its health check within a minute:\n${stderr}`);
    }
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, port, log: () => stderr, exited };
}

/** Waits until `done()` holds, checking every 100 ms, or fails after `ms` saying what it waited for. */
export async function until(what: string, done: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface Signed {
  body: string;
  headers: Record<string, string>;
}

let triggers = 0;
/** A `/concord` command from `user` of the test team, signed as Slack signs it; its replies go to the local Slack under the member's id. */
export function slashRequest(slack: LocalSlack, user: string, text: string, timestamp = Math.floor(Date.now() / 1000)): Signed {
  const trigger = `${++triggers}.${Date.now()}.slash`;
  const body = new URLSearchParams({
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: 'C0PLAN',
    channel_name: 'plan',
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/concord',
    text,
    response_url: slack.responseUrl(`${user}/${trigger}`),
    trigger_id: trigger,
  }).toString();
  return { body, headers: signed(body, timestamp) };
}

/** The headers of a request Slack signed at `timestamp`. */
export function signed(body: string, timestamp: number): Record<string, string> {
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

/** Forwards each request to the next instance in turn, as a load balancer would. */
export async function roundRobin(ports: number[]): Promise<{ server: Server; port: number }> {
  let next = 0;
  const server = createServer((req, res) => {
    const port = ports[next++ % ports.length]!;
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  return { server, port };
}
