// A goal's indicators over time as a chart view: lines of progress for the picture, sparklines for the console
// and for readers who get no picture. Pure: the values in, the view out.
import { formatNumber, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { ChartView, ProgressChart } from '../views/types.js';
import { progress } from './model.js';
import type { Goal, Indicator, IndicatorValue } from './ports.js';

const BARS = '▁▂▃▄▅▆▇█';
/** The console line shows the latest values only: a sparkline longer than this wraps on a narrow terminal. */
const SPARK_MAX = 24;

/** Progress values (0 to 1) as one block character each, lowest to highest. */
export function sparkline(values: readonly number[]): string {
  return values
    .slice(-SPARK_MAX)
    .map((v) => BARS[Math.min(BARS.length - 1, Math.max(0, Math.round(v * (BARS.length - 1))))])
    .join('');
}

export interface ChartedIndicator {
  ref: string;
  indicator: Indicator;
  values: readonly IndicatorValue[];
}

/** Null when no indicator has a value yet: an empty chart tells nothing the card does not. */
export function goalChart(t: Translator, locale: Locale, goal: Goal & { ref: string }, indicators: readonly ChartedIndicator[], now: Date): ChartView | null {
  const charted = indicators.filter((x) => x.values.length > 0);
  if (charted.length === 0) return null;
  const title = t({ key: 'goal.chart.title', params: { ref: goal.ref, title: goal.title } });
  const pct = (p: number) => `${formatNumber(locale, Math.round(p * 100))}%`;
  const series = charted.map(({ ref, indicator: i, values }) => ({
    label: `${ref} ${i.name}`,
    points: values.map((v) => ({ at: v.at.toISOString(), progress: progress(i.baseline, i.target, v.value) })),
  }));
  const first = Math.min(goal.createdAt.getTime(), ...charted.map((x) => x.values[0]!.at.getTime()));
  const last = Math.max(now.getTime(), goal.dueAt?.getTime() ?? 0);
  const chart: ProgressChart = {
    kind: 'indicator-progress',
    axes: { time: t({ key: 'goal.chart.time' }), progress: t({ key: 'goal.chart.progress' }) },
    series,
    ...(goal.dueAt ? { pace: { label: t({ key: 'goal.chart.pace' }), from: goal.createdAt.toISOString(), to: goal.dueAt.toISOString() } } : {}),
    span: { from: new Date(first).toISOString(), to: new Date(last).toISOString() },
    locale,
  };
  const lines = series.map((s) => {
    const latest = s.points.at(-1)!.progress;
    return `${s.label}  ${sparkline(s.points.map((p) => p.progress))}  ${pct(latest)}`;
  });
  const alt = [
    t({ key: 'goal.chart.alt', params: { title } }),
    ...series.map((s) => t({ key: 'goal.chart.altSeries', params: { label: s.label, count: s.points.length, first: pct(s.points[0]!.progress), latest: pct(s.points.at(-1)!.progress) } })),
    ...(goal.dueAt ? [t({ key: 'goal.chart.altPace' })] : []),
  ].join(' ');
  return { type: 'chart', title, alt, chart, text: lines.join('\n'), footer: t({ key: 'goal.chart.footer' }) };
}
