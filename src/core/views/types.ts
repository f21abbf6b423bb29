// The neutral message model. Core builds these (already translated); each adapter renders them.

export type Tone = 'info' | 'success' | 'warning' | 'danger';

export interface Field {
  label: string;
  value: string;
  /** ISO instant when the value is a moment in time: adapters may render it in each reader's zone. */
  at?: string;
  /**
   * Set on a long field that may give way to the rest of a card (the tally above all) when a platform's
   * limits are reached: the adapter shortens it and shows this note, which says where to read it whole.
   */
  shortened?: string;
}

/** A button. `command` is a `/concord` command line; it comes back through the same parser as typed text. */
export interface Action {
  command: string;
  label: string;
  style?: 'primary' | 'danger';
  /** The command needs more input from the member before it can run. */
  input?: ActionInput;
}

export type ActionInput =
  | { kind: 'reason'; prompt: string }
  /** Asks for flag values and appends them: `extend 3` + `--due "<value>" --reason "<value>"`. */
  | { kind: 'form'; prompt: string; fields: { flag: string; label: string; placeholder?: string }[] }
  | { kind: 'ballot'; rule: 'approval' | 'ranked' | 'score' | 'dot'; options: string[]; dots?: number; prompt: string };

export interface TallyView {
  lines: { label: string; value: string; share?: number }[];
  /** Shown instead of the lines while results are hidden. */
  hiddenNote?: string;
  summary?: string;
}

export interface CardView {
  type: 'card';
  title: string;
  subtitle?: string;
  body?: string;
  fields: Field[];
  tally?: TallyView;
  actions: Action[];
  footer?: string;
  tone?: Tone;
}

export interface NoticeView {
  type: 'notice';
  tone: Tone;
  text: string;
}

export interface ListView {
  type: 'list';
  title: string;
  items: { text: string; detail?: string }[];
  empty: string;
  footer?: string;
}

/** Pre-formatted text such as help pages. */
export interface TextView {
  type: 'text';
  title?: string;
  text: string;
}

/** A stakeholder placed on the power/interest grid by the medians of members' ratings (1 to 5). */
export interface GridPoint {
  /** `S-3`: how the picture labels the point and the text grid names it. */
  ref: string;
  name: string;
  power: number;
  interest: number;
  quadrant: 'manage-closely' | 'keep-satisfied' | 'keep-informed' | 'monitor';
}

/** Mendelow's power/interest grid as data: an adapter draws it (src/charts) or prints `text`. */
export interface PowerInterestChart {
  kind: 'power-interest';
  /** Ratings run from `min` to `max`; a median at or above `high` counts as high. */
  scale: { min: number; max: number; high: number };
  axes: { power: string; interest: string };
  quadrants: Record<GridPoint['quadrant'], string>;
  points: GridPoint[];
  /** Shown in the picture's corner when some stakeholders are not plotted. */
  note?: string;
}

/** One indicator's values over time, as shares of the way from its baseline to its target. */
export interface ProgressSeries {
  /** `I-5 Landfill waste`. */
  label: string;
  /** ISO instants and the progress (0 to 1) of the value recorded for each, in date order. */
  points: { at: string; progress: number }[];
}

/** A goal's indicators on one time axis, 0% to 100% of the way to each target, with the pace the goal's calendar asks for. */
export interface ProgressChart {
  kind: 'indicator-progress';
  axes: { time: string; progress: string };
  series: ProgressSeries[];
  /** From the goal's start (0%) to its due date (100%): where an indicator on track would be. */
  pace?: { label: string; from: string; to: string };
  /** The instants the time axis spans. */
  span: { from: string; to: string };
  locale: 'en' | 'vi';
}

export type Chart = PowerInterestChart | ProgressChart;

/**
 * A chart described as data: stored in the reply like any view, drawn once per delivery by the adapter.
 * `alt` says in words what the picture shows; `text` is the same content as a monospace grid, for the
 * console and for readers who do not get the picture.
 */
export interface ChartView {
  type: 'chart';
  title: string;
  alt: string;
  chart: Chart;
  text: string;
  footer?: string;
}

export type View = CardView | NoticeView | ListView | TextView | ChartView;

export const notice = (tone: Tone, text: string): NoticeView => ({ type: 'notice', tone, text });
