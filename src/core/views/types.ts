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

export type View = CardView | NoticeView | ListView | TextView;

export const notice = (tone: Tone, text: string): NoticeView => ({ type: 'notice', tone, text });
