// Dot voting in a retrospective: how many dots a member may still give, and the order items are discussed in.
// Pure: no storage, no words, so the limits can be tested at every boundary.
import type { RetroVote } from './ports.js';

export interface DotLimits {
  /** Dots each member has in one retro. */
  budget: number;
  /** At most this many of one member's dots on one item. */
  perItem: number;
}

export type DotCheck = { ok: true; left: number } | { ok: false; problem: 'budget' | 'item'; left: number };

/**
 * Whether a member may put `adding` more dots on an item. `left` is what they could still give: on a refusal for
 * the budget, the dots left in the retro; for the item, the dots they may still add to it.
 */
export function checkDots(votes: readonly RetroVote[], memberId: number, itemId: number, adding: number, limits: DotLimits): DotCheck {
  const mine = votes.filter((v) => v.memberId === memberId);
  const spent = mine.reduce((n, v) => n + v.dots, 0);
  const onItem = mine.find((v) => v.itemId === itemId)?.dots ?? 0;
  const budgetLeft = Math.max(0, limits.budget - spent);
  const itemLeft = Math.max(0, Math.min(limits.perItem - onItem, budgetLeft));
  if (adding > budgetLeft) return { ok: false, problem: 'budget', left: budgetLeft };
  if (onItem + adding > limits.perItem) return { ok: false, problem: 'item', left: itemLeft };
  return { ok: true, left: budgetLeft - adding };
}

/** The dots a member has left in a retro. */
export function dotsLeft(votes: readonly RetroVote[], memberId: number, budget: number): number {
  return Math.max(0, budget - votes.filter((v) => v.memberId === memberId).reduce((n, v) => n + v.dots, 0));
}

/** Every item's total dots; anonymous: who gave them is never part of the result. */
export function totals(votes: readonly RetroVote[]): Map<number, number> {
  const byItem = new Map<number, number>();
  for (const v of votes) byItem.set(v.itemId, (byItem.get(v.itemId) ?? 0) + v.dots);
  return byItem;
}

/** Most dots first, then in the order the items were added: the order a group discusses them in. */
export function byDots<T extends { id: number; number: number }>(items: readonly T[], dots: ReadonlyMap<number, number>): T[] {
  return [...items].sort((a, b) => (dots.get(b.id) ?? 0) - (dots.get(a.id) ?? 0) || a.number - b.number);
}
