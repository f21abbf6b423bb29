// The adapters' own catalogs (Discord, Slack, the console): every word in both languages, with the same placeholders.
import { describe, expect, it } from 'vitest';
import { consoleMessages } from '../../src/bots/console/messages.js';
import { discordMessages } from '../../src/bots/discord/messages.js';
import { slackMessages } from '../../src/bots/slack/messages.js';
import type { Catalog, Locale } from '../../src/core/i18n/types.js';

const adapters: Array<[string, Record<Locale, Catalog>]> = [
  ['discord', discordMessages],
  ['slack', slackMessages],
  ['console', consoleMessages],
];

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?::\d)?\}/g)].map((m) => m[1]).sort().join();

describe.each(adapters)('the %s catalog', (_name, catalog) => {
  it('has the same keys in English and Vietnamese, none of them empty', () => {
    expect(Object.keys(catalog.vi).sort()).toEqual(Object.keys(catalog.en).sort());
    expect(Object.entries(catalog.vi).filter(([, text]) => text.trim() === '')).toEqual([]);
  });

  it('keeps the same placeholders in both languages', () => {
    const differ = Object.keys(catalog.en).filter((key) => placeholders(catalog.en[key]!) !== placeholders(catalog.vi[key] ?? ''));
    expect(differ).toEqual([]);
  });
});

describe('words that reach members from the messengers and the console', () => {
  const keys: Array<[Record<Locale, Catalog>, string]> = [
    [discordMessages, 'discord.space.missingPermissions'],
    [discordMessages, 'discord.space.stranger'],
    [discordMessages, 'discord.permission.viewChannel'],
    [discordMessages, 'discord.permission.createPrivateThreads'],
    [discordMessages, 'discord.permission.sendMessagesInThreads'],
    [consoleMessages, 'console.workspace'],
  ];

  it.each(keys)('are translated into Vietnamese: %#', (catalog, key) => {
    expect(catalog.en[key]).toBeDefined();
    expect(catalog.vi[key]).toBeDefined();
    expect(catalog.vi[key]).not.toBe(catalog.en[key]);
    // Vietnamese with its diacritics, not a transliteration.
    expect(catalog.vi[key]).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
  });
});
