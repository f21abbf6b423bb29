// "Did you mean ...?" for command words, flags, choices and time zones, by edit distance.

/** Optimal string alignment distance: like Levenshtein, but a swap of two neighbours costs 1 (`propsoe`). */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows are enough for the transposition lookback.
  let prevPrev: number[] = new Array<number>(t.length + 1).fill(0);
  let prev: number[] = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row: number[] = new Array<number>(t.length + 1).fill(0);
    row[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (prevPrev[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[t.length] ?? 0;
}

/** How many edits still look like a typo rather than a different word. */
function tolerance(length: number): number {
  if (length <= 2) return 0;
  if (length <= 4) return 1;
  return Math.min(3, Math.floor(length * 0.4));
}

/**
 * The candidate the input most plausibly meant, or undefined when nothing is close.
 * A unique prefix of at least three characters also counts (`sett` → `settings`).
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  if (needle.length === 0) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  const prefixed: string[] = [];
  for (const candidate of candidates) {
    const hay = candidate.toLowerCase();
    if (hay === needle) return candidate;
    if (needle.length >= 3 && hay.startsWith(needle)) prefixed.push(candidate);
    const distance = editDistance(needle, hay);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best !== undefined && bestDistance <= tolerance(needle.length)) return best;
  if (prefixed.length === 1) return prefixed[0];
  return undefined;
}
