// Shared goals, their indicators and the values checked in, as stored; and what the goals module needs from storage.
import type { StatusThresholds } from './model.js';

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface Goal {
  id: number;
  workspaceId: number;
  /** Shown as `G-<number>`. */
  number: number;
  groupId: number;
  title: string;
  dueAt: Date | null;
  /** The decision that set the goal, if one did. */
  proposalId: number | null;
  status: GoalStatus;
  closedNote: string | null;
  closedBy: number | null;
  closedAt: Date | null;
  createdBy: number;
  createdAt: Date;
}

export interface Indicator {
  id: number;
  workspaceId: number;
  /** Shown as `I-<number>`. */
  number: number;
  goalId: number;
  name: string;
  baseline: number;
  target: number;
  unit: string | null;
  weight: number;
  ownerId: number | null;
  /** The check-in rule (RRULE without DTSTART); null: nobody is asked. */
  cadence: string | null;
  reachedAt: Date | null;
  createdBy: number;
  createdAt: Date;
}

export interface IndicatorValue {
  indicatorId: number;
  value: number;
  /** The date the value is for, which may be earlier than when it was recorded. */
  at: Date;
  note: string | null;
  recordedBy: number;
  recordedAt: Date;
}

export type GoalPatch = Partial<Pick<Goal, 'title' | 'dueAt' | 'status' | 'closedNote' | 'closedBy' | 'closedAt'>>;

export interface GoalRepo {
  nextGoalNumber(workspaceId: number): Promise<number>;
  nextIndicatorNumber(workspaceId: number): Promise<number>;
  insertGoal(goal: Omit<Goal, 'id'>): Promise<Goal>;
  findGoal(workspaceId: number, number: number): Promise<Goal | null>;
  getGoals(ids: readonly number[]): Promise<Goal[]>;
  /** The workspace's goals, newest first; `groupIds` narrows them, `excludeGroupIds` leaves out groups the reader may not see. */
  listGoals(workspaceId: number, filter: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; status?: readonly GoalStatus[] }): Promise<Goal[]>;
  updateGoal(id: number, patch: GoalPatch): Promise<void>;
  insertIndicator(indicator: Omit<Indicator, 'id' | 'reachedAt'>): Promise<Indicator>;
  findIndicator(workspaceId: number, number: number): Promise<Indicator | null>;
  getIndicator(id: number): Promise<Indicator | null>;
  /** The indicators of these goals, in the order they were added. */
  indicatorsOf(goalIds: readonly number[]): Promise<Indicator[]>;
  markReached(indicatorId: number, at: Date): Promise<void>;
  /** The group's indicators that first reached their targets within [from, to), with their goals, in that order. */
  reachedBetween(groupId: number, from: Date, to: Date): Promise<{ goal: Goal; indicator: Indicator }[]>;
  addValue(value: IndicatorValue): Promise<void>;
  /** Each indicator's values in date order (then in the order they were recorded). */
  valuesOf(indicatorIds: readonly number[]): Promise<Map<number, IndicatorValue[]>>;
  /** Whether a value dated within [from, to) was recorded for the indicator. */
  hasValueBetween(indicatorId: number, from: Date, to: Date): Promise<boolean>;
  /** The owners of the goal's commitments that were done: they are thanked when a target is reached. */
  keptCommitmentOwners(goalId: number): Promise<number[]>;
  thresholds(workspaceId: number): Promise<StatusThresholds>;
  setThresholds(workspaceId: number, t: StatusThresholds): Promise<void>;
}
