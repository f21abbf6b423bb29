// What identifies a Slack request across retries, replays and instances, and whose it is: how it is stored in the intake.
import type { IntakeRequest } from '../../runtime/intake.js';

/** What the intake keeps of a Slack request: enough to hand it to Bolt again after a crash. */
export interface SlackIntakePayload {
  body: Record<string, unknown>;
  retryNum?: number;
  retryReason?: string;
}

/**
 * The request's identity: a slash command's or interaction's `trigger_id` (one per invocation), an event's `event_id`
 * (kept by Slack across its retries). A payload with neither is known by `fallbackKey` when one is given (Socket Mode,
 * where nothing is signed: a key of its own, so that it is never taken for another request), else by its signature,
 * which a replay repeats.
 */
export function slackIntakeRequest(payload: SlackIntakePayload, signature: string | null, fallbackKey?: string): IntakeRequest {
  const { body } = payload;
  const event = record(body.event);
  const key =
    typeof body.trigger_id === 'string' && body.trigger_id
      ? `trigger:${body.trigger_id}`
      : typeof body.event_id === 'string' && body.event_id
        ? `event:${body.event_id}`
        : (fallbackKey ?? `signature:${signature ?? 'none'}`);
  const user = record(body.user);
  const team = record(body.team);
  const teamId = text(body.team_id) ?? text(team.id) ?? text(user.team_id) ?? '';
  const userId = text(body.user_id) ?? text(user.id) ?? text(event.user) ?? '';
  return { source: 'slack', key, member: `${teamId}:${userId}`, signature, payload };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
