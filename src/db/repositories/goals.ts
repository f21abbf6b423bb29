// Shared goals, their indicators and checked-in values, implemented with drizzle.
import { and, asc, desc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import type { StatusThresholds } from '../../core/goals/model.js';
import type { Goal, GoalPatch, GoalRepo, GoalStatus, Indicator, IndicatorValue } from '../../core/goals/ports.js';
import { anyOf, type Db, type DbTx } from '../client.js';
import * as t from '../schema.js';

const toGoal = (r: typeof t.goals.$inferSelect): Goal => ({ ...r, status: r.status as GoalStatus });
const toIndicator = ({ removedAt: _removed, ...r }: typeof t.indicators.$inferSelect): Indicator => r;
const toValue = ({ id: _id, ...r }: typeof t.indicatorValues.$inferSelect): IndicatorValue => r;
const current = isNull(t.indicators.removedAt);

export class DrizzleGoals implements GoalRepo {
  constructor(private readonly db: Db | DbTx) {}

  async nextGoalNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextGoalNumber: sql`${t.workspaces.nextGoalNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextGoalNumber });
    return row!.next - 1;
  }

  async nextIndicatorNumber(workspaceId: number): Promise<number> {
    const [row] = await this.db
      .update(t.workspaces)
      .set({ nextIndicatorNumber: sql`${t.workspaces.nextIndicatorNumber} + 1` })
      .where(eq(t.workspaces.id, workspaceId))
      .returning({ next: t.workspaces.nextIndicatorNumber });
    return row!.next - 1;
  }

  async insertGoal(goal: Omit<Goal, 'id'>): Promise<Goal> {
    const [row] = await this.db.insert(t.goals).values(goal).returning();
    return toGoal(row!);
  }

  async findGoal(workspaceId: number, number: number): Promise<Goal | null> {
    const [row] = await this.db
      .select()
      .from(t.goals)
      .where(and(eq(t.goals.workspaceId, workspaceId), eq(t.goals.number, number)));
    return row ? toGoal(row) : null;
  }

  async getGoals(ids: readonly number[]): Promise<Goal[]> {
    if (ids.length === 0) return [];
    return (await this.db.select().from(t.goals).where(anyOf(t.goals.id, ids))).map(toGoal);
  }

  async listGoals(workspaceId: number, f: { groupIds?: readonly number[]; excludeGroupIds?: readonly number[]; status?: readonly GoalStatus[] }): Promise<Goal[]> {
    const where = [eq(t.goals.workspaceId, workspaceId)];
    if (f.groupIds) where.push(anyOf(t.goals.groupId, f.groupIds));
    if (f.excludeGroupIds?.length) where.push(sql`not ${anyOf(t.goals.groupId, f.excludeGroupIds)}`);
    if (f.status?.length) where.push(sql`${t.goals.status} in (${sql.join(f.status.map((s) => sql`${s}`), sql`, `)})`);
    const rows = await this.db
      .select()
      .from(t.goals)
      .where(and(...where))
      .orderBy(desc(t.goals.number))
      .limit(100);
    return rows.map(toGoal);
  }

  async updateGoal(id: number, patch: GoalPatch): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await this.db.update(t.goals).set(patch).where(eq(t.goals.id, id));
  }

  async insertIndicator(indicator: Omit<Indicator, 'id' | 'reachedAt'>): Promise<Indicator> {
    const [row] = await this.db.insert(t.indicators).values(indicator).returning();
    return toIndicator(row!);
  }

  async findIndicator(workspaceId: number, number: number): Promise<Indicator | null> {
    const [row] = await this.db
      .select()
      .from(t.indicators)
      .where(and(eq(t.indicators.workspaceId, workspaceId), eq(t.indicators.number, number), current));
    return row ? toIndicator(row) : null;
  }

  async getIndicator(id: number): Promise<Indicator | null> {
    const [row] = await this.db
      .select()
      .from(t.indicators)
      .where(and(eq(t.indicators.id, id), current));
    return row ? toIndicator(row) : null;
  }

  async indicatorsOf(goalIds: readonly number[]): Promise<Indicator[]> {
    if (goalIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(t.indicators)
      .where(and(anyOf(t.indicators.goalId, goalIds), current))
      .orderBy(asc(t.indicators.number));
    return rows.map(toIndicator);
  }

  async markReached(indicatorId: number, at: Date): Promise<void> {
    await this.db.update(t.indicators).set({ reachedAt: at }).where(eq(t.indicators.id, indicatorId));
  }

  async reachedBetween(groupId: number, from: Date, to: Date): Promise<{ goal: Goal; indicator: Indicator }[]> {
    const rows = await this.db
      .select({ goal: t.goals, indicator: t.indicators })
      .from(t.indicators)
      .innerJoin(t.goals, eq(t.goals.id, t.indicators.goalId))
      .where(and(eq(t.goals.groupId, groupId), gte(t.indicators.reachedAt, from), lt(t.indicators.reachedAt, to), current))
      .orderBy(asc(t.indicators.reachedAt), asc(t.indicators.number));
    return rows.map((r) => ({ goal: toGoal(r.goal), indicator: toIndicator(r.indicator) }));
  }

  async addValue(value: IndicatorValue): Promise<void> {
    await this.db.insert(t.indicatorValues).values(value);
  }

  async valuesOf(indicatorIds: readonly number[]): Promise<Map<number, IndicatorValue[]>> {
    const byIndicator = new Map<number, IndicatorValue[]>();
    if (indicatorIds.length === 0) return byIndicator;
    const rows = await this.db
      .select()
      .from(t.indicatorValues)
      .where(anyOf(t.indicatorValues.indicatorId, indicatorIds))
      .orderBy(asc(t.indicatorValues.at), asc(t.indicatorValues.id));
    for (const row of rows) {
      const list = byIndicator.get(row.indicatorId) ?? [];
      list.push(toValue(row));
      byIndicator.set(row.indicatorId, list);
    }
    return byIndicator;
  }

  async hasValueBetween(indicatorId: number, from: Date, to: Date): Promise<boolean> {
    const rows = await this.db
      .select({ id: t.indicatorValues.id })
      .from(t.indicatorValues)
      .where(and(eq(t.indicatorValues.indicatorId, indicatorId), gte(t.indicatorValues.at, from), lt(t.indicatorValues.at, to)))
      .limit(1);
    return rows.length > 0;
  }

  async keptCommitmentOwners(goalId: number): Promise<number[]> {
    const rows = await this.db
      .selectDistinct({ memberId: t.commitmentOwners.memberId })
      .from(t.commitmentOwners)
      .innerJoin(t.commitments, eq(t.commitments.id, t.commitmentOwners.commitmentId))
      .where(and(eq(t.commitments.goalId, goalId), eq(t.commitments.status, 'done'), eq(t.commitmentOwners.accepted, true)))
      .orderBy(asc(t.commitmentOwners.memberId));
    return rows.map((r) => r.memberId);
  }

  async thresholds(workspaceId: number): Promise<StatusThresholds> {
    const [row] = await this.db
      .select({ atRisk: t.workspaces.goalAtRisk, offTrack: t.workspaces.goalOffTrack })
      .from(t.workspaces)
      .where(eq(t.workspaces.id, workspaceId));
    return row!;
  }

  async setThresholds(workspaceId: number, th: StatusThresholds): Promise<void> {
    await this.db.update(t.workspaces).set({ goalAtRisk: th.atRisk, goalOffTrack: th.offTrack }).where(eq(t.workspaces.id, workspaceId));
  }
}
