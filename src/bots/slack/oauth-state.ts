// The state of "Add to Slack": signed and short-lived as Bolt's own, and spent on first use so a captured redirect cannot install twice.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';

/** The code Slack's OAuth package answers with 400 instead of 500. */
const INVALID_STATE = 'slack_oauth_invalid_state';

class InvalidStateError extends Error {
  readonly code = INVALID_STATE;
}

interface StateBody {
  /** When the install page issued it, in ms. */
  at: number;
  nonce: string;
  options: InstallURLOptions;
}

/**
 * Bolt's default state is a signed token that stays valid, with its cookie, for its whole lifetime:
 * a redirect seen once (browser history, a proxy log, a shared screen) could be replayed with another
 * code. Here each state is accepted once. Spent states are kept in memory until they expire: one
 * instance serves the install pages (see docs/platforms.md).
 */
export class SingleUseStateStore implements StateStore {
  private readonly spent = new Map<string, number>();

  constructor(
    private readonly secret: string,
    private readonly lifetimeMs = 10 * 60_000,
  ) {}

  async generateStateParam(options: InstallURLOptions, now: Date): Promise<string> {
    const body: StateBody = { at: now.getTime(), nonce: randomBytes(16).toString('base64url'), options };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  async verifyStateParam(now: Date, state: string): Promise<InstallURLOptions> {
    const [payload = '', signature = ''] = state.split('.');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (!payload || given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidStateError('The state parameter was not issued by this app');
    let body: StateBody;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as StateBody;
    } catch {
      throw new InvalidStateError('The state parameter cannot be read');
    }
    const age = now.getTime() - body.at;
    if (!(age >= 0 && age <= this.lifetimeMs)) throw new InvalidStateError('The state parameter has expired: start the install again');
    for (const [nonce, until] of this.spent) if (until < now.getTime()) this.spent.delete(nonce);
    if (this.spent.has(body.nonce)) throw new InvalidStateError('The state parameter was already used: start the install again');
    this.spent.set(body.nonce, body.at + this.lifetimeMs);
    return body.options;
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(`slack-oauth-state:${payload}`).digest('base64url');
  }
}
