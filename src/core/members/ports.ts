// Workspaces and their members: the entities every command runs as.
import type { Locale } from '../i18n/types.js';

export interface Workspace {
  id: number;
  platform: string;
  externalId: string;
  name: string;
  locale: Locale;
  timezone: string;
  reminderHours: number;
}

export type GroupCreation = 'anyone' | 'admins';

export interface Member {
  id: number;
  workspaceId: number;
  externalId: string;
  displayName: string;
  locale: Locale | null;
  timezone: string | null;
}
