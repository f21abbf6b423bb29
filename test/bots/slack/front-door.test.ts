// The Slack front door on its own: what it acknowledges at once, what waits for the listener, and a thread that dies.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App, ReceiverEvent } from '@slack/bolt';
import { SlackFrontDoor } from '../../../src/bots/slack/front-door.js';
import { sql } from 'drizzle-orm';
import { acknowledgesEmpty } from '../../../src/bots/slack/listeners/index.js';
import { rowsOf } from '../../../src/db/client.js';
import { Intake } from '../../../src/runtime/intake.js';
import { useTestDatabase } from '../../support/db.js';
import { sign } from './support.js';

const commands = ['/concord'];
const paths = { events: '/slack/events', health: '/healthz', pages: [] as string[] };
const SECRET = 'front-door-test-secret';

describe('acknowledgesEmpty', () => {
  it('acknowledges Concord’s slash command, button clicks and events at once', () => {
    expect(acknowledgesEmpty({ command: '/concord', text: 'vote 1 yes' }, commands)).toBe(true);
    expect(acknowledgesEmpty({ type: 'block_actions', actions: [] }, commands)).toBe(true);
    expect(acknowledgesEmpty({ type: 'event_callback', event: { type: 'app_home_opened' } }, commands)).toBe(true);
  });

  it('leaves to the listener what may answer in the acknowledgement, and what Concord does not handle', () => {
    // Field errors travel in a view submission's acknowledgement, options in a suggestion's.
    expect(acknowledgesEmpty({ type: 'view_submission', view: {} }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'view_closed', view: {} }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'block_suggestion', value: 'bu' }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'shortcut', callback_id: 'x' }, commands)).toBe(false);
    expect(acknowledgesEmpty({ command: '/other', text: '' }, commands)).toBe(false);
  });
});

