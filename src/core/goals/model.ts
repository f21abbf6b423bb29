// How far an indicator has come from its baseline toward its target, whether it keeps pace with the time its goal
// has, and a goal's progress from its indicators. Pure: no storage, no words, so every boundary can be tested.

/** Rising: the target is above the baseline. Falling: below. Hold: the aim is to keep the value at the target. */
export type Direction = 'rising' | 'falling' | 'hold';

export function direction(baseline: number, target: number): Direction {
  return target > baseline ? 'rising' : target < baseline ? 'falling' : 'hold';
}

/**
 * The latest value's place between baseline and target, from 0 to 1: a value past the target counts as 1 and one
 * on the wrong side of the baseline as 0. When baseline and target are equal there is no way to be "partly there":
 * the value is at the target (1) or it is not (0).
 */
export function progress(baseline: number, target: number, value: number): number {
  if (baseline === target) return value === target ? 1 : 0;
  return clamp((value - baseline) / (target - baseline));
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** How far behind the calendar an indicator may fall before it is at risk, and before it is off track. */
export interface StatusThresholds {
  /** Behind by more than this share of the goal's time: at risk. */
  atRisk: number;
  /** Behind by more than this share: off track. */
  offTrack: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { atRisk: 0.1, offTrack: 0.25 };

export type Status = 'achieved' | 'on-track' | 'at-risk' | 'off-track' | 'no-data' | 'no-due-date';

/**
 * Progress compared with the share of the goal's time that has gone by (from `start` to `due`): an indicator is on
 * track while it is at most `atRisk` behind the calendar, at risk up to `offTrack` behind, off track beyond. A
 * reached target is achieved whatever the date; with no value yet there is nothing to compare; with no due date
 * there is no calendar to keep pace with.
 */
export function status(
  p: number | null,
  when: { start: Date; due: Date | null; now: Date },
  thresholds: StatusThresholds = DEFAULT_THRESHOLDS,
): Status {
  if (p === null) return 'no-data';
  if (p >= 1) return 'achieved';
  if (when.due === null) return 'no-due-date';
  // Rounded so that a boundary typed as 0.1 is not missed by floating-point subtraction (0.5 − 0.4 ≠ 0.1).
  const behind = Math.round((elapsedShare(when.start, when.due, when.now) - p) * 1e9) / 1e9;
  if (behind <= thresholds.atRisk) return 'on-track';
  if (behind <= thresholds.offTrack) return 'at-risk';
  return 'off-track';
}

/** The share of the time from start to due that has passed, 0 before the start and 1 from the due date on. */
export function elapsedShare(start: Date, due: Date, now: Date): number {
  const span = due.getTime() - start.getTime();
  if (span <= 0) return now.getTime() >= due.getTime() ? 1 : 0;
  return clamp((now.getTime() - start.getTime()) / span);
}

/**
 * A goal's progress: the weighted mean of its indicators' progress. An indicator with no value yet counts as no
 * progress, so that adding one does not make a goal look further along. Null when the goal has no indicators or
 * their weights add up to nothing.
 */
export function goalProgress(indicators: readonly { progress: number | null; weight: number }[]): number | null {
  const total = indicators.reduce((n, i) => n + i.weight, 0);
  if (total <= 0) return null;
  return indicators.reduce((n, i) => n + (i.progress ?? 0) * i.weight, 0) / total;
}

/** Whether a value reaches the target, from the side the indicator moves toward it. */
export function reachesTarget(baseline: number, target: number, value: number): boolean {
  return progress(baseline, target, value) >= 1;
}
