// Who may change what: the checks every feature shares, decided once here.
import type { Session } from './context.js';
import { fail } from './errors.js';

/**
 * Workspace-wide settings belong to the platform's admins (Slack admins and owners, Discord members
 * with Manage Server, the console's configured admins). The adapter says who they are; being a
 * convener of some group is not enough, since anyone may be allowed to create a group.
 */
export function requireWorkspaceAdmin(s: Session): void {
  if (s.ctx.actor.isAdmin === true) return;
  fail('settings.adminOnly');
}
