// Translation: merges every module's catalog and turns a Msg into text in the reader's language.
import type { Catalog, KeysOf, Locale, MessageKey, Msg } from './types.js';
import { en as baseEn } from './en.js';
import { vi as baseVi } from './vi.js';
import { rulesMessages } from '../proposals/rules/messages.js';
import { commandMessages } from '../commands/messages.js';
import { timeMessages } from '../time-messages.js';
import { goalMessages } from '../goals/messages.js';
import { pledgeMessages } from '../resources/pledge-messages.js';
import { retroMessages } from '../retros/messages.js';
import { poolMessages } from '../resources/pool-messages.js';

export * from './types.js';

export const catalogs: Record<Locale, Catalog> = {
  en: { ...rulesMessages.en, ...commandMessages.en, ...timeMessages.en, ...goalMessages.en, ...pledgeMessages.en, ...poolMessages.en, ...retroMessages.en, ...baseEn },
  vi: { ...rulesMessages.vi, ...commandMessages.vi, ...timeMessages.vi, ...goalMessages.vi, ...pledgeMessages.vi, ...poolMessages.vi, ...retroMessages.vi, ...baseVi },
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

/**
 * Whether a string read at run time (stored audit data, a carried zod issue) names a message. Keys written in
 * code are checked by the type checker instead.
 */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key) || Object.hasOwn(catalogs.en, `${key}.other`);
}

/** Translates a message. A key missing in Vietnamese falls back to English, then to the key itself. */
export function translate(locale: Locale, m: Msg): string {
  const count = typeof m.params?.count === 'number' ? m.params.count : undefined;
  const template = lookup(locale, m.key, count) ?? lookup('en', m.key, count) ?? m.key;
  return interpolate(template, m.params, locale);
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number as the reader writes it: "3.67" in English, "3,67" in Vietnamese. With `digits`, exactly that many
 * decimals ("4,00"); without, up to two and none for whole numbers. Never grouped, so "#1234" stays "#1234".
 */
export function formatNumber(locale: Locale, value: number, digits?: number): string {
  const key = `${locale}:${digits ?? ''}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: false, minimumFractionDigits: digits ?? 0, maximumFractionDigits: digits ?? 2 });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/**
 * Fills `{name}` placeholders; one without a value stays as it is. Numbers are written in the reader's locale;
 * `{name:2}` asks for exactly two decimals.
 */
export function interpolate(template: string, params: Msg['params'], locale: Locale = 'en'): string {
  if (!params) return template;
  return template.replace(/\{(\w+)(?::(\d))?\}/g, (whole, name: string, digits: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value, digits === undefined ? undefined : Number(digits)) : value;
  });
}

export type Translator = (m: Msg) => string;

/** Translates by key and parameters: core's keys, and the keys `K` of an adapter's own catalog. */
export type KeyTranslator<K extends string = never> = (key: KeysOf<K> | MessageKey, params?: Msg['params']) => string;

/**
 * For an adapter with words of its own: its catalog first (in the reader's language, then English), then core's
 * catalogs, with the same plural variants and placeholders.
 */
export function withOwnCatalog<K extends string>(own: Record<Locale, Record<K, string>>): (locale: Locale) => KeyTranslator<K> {
  const ownCatalogs: Record<Locale, Catalog> = own;
  return (locale) => (key, params) => {
    const count = typeof params?.count === 'number' ? params.count : undefined;
    const template = lookup(locale, key, count, ownCatalogs) ?? lookup('en', key, count, ownCatalogs);
    // Not the adapter's own: core's, or (for a plural stem named without a count) the key itself, as translate does.
    if (template === undefined) return isMessageKey(key) ? translate(locale, params ? { key, params } : { key }) : key;
    return interpolate(template, params, locale);
  };
}

export function translator(locale: Locale): Translator {
  return (m) => translate(locale, m);
}

export function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'vi';
}
