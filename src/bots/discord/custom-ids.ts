// Custom ids carry the command a button stands for, so a click needs no state on our side. Discord allows 100 characters.
import { quoteWord } from '../../core/commands/tokenize.js';
import { LIMITS } from './limits.js';

export type Ref =
  /** Run the command as it is. */
  | { kind: 'run'; command: string }
  /** Ask for a reason in a modal, then append it. */
  | { kind: 'reason'; command: string }
  /** Ask for these flags in a modal, then append them as `--flag "value"`. */
  | { kind: 'form'; command: string; flags: string[] }
  /** A multi-select whose chosen values are joined with commas and appended. */
  | { kind: 'approval'; command: string }
  /** Opens the ballot of a ranked, score or dot proposal (`vote 7`). */
  | { kind: 'ballot'; command: string }
  /** One step of ranking: the options picked so far, most preferred first. */
  | { kind: 'rank'; proposal: number; picked: number[] }
  /** Votes with the ranking picked so far. */
  | { kind: 'rankSubmit'; proposal: number; picked: number[] }
  /** The modal of a score or dot ballot. */
  | { kind: 'amounts'; proposal: number; rule: 'score' | 'dot' }
  /**
   * The card's action at `index` for this proposal, read from its card on click: for choices whose
   * command does not fit a custom id (long poll options, above all in DMs where the id carries the server).
   */
  | { kind: 'choice'; proposal: number; index: number };

export interface Decoded {
  ref: Ref;
  /** Set on components sent outside a server (DMs), where the interaction carries no guild. */
  guildId?: string;
}

const TAGS = { run: 'c', reason: 'q', form: 'f', approval: 'a', ballot: 'b', rank: 'r', rankSubmit: 's', amounts: 'o', choice: 'v' } as const;
const KINDS = Object.fromEntries(Object.entries(TAGS).map(([kind, tag]) => [tag, kind])) as Record<string, Ref['kind']>;

const b36 = (digits: string) => BigInt(digits).toString(36);
const fromB36 = (text: string) => [...text].reduce((n, ch) => n * 36n + BigInt(parseInt(ch, 36)), 0n).toString();

const PICKS = (picked: number[]) => picked.map((i) => i.toString(36)).join('');
const UNPICK = (text: string) => [...text].map((ch) => parseInt(ch, 36));

/**
 * Shortens a command without losing anything: user ids (17 to 20 digits) as base 36, and the
 * button's own label as `{l}`, since a click tells us the label again.
 */
function compact(command: string, label: string | undefined): string {
  let out = command
    .replace(/<@!?(\d{15,21})>/g, (_, id: string) => `<~${b36(id)}>`)
    .replace(/@(\d{15,21})(?!\w)/g, (_, id: string) => `@~${b36(id)}`);
  if (label) {
    const written = quoteWord(label);
    const at = out.lastIndexOf(written);
    if (at > 0 && written.length > 3) out = `${out.slice(0, at)}{l}${out.slice(at + written.length)}`;
  }
  return out;
}

function expand(command: string, label: string | undefined): string | null {
  if (command.includes('{l}') && label === undefined) return null;
  return command
    .replace(/<~([0-9a-z]+)>/g, (_, id: string) => `<@${fromB36(id)}>`)
    .replace(/@~([0-9a-z]+)/g, (_, id: string) => `@${fromB36(id)}`)
    .replace('{l}', () => quoteWord(label ?? ''));
}

function payloadOf(ref: Ref): string {
  switch (ref.kind) {
    case 'run':
    case 'reason':
    case 'approval':
    case 'ballot':
      return ref.command;
    case 'form':
      return `${ref.flags.join(',')};${ref.command}`;
    case 'rank':
    case 'rankSubmit':
      return `${ref.proposal}:${PICKS(ref.picked)}`;
    case 'amounts':
      return `${ref.proposal}:${ref.rule === 'dot' ? 'd' : 's'}`;
    case 'choice':
      return `${ref.proposal}:${ref.index}`;
  }
}

function refOf(kind: Ref['kind'], payload: string): Ref | null {
  switch (kind) {
    case 'run':
    case 'reason':
    case 'approval':
    case 'ballot':
      return payload ? { kind, command: payload } : null;
    case 'form': {
      const split = payload.indexOf(';');
      if (split < 0) return null;
      return { kind, flags: payload.slice(0, split).split(',').filter(Boolean), command: payload.slice(split + 1) };
    }
    case 'rank':
    case 'rankSubmit': {
      const match = /^(\d+):([0-9a-z]*)$/.exec(payload);
      return match ? { kind, proposal: Number(match[1]), picked: UNPICK(match[2] ?? '') } : null;
    }
    case 'amounts': {
      const match = /^(\d+):([sd])$/.exec(payload);
      return match ? { kind, proposal: Number(match[1]), rule: match[2] === 'd' ? 'dot' : 'score' } : null;
    }
    case 'choice': {
      const match = /^(\d+):(\d+)$/.exec(payload);
      return match ? { kind, proposal: Number(match[1]), index: Number(match[2]) } : null;
    }
  }
}

/**
 * Encodes a component's custom id: `c:vote 7 agree`, or `c.<guild>:…` outside a server. When the
 * plain form is too long the compact one (upper-case tag) is tried; null when neither fits, and
 * the caller shows the command as text instead of a button.
 */
export function encodeId(ref: Ref, opts: { guildId?: string; label?: string } = {}): string | null {
  const tag = TAGS[ref.kind];
  const guild = opts.guildId ? `.${b36(opts.guildId)}` : '';
  const payload = payloadOf(ref);
  const plain = `${tag}${guild}:${payload}`;
  if (plain.length <= LIMITS.customId) return plain;
  const short = `${tag.toUpperCase()}${guild}:${compact(payload, opts.label)}`;
  if (short.length > LIMITS.customId) return null;
  const back = decodeId(short, opts.label);
  return back && JSON.stringify(back.ref) === JSON.stringify(ref) ? short : null;
}

/** Reads a custom id back; null for ids this version does not know. `label` is the clicked button's. */
export function decodeId(id: string, label?: string): Decoded | null {
  const match = /^([a-zA-Z])(?:\.([0-9a-z]+))?:(.*)$/s.exec(id);
  if (!match) return null;
  const [, tag = '', guild, rest = ''] = match;
  const kind = KINDS[tag.toLowerCase()];
  if (!kind) return null;
  const payload = tag === tag.toUpperCase() ? expand(rest, label) : rest;
  if (payload === null) return null;
  const ref = refOf(kind, payload);
  if (!ref) return null;
  return guild ? { ref, guildId: fromB36(guild) } : { ref };
}
