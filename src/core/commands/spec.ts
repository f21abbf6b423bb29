// Finding commands in the declarations (src/core/features.ts) that parsing, help, the command reference and the
// chat command menus all read from.
import { DECLARATIONS, type DeclaredCommand } from '../features.js';
import type { CommandDeclaration, CommandSpec as Spec } from './declare.js';

export { OPTION_RULES, RULE_ALIASES } from '../proposals/commands.js';
export { AREAS, flagPlaceholder, flagUsage } from './declare.js';
export type { Area, ArgSpec, Example, FlagSpec, ValueSpec } from './declare.js';

type CommandName = DeclaredCommand['name'];

/** A command as help, parsing and the chat menus see it. */
export type CommandSpec = Spec<CommandName>;

/** Every command, in the order help lists them. */
export { DECLARATIONS as COMMAND_SPECS } from '../features.js';

/** A declared command, as the lookups below hand it out. */
export type Declaration = CommandDeclaration<CommandName>;

// The declarations are read when called, never while modules load: the features' commands import this module's
// neighbours, and the declarations are built from them.
const declarations = (): readonly Declaration[] => DECLARATIONS;

/** First words that only introduce subcommands, or also name a command of their own (`settings`, `audit`). */
export function subcommandsOf(first: string): Declaration[] {
  return declarations().filter((s) => s.words[0] === first && s.words.length > 1);
}

/** Each command's first word, once. */
export function firstWords(): string[] {
  return [...new Set(declarations().map((s) => s.words[0] ?? ''))];
}

export function specByName(name: CommandName): Declaration {
  const spec = declarations().find((s) => s.name === name);
  if (!spec) throw new Error(`No spec for command ${name}`);
  return spec;
}

/** The spec whose words are the longest prefix of `words` (already lower case). */
export function matchSpec(words: readonly string[]): Declaration | undefined {
  let best: Declaration | undefined;
  for (const spec of declarations()) {
    if (spec.words.length > words.length) continue;
    if (!spec.words.every((w, i) => words[i] === w)) continue;
    if (!best || spec.words.length > best.words.length) best = spec;
  }
  return best;
}
