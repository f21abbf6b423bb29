// Every feature's commands, in the order help and the chat command menus list them. The Command type,
// parsing, help and dispatch are all derived from these declarations.
import { auditCommands } from './audit/commands.js';
import { commitmentCommands } from './commitments/commands.js';
import { goalCommands, settingsGoalThresholds } from './goals/commands.js';
import { groupCommands } from './groups/commands.js';
import { helpCommand } from './help/commands.js';
import { profileCommands } from './inclusion/commands.js';
import { pledgeCommands } from './resources/pledge-commands.js';
import { mediationCommands } from './mediation/commands.js';
import { proposalCommands } from './proposals/commands.js';
import { poolCommands } from './resources/pool-commands.js';
import { retroCommands, retroSettingsCommands } from './retros/commands.js';
import { settingsCommands } from './settings/commands.js';
import { stakeholderCommands } from './stakeholders/commands.js';
import type { CommandDeclaration, CommandOf } from './commands/declare.js';
import type { Session } from './context.js';
import type { View } from './views/types.js';

/**
 * Read only from inside functions elsewhere: help and the command table import this module and are imported by
 * the features' commands, so a read while modules are still loading could find it not yet there.
 */
export const DECLARATIONS = [
  helpCommand,
  ...groupCommands,
  ...proposalCommands,
  ...commitmentCommands,
  ...stakeholderCommands,
  ...profileCommands,
  ...goalCommands,
  ...pledgeCommands,
  ...poolCommands,
  ...retroCommands,
  ...mediationCommands,
  ...auditCommands,
  ...settingsCommands,
  settingsGoalThresholds,
  ...retroSettingsCommands,
] as const;

/** Every command, as the parser hands them out. */
export type DeclaredCommand = CommandOf<(typeof DECLARATIONS)[number]>;

const BY_NAME: ReadonlyMap<string, CommandDeclaration> = new Map(DECLARATIONS.map((d) => [d.name, d]));

/** Runs a command with its own handler. */
export function runDeclared(s: Session, command: DeclaredCommand): Promise<View[]> {
  const declaration = BY_NAME.get(command.name);
  if (!declaration) throw new Error(`No handler for command ${command.name}`);
  return declaration.run(s, command);
}
