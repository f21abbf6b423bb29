// Workspaces and their members: the entities every command runs as, and their repositories.
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

export interface WorkspaceRepo {
  ensure(input: { platform: string; externalId: string; name: string; locale: Locale; timezone: string; reminderHours: number; at: Date }): Promise<Workspace>;
  get(id: number): Promise<Workspace>;
  update(id: number, patch: Partial<Pick<Workspace, 'locale' | 'timezone' | 'reminderHours'>>): Promise<void>;
  /** Who may create groups in the workspace. */
  groupCreation(workspaceId: number): Promise<GroupCreation>;
  setGroupCreation(workspaceId: number, policy: GroupCreation): Promise<void>;
}

export interface MemberRepo {
  ensure(input: { workspaceId: number; externalId: string; displayName: string; at: Date }): Promise<Member>;
  find(workspaceId: number, externalId: string): Promise<Member | null>;
  get(id: number): Promise<Member>;
  /** The members with these ids, in no particular order; ids that match none are left out. */
  getMany(ids: readonly number[]): Promise<Member[]>;
  update(id: number, patch: Partial<Pick<Member, 'locale' | 'timezone'>>): Promise<void>;
}
