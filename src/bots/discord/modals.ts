// The modals and ballot messages that collect what a command line would otherwise need typed: a reason, form fields, a ballot.
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type APITextInputComponent,
} from 'discord.js';
import type { Locale, MessageKey } from '../../core/i18n/types.js';
import type { BallotForm } from '../../core/queries.js';
import { commandSpecOf } from '../shared/commands.js';
import { optionRef } from './command-line.js';
import { encodeId, type Ref } from './custom-ids.js';
import { LIMITS, cut, nonEmpty } from './limits.js';
import { discordText } from './messages.js';
import type { DiscordMessage } from './render.js';

export interface Ballot {
  proposal: number;
  title: string;
  rule: 'approval' | 'ranked' | 'score' | 'dot';
  options: string[];
  dots?: number;
  prompt: string;
}

/** The ballot a proposal's form offers, when it is still open for voting. */
export function ballotOf(form: BallotForm | null): Ballot | null {
  for (const choice of form?.choices ?? []) {
    if (choice.input?.kind !== 'ballot') continue;
    const ballot: Ballot = { proposal: form!.proposal, title: form!.title, rule: choice.input.rule, options: choice.input.options, prompt: choice.input.prompt };
    if (choice.input.dots !== undefined) ballot.dots = choice.input.dots;
    return ballot;
  }
  return null;
}

/** What core asks when these commands need a reason; the click itself only carries the command. */
const REASON_PROMPTS: Record<string, MessageKey> = {
  vote: 'ballot.reasonPrompt',
  blocked: 'commitment.action.blockedPrompt',
  'mediation.decline': 'mediation.declinePrompt',
};

/** Labels core gives form fields; other flags are labelled with their name. */
const FLAG_LABELS: Record<string, MessageKey> = { due: 'commitment.due', reason: 'commitment.action.reason' };

const REASON_MAX = 1000;

function label(text: string, input: APITextInputComponent, description?: string) {
  return {
    type: ComponentType.Label,
    label: cut(nonEmpty(text), LIMITS.textInputLabel),
    ...(description ? { description: cut(description, 100) } : {}),
    component: input,
  } as const;
}

export function reasonModal(customId: string, command: string, title: string, locale: Locale): APIModalInteractionResponseCallbackData {
  const t = discordText(locale);
  const spec = commandSpecOf(command);
  const prompt = spec ? REASON_PROMPTS[spec.name] : undefined;
  // Blocks and objections must be explained; a declined agreement may go without a word.
  const text = spec?.args.find((a) => a.take === 'rest');
  const required = spec?.name === 'vote' || (text?.required ?? true);
  return {
    custom_id: customId,
    title: cut(nonEmpty(title, t('discord.reason.label')), LIMITS.modalTitle),
    components: [
      label(t(required ? 'discord.reason.label' : 'discord.reason.optional'), { type: ComponentType.TextInput, custom_id: 'reason', style: TextInputStyle.Paragraph, required, max_length: REASON_MAX }, prompt ? t(prompt) : undefined),
    ] as unknown as APIModalInteractionResponseCallbackData['components'],
  };
}

export function formModal(customId: string, command: string, flags: string[], title: string, locale: Locale): APIModalInteractionResponseCallbackData {
  const t = discordText(locale);
  const spec = commandSpecOf(command);
  const components = flags.slice(0, LIMITS.modalComponents).map((flag) => {
    const flagSpec = spec?.flags.find((f) => f.name === flag);
    const max = flagSpec?.value.kind === 'text' ? Math.min(flagSpec.value.max, LIMITS.textInputValue) : LIMITS.textInputValue;
    const name = FLAG_LABELS[flag] ? t(FLAG_LABELS[flag]) : `--${flag}`;
    const style = max > 200 ? TextInputStyle.Paragraph : TextInputStyle.Short;
    return label(name, { type: ComponentType.TextInput, custom_id: flag, style, required: flagSpec?.required ?? false, max_length: max }, flagSpec ? t(flagSpec.description) : undefined);
  });
  return {
    custom_id: customId,
    title: cut(nonEmpty(title, t('discord.form.title')), LIMITS.modalTitle),
    components: components as unknown as APIModalInteractionResponseCallbackData['components'],
  };
}

/**
 * A score or dot ballot. Up to four options get a field each (the modal holds five, and the reason
 * takes one); more options share one text area with a line per option.
 */
