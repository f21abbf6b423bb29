// The command language's public face: parse a `/concord ...` line, explain commands, list them.
export { parseCommand } from './parse.js';
export { helpText, localizePlaceholders, parseErrorText } from './help.js';
export { COMMAND_SPECS, AREAS, OPTION_RULES } from './spec.js';
export type { Area, ArgSpec, CommandSpec, Example, FlagSpec, ValueSpec } from './spec.js';
export { commandMessages } from './messages.js';
export type { CommandMessageKey } from './messages.js';
export { tokenize } from './tokenize.js';
export type { FlagToken, Token, TokenizeResult, WordToken } from './tokenize.js';
export * from './types.js';
