// How members' ratings of a stakeholder become a place on the power/interest grid (Mendelow) and a salience
// class (Mitchell, Agle and Wood). Pure: no storage, no words, so every boundary can be tested on its own.

export const ATTRIBUTES = ['power', 'interest', 'legitimacy', 'urgency'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Ratings run from 1 to 5; a median at or above this counts as high (so 3 is low and 3.5 is high). */
export const HIGH = 3.5;
/** Ratings this far apart (max − min) or further mean members see the stakeholder differently. */
export const DIFFER = 2;

export interface Rating {
  power: number;
  interest: number;
  legitimacy: number | null;
  urgency: number | null;
}

export interface Aggregate {
  median: number;
  /** Highest rating minus lowest. */
  spread: number;
  /** How many members gave this attribute. */
  count: number;
  differs: boolean;
}

export type Aggregates = Record<Attribute, Aggregate | null>;

/** The middle value, or the mean of the two middle values of an even count; null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function aggregate(values: readonly number[]): Aggregate | null {
  const m = median(values);
  if (m === null) return null;
  const spread = Math.max(...values) - Math.min(...values);
  return { median: m, spread, count: values.length, differs: spread >= DIFFER };
}

/** Each attribute over every member's rating; legitimacy and urgency count only the members who gave them. */
export function aggregateRatings(ratings: readonly Rating[]): Aggregates {
  const of = (a: Attribute) => aggregate(ratings.map((r) => r[a]).filter((v): v is number => v !== null));
  return { power: of('power'), interest: of('interest'), legitimacy: of('legitimacy'), urgency: of('urgency') };
}

export const isHigh = (median: number): boolean => median >= HIGH;

export const QUADRANTS = ['manage-closely', 'keep-satisfied', 'keep-informed', 'monitor'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Mendelow's grid; null until both power and interest are rated. */
export function quadrant(a: Pick<Aggregates, 'power' | 'interest'>): Quadrant | null {
  if (!a.power || !a.interest) return null;
  const power = isHigh(a.power.median);
  const interest = isHigh(a.interest.median);
  if (power) return interest ? 'manage-closely' : 'keep-satisfied';
  return interest ? 'keep-informed' : 'monitor';
}

export const SALIENCE_CLASSES = ['definitive', 'dominant', 'dangerous', 'dependent', 'dormant', 'discretionary', 'demanding', 'none'] as const;
export type SalienceClass = (typeof SALIENCE_CLASSES)[number];

export type SalienceAttribute = 'power' | 'legitimacy' | 'urgency';

export type Salience = { known: true; class: SalienceClass } | { known: false; missing: SalienceAttribute[] };

/** The salience class from which of power, legitimacy and urgency are held; all three must be rated. */
export function salience(a: Pick<Aggregates, SalienceAttribute>): Salience {
  const missing = (['power', 'legitimacy', 'urgency'] as const).filter((k) => a[k] === null);
  if (missing.length > 0) return { known: false, missing };
  const p = isHigh(a.power!.median);
  const l = isHigh(a.legitimacy!.median);
  const u = isHigh(a.urgency!.median);
  if (p && l && u) return { known: true, class: 'definitive' };
  if (p && l) return { known: true, class: 'dominant' };
  if (p && u) return { known: true, class: 'dangerous' };
  if (l && u) return { known: true, class: 'dependent' };
  if (p) return { known: true, class: 'dormant' };
  if (l) return { known: true, class: 'discretionary' };
  if (u) return { known: true, class: 'demanding' };
  return { known: true, class: 'none' };
}
