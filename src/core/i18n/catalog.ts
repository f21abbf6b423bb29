// The shape of a message catalog and the languages Concord speaks; imports nothing, so every catalog may use it.

export const LOCALES = ['en', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

/** Template strings use `{name}` placeholders. Plural variants live under `key.one` / `key.other`. */
export type Catalog = Record<string, string>;
