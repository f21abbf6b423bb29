// The power/interest map of the register as a chart view: points for the picture, a monospace grid and words for the rest.
import type { Translator } from '../i18n/index.js';
import type { ChartView, GridPoint, PowerInterestChart } from '../views/types.js';
import { HIGH, QUADRANTS, quadrant, type Aggregates, type Quadrant } from './classify.js';

/** A stakeholder the reader may see, with its ratings aggregated. */
export interface MappedStakeholder {
  ref: string;
  name: string;
  ratings: Aggregates;
}

/** Characters inside one cell of the text grid: two cells side by side stay within a phone's code block. */
const CELL = 30;

/** Where each quadrant sits in the text grid, top row first, low interest on the left. */
const ROWS: readonly [Quadrant, Quadrant][] = [
  ['keep-satisfied', 'manage-closely'],
  ['monitor', 'keep-informed'],
];

export function stakeholderMap(t: Translator, title: string, register: readonly MappedStakeholder[]): ChartView & { chart: PowerInterestChart } {
  const points: GridPoint[] = [];
  const unrated: MappedStakeholder[] = [];
  for (const st of register) {
    const q = quadrant(st.ratings);
    if (q && st.ratings.power && st.ratings.interest) {
      points.push({ ref: st.ref, name: st.name, power: st.ratings.power.median, interest: st.ratings.interest.median, quadrant: q });
    } else unrated.push(st);
  }
  // Deepest into each quadrant's corner first, so the stakeholders that matter most head its list.
  points.sort((a, b) => b.power + b.interest - (a.power + a.interest) || byRef(a.ref, b.ref));
  const quadrants = Object.fromEntries(QUADRANTS.map((q) => [q, t({ key: `stakeholder.map.quadrant.${q}` })])) as Record<Quadrant, string>;
  const unratedNote = unrated.length ? t({ key: 'stakeholder.map.unratedNote', params: { count: unrated.length } }) : undefined;
  const chart: PowerInterestChart = {
    kind: 'power-interest',
    scale: { min: 1, max: 5, high: HIGH },
    axes: { power: t({ key: 'stakeholder.attr.power.label' }), interest: t({ key: 'stakeholder.attr.interest.label' }) },
    quadrants,
    points,
    ...(unratedNote ? { note: unratedNote } : {}),
  };
  const named = (st: { ref: string; name: string }) => `${st.ref} ${st.name}`;
  const unratedLine = unrated.length ? t({ key: 'stakeholder.map.unrated', params: { list: unrated.map(named).join(', ') } }) : '';
  const inQuadrant = (q: Quadrant) => points.filter((p) => p.quadrant === q);
  const alt = [
    t({ key: 'stakeholder.map.alt', params: { title, count: points.length } }),
    ...QUADRANTS.map((q) => {
      const list = inQuadrant(q);
      return t({ key: 'stakeholder.map.altQuadrant', params: { quadrant: quadrants[q], list: list.length ? list.map(named).join(', ') : t({ key: 'stakeholder.map.none' }) } });
    }),
    unratedLine,
  ]
    .filter((x) => x !== '')
    .join(' ');
  const grid = textGrid(chart, inQuadrant);
  return {
    type: 'chart',
    title,
    alt,
    chart,
    text: unratedLine ? `${grid}\n${unratedLine}` : grid,
    footer: t({ key: 'stakeholder.map.footer', params: { high: HIGH } }),
  };
}

/** `S-2` before `S-10`. */
const byRef = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Two cells by two, power upward and interest to the right, each quadrant listing its stakeholders. Text is
 * composed (NFC) first, so a Vietnamese letter counts as one column.
 */
function textGrid(chart: PowerInterestChart, inQuadrant: (q: Quadrant) => GridPoint[]): string {
  const fit = (text: string) => {
    // A line break or tab in a name would break the grid's columns.
    const chars = [...text.normalize('NFC').replace(/\s+/g, ' ')];
    return (chars.length > CELL ? [...chars.slice(0, CELL - 1), '…'] : chars).join('').padEnd(CELL);
  };
  const rule = (left: string, mid: string, right: string) => `${left}${'─'.repeat(CELL + 2)}${mid}${'─'.repeat(CELL + 2)}${right}`;
  const lines = [`▲ ${chart.axes.power}`, rule('┌', '┬', '┐')];
  ROWS.forEach(([left, right], row) => {
    const cells = [left, right].map((q) => {
      const listed = inQuadrant(q);
      return [`${chart.quadrants[q]} (${listed.length})`, ...(listed.length ? listed.map((p) => `${p.ref} ${p.name}`) : ['—'])];
    });
    const height = Math.max(cells[0]!.length, cells[1]!.length);
    for (let i = 0; i < height; i++) lines.push(`│ ${fit(cells[0]![i] ?? '')} │ ${fit(cells[1]![i] ?? '')} │`);
    lines.push(row === 0 ? rule('├', '┼', '┤') : rule('└', '┴', '┘'));
  });
  const axis = `${chart.axes.interest} ▶`;
  lines.push(axis.padStart(CELL * 2 + 7));
  return lines.join('\n');
}
