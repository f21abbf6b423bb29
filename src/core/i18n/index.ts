// Translation: merges every module's catalog and turns a Msg into text in the reader's language.
import type { Catalog, Locale, Msg } from './types.js';
import { en as baseEn } from './en.js';
import { vi as baseVi } from './vi.js';
import { rulesMessages } from '../proposals/rules/messages.js';
import { commandMessages } from '../commands/messages.js';
import { timeMessages } from '../time-messages.js';

export * from './types.js';

export const catalogs: Record<Locale, Catalog> = {
  en: { ...rulesMessages.en, ...commandMessages.en, ...timeMessages.en, ...baseEn },
  vi: { ...rulesMessages.vi, ...commandMessages.vi, ...timeMessages.vi, ...baseVi },
};

const pluralRules: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  vi: new Intl.PluralRules('vi'),
};

function lookup(locale: Locale, key: string, count: number | undefined, from: Record<Locale, Catalog> = catalogs): string | undefined {
  const catalog = from[locale];
  if (count !== undefined) {
    const variant = catalog[`${key}.${pluralRules[locale].select(count)}`] ?? catalog[`${key}.other`];
    if (variant !== undefined) return variant;
  }
  return catalog[key];
}

/** Translates a message. A key missing in Vietnamese falls back to English, then to the key itself. */
export function translate(locale: Locale, m: Msg): string {
  const count = typeof m.params?.count === 'number' ? m.params.count : undefined;
  const template = lookup(locale, m.key, count) ?? lookup('en', m.key, count) ?? m.key;
  return interpolate(template, m.params);
}

/** Fills `{name}` placeholders; one without a value stays as it is. */
export function interpolate(template: string, params: Msg['params']): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

export type Translator = (m: Msg) => string;

/** Translates by key and parameters. */
export type KeyTranslator = (key: string, params?: Msg['params']) => string;

/**
 * For an adapter with words of its own: its catalog first (in the reader's language, then English), then core's
 * catalogs, with the same plural variants and placeholders.
 */
export function withOwnCatalog(own: Record<Locale, Catalog>): (locale: Locale) => KeyTranslator {
  return (locale) => (key, params) => {
    const count = typeof params?.count === 'number' ? params.count : undefined;
    const template = lookup(locale, key, count, own) ?? lookup('en', key, count, own);
    if (template === undefined) return translate(locale, params ? { key, params } : { key });
    return interpolate(template, params);
  };
}

export function translator(locale: Locale): Translator {
  return (m) => translate(locale, m);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'vi';
}
