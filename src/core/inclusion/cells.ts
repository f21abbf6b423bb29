// Counts of members' declarations in words, as anyone but the member sees them.
import type { Translator } from '../i18n/index.js';

/** The number when it reaches the minimum cell, else only "fewer than N". */
export function cellText(t: Translator, count: number, minCell: number): string {
  return count >= minCell ? String(count) : t({ key: 'inclusion.fewerThan', params: { n: minCell } });
}
