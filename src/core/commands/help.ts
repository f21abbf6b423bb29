// Help text for `/concord help [command]`, rendered from the command table in the reader's language.
import { msg, type Msg } from '../i18n/types.js';
import { isMessageKey } from '../i18n/index.js';
import { AREAS, COMMAND_SPECS, flagUsage, matchSpec, subcommandsOf, type CommandSpec } from './spec.js';
import { closest } from './suggest.js';
import type { CommandMessageKey } from './messages.js';
import { echo } from './caps.js';

type Translate = (m: Msg) => string;

const code = (text: string): string => `\`${text}\``;

/** Placeholders written as literal text, with the key of their words. */
const LITERAL_PLACEHOLDERS: readonly (readonly [string, CommandMessageKey])[] = [
  ['@member', 'cmd.ph.member'],
  ['[reason...]', 'cmd.ph.reason'],
  ['"in 3 days"', 'cmd.ph.in-3-days'],
  ['"in 6 months"', 'cmd.ph.in-6-months'],
  ['"friday 17:00"', 'cmd.ph.friday-17-00'],
];
const LITERAL = new RegExp(LITERAL_PLACEHOLDERS.map(([text]) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
/** `<title>`, `<IANA zone>`, `<from-hour>`; not mentions such as `<@U123>`. */
const ANGLE = /<([A-Za-z][A-Za-z -]*)>/g;

/**
 * A usage line, flag or error with its placeholders in the reader's language: `"<title>"` becomes
 * `"<tiêu đề>"`, `@member` becomes `@tên`. Literal words (flags, rule names, values) stay as they are.
 */
export function localizePlaceholders(text: string, t: Translate): string {
  return text
    .replace(ANGLE, (whole, inner: string) => {
      // Placeholders come from usage lines and from what members typed: only those with words of their own change.
      const key = `cmd.ph.${inner.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      return isMessageKey(key) ? `<${t(msg(key))}>` : whole;
    })
    .replace(LITERAL, (whole) => {
      const key = LITERAL_PLACEHOLDERS.find(([text]) => text === whole)?.[1];
      if (key === undefined) return whole;
      const words = t(msg(key));
      if (whole.startsWith('@')) return `@${words}`;
      if (whole.startsWith('[')) return `[${words}...]`;
      return `"${words}"`;
    });
}

/** Parameters of parse errors that carry placeholders (`<title>`, `"<text>"`) rather than what the member typed. */
const PLACEHOLDER_PARAMS = ['field', 'arg', 'expected', 'allowed', 'example'] as const;

/** A parse error and its usage line as one reply, placeholders in the reader's language. */
export function parseErrorText(t: Translate, error: Msg, usage?: string): string {
  const params = error.params && { ...error.params };
  for (const key of PLACEHOLDER_PARAMS) {
    const value = params?.[key];
    if (params && typeof value === 'string') params[key] = localizePlaceholders(value, t);
  }
  const text = t(params ? { key: error.key, params } : error);
  return usage === undefined ? text : `${text}\n${t(msg('error.usage', { usage: localizePlaceholders(usage, t) }))}`;
}

const command = (spec: CommandSpec, t: Translate): string => code(localizePlaceholders(`/concord ${spec.usage}`, t));
const phrase = (spec: CommandSpec): string => spec.words.join(' ');
const line = (t: Translate, spec: CommandSpec): string => `• ${command(spec, t)} — ${t(msg(spec.summary))}`;

/** Everything but `help` itself, which the closing line already explains. Read when called: see DECLARATIONS. */
const listed = (): CommandSpec[] => COMMAND_SPECS.filter((s) => s.area !== 'help');

function overview(t: Translate): string {
  const sections = AREAS.map((area) =>
    [t(msg(`cmd.area.${area}`)), ...listed().filter((s) => s.area === area).map((s) => line(t, s))].join('\n'),
  );
  return [t(msg('cmd.help.title')), t(msg('cmd.help.intro')), ...sections, t(msg('cmd.help.more'))].join('\n\n');
}

function commandHelp(t: Translate, spec: CommandSpec): string {
  const parts = [t(msg('cmd.help.usage', { usage: command(spec, t) })), `${t(msg(spec.summary))} ${t(msg(spec.detail))}`];
  if (spec.args.length > 0) {
    const args = spec.args.map((a) => `• ${code(localizePlaceholders(a.placeholder, t))} — ${t(msg(a.description))}`);
    parts.push([t(msg('cmd.help.arguments')), ...args].join('\n'));
  }
  if (spec.flags.length > 0) {
    const flags = spec.flags.map((f) => {
      const notes = [
        ...(f.required ? [t(msg('cmd.help.required'))] : []),
        ...(f.default !== undefined ? [t(msg('cmd.help.default', { value: f.default }))] : []),
      ];
      const suffix = notes.length > 0 ? ` (${notes.join(', ')})` : '';
      return `• ${code(localizePlaceholders(flagUsage(f), t))} — ${t(msg(f.description))}${suffix}`;
    });
    parts.push([t(msg('cmd.help.flags')), ...flags].join('\n'));
  }
  const examples = spec.examples.map((e) => {
    const note = e.note === undefined ? '' : ` — ${t(msg(e.note))}`;
    const text = e.sample === undefined ? e.text : t(msg(e.sample));
    return `• ${code(`/concord ${text}`)}${note}`;
  });
  parts.push([t(msg('cmd.help.examples')), ...examples].join('\n'));
  const related = subcommandsOf(spec.words[0] ?? '').filter((s) => s !== spec);
  if (spec.words.length === 1 && related.length > 0) {
    parts.push([t(msg('cmd.help.related')), ...related.map((s) => line(t, s))].join('\n'));
  }
  return parts.join('\n\n');
}

/** `help group`: every group command in one list. */
function familyHelp(t: Translate, first: string): string {
  const family = subcommandsOf(first);
  const head = family[0];
  const heading = head && head.area !== 'help' ? t(msg(`cmd.area.${head.area}`)) : first;
  const list = [heading, ...family.map((s) => line(t, s))].join('\n');
  return [list, t(msg('cmd.help.moreOn', { command: head ? phrase(head) : first }))].join('\n\n');
}

type Topic = { kind: 'command'; spec: CommandSpec } | { kind: 'family'; first: string };

/** Accepts `propose`, `Group Create`, `group.create`, `/concord vote 7` and `propose --rule` alike. */
function resolve(topic: string): Topic | undefined {
  const words = topic
    .toLowerCase()
    .replace(/^\s*\/?concord(?=\s|$)/, '')
    .split(/[\s.]+/)
    .filter((w) => w !== '');
  const first = words[0];
  if (first === undefined) return undefined;
  const byName = COMMAND_SPECS.find((s) => s.name === words.join('.'));
  if (byName) return { kind: 'command', spec: byName };
  const spec = matchSpec(words);
  if (spec) return { kind: 'command', spec };
  if (subcommandsOf(first).length > 0) {
    const sub = words[1] === undefined ? undefined : matchSpec([first, words[1]]);
    return sub ? { kind: 'command', spec: sub } : { kind: 'family', first };
  }
  return undefined;
}

function suggestTopic(topic: string): string | undefined {
  const phrases = [...new Set([...COMMAND_SPECS.map(phrase), ...COMMAND_SPECS.map((s) => s.words[0] ?? '')])];
  return closest(topic.trim().toLowerCase(), phrases);
}

export function helpText(t: (m: Msg) => string, topic?: string): string {
  if (topic === undefined || topic.trim() === '') return overview(t);
  const found = resolve(topic);
  if (found?.kind === 'command') return commandHelp(t, found.spec);
  if (found?.kind === 'family') return familyHelp(t, found.first);
  const shown = echo(topic.trim());
  const suggestion = suggestTopic(topic.trim());
  const notice =
    suggestion === undefined
      ? t(msg('cmd.help.unknownTopic', { topic: shown }))
      : t(msg('cmd.help.unknownTopicSuggest', { topic: shown, suggestion }));
  return `${notice}\n\n${overview(t)}`;
}
