// Retrospectives, their items and dot votes, and kudos, as stored; and what the retros module needs from storage.
import type { TemplateId } from './templates.js';

export type RetroStatus = 'open' | 'closed';

export interface Retro {
  id: number;
  workspaceId: number;
  /** Shown as `R-<number>`. */
  number: number;
  groupId: number;
  title: string;
  template: TemplateId;
  goalId: number | null;
  /** Who started it: they turn items into actions and close it (so may the group's conveners). */
  facilitatorId: number;
  /** Items show their authors' names; by default they are anonymous. */
  showNames: boolean;
  status: RetroStatus;
  closesAt: Date | null;
  closedAt: Date | null;
  channelId: string;
  createdAt: Date;
}

export interface RetroItem {
  id: number;
  retroId: number;
  /** The number members type, counted per retro. */
  number: number;
  column: string;
  text: string;
  /** Never shown unless the retro shows names. */
  authorId: number;
  /** The undiscussed item of an earlier retro this one carries over. */
  carriedFromId: number | null;
  discussed: boolean;
  commitmentId: number | null;
  createdAt: Date;
}

/** One member's dots on one item. */
export interface RetroVote {
  itemId: number;
  memberId: number;
  dots: number;
}

export interface Kudos {
  id: number;
  workspaceId: number;
  groupId: number | null;
  giverId: number;
  receiverId: number;
  reason: string;
  createdAt: Date;
}

/** The workspace's limits: dots per member and per item in a retro, thank-yous per member per day. */
export interface RetroSettings {
  dots: number;
  dotsPerItem: number;
  kudosDailyLimit: number;
}

export interface RetroRepo {
  nextNumber(workspaceId: number): Promise<number>;
  insert(retro: Omit<Retro, 'id'>): Promise<Retro>;
  find(workspaceId: number, number: number): Promise<Retro | null>;
  get(id: number): Promise<Retro | null>;
  /** Newest first; `groupIds` narrows them, `excludeGroupIds` leaves out groups the reader may not see. */
  list(workspaceId: number, filter: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; limit: number }): Promise<Retro[]>;
  /** The group's retro started just before this one, if any. */
  previous(retro: Retro): Promise<Retro | null>;
  update(id: number, patch: Partial<Pick<Retro, 'status' | 'closedAt'>>): Promise<void>;
  /** Items of the group's closed retros that were never discussed and not yet carried into another retro, oldest first. */
  carryable(groupId: number): Promise<RetroItem[]>;
  insertItem(item: Omit<RetroItem, 'id' | 'number'>): Promise<RetroItem>;
  items(retroId: number): Promise<RetroItem[]>;
  getItems(ids: readonly number[]): Promise<RetroItem[]>;
  findItem(retroId: number, number: number): Promise<RetroItem | null>;
  updateItem(id: number, patch: Partial<Pick<RetroItem, 'discussed' | 'commitmentId'>>): Promise<void>;
  votes(retroId: number): Promise<RetroVote[]>;
  /** Sets one member's dots on an item; 0 takes their vote off it. */
  setVote(retroId: number, itemId: number, memberId: number, dots: number): Promise<void>;
  settings(workspaceId: number): Promise<RetroSettings>;
  updateSettings(workspaceId: number, patch: Partial<RetroSettings>): Promise<void>;
}

export interface KudosRepo {
  insert(kudos: Omit<Kudos, 'id'>): Promise<Kudos>;
  /** How many thank-yous the member gave in [from, to). */
  countGiven(giverId: number, from: Date, to: Date): Promise<number>;
  /** Newest first. */
  list(workspaceId: number, filter: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; from?: Date; to?: Date; limit: number }): Promise<Kudos[]>;
}
