// Discord interactions in the intake: what is stored before an interaction is acknowledged, and how a stored one is
// answered after the process that received it stopped (through the interaction's webhook while its token lasts, then
// by direct message).
import {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ComponentType,
  DiscordAPIError,
  InteractionType,
  ApplicationCommandType,
  ModalSubmitInteraction,
  StringSelectMenuInteraction,
  type APIInteraction,
  type Client,
  type Interaction,
} from 'discord.js';
import type { IntakeRequest } from '../../runtime/intake.js';
import type { DiscordMessage } from './render.js';

/**
 * How long an interaction's token answers after Discord sent it: 15 minutes, less a minute for the answer to be
 * made and sent.
 */
export const TOKEN_MS = 14 * 60_000;

/** An interaction as Discord sent it, stored by its id; one member's interactions, in one server or in DMs, keep their order. */
export function discordIntakeRequest(raw: APIInteraction): IntakeRequest {
  const user = raw.member?.user ?? raw.user;
  return { source: 'discord', key: raw.id, member: `${raw.guild_id ?? 'dm'}:${user?.id ?? 'unknown'}`, signature: null, payload: raw };
}

/** The member who sent a stored interaction. */
export function senderOf(raw: APIInteraction): string | null {
  return (raw.member?.user ?? raw.user)?.id ?? null;
}

type Made = new (client: Client, data: unknown) => Interaction;

/**
 * discord.js's object for a stored interaction, as its gateway handler would have made it; null for the kinds
 * Concord does not answer (autocomplete, context menus), which have nothing to resume.
 */
export function interactionOf(client: Client, raw: APIInteraction): Interaction | null {
  const make = (cls: unknown) => new (cls as Made)(client, raw);
  switch (raw.type) {
    case InteractionType.ApplicationCommand:
      return raw.data.type === ApplicationCommandType.ChatInput ? make(ChatInputCommandInteraction) : null;
    case InteractionType.MessageComponent:
      if (raw.data.component_type === ComponentType.Button) return make(ButtonInteraction);
      return raw.data.component_type === ComponentType.StringSelect ? make(StringSelectMenuInteraction) : null;
    case InteractionType.ModalSubmit:
      return make(ModalSubmitInteraction);
    default:
      return null;
  }
}

/** Discord's answers for an interaction that can no longer be answered: its token expired or it was never acknowledged. */
const GONE = new Set([10008, 10015, 50027]);

function gone(error: unknown): boolean {
  return error instanceof DiscordAPIError && (GONE.has(Number(error.code)) || error.status === 404 || error.status === 401);
}

interface Body {
  embeds?: unknown[];
  components?: unknown[];
  files?: DiscordMessage['files'];
}

/**
 * Turns a rebuilt interaction into one that was deferred before its process stopped, so that the handler's own
 * answering edits the deferred reply. While `live` (the token still answers) replies, updates and edits go to the
 * original response and follow-ups to the interaction's webhook; after that, or when Discord no longer knows the
 * interaction, each goes to the member by direct message through `dm`. A form (modal) can only open as the first
 * answer within Discord's three seconds: after a takeover it is not shown, the member clicks again.
 */
export function resumeDeferred(interaction: Interaction, live: boolean, dm: (message: DiscordMessage) => Promise<void>): void {
  if (!interaction.isRepliable()) return;
  const editReply = interaction.editReply.bind(interaction);
  const followUp = interaction.followUp.bind(interaction);
  const send = async (viaWebhook: () => Promise<unknown>, body: Body): Promise<void> => {
    if (live) {
      try {
        await viaWebhook();
        return;
      } catch (error) {
        if (!gone(error)) throw error;
      }
    }
    await dm({ embeds: (body.embeds ?? []) as DiscordMessage['embeds'], components: (body.components ?? []) as DiscordMessage['components'], ...(body.files ? { files: body.files } : {}) });
  };
  const edit = async (options: Body & { flags?: unknown }) => {
    const { flags: _flags, ...body } = options;
    await send(() => editReply(body as never), body);
  };
  interaction.deferred = true;
  Object.assign(interaction, {
    deferReply: async () => {},
    deferUpdate: async () => {},
    reply: edit,
    update: edit,
    editReply: edit,
    followUp: async (options: Body) => send(() => followUp(options as never), options),
    showModal: async () => {},
  });
}
