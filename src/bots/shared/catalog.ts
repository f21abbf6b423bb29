// Catalog lookups for adapters: an adapter's own words first, then core's catalogs, in the member's language.
import { withOwnCatalog, type KeyTranslator } from '../../core/i18n/index.js';
import type { Locale } from '../../core/i18n/types.js';

export type AdapterTranslator<K extends string = never> = KeyTranslator<K>;

/** A translator over an adapter's own catalog (its surfaces' words), falling back to core's. */
export function adapterText<K extends string>(own: Record<Locale, Record<K, string>>): (locale: Locale) => AdapterTranslator<K> {
  return withOwnCatalog(own);
}

/** A platform's language tag ("vi-VN", "en-GB", "vi") as a language Concord speaks, when it speaks it. */
export function localeOfTag(tag: string | undefined | null): Locale | undefined {
  const language = tag?.toLowerCase().split(/[-_]/)[0];
  return language === 'vi' || language === 'en' ? language : undefined;
}
