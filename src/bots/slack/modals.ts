// The modals that collect what a command line would otherwise need typed: a new proposal, a reason, a ballot, a form's flags.
import type { AnyBlock, InputBlock, KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { DateTime } from 'luxon';
import { commandSpecOf } from '../shared/commands.js';
import { COMMAND_SPECS, HIDE_RESULTS, OPTION_RULES, type ValueSpec } from '../../core/commands/index.js';
import type { Locale } from '../../core/i18n/types.js';
import { isRuleName, type RuleName } from '../../core/proposals/rules/types.js';
import type { ActionInput } from '../../core/views/types.js';
import { ballotText, proposeCommand, quote, type OptionBallotRule, type ProposalDraft } from './command-line.js';
import { slackText, type SlackTranslator } from './messages.js';
import { LIMITS, cutPlain, md, plain } from './mrkdwn.js';
import { ACTION_IDS } from './render.js';

export const CALLBACK_IDS = {
  propose: 'concord:propose',
  reason: 'concord:reason',
  ballot: 'concord:ballot',
  form: 'concord:form',
} as const;

/** What a modal remembers between opening and submission: where to answer, and what it was for. */
export interface ModalMeta {
  locale: Locale;
  /** Channel to answer in with an ephemeral message; absent when the modal came from App Home. */
  channel?: string;
  channelName?: string;
  responseUrl?: string;
  /** The member's Slack time zone, which the date and time pickers are in. */
  tz?: string;
  /** For reason, ballot and form modals: the command the answer completes. */
  command?: string;
  ballot?: { rule: OptionBallotRule; count: number; options?: string[] | undefined; dots?: number };
  /** For form modals: the flag each field fills, in order. */
  form?: string[];
}

export function encodeMeta(meta: ModalMeta): string {
  const { responseUrl: _url, ...withoutUrl } = meta;
  const candidates: ModalMeta[] = [meta, withoutUrl];
  // Without the labels a ballot names options by number, which core reads as well.
  if (meta.ballot?.options) candidates.push({ ...withoutUrl, ballot: { ...meta.ballot, options: undefined } });
  for (const candidate of candidates) {
    const text = JSON.stringify(candidate);
    if (text.length <= LIMITS.privateMetadata) return text;
  }
  // Only a pathological command gets here; the modal then answers by DM and the submission fails politely.
  return JSON.stringify({ locale: meta.locale });
}

export function decodeMeta(text: string | undefined): ModalMeta {
  try {
    const parsed = JSON.parse(text ?? '') as ModalMeta;
    return parsed && typeof parsed === 'object' ? parsed : { locale: 'en' };
  } catch {
    return { locale: 'en' };
  }
}

// ---- shared pieces ----

type StateValue = {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
};
export type StateValues = Record<string, Record<string, StateValue>>;

const valueOf = (values: StateValues, block: string): StateValue | undefined => {
  const actions = values[block];
  return actions ? Object.values(actions)[0] : undefined;
};

const textOf = (values: StateValues, block: string): string | undefined => {
  const v = valueOf(values, block)?.value?.trim();
  return v ? v : undefined;
};

const option = (text: string, value: string, description?: string): PlainTextOption => {
  const o: PlainTextOption = { text: plain(text || value, LIMITS.optionText), value: value.slice(0, LIMITS.optionValue) };
  if (description) o.description = plain(description, LIMITS.optionDescription);
  return o;
};

function input(block: string, label: string, element: InputBlock['element'], opts: { optional?: boolean; hint?: string; dispatch?: boolean } = {}): InputBlock {
  const b: InputBlock = { type: 'input', block_id: block, label: plain(label, LIMITS.inputLabel), element };
  if (opts.optional) b.optional = true;
  if (opts.hint) b.hint = plain(opts.hint, LIMITS.hint);
  if (opts.dispatch) b.dispatch_action = true;
  return b;
}

function modal(t: SlackTranslator, opts: { title: string; submit: string; callback: string; blocks: AnyBlock[]; meta: ModalMeta }): ModalView {
  return {
    type: 'modal',
    callback_id: opts.callback,
    title: plain(opts.title, LIMITS.modalTitle),
    submit: plain(opts.submit, LIMITS.modalButton),
    close: plain(t('slack.cancel'), LIMITS.modalButton),
    private_metadata: encodeMeta(opts.meta),
    blocks: opts.blocks.slice(0, LIMITS.surfaceBlocks),
  };
}

// ---- propose ----

const PROPOSE = COMMAND_SPECS.find((s) => s.name === 'propose');
const flagValue = (name: string): ValueSpec | undefined => PROPOSE?.flags.find((f) => f.name === name)?.value;
const titleSpec = PROPOSE?.args.find((a) => a.key === 'title')?.value;
const TITLE_MAX = titleSpec?.kind === 'text' ? titleSpec.max : 200;
const bodySpec = flagValue('body');
const BODY_MAX = Math.min(bodySpec?.kind === 'text' ? bodySpec.max : 4000, LIMITS.plainTextInput);
const rulesSpec = flagValue('rule');
export const PROPOSE_RULES: readonly RuleName[] = rulesSpec?.kind === 'choice' ? rulesSpec.values.filter(isRuleName) : [];
const optionsSpec = flagValue('options');
const OPTIONS = optionsSpec?.kind === 'options' ? optionsSpec : { min: 2, max: 20, maxLength: 80 };
const dotsSpec = flagValue('dots');
const DOTS = dotsSpec?.kind === 'integer' ? dotsSpec : { min: 1, max: 100 };
const THRESHOLDS = ['60%', '2/3', '3/4', '1'] as const;

/** Blocks that only some rules have; they come and go when the rule changes. */
const RULE_BLOCKS = new Set(['options', 'dots', 'threshold', 'decider']);

export interface GroupChoice {
  name: string;
  /** The group of the channel the modal was opened in. */
  current: boolean;
}

function ruleBlocks(t: SlackTranslator, rule: string | undefined): InputBlock[] {
  const blocks: InputBlock[] = [];
  if (rule && (OPTION_RULES as readonly string[]).includes(rule)) {
    blocks.push(
      input(
        'options',
        t('slack.propose.field.options'),
        { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: LIMITS.plainTextInput, placeholder: plain('A\nB\nC', LIMITS.placeholder) },
        { hint: t('slack.propose.options.hint', { min: OPTIONS.min, max: OPTIONS.max }) },
      ),
    );
  }
  if (rule === 'dot') {
    blocks.push(
      input('dots', t('slack.propose.field.dots'), { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: String(DOTS.min), max_value: String(DOTS.max), placeholder: plain('5') }, { optional: true, hint: t('cmd.flag.dots') }),
    );
  }
  if (rule === 'majority') {
    const options = [option(t('slack.propose.threshold.default'), 'default'), ...THRESHOLDS.map((v) => option(v === '1' ? t('slack.propose.threshold.unanimous') : v, v))];
    blocks.push(input('threshold', t('slack.propose.field.threshold'), { type: 'static_select', action_id: 'value', options, initial_option: options[0]! }, { optional: true, hint: t('cmd.flag.threshold') }));
  }
  if (rule === 'advice') {
    blocks.push(input('decider', t('card.decider'), { type: 'users_select', action_id: 'value' }, { optional: true, hint: t('cmd.flag.decider') }));
  }
  return blocks;
}

/**
 * Every group, the channel's own first and chosen. A select holds 100 options; past that they go in
 * option groups of 100 (Slack allows 100 of those), the channel's own group in one of its own on top.
 */
function groupSelect(t: SlackTranslator, groups: GroupChoice[]): InputBlock['element'] {
  const current = groups.find((g) => g.current);
  const ordered = current ? [current, ...groups.filter((g) => g !== current)] : groups;
  const placeholder = plain(t('slack.propose.group.placeholder'), LIMITS.placeholder);
  if (ordered.length <= LIMITS.selectOptions) {
    const options = ordered.map((g) => option(g.name, g.name));
    return { type: 'static_select', action_id: 'value', options, placeholder, ...(current ? { initial_option: options[0]! } : {}) };
  }
  const sections: Array<{ label: ReturnType<typeof plain>; options: PlainTextOption[] }> = [];
  if (current) sections.push({ label: plain(t('slack.propose.group.here'), LIMITS.optionText), options: [option(current.name, current.name)] });
  const others = ordered.slice(current ? 1 : 0);
  for (let i = 0; i < others.length && sections.length < LIMITS.optionGroups; i += LIMITS.selectOptions) {
    const chunk = others.slice(i, i + LIMITS.selectOptions);
    const range = `${cutPlain(chunk[0]!.name, 35)} – ${cutPlain(chunk[chunk.length - 1]!.name, 35)}`;
    sections.push({ label: plain(range, LIMITS.optionText), options: chunk.map((g) => option(g.name, g.name)) });
  }
  return { type: 'static_select', action_id: 'value', option_groups: sections, placeholder, ...(current ? { initial_option: sections[0]!.options[0]! } : {}) };
}

export function proposeModal(opts: { locale: Locale; groups: GroupChoice[]; meta: ModalMeta; title?: string }): ModalView {
  const t = slackText(opts.locale);
  const blocks: KnownBlock[] = [];
  const title: InputBlock['element'] = { type: 'plain_text_input', action_id: 'value', max_length: TITLE_MAX };
  if (opts.title) title.initial_value = cutPlain(opts.title, TITLE_MAX);
  blocks.push(input('title', t('slack.propose.field.title'), title));
  blocks.push(input('body', t('slack.propose.field.body'), { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: BODY_MAX }, { optional: true }));
  if (opts.groups.length) {
    blocks.push(input('group', t('card.group'), groupSelect(t, opts.groups), { optional: true, hint: t('cmd.flag.group.proposal') }));
  }
  const rules = PROPOSE_RULES.map((r) => option(t(`rule.name.${r}`), r, t(`rule.describe.${r}`)));
  blocks.push(
    input('rule', t('card.rule'), { type: 'static_select', action_id: ACTION_IDS.proposeRule, options: rules, placeholder: plain(t('slack.propose.rule.placeholder'), LIMITS.placeholder) }, { dispatch: true }),
  );
  const tzHint = opts.meta.tz ? t('slack.propose.close.hint', { zone: opts.meta.tz }) : t('slack.propose.close.hintNoZone');
  blocks.push(input('close_date', t('slack.propose.field.closeDate'), { type: 'datepicker', action_id: 'value' }, { optional: true }));
  blocks.push(input('close_time', t('slack.propose.field.closeTime'), { type: 'timepicker', action_id: 'value' }, { optional: true, hint: tzHint }));
  blocks.push(
    input('quorum', t('slack.propose.field.quorum'), { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '1', max_value: '100' }, { optional: true, hint: t('cmd.flag.quorum') }),
  );
  blocks.push(
    input('ballots', t('slack.propose.field.ballots'), { type: 'checkboxes', action_id: 'value', options: [option(t('slack.propose.anonymous'), 'anonymous', t('cmd.flag.anonymous'))] }, { optional: true }),
  );
  const results = HIDE_RESULTS.map((h) => option(t(`slack.propose.results.${h}`), h));
  blocks.push(input('results', t('slack.propose.field.results'), { type: 'radio_buttons', action_id: 'value', options: results, initial_option: results[0]! }, { optional: true }));
  blocks.push(
    input('consult', t('slack.propose.field.consult'), { type: 'plain_text_input', action_id: 'value', max_length: 200, placeholder: plain('S-3, S-5', LIMITS.placeholder) }, { optional: true, hint: t('cmd.flag.consult') }),
  );
  blocks.push(
    input('cross_sector', t('slack.propose.field.crossSector'), { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '2', max_value: '7' }, { optional: true, hint: t('cmd.flag.crossSector') }),
  );
  return modal(t, { title: t('slack.propose.title'), submit: t('slack.propose.submit'), callback: CALLBACK_IDS.propose, blocks, meta: opts.meta });
}

/**
 * The same modal for another rule: rule-specific inputs swapped, everything else kept as Slack sent
 * it, so what the member already typed stays (Slack keeps values of unchanged block and action ids).
 */
export function proposeModalForRule(current: { blocks: AnyBlock[]; private_metadata?: string }, rule: string | undefined): ModalView {
  const meta = decodeMeta(current.private_metadata);
  const t = slackText(meta.locale);
  const kept = current.blocks.filter((b) => !RULE_BLOCKS.has(b.block_id ?? ''));
  const at = kept.findIndex((b) => b.block_id === 'rule');
  const blocks = [...kept.slice(0, at + 1), ...ruleBlocks(t, rule), ...kept.slice(at + 1)];
  return modal(t, { title: t('slack.propose.title'), submit: t('slack.propose.submit'), callback: CALLBACK_IDS.propose, blocks, meta });
}

export type Submission = { ok: true; command: string } | { ok: false; errors: Record<string, string> };

function deadline(date: string | undefined, time: string | undefined, tz: string | undefined): string | undefined {
  if (!date) return undefined;
  if (tz) {
    const at = DateTime.fromISO(`${date}T${time ?? '23:59'}`, { zone: tz });
    if (at.isValid) return at.toISO({ suppressMilliseconds: true, suppressSeconds: true }) ?? undefined;
  }
  return time ? `${date} ${time}` : date;
}

export function readProposeSubmission(values: StateValues, meta: ModalMeta): Submission {
  const t = slackText(meta.locale);
  const errors: Record<string, string> = {};
  const rule = valueOf(values, 'rule')?.selected_option?.value ?? '';
  const draft: ProposalDraft = { title: textOf(values, 'title') ?? '', rule };
  const body = textOf(values, 'body');
  if (body) draft.body = body;
  const group = valueOf(values, 'group')?.selected_option?.value;
  if (group) draft.group = group;

  if ((OPTION_RULES as readonly string[]).includes(rule)) {
    const options = (valueOf(values, 'options')?.value ?? '')
      .split('\n')
      .map((o) => o.trim())
      .filter((o) => o !== '');
    const seen = new Set<string>();
    for (const o of options) {
      if (o.includes('|')) errors.options ??= t('slack.error.optionPipe', { option: o });
      if (o.length > OPTIONS.maxLength) errors.options ??= t('slack.error.optionLength', { option: cutPlain(o, 40), max: OPTIONS.maxLength });
      if (seen.has(o.toLocaleLowerCase())) errors.options ??= t('slack.error.optionDuplicate', { option: o });
      seen.add(o.toLocaleLowerCase());
    }
    if (options.length < OPTIONS.min || options.length > OPTIONS.max) errors.options ??= t('slack.error.optionCount', { min: OPTIONS.min, max: OPTIONS.max });
    draft.options = options;
  }
  const dots = textOf(values, 'dots');
  if (rule === 'dot' && dots) draft.dots = Number(dots);
  const threshold = valueOf(values, 'threshold')?.selected_option?.value;
  if (rule === 'majority' && threshold && threshold !== 'default') draft.threshold = threshold;
  const decider = valueOf(values, 'decider')?.selected_user;
  if (rule === 'advice' && decider) draft.decider = decider;

  const date = valueOf(values, 'close_date')?.selected_date ?? undefined;
  const time = valueOf(values, 'close_time')?.selected_time ?? undefined;
  if (time && !date) errors.close_date = t('slack.error.timeWithoutDate');
  const closes = deadline(date, time, meta.tz);
  if (closes) draft.closes = closes;
  const quorum = textOf(values, 'quorum');
  if (quorum) draft.quorum = Number(quorum);
  draft.anonymous = (valueOf(values, 'ballots')?.selected_options ?? []).some((o) => o.value === 'anonymous');
  draft.hideResults = valueOf(values, 'results')?.selected_option?.value ?? 'never';
  const consult = textOf(values, 'consult');
  if (consult) draft.consult = consult;
  const crossSector = textOf(values, 'cross_sector');
  if (crossSector) draft.crossSector = Number(crossSector);

  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, command: proposeCommand(draft) };
}

