// Message keys derived from the catalogs, and the untranslated message that names one. The catalogs' own shape is in catalog.ts.
import type { CoreKey } from './en.js';
import type { CommandMessageKey } from '../commands/messages.js';
import type { RuleMessageKey } from '../proposals/rules/messages.js';
import type { TimeMessageKey } from '../time-messages.js';
import type { GoalMessageKey } from '../goals/messages.js';
import type { PledgeMessageKey } from '../resources/pledge-messages.js';
import type { RetroMessageKey } from '../retros/messages.js';
import type { PoolMessageKey } from '../resources/pool-messages.js';

export { LOCALES, type Catalog, type Locale } from './catalog.js';

/** Every key the English catalogs define; each Vietnamese catalog is typed to hold exactly the same keys. */
export type CatalogKey = CoreKey | CommandMessageKey | RuleMessageKey | TimeMessageKey | GoalMessageKey | PledgeMessageKey | PoolMessageKey | RetroMessageKey;

/** `x` for a plural pair `x.one` / `x.other`: code names the pair, the count picks the variant. */
type PluralStem<K extends string> = K extends `${infer Stem}.other` ? Stem : never;

/** The keys code may name in a catalog with keys `K`: each key, and the stem of each plural pair. */
export type KeysOf<K extends string> = K | PluralStem<K>;

/** A key code may name in core's catalogs. Any other string is a type error. */
export type MessageKey = KeysOf<CatalogKey>;

/** A message that is not yet translated: a catalog key and its parameters. */
export interface Msg {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export const msg = (key: MessageKey, params?: Record<string, string | number>): Msg =>
  params ? { key, params } : { key };
