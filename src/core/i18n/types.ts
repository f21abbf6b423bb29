// Shapes shared by every message catalog. Catalogs are plain data so translators can work on them.

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** Template strings use `{name}` placeholders. Plural variants live under `key.one` / `key.other`. */
export type Catalog = Record<string, string>;

/** A message that is not yet translated: a catalog key and its parameters. */
export interface Msg {
  key: string;
  params?: Record<string, string | number>;
}

export const msg = (key: string, params?: Record<string, string | number>): Msg =>
  params ? { key, params } : { key };