describe('SlackFrontDoor', () => {
  type Listener = (event: ReceiverEvent) => Promise<void>;
  const events: ReceiverEvent[] = [];
  const logged: Array<{ level: string; msg?: string }> = [];
  const logger = {
    info: (_: object, msg?: string) => void logged.push({ level: 'info', ...(msg ? { msg } : {}) }),
    warn: (_: object, msg?: string) => void logged.push({ level: 'warn', ...(msg ? { msg } : {}) }),
    error: (_: object, msg?: string) => void logged.push({ level: 'error', ...(msg ? { msg } : {}) }),
  };
  let listener: Listener = (event) => event.ack();
  const app = {
    processEvent: (event: ReceiverEvent) => {
      events.push(event);
      return listener(event);
    },
  } as unknown as App;
  const doors: SlackFrontDoor[] = [];
  const t = useTestDatabase();
  let instances = 0;

  const start = async (maxEarly?: number): Promise<SlackFrontDoor> => {
    const intake = new Intake({ db: t.database.db, logger, workerId: `door-${++instances}`, leaseSeconds: 15 });
    // On Postgres the door stores requests from its own thread, as Concord's does.
    const door = await SlackFrontDoor.start({
      port: 0,
      signingSecret: SECRET,
      paths,
      commands,
      app,
      logger,
      intake,
      ...(t.database.url ? { databaseUrl: t.database.url } : {}),
      ...(maxEarly ? { maxEarly } : {}),
    });
    doors.push(door);
    return door;
  };
  const send = (door: SlackFrontDoor, body: string, contentType: string): Promise<Response> => {
    const timestamp = Math.floor(Date.now() / 1000);
    return fetch(`http://127.0.0.1:${door.port}${paths.events}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, SECRET) },
      body,
    });
  };
  let seq = 0;
  const slash = (door: SlackFrontDoor) => send(door, new URLSearchParams({ command: '/concord', text: `vote 1 yes`, trigger_id: `t${++seq}` }).toString(), 'application/x-www-form-urlencoded');
  const submission = (door: SlackFrontDoor) => send(door, new URLSearchParams({ payload: JSON.stringify({ type: 'view_submission', view: { id: `V${++seq}` } }) }).toString(), 'application/x-www-form-urlencoded');

  let door: SlackFrontDoor;
  beforeAll(async () => {
    door = await start();
  });
  afterEach(() => {
    events.length = 0;
    logged.length = 0;
    listener = (event) => event.ack();
  });
  afterAll(async () => {
    for (const d of doors) await d.stop(async () => {});
  });

  it('acknowledges a slash command before its listener has acknowledged, and hands it over parsed', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    listener = async (event) => {
      await held;
      await event.ack('too late to matter');
    };
    const response = await slash(door);
    expect([response.status, await response.text()]).toEqual([200, '']);
    release();
    await door.settled();
    expect(events.map((e) => e.body)).toEqual([expect.objectContaining({ command: '/concord', text: 'vote 1 yes' })]);
  });

  it('answers a view submission with the listener’s acknowledgement, or 500 when the listener fails first', async () => {
    listener = (event) => event.ack({ response_action: 'errors', errors: { title: 'Give the proposal a title.' } });
    const refused = await submission(door);
    expect(await refused.json()).toEqual({ response_action: 'errors', errors: { title: 'Give the proposal a title.' } });

    listener = () => Promise.reject(new Error('listener broke'));
    const failed = await submission(door);
    expect(failed.status).toBe(500);
    expect(logged).toContainEqual({ level: 'error', msg: 'slack request failed before its acknowledgement' });
  });

  it('stores a request before acknowledging it, and runs it once whichever instance a retry or a replay reaches', async () => {
    const other = await start();
    const body = new URLSearchParams({ command: '/concord', text: 'vote 1 yes', trigger_id: 'T-once', team_id: 'T1', user_id: 'U1' }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': sign(body, timestamp, SECRET) };
    const post = (d: SlackFrontDoor, h: Record<string, string>) => fetch(`http://127.0.0.1:${d.port}${paths.events}`, { method: 'POST', headers: h, body });

    const first = await post(door, headers);
    expect(first.status).toBe(200);
    // Durable by the time the acknowledgement left.
    const stored = await t.database.db.execute(sql`select request_key, member_key, signature from intake where request_key = 'trigger:T-once'`);
    expect(rowsOf(stored)).toEqual([{ request_key: 'trigger:T-once', member_key: 'T1:U1', signature: headers['x-slack-signature'].slice(3) }]);
    // The very same signed request, captured and sent to the other instance: refused there too.
    expect((await post(other, headers)).status).toBe(401);
    // Slack sending the request again, signed afresh a second later: acknowledged, not run again.
    const later = timestamp + 1;
    expect((await post(other, { ...headers, 'x-slack-request-timestamp': String(later), 'x-slack-signature': sign(body, later, SECRET) })).status).toBe(200);
    await door.settled();
    await other.settled();
    expect(events.filter((e) => (e.body as { trigger_id?: string }).trigger_id === 'T-once')).toHaveLength(1);
    const done = await t.database.db.execute(sql`select status from intake where request_key = 'trigger:T-once'`);
    expect(rowsOf(done)).toEqual([{ status: 'done' }]);
  });

  it('takes over a stored request whose instance stopped before finishing it, once its lease has run out', async () => {
    await t.database.db.execute(sql`
      insert into intake (source, request_key, member_key, signature, payload, locked_by, locked_until, received_at)
      values ('slack', 'trigger:T-orphan', 'T1:U2', null, ${JSON.stringify({ body: { command: '/concord', text: 'vote 2 no', trigger_id: 'T-orphan' } })}::jsonb,
              'door-gone', now() - interval '1 second', now() - interval '20 seconds')`);
    const intake = new Intake({ db: t.database.db, logger, workerId: 'door-taking-over', leaseSeconds: 15 });
    intake.handle('slack', async (row) => {
      events.push({ body: (row.payload as { body: Record<string, unknown> }).body, customProperties: { intake: { attempts: row.attempts } }, ack: async () => {} });
    });
    await intake.sweep();
    await intake.idle();
    expect(events.map((e) => [e.body.trigger_id, e.customProperties])).toEqual([['T-orphan', { intake: { attempts: 2 } }]]);
    const row = await t.database.db.execute(sql`select status, locked_by from intake where request_key = 'trigger:T-orphan'`);
    expect(rowsOf(row)).toEqual([{ status: 'done', locked_by: 'door-taking-over' }]);
    // Nothing is left to take over.
    await intake.sweep();
    await intake.idle();
    expect(events).toHaveLength(1);
    await intake.stop();
  });

  it('lets the listener acknowledge once the main thread has too much unfinished work', async () => {
    const busy = await start(1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    listener = async (event) => {
      await event.ack('from the listener');
      await held;
    };
    const first = await slash(busy);
    const second = await slash(busy);
    release();
    await busy.settled();
    expect([await first.text(), await second.text()]).toEqual(['', 'from the listener']);
  });

  it('stops at once when its thread has died and is not open again yet', async () => {
    const fragile = await start();
    await fragile['worker'].terminate();
    await fragile.stop(async () => {});
    // Stopped: the restart it had planned does not happen.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await fetch(`http://127.0.0.1:${fragile.port}${paths.health}`).then((r) => r.status, () => 'closed')).toBe('closed');
  });

  it('opens again on the same port when its thread dies, and keeps taking requests', async () => {
    const fragile = await start();
    const port = fragile.port;
    await fragile['worker'].terminate();
    let health: Response | null = null;
    for (let attempt = 0; attempt < 100 && health?.status !== 200; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      health = await fetch(`http://127.0.0.1:${port}${paths.health}`).catch(() => null);
    }
    expect(health?.status).toBe(200);
    expect(logged.filter((l) => l.level === 'error').map((l) => l.msg)).toEqual(['slack front door stopped; opening it again']);
    const response = await slash(fragile);
    await fragile.settled();
    expect(response.status).toBe(200);
    expect(events.at(-1)?.body).toEqual(expect.objectContaining({ command: '/concord' }));
  });
});
