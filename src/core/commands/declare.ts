// How a command is declared: its words, arguments and flags, the fields it builds and the handler that runs it.
import type { z } from 'zod';
import type { Session } from '../context.js';
import type { View } from '../views/types.js';
import type { Fraction } from '../proposals/rules/types.js';
import type { CommandMessageKey } from './messages.js';

/** How a raw word becomes a value. Bounds live here so help and validation cannot drift apart. */
export type ValueSpec =
  /** Trimmed, non-empty, at most `max` characters. */
  | { kind: 'text'; max: number }
  /** `aliases` maps other names, written with `-` between words (`đồng-thuận`), onto values. */
  | { kind: 'choice'; values: readonly string[]; aliases?: Readonly<Record<string, string>> }
  | { kind: 'member' }
  /** One to `max` people separated by commas or spaces: `@lan,@minh`. */
  | { kind: 'members'; max: number }
  | { kind: 'proposal' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'decimal'; min: number; max: number }
  | { kind: 'fraction'; min: Fraction; max: Fraction; minExclusive: boolean }
  | { kind: 'options'; min: number; max: number; maxLength: number }
  | { kind: 'timezone' }
  | { kind: 'boolean' };

export interface ArgSpec {
  /** Field of the Command object the value lands in. */
  key: string;
  /** As shown in usage, brackets included: `"<name>"`, `[<name>]`, `@member [@member...]`. */
  placeholder: string;
  value: ValueSpec;
  required: boolean;
  /**
   * `one`: a single word. `many`: every remaining word, each a value. `rest`: the remaining words joined by spaces.
   * `ballot`: one word, or several unquoted words that plainly form one ballot (`A=5 B=2`, `B > A > C`).
   */
  take: 'one' | 'many' | 'rest' | 'ballot' | 'id';
  /** `many` only: the most values one command may give. */
  max?: number;
  /**
   * `rest` only: quoted and unquoted words written together are joined (`"I have a concern" about cost`).
   * Otherwise free text is one quoted word or unquoted words only, and anything else is refused as left over.
   */
  joins?: boolean;
  /** Message key explaining the argument. */
  description: CommandMessageKey;
}

export interface FlagSpec {
  /** Without dashes, lower case. */
  name: string;
  key: string;
  value: ValueSpec;
  /** Shown after the flag in usage; defaults to the allowed values joined by `|`. */
  placeholder?: string;
  required?: boolean;
  /** Language-neutral default, shown in help. */
  default?: string;
  description: CommandMessageKey;
}

export interface Example {
  /** Without the leading `/concord`. */
  text: string;
  /** Message key of the same example written in the reader's language, for examples with words of their own. */
  sample?: CommandMessageKey;
  /** Message key captioning the example. */
  note?: CommandMessageKey;
}

export const AREAS = ['groups', 'proposals', 'decisions', 'commitments', 'goals', 'pledges', 'resources', 'retros', 'stakeholders', 'mediation', 'audit', 'settings'] as const;
export type Area = (typeof AREAS)[number] | 'help';

/** A command as help, parsing and the chat menus see it (`spec.ts` names it with the declared names). */
export interface CommandSpec<N extends string = string> {
  name: N;
  /** Lower case. The longest matching word list wins, so `audit verify` beats `audit`. */
  words: readonly string[];
  area: Area;
  args: readonly ArgSpec[];
  flags: readonly FlagSpec[];
  /** Generated from words, args and flags; never written by hand. */
  usage: string;
  /** One-line description (message key). */
  summary: CommandMessageKey;
  /** Longer explanation for `help <command>` (message key). */
  detail: CommandMessageKey;
  examples: readonly Example[];
}

export function flagPlaceholder(flag: FlagSpec): string {
  if (flag.placeholder !== undefined) return flag.placeholder;
  return flag.value.kind === 'choice' ? flag.value.values.join('|') : '';
}

/** `--rule consensus|consent|...` without brackets. */
export function flagUsage(flag: FlagSpec): string {
  const placeholder = flagPlaceholder(flag);
  return placeholder ? `--${flag.name} ${placeholder}` : `--${flag.name}`;
}

/** The usage line: words, then arguments, then flags, optional ones in brackets. */
export function usageLine(words: readonly string[], args: readonly ArgSpec[], flags: readonly FlagSpec[]): string {
  return [...words, ...args.map((a) => a.placeholder), ...flags.map((f) => (f.required ? flagUsage(f) : `[${flagUsage(f)}]`))].join(' ');
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The command a declaration builds: its name and its fields. */
export type Built<N extends string, P extends object> = Simplify<{ name: N } & P>;

export interface CommandDefinition<N extends string, P extends object> {
  name: N;
  /** Lower case. The longest matching word list wins, so `audit verify` beats `audit`. */
  words: readonly string[];
  area: Area;
  args?: readonly ArgSpec[];
  flags?: readonly FlagSpec[];
  /** One-line description (message key). */
  summary: CommandMessageKey;
  /** Longer explanation for `help <command>` (message key). */
  detail: CommandMessageKey;
  examples: readonly Example[];
  /**
   * Checks the values of the arguments and flags (keyed by their `key`) together and turns them into the
   * command's fields; the parser adds the name.
   */
  schema: z.ZodType<P, unknown>;
  /**
   * Runs the command inside the session's transaction. Write its return type (`Promise<View[]>`): handlers take
   * the command type derived from these very declarations, and the annotation is what breaks that loop.
   */
  run(s: Session, command: Built<N, P>): Promise<View[]>;
}

/** A declared command: what help, parsing, the chat command menus and dispatch all read. */
export interface CommandDeclaration<N extends string = string, P extends object = object> extends CommandSpec<N> {
  schema: z.ZodType<P, unknown>;
  run(s: Session, command: Built<N, P>): Promise<View[]>;
}

/** The command type a declaration stands for. */
export type CommandOf<D> = D extends CommandDeclaration<infer N, infer P> ? Built<N, P> : never;

/** Declares one command; its type is carried by the name and the schema. */
export function defineCommand<const N extends string, P extends object>(def: CommandDefinition<N, P>): CommandDeclaration<N, P> {
  const args = def.args ?? [];
  const flags = def.flags ?? [];
  return { ...def, args, flags, usage: usageLine(def.words, args, flags) };
}
