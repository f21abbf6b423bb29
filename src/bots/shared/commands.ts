// Which command a line runs, looked up in core's own command table: adapters never keep a copy of the grammar.
import type { CommandSpec } from '../../core/commands/index.js';
import { matchSpec } from '../../core/commands/spec.js';

/** The longest command whose words start the line: `mediation decline 3` → mediation.decline. */
export function commandSpecOf(line: string): CommandSpec | undefined {
  return matchSpec(line.trim().toLowerCase().split(/\s+/));
}
