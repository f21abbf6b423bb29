// Which of the listeners may be acknowledged before they run. Kept free of imports: the front door's worker thread reads it.

export const SLASH_COMMAND = '/concord';

/**
 * Requests that may be acknowledged before their listener runs: the slash command and button listeners (index.ts) call
 * `ack()` with nothing as their first step, and Bolt acknowledges events itself. View submissions may answer with
 * field errors and option requests with options, so those wait for the listener.
 */
export function acknowledgesEmpty(body: Record<string, unknown>, commands: readonly string[]): boolean {
  if (typeof body.command === 'string') return commands.includes(body.command);
  return body.type === 'block_actions' || body.type === 'event_callback';
}
