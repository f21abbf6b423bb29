// Draws a chart view's data as SVG (ECharts, server-side) and as PNG (resvg), the same for every platform.
import { createRequire } from 'node:module';
import type { Chart, GridPoint, PowerInterestChart, ProgressChart } from '../core/views/types.js';

export interface ChartSize {
  width: number;
  height: number;
}

export const DEFAULT_SIZE: ChartSize = { width: 1200, height: 900 };

/**
 * Slack takes files far larger, but a picture in a chat should open at once on a phone; Discord refuses
 * attachments over 10 MiB from a bot in a server without boosts. Every PNG stays under the smaller.
 */
export const SLACK_MAX_BYTES = 1_000_000;
export const DISCORD_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_PNG_BYTES = Math.min(SLACK_MAX_BYTES, DISCORD_MAX_BYTES);

const FONT_FAMILY = 'DejaVu Sans';
const require = createRequire(import.meta.url);
/**
 * The font ships with Concord, so a server with no fonts installed draws the same letters, Vietnamese
 * included, as a laptop does; system fonts are never read, so the picture does not depend on the machine.
 */
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`));

/** Colour-blind-safe (Okabe and Ito), one per quadrant, so colour never carries the meaning alone: each quadrant is also named. */
const COLORS: Record<GridPoint['quadrant'], string> = {
  'manage-closely': '#D55E00',
  'keep-satisfied': '#0072B2',
  'keep-informed': '#009E73',
  monitor: '#666666',
};

/** Where a stakeholder's medians put it, before it is spread among others there. */
const spot = (p: GridPoint) => `${p.interest}:${p.power}`;
/** More stakeholders than this on one spot are counted there rather than labelled one by one. */
const CLUSTER = 5;

/**
 * Where each point is drawn. Medians fall on halves (1, 1.5 ... 5), so several stakeholders often share a spot:
 * they are spread in a small sunflower around it, less than a quarter step away so neighbouring spots stay apart.
 * A point on the line between low and high is spread only toward high, the side it counts on. Deterministic:
 * the same register draws the same picture.
 */
export function spread(points: readonly GridPoint[], high: number): { point: GridPoint; x: number; y: number }[] {
  const at = new Map<string, GridPoint[]>();
  for (const p of points) {
    at.set(spot(p), [...(at.get(spot(p)) ?? []), p]);
  }
  const golden = Math.PI * (3 - Math.sqrt(5));
  const radius = 0.22;
  return [...at.values()].flatMap((same) =>
    same.map((point, i) => {
      if (same.length === 1) return { point, x: point.interest, y: point.power };
      const r = radius * Math.sqrt((i + 0.5) / same.length);
      let dx = r * Math.cos(i * golden);
      let dy = r * Math.sin(i * golden);
      if (point.interest === high) dx = Math.abs(dx);
      if (point.power === high) dy = Math.abs(dy);
      return { point, x: point.interest + dx, y: point.power + dy };
    }),
  );
}

/**
 * How wide DejaVu Sans sets a text, near enough (per character, in ems; bold about a tenth wider). Without a
 * canvas ECharts guesses from a narrower font, and then labels overlap and a quadrant's name runs off the edge.
 */
export function measureText(text: string, font = ''): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const bold = /\bbold\b|\b[6-9]00\b/.test(font) ? 1.1 : 1;
  let ems = 0;
  for (const ch of text.normalize('NFC')) {
    if (/\p{M}/u.test(ch)) continue;
    if (' .,:;!|\'`ilj'.includes(ch)) ems += 0.32;
    else if ('-()[]{}/frtI'.includes(ch)) ems += 0.4;
    else if (/[A-ZĐ]|[mwMW]/u.test(ch.normalize('NFD')[0] ?? ch)) ems += 0.74;
    else ems += 0.62;
  }
  return { width: ems * size * bold };
}

let measuring = false;

/** ECharts, told how wide the bundled font's letters are (it has no canvas to measure them with on a server). */
async function loadEcharts() {
  const echarts = await import('echarts');
  if (!measuring) {
    echarts.setPlatformAPI({ measureText });
    measuring = true;
  }
  return echarts;
}

/** The chart as an SVG document, drawn by ECharts without a browser. */
export async function chartSvg(title: string, chart: Chart, size: ChartSize = DEFAULT_SIZE): Promise<string> {
  return chart.kind === 'power-interest' ? powerInterestSvg(title, chart, size) : progressSvg(title, chart, size);
}

