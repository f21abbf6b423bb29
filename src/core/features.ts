// Every feature's commands, in the order help and the chat command menus list them. The Command type,
// the parser's builders and dispatch are all derived from these declarations.
import { auditCommands } from './audit/commands.js';
import { commitmentCommands } from './commitments/commands.js';
import { proposalCommands } from './proposals/commands.js';
import { settingsCommands } from './settings/commands.js';
import type { CommandDeclaration, CommandOf } from './commands/declare.js';
import type { Session } from './context.js';
import type { View } from './views/types.js';

export const DECLARATIONS = [...proposalCommands, ...commitmentCommands, ...auditCommands, ...settingsCommands] as const;

/** The commands declared by the features, as the parser hands them out. */
export type DeclaredCommand = CommandOf<(typeof DECLARATIONS)[number]>;

const BY_NAME: ReadonlyMap<string, CommandDeclaration> = new Map(DECLARATIONS.map((d) => [d.name, d]));

export function declarationOf(name: string): CommandDeclaration | undefined {
  return BY_NAME.get(name);
}

export function isDeclared<C extends { name: string }>(command: C): command is Extract<C, DeclaredCommand> {
  return BY_NAME.has(command.name);
}

/** Runs a declared command with its own handler. */
export function runDeclared(s: Session, command: DeclaredCommand): Promise<View[]> {
  const declaration = BY_NAME.get(command.name);
  if (!declaration) throw new Error(`No handler for command ${command.name}`);
  return declaration.run(s, command);
}