export function amountsModal(ballot: Ballot, customId: string, locale: Locale): APIModalInteractionResponseCallbackData {
  const t = discordText(locale);
  const hint = ballot.rule === 'dot' ? t('discord.ballot.dotsHint', { count: ballot.dots ?? 5 }) : t('discord.ballot.scoreHint', { max: 5 });
  const components: unknown[] = [];
  if (ballot.options.length <= LIMITS.modalComponents - 1) {
    ballot.options.forEach((option, i) => {
      const input: APITextInputComponent = { type: ComponentType.TextInput, custom_id: `v:${optionRef(ballot.options, i)}`, style: TextInputStyle.Short, required: false, max_length: 3, placeholder: cut(hint, LIMITS.textInputPlaceholder) };
      components.push(label(option, input, option.length > LIMITS.textInputLabel ? option : undefined));
    });
  } else {
    const value = ballot.options.map((o) => `${o} = `).join('\n');
    const input: APITextInputComponent = { type: ComponentType.TextInput, custom_id: 'lines', style: TextInputStyle.Paragraph, required: true, value: value.slice(0, LIMITS.textInputValue), max_length: LIMITS.textInputValue };
    components.push(label(t('discord.ballot.lines'), input, hint));
  }
  components.push(label(t('discord.reason.optional'), { type: ComponentType.TextInput, custom_id: 'reason', style: TextInputStyle.Paragraph, required: false, max_length: REASON_MAX }));
  return {
    custom_id: customId,
    title: cut(t('discord.ballot.title', { number: ballot.proposal }), LIMITS.modalTitle),
    components: components as APIModalInteractionResponseCallbackData['components'],
  };
}

/** `Option A=3 Option C=2` from the modal's fields; empty fields are left out (0 for score, no dots for dot). */
export function amountsText(fields: Map<string, string>): string {
  const pairs: string[] = [];
  const lines = fields.get('lines');
  if (lines !== undefined) {
    for (const line of lines.split(/\r?\n/)) {
      const at = line.lastIndexOf('=');
      if (at < 0) continue;
      const name = line.slice(0, at).trim();
      const amount = line.slice(at + 1).trim();
      if (name && amount) pairs.push(`${name}=${amount}`);
    }
  }
  for (const [id, value] of fields) {
    if (id.startsWith('v:') && value.trim()) pairs.push(`${id.slice(2)}=${value.trim()}`);
  }
  return pairs.join(' ');
}

/** One step of ranking: what is ranked so far, a menu of the rest, and buttons to vote now or start over. */
export function rankStep(ballot: Ballot, picked: number[], locale: Locale, guildId?: string): DiscordMessage {
  const t = discordText(locale);
  const ids = guildId ? { guildId } : {};
  const soFar = picked.length
    ? `${t('discord.ballot.rankedSoFar')}\n${picked.map((i, n) => `${n + 1}. ${ballot.options[i] ?? '?'}`).join('\n')}`
    : t('discord.ballot.rankNone');
  const remaining = ballot.options.map((o, i) => ({ o, i })).filter(({ i }) => !picked.includes(i));
  const menuId = encodeId({ kind: 'rank', proposal: ballot.proposal, picked }, ids);
  const submitId = encodeId({ kind: 'rankSubmit', proposal: ballot.proposal, picked }, ids);
  const restartId = encodeId({ kind: 'rank', proposal: ballot.proposal, picked: [] }, ids);
  const message: DiscordMessage = {
    embeds: [{ title: cut(ballot.title, LIMITS.embedTitle), description: cut(`${ballot.prompt}\n\n${soFar}`, LIMITS.embedDescription), color: 0x5865f2 }],
    components: [],
  };
  if (menuId && remaining.length > 0) {
    message.components.push({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: menuId,
          placeholder: cut(t('discord.ballot.rankPlaceholder', { rank: picked.length + 1 }), LIMITS.selectPlaceholder),
          options: remaining.slice(0, LIMITS.selectOptions).map(({ o, i }) => ({ label: cut(nonEmpty(o), LIMITS.selectOptionLabel), value: String(i) })),
        },
      ],
    });
  }
  // Both buttons would do nothing before the first pick, and the restart id would repeat the menu's.
  if (submitId && restartId && picked.length > 0) {
    message.components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: submitId, label: cut(t('discord.ballot.submitRanking'), LIMITS.buttonLabel) },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: restartId, label: cut(t('discord.ballot.startOver'), LIMITS.buttonLabel) },
      ],
    });
  }
  return message;
}

/** The custom id a modal answers to, re-encoded for the place the click came from. */
export function modalId(ref: Ref, guildId?: string): string | null {
  return encodeId(ref, guildId ? { guildId } : {});
}
