// Bolt and the Slack SDK log through our logger, so their lines carry the same format and level as Concord's.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/service.js';

const text = (parts: unknown[]): string =>
  parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');

/** Debug lines are dropped: they include request bodies, which may hold tokens. */
export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'slack';
  return {
    debug() {},
    info: (...parts: unknown[]) => logger.info({ component: name }, text(parts)),
    warn: (...parts: unknown[]) => logger.warn({ component: name }, text(parts)),
    error: (...parts: unknown[]) => logger.error({ component: name, err: parts.find((p) => p instanceof Error) }, text(parts)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