// ---- reason ----

const REASON_MAX = 2000;

export function reasonModal(opts: { locale: Locale; prompt: string; meta: ModalMeta }): ModalView {
  const t = slackText(opts.locale);
  const blocks: KnownBlock[] = [
    { type: 'section', text: md(opts.prompt) },
    input('reason', t('slack.field.reason'), { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: REASON_MAX }),
  ];
  return modal(t, { title: t('slack.reason.title'), submit: t('slack.reason.submit'), callback: CALLBACK_IDS.reason, blocks, meta: opts.meta });
}

export function readReasonSubmission(values: StateValues, meta: ModalMeta): Submission {
  const reason = textOf(values, 'reason');
  if (!reason) return { ok: false, errors: { reason: slackText(meta.locale)('slack.field.reason') } };
  // As a trailing quoted argument, which both `vote <id> <choice> [reason]` and `blocked <id> <why>` read as the reason.
  return { ok: true, command: `${meta.command ?? ''} ${quote(reason)}` };
}

// ---- forms ----

type FormInput = Extract<ActionInput, { kind: 'form' }>;

export function formModal(opts: { locale: Locale; input: FormInput; meta: ModalMeta; title: string }): ModalView {
  const t = slackText(opts.locale);
  // The spec of the command the form completes says which flags are required and how long they may be.
  const spec = commandSpecOf(opts.meta.command ?? '');
  const blocks: KnownBlock[] = [];
  if (opts.input.prompt) blocks.push({ type: 'section', text: md(opts.input.prompt) });
  opts.input.fields.slice(0, LIMITS.surfaceBlocks - 1).forEach((field, i) => {
    const flag = spec?.flags.find((f) => f.name === field.flag);
    const max = flag?.value.kind === 'text' ? Math.min(flag.value.max, LIMITS.plainTextInput) : LIMITS.plainTextInput;
    const element: InputBlock['element'] = { type: 'plain_text_input', action_id: 'value', max_length: max, multiline: max > 150 };
    if (field.placeholder) element.placeholder = plain(field.placeholder, LIMITS.placeholder);
    blocks.push(input(`field_${i}`, field.label, element, { optional: flag ? !flag.required : false }));
  });
  const meta: ModalMeta = { ...opts.meta, form: opts.input.fields.map((f) => f.flag) };
  return modal(t, { title: opts.title || t('slack.reason.submit'), submit: t('slack.reason.submit'), callback: CALLBACK_IDS.form, blocks, meta });
}