/** Renders one option set to SVG and lets go of the instance. */
async function renderSvg(option: Record<string, unknown>, size: ChartSize): Promise<string> {
  const echarts = await loadEcharts();
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption(option);
    return instance.renderToSVGString();
  } finally {
    // Without this ECharts keeps a timer alive and the process would not exit.
    instance.dispose();
  }
}

/** Okabe and Ito's colour-blind-safe palette, for indicators: each line is also named in the legend. */
const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
/** Line styles beside the colours, so that lines stay apart in grey print too. */
const SERIES_DASHES = ['solid', 'dashed', 'dotted'] as const;

/** A goal's indicators as lines of progress over time, with the calendar's pace as a dashed diagonal. */
async function progressSvg(title: string, chart: ProgressChart, size: ChartSize): Promise<string> {
  const time = (iso: string) => new Date(iso).getTime();
  const dateLabel = new Intl.DateTimeFormat(chart.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const series: Record<string, unknown>[] = chart.series.map((s, i) => ({
    type: 'line',
    name: s.label,
    data: s.points.map((p) => [time(p.at), Math.round(p.progress * 1000) / 10]),
    symbolSize: 8,
    lineStyle: { width: 3, type: SERIES_DASHES[Math.floor(i / SERIES_COLORS.length) % SERIES_DASHES.length] },
    itemStyle: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
  }));
  if (chart.pace) {
    series.push({
      type: 'line',
      name: chart.pace.label,
      data: [
        [time(chart.pace.from), 0],
        [time(chart.pace.to), 100],
      ],
      symbol: 'none',
      lineStyle: { width: 2, type: 'dashed', color: '#888888' },
      itemStyle: { color: '#888888' },
    });
  }
  return renderSvg(
    {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: { text: title, left: 'center', top: 16, textStyle: { fontSize: 26, fontWeight: 'bold', color: '#111111' } },
      legend: { bottom: 12, textStyle: { fontSize: 15, color: '#222222' }, itemWidth: 36 },
      grid: { left: 90, right: 50, top: 80, bottom: 80 + 28 * Math.ceil((series.length + 1) / 3) },
      xAxis: {
        type: 'time',
        min: time(chart.span.from),
        max: time(chart.span.to),
        name: chart.axes.time,
        nameLocation: 'middle',
        nameGap: 36,
        nameTextStyle: { fontSize: 18, color: '#222222' },
        axisLabel: { fontSize: 14, color: '#444444', hideOverlap: true, formatter: (v: number) => dateLabel.format(new Date(v)) },
        splitLine: { show: false },
      },
      yAxis: {
        type: 'value',
        min: 0,
        max: 100,
        interval: 25,
        name: chart.axes.progress,
        nameLocation: 'middle',
        nameGap: 56,
        nameTextStyle: { fontSize: 18, color: '#222222' },
        axisLabel: { fontSize: 14, color: '#444444', formatter: '{value}%' },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      series,
    },
    size,
  );
}

/** The grid as an SVG document. */
async function powerInterestSvg(title: string, chart: PowerInterestChart, size: ChartSize): Promise<string> {
  const { min, max, high } = chart.scale;
  const lo = min - 0.5;
  const hi = max + 0.5;
  const placed = spread(chart.points, high);
  // Names would bury a crowded grid, and so would a name beside each of several points on one spot; the refs
  // stay short, and the text sent with the picture names each one. A spot shared by many is counted instead.
  const crowded = placed.length > 25;
  const sharing = new Map<string, number>();
  for (const p of chart.points) sharing.set(spot(p), (sharing.get(spot(p)) ?? 0) + 1);
  const labelOf = (p: GridPoint) => {
    const shared = sharing.get(spot(p)) ?? 1;
    if (shared > CLUSTER) return null;
    return !crowded && shared === 1 ? `${p.ref} ${p.name}` : p.ref;
  };
  const clusters = [...sharing].filter(([, n]) => n > CLUSTER).map(([key, n]) => {
    const [x, y] = key.split(':').map(Number) as [number, number];
    return { value: [x, y], name: `×${n}` };
  });
  const area = (q: GridPoint['quadrant'], x: [number, number], y: [number, number], position: string) => [
    {
      name: chart.quadrants[q],
      xAxis: x[0],
      yAxis: y[0],
      itemStyle: { color: COLORS[q], opacity: 0.07 },
      label: { position, color: COLORS[q], fontSize: 20, fontWeight: 'bold' },
    },
    { xAxis: x[1], yAxis: y[1] },
  ];
  const axis = (name: string) => ({
    type: 'value',
    min: lo,
    max: hi,
    interval: 0.5,
    name,
    nameLocation: 'middle',
    nameGap: 36,
    nameTextStyle: { fontSize: 18, color: '#222222' },
    axisLabel: { fontSize: 14, color: '#444444', formatter: (v: number) => (Number.isInteger(v) && v >= min && v <= max ? String(v) : '') },
    axisTick: { show: false },
    splitLine: { show: false },
    axisLine: { onZero: false, lineStyle: { color: '#888888' } },
  });
  return renderSvg(
    {
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT_FAMILY },
      title: {
        text: title,
        left: 'center',
        top: 16,
        textStyle: { fontSize: 26, fontWeight: 'bold', color: '#111111' },
        ...(chart.note ? { subtext: chart.note, subtextStyle: { fontSize: 16, color: '#555555' } } : {}),
      },
      grid: { left: 90, right: 40, top: chart.note ? 110 : 80, bottom: 80 },
      xAxis: axis(chart.axes.interest),
      yAxis: axis(chart.axes.power),
      series: [
        {
          type: 'scatter',
          symbolSize: 14,
          data: placed.map(({ point, x, y }) => {
            const label = labelOf(point);
            return {
              value: [x, y],
              name: label ?? point.ref,
              itemStyle: { color: COLORS[point.quadrant], borderColor: '#ffffff', borderWidth: 1 },
              ...(label === null ? { label: { show: false } } : {}),
            };
          }),
          label: { show: true, position: 'right', fontSize: crowded ? 12 : 14, color: '#222222', formatter: '{b}' },
          labelLayout: { hideOverlap: true },
          markLine: {
            silent: true,
            symbol: 'none',
            label: { show: false },
            lineStyle: { color: '#333333', type: 'dashed', width: 2 },
            data: [{ xAxis: high }, { yAxis: high }],
          },
          markArea: {
            silent: true,
            data: [
              area('keep-satisfied', [lo, high], [high, hi], 'insideTopLeft'),
              area('manage-closely', [high, hi], [high, hi], 'insideTopRight'),
              area('monitor', [lo, high], [lo, high], 'insideBottomLeft'),
              area('keep-informed', [high, hi], [lo, high], 'insideBottomRight'),
            ],
          },
        },
        {
          type: 'scatter',
          silent: true,
          symbolSize: 0,
          data: clusters,
          label: { show: true, position: [26, -26], fontSize: 16, fontWeight: 'bold', color: '#111111', backgroundColor: '#ffffff', padding: [2, 4], formatter: '{b}' },
        },
      ],
    },
    size,
  );
}

/** An SVG document as PNG, drawn with the bundled font only. */
export async function svgToPng(svg: string, zoom = 1): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  // Drawn on libuv's thread pool, so a member's map does not hold up everyone else's commands meanwhile.
  const image = await renderAsync(svg, {
    fitTo: zoom === 1 ? { mode: 'original' } : { mode: 'zoom', value: zoom },
    background: '#ffffff',
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  return new Uint8Array(image.asPng());
}

/**
 * The chart as a PNG no larger than `maxBytes`: drawn smaller, a step at a time, in the unlikely case a crowded
 * register makes it too large, and refused rather than sent over a platform's limit.
 */
export async function chartPng(title: string, chart: Chart, opts: { size?: ChartSize; maxBytes?: number } = {}): Promise<Uint8Array> {
  const maxBytes = opts.maxBytes ?? MAX_PNG_BYTES;
  const svg = await chartSvg(title, chart, opts.size);
  for (const zoom of [1, 0.75, 0.5]) {
    const png = await svgToPng(svg, zoom);
    if (png.byteLength <= maxBytes) return png;
  }
  throw new Error(`the chart does not fit in ${maxBytes} bytes`);
}

/** The file name a chart is sent under. */
export const chartFile = (chart: Chart): string => (chart.kind === 'power-interest' ? 'stakeholder-map.png' : 'goal-progress.png');
