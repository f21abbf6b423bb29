// The process's logger (pino, to stderr) and what it may say: errors by type, code and place, never the text members wrote.
import { pino, type DestinationStream } from 'pino';
import type { Config } from './config.js';
import type { Logger } from './core/service.js';

/** Fields of an error worth logging: they say what failed and where, and carry no member text. */
const ERROR_FIELDS = ['code', 'status', 'method', 'errno', 'syscall'] as const;

/**
 * An error as the log may show it. Only the type, message, stack, a few status fields and the cause
 * are kept: platform errors carry the refused request (discord.js keeps the whole message body in
 * `requestBody`), database errors the row's values (`detail`, drizzle's `params:` line).
 */
export function loggableError(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: '(not an Error; value withheld)' };
  const out: Record<string, unknown> = { type: error.name || error.constructor.name, message: scrub(error.message) };
  if (error.stack) out.stack = scrub(error.stack);
  const fields = error as unknown as Record<string, unknown>;
  for (const key of ERROR_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' || typeof value === 'number') out[key] = value;
  }
  if (error.cause !== undefined && depth < 4) out.cause = loggableError(error.cause, depth + 1);
  return out;
}

/** drizzle puts a failed query's parameters, the values members typed, after `params:`. */
function scrub(text: string): string {
  return text.replace(/\nparams:[\s\S]*?(?=\n\s+at |$)/g, '\nparams: [withheld]');
}

/** An error's message as it may be stored or shown: what failed, never the values it carried. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? scrub(error.message) : '(not an Error)';
}

/** An error as text to store (a job's or a message's last error). */
export function errorText(error: unknown, max = 1000): string {
  return (error instanceof Error ? `${error.name}: ${errorMessage(error)}` : errorMessage(error)).slice(0, max);
}

export function createLogger(level: Config['LOG_LEVEL'], destination: DestinationStream = pino.destination(2)): Logger {
  // Logs go to stderr so that the console's replies on stdout stay clean.
  return pino({ level, base: undefined, serializers: { err: loggableError } }, destination);
}
