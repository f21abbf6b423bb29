// Catalog lookups for adapters: an adapter's own words first, then core's catalogs, in the member's language.
import { withOwnCatalog, type KeyTranslator } from '../../core/i18n/index.js';
import type { Catalog, Locale } from '../../core/i18n/types.js';

export type AdapterTranslator = KeyTranslator;

/** A translator over an adapter's own catalog (its surfaces' words), falling back to core's. */
export function adapterText(own: Record<Locale, Catalog>): (locale: Locale) => AdapterTranslator {
  return withOwnCatalog(own);
}

/** A platform's language tag ("vi-VN", "en-GB", "vi") as a language Concord speaks, when it speaks it. */
export function localeOfTag(tag: string | undefined | null): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language === 'vi' || language === 'en' ? language : undefined;
}
