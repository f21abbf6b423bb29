// A minimal translator for tests: catalog lookup, English plural pick, `{x}` substitution.
import type { Catalog, Msg } from '../../../src/core/i18n/types.js';
import { commandMessages } from '../../../src/core/commands/messages.js';

export function lookup(catalog: Catalog, m: Msg): string | undefined {
  const count = m.params?.count;
  if (typeof count === 'number') {
    const variant = catalog[`${m.key}.${count === 1 ? 'one' : 'other'}`];
    if (variant !== undefined) return variant;
  }
  return catalog[m.key];
}

/** Unknown keys come back as `!key!` so a test can tell a missing message from a real one. */
export function translatorFor(catalog: Catalog): (m: Msg) => string {
  return (m) => {
    const template = lookup(catalog, m) ?? `!${m.key}!`;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = m.params?.[name];
      return value === undefined ? whole : String(value);
    });
  };
}

export const tEn = translatorFor(commandMessages.en);
export const tVi = translatorFor(commandMessages.vi);