export function readFormSubmission(values: StateValues, meta: ModalMeta): Submission {
  const parts = [meta.command ?? ''];
  (meta.form ?? []).forEach((flag, i) => {
    const value = textOf(values, `field_${i}`);
    if (value !== undefined && /^[a-z][a-z0-9-]*$/i.test(flag)) parts.push(`--${flag}`, quote(value));
  });
  return { ok: true, command: parts.join(' ') };
}

// ---- ballots ----

const SCORES = ['0', '1', '2', '3', '4', '5'];

export function ballotModal(opts: { locale: Locale; input: Extract<ActionInput, { kind: 'ballot' }>; meta: ModalMeta }): ModalView {
  const t = slackText(opts.locale);
  const { rule, options } = opts.input;
  // Each option takes one block; a modal holds 100, and the prompt and reason take two more.
  const shown = options.slice(0, LIMITS.surfaceBlocks - 4);
  const choices = shown.slice(0, LIMITS.selectOptions).map((o, i) => option(o, String(i)));
  const blocks: KnownBlock[] = [{ type: 'section', text: md(opts.input.prompt || t(`ballot.prompt.${rule}`)) }];
  switch (rule) {
    case 'ranked':
      shown.forEach((_, i) => {
        blocks.push(input(`rank_${i}`, t('slack.ballot.rank', { rank: i + 1 }), { type: 'static_select', action_id: 'value', options: choices }, { optional: i > 0 }));
      });
      break;
    case 'score': {
      const scores = SCORES.map((s) => option(s, s));
      shown.forEach((o, i) => {
        blocks.push(input(`score_${i}`, o, { type: 'static_select', action_id: 'value', options: scores, placeholder: plain(t('slack.ballot.scorePlaceholder')) }, { optional: true }));
      });
      break;
    }
    case 'dot': {
      const dots = opts.input.dots ?? 5;
      blocks.push({ type: 'context', elements: [md(t('slack.ballot.dotsHint', { count: dots }))] });
      shown.forEach((o, i) => {
        blocks.push(input(`dot_${i}`, o, { type: 'number_input', action_id: 'value', is_decimal_allowed: false, min_value: '0', max_value: String(dots) }, { optional: true }));
      });
      break;
    }
    case 'approval': {
      const chunks = Math.ceil(choices.length / LIMITS.checkboxOptions);
      for (let k = 0; k < chunks; k++) {
        const label = chunks > 1 ? `${t('slack.ballot.approve')} (${k + 1}/${chunks})` : t('slack.ballot.approve');
        const part = choices.slice(k * LIMITS.checkboxOptions, (k + 1) * LIMITS.checkboxOptions);
        blocks.push(input(`approve_${k}`, label, { type: 'checkboxes', action_id: 'value', options: part }, { optional: true }));
      }
      break;
    }
  }
  blocks.push(input('reason', t('slack.field.reasonOptional'), { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: REASON_MAX }, { optional: true }));
  const meta: ModalMeta = { ...opts.meta, ballot: { rule, count: shown.length, options: shown, ...(opts.input.dots !== undefined ? { dots: opts.input.dots } : {}) } };
  return modal(t, { title: t('card.castBallot'), submit: t('slack.ballot.submit'), callback: CALLBACK_IDS.ballot, blocks, meta });
}

