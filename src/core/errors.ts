// Domain errors: expected refusals with a translatable message. Thrown inside a transaction, they roll it back.
import type { MessageKey, Msg } from './i18n/types.js';

export class DomainError extends Error {
  constructor(
    readonly msg: Msg,
    readonly usage?: string,
  ) {
    super(msg.key);
    this.name = 'DomainError';
  }
}

export const fail = (key: MessageKey, params?: Record<string, string | number>, usage?: string): never => {
  throw new DomainError(params ? { key, params } : { key }, usage);
};