const indexOf = (v: StateValue | undefined): number | undefined => {
  const raw = v?.selected_option?.value;
  return raw === undefined ? undefined : Number(raw);
};

export function readBallotSubmission(values: StateValues, meta: ModalMeta): Submission {
  const t = slackText(meta.locale);
  const ballot = meta.ballot;
  if (!ballot || !meta.command) return { ok: false, errors: {} };
  const { rule } = ballot;
  const options = ballot.options ?? Array.from({ length: ballot.count }, (_, i) => String(i + 1));
  const errors: Record<string, string> = {};
  let text = '';
  switch (rule) {
    case 'ranked': {
      const order: number[] = [];
      let gapAt: number | null = null;
      options.forEach((_, i) => {
        const picked = indexOf(valueOf(values, `rank_${i}`));
        if (picked === undefined) {
          gapAt ??= i;
          return;
        }
        if (gapAt !== null) errors[`rank_${i}`] ??= t('slack.error.rankGap');
        if (order.includes(picked)) errors[`rank_${i}`] ??= t('slack.error.rankRepeat', { option: options[picked] ?? '' });
        order.push(picked);
      });
      text = ballotText(options, { rule, order });
      break;
    }
    case 'score': {
      const amounts: Array<[number, number]> = [];
      options.forEach((_, i) => {
        const raw = valueOf(values, `score_${i}`)?.selected_option?.value;
        if (raw !== undefined) amounts.push([i, Number(raw)]);
      });
      if (amounts.length === 0) errors.score_0 = t('slack.error.noScore');
      text = ballotText(options, { rule, amounts });
      break;
    }
    case 'dot': {
      const amounts: Array<[number, number]> = [];
      let last = 'dot_0';
      options.forEach((_, i) => {
        const raw = textOf(values, `dot_${i}`);
        const n = raw === undefined ? 0 : Number(raw);
        if (n > 0) {
          amounts.push([i, n]);
          last = `dot_${i}`;
        }
      });
      const used = amounts.reduce((sum, [, n]) => sum + n, 0);
      const count = ballot.dots ?? 5;
      if (used === 0) errors.dot_0 = t('slack.error.noDots');
      else if (used > count) errors[last] = t('slack.error.tooManyDots', { used, count });
      text = ballotText(options, { rule, amounts });
      break;
    }
    case 'approval': {
      const chosen: number[] = [];
      for (const [block, actions] of Object.entries(values)) {
        if (!block.startsWith('approve_')) continue;
        for (const v of Object.values(actions)) for (const o of v.selected_options ?? []) chosen.push(Number(o.value));
      }
      if (chosen.length === 0) errors.approve_0 = t('slack.error.noApproval');
      text = ballotText(options, { rule, chosen });
      break;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const reason = textOf(values, 'reason');
  return { ok: true, command: `${meta.command ?? ''} ${quote(text)}${reason ? ` --reason ${quote(reason)}` : ''}` };
}
