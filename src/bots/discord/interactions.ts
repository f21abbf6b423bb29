// Turns Discord interactions into core command lines and answers each within Discord's 3 seconds: reply, update, or defer and edit.
import { randomUUID } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  DiscordAPIError,
  Events,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type APIInteraction,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { CommandContext } from '../../core/context.js';
import { translate } from '../../core/i18n/index.js';
import type { Locale } from '../../core/i18n/types.js';
import type { TickOutcome } from '../../core/ports.js';
import type { Concord, Logger, Reply } from '../../core/service.js';
import { notice } from '../../core/views/types.js';
import type { Admission, Intake, IntakeRow } from '../../runtime/intake.js';
import { appendFlags, appendText, ballotText, proposalOfVote, quote } from './command-line.js';
import { completionFor, nativeToLine, type Completion, type GivenOption } from './commands.js';
import { decodeId, type Ref } from './custom-ids.js';
import { discordIntakeRequest, interactionOf, resumeDeferred, senderOf, TOKEN_MS } from './intake.js';
import { LIMITS, cut } from './limits.js';
import { discordText, localeOf } from './messages.js';
import { DiscordMessenger } from './messenger.js';
import { amountsModal, amountsText, ballotOf, formModal, modalId, rankStep, reasonModal, type Ballot } from './modals.js';
import { withCharts } from './charts.js';
import { MENU_ID, renderViews, type DiscordMessage } from './render.js';

/** What the handler asks of core: commands, and the read API its menus and forms are built from. */
export type InteractionCore = Pick<Concord, 'execute'> & Partial<Pick<Concord, 'readGroups' | 'readBallotForm' | 'readProposals' | 'readMyCommitments'>>;

export interface InteractionOptions {
  /** A stand-in core may answer commands only: a menu or form then fails as an unexpected error would. */
  core: InteractionCore;
  logger: Logger;
  /**
   * Where each interaction is stored before it is acknowledged, and from which one left unfinished by a process that
   * stopped is answered after all.
   */
  intake: Intake;
  /** How long to wait for core before deferring. Discord drops answers after 3 s; network time comes out of that. */
  ackAfterMs?: number;
  /** The server of a single-server setup: commands and clicks in DMs act there. */
  guildId?: string;
  /**
   * Runs due jobs and owed messages; called after each command that succeeded so cards change at
   * once, not at the next cron tick. Pass Scheduler.nudge, which merges a burst of calls.
   */
  tick?: () => Promise<TickOutcome | void>;
}

type Answerable = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction | ModalSubmitInteraction;

/** Components on ephemeral ballot messages are answered by updating that message; everything else by a new ephemeral one. */
type Mode = 'reply' | 'update';

interface Who {
  guildId: string;
  locale: Locale;
  ctx: (key: string) => CommandContext;
}

const TIMEOUT = Symbol('timeout');

/** Gateway payloads kept until discord.js hands over their interaction (it may queue packets while it starts). */
const MAX_RAWS = 1000;

function within<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMEOUT> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMEOUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMEOUT), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const EPHEMERAL = MessageFlags.Ephemeral;
const NO_PINGS = { parse: [] as [] };

/** Suggestions from list replies are kept briefly: autocomplete asks on every keystroke. */
const SUGGESTION_TTL_MS = 15_000;

/** How long a member found in a server is believed to be there: a click should not cost a REST call each time. */
const MEMBERSHIP_TTL_MS = 5 * 60_000;

/** Discord's answers for a member or server that does not exist (or that the bot is not in). */
const UNKNOWN = new Set([10004, 10007, 50001]);

export class InteractionHandler {
  private readonly pending = new Set<Promise<void>>();
  private readonly suggestions = new Map<string, { at: number; found: Promise<unknown> }>();
  private readonly members = new Map<string, number>();
  /** Interactions as the gateway sent them, until their discord.js object arrives: what the intake stores. */
  private readonly raws = new Map<string, APIInteraction>();
  /** When each live interaction arrived: Discord's three seconds run from then, storing it included. */
  private readonly arrived = new WeakMap<Interaction, number>();
  /** Interactions answered after a takeover. */
  private readonly resumed = new WeakSet<Interaction>();

  constructor(private readonly opts: InteractionOptions) {}

  /**
   * Asks for a tick without holding up the answer; settled() waits for it too. When the messages the
   * command owes cannot go out, the member hears it after their answer, in a follow-up only they see.
   */
  private nudge(tick: () => Promise<TickOutcome | void>, interaction?: Answerable, locale?: Locale): void {
    const work = tick()
      .then(async (outcome) => {
        if (!outcome || outcome.ok || !interaction) return;
        await this.answered.get(interaction.id);
        const text = translate(locale ?? localeOf(interaction.locale), { key: 'error.notDelivered', params: { id: outcome.errorId } });
        await interaction.followUp({ ...renderViews([notice('warning', text)], { locale: locale ?? localeOf(interaction.locale) })[0]!, flags: EPHEMERAL, allowedMentions: NO_PINGS });
      })
      .catch((error: unknown) => this.opts.logger.error({ err: error }, 'discord tick failed'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Interactions being answered: a follow-up waits for the answer it follows. */
  private readonly answered = new Map<string, Promise<void>>();

  /**
   * Answers the client's interactions, each stored before anything acknowledges it, and registers the work of stored
   * interactions taken over after a process stopped (the caller starts the intake).
   */
  attach(client: Client): void {
    client.on(Events.Raw, (packet: { t?: string | null; d?: unknown }) => {
      if (packet.t !== 'INTERACTION_CREATE' || !packet.d) return;
      const raw = packet.d as APIInteraction;
      if (this.raws.size >= MAX_RAWS) this.raws.delete(this.raws.keys().next().value!);
      this.raws.set(raw.id, raw);
    });
    client.on(Events.InteractionCreate, (interaction) => {
      this.arrived.set(interaction, Date.now());
      const raw = this.raws.get(interaction.id);
      this.raws.delete(interaction.id);
      this.track(this.receive(interaction, raw));
    });
    const messenger = new DiscordMessenger(client);
    this.opts.intake.handle('discord', (row) => this.resume(client, messenger, row));
  }

  private track(work: Promise<void>): void {
    const tracked = work.finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /**
   * Stores a live interaction, then answers it. Autocomplete only suggests and is not stored. An interaction Discord
   * delivered before (the gateway may send one again after a reconnection) is answered by its first delivery. When
   * it cannot be stored nothing is run, and the member is told so.
   */
  private async receive(interaction: Interaction, raw: APIInteraction | undefined): Promise<void> {
    if (interaction.isAutocomplete() || !interaction.isRepliable()) return this.handle(interaction);
    let admission: Admission;
    try {
      if (!raw) throw new Error('the interaction arrived without its gateway payload');
      admission = await this.opts.intake.admit(discordIntakeRequest(raw));
    } catch (error) {
      const errorId = randomUUID().slice(0, 8);
      this.opts.logger.error({ err: error, errorId, interaction: interaction.id }, 'discord interaction could not be stored');
      await this.tellFailure(interaction, errorId);
      return;
    }
    if (admission.verdict !== 'new') return;
    // Discord's three seconds are running: the answer cannot wait for the member's earlier interactions.
    await this.opts.intake.run(admission.row, () => this.handle(interaction), { inOrder: false });
  }

  /**
   * A stored interaction taken over after the process that received it stopped: run again (core answers a command
   * it ran before with the reply it stored) and answered as a deferred one, through the interaction's token while it
   * lasts, then by direct message. An answer that reaches the member nowhere throws, so the intake tries again later.
   */
  private async resume(client: Client, messenger: DiscordMessenger, row: IntakeRow): Promise<void> {
    const raw = row.payload as APIInteraction;
    const interaction = interactionOf(client, raw);
    const member = senderOf(raw);
    if (!interaction || !member) return;
    let undelivered: unknown = null;
    const live = Date.now() - row.receivedAt.getTime() < TOKEN_MS;
    resumeDeferred(interaction, live, async (message) => {
      try {
        await messenger.dmMessages(member, [message]);
      } catch (error) {
        undelivered ??= error;
        throw error;
      }
    });
    this.resumed.add(interaction);
    await this.handle(interaction);
    if (undelivered) throw undelivered;
  }

  /** Resolves when every interaction received so far has been answered, and its stored row marked done. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
    await this.opts.intake.idle();
  }

  async handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) return await this.complete(interaction);
      if (interaction.isChatInputCommand()) return await this.command(interaction);
      if (interaction.isButton() || interaction.isStringSelectMenu()) return await this.component(interaction);
      if (interaction.isModalSubmit()) return await this.modal(interaction);
    } catch (error) {
      const errorId = randomUUID().slice(0, 8);
      this.opts.logger.error({ err: error, errorId, interaction: interaction.id, type: interaction.type }, 'discord interaction failed');
      await this.tellFailure(interaction, errorId);
    }
  }

  private async tellFailure(interaction: Interaction, errorId: string): Promise<void> {
    if (!interaction.isRepliable() || interaction.replied) return;
    const t = discordText(localeOf(interaction.locale));
    const body = { embeds: [{ description: `❌ ${t('discord.failed', { id: errorId })}`, color: 0xed4245 }], components: [] };
    try {
      if (interaction.deferred) await interaction.editReply(body);
      else await interaction.reply({ ...body, flags: EPHEMERAL });
    } catch (replyError) {
      this.opts.logger.warn({ err: replyError, errorId }, 'could not tell the member about a failure');
    }
  }

  // ---- who, where ----

  private who(interaction: Interaction, guildFromId?: string): Who | null {
    const guildId = interaction.guildId ?? guildFromId ?? this.opts.guildId;
    if (!guildId) return null;
    const member = interaction.member;
    const user = interaction.user;
    const nick = member && 'nick' in member ? member.nick : member && 'nickname' in member ? member.nickname : null;
    const displayName = nick ?? user.globalName ?? user.username;
    const locale = localeOf(interaction.locale);
    const channel = interaction.channel as { name?: string | null } | null;
    const isAdmin = interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false;
    // Discord's nearest thing to a guest: a member who has not yet passed the server's membership screening.
    const isGuest = Boolean(member && 'pending' in member && member.pending);
    return {
      guildId,
      locale,
      ctx: (key) => ({
        platform: 'discord',
        workspace: { externalId: guildId, name: interaction.guild?.name ?? guildId },
        actor: { externalId: user.id, displayName, locale, isAdmin, isGuest },
        channel: { id: interaction.channelId ?? guildId, ...(channel?.name ? { name: channel.name } : {}) },
        idempotencyKey: key,
      }),
    };
  }

  /**
   * Outside a server the server comes from the custom id (or the configured one), which anyone can
   * write: a forged id would act in a server the member does not belong to. Discord says whether they do.
   */
  private async belongs(interaction: Interaction, who: Who): Promise<boolean> {
    if (interaction.guildId) return true;
    const key = `${who.guildId}:${interaction.user.id}`;
    const until = this.members.get(key);
    if (until !== undefined && until > Date.now()) return true;
    try {
      await interaction.client.rest.get(Routes.guildMember(who.guildId, interaction.user.id));
    } catch (error) {
      if (error instanceof DiscordAPIError && (UNKNOWN.has(Number(error.code)) || error.status === 404 || error.status === 403)) return false;
      throw error;
    }
    if (this.members.size > 10_000) this.members.clear();
    this.members.set(key, Date.now() + MEMBERSHIP_TTL_MS);
    return true;
  }

  /** Who acts, and where; null (after telling the member) when there is no server or they are not in it. */
  private async whoIn(interaction: Answerable, guildFromId?: string): Promise<Who | null> {
    const who = this.who(interaction, guildFromId);
    if (!who) {
      await this.noWorkspace(interaction);
      return null;
    }
    if (await this.belongs(interaction, who)) return who;
    const t = discordText(localeOf(interaction.locale));
    await interaction.reply({ embeds: [{ description: `⚠️ ${t('discord.notMember')}`, color: 0xfee75c }], flags: EPHEMERAL });
    return null;
  }

  /** Custom ids of components sent in DMs must carry the server; those in a server need not. */
  private idGuild(interaction: Interaction, who: Who): string | undefined {
    return interaction.guildId ? undefined : who.guildId;
  }

  private async noWorkspace(interaction: Answerable): Promise<void> {
    const t = discordText(localeOf(interaction.locale));
    await interaction.reply({ embeds: [{ description: `⚠️ ${t('discord.noWorkspace')}`, color: 0xfee75c }], flags: EPHEMERAL });
  }

  // ---- answering ----

  private views(reply: Reply, interaction?: Answerable): DiscordMessage[] {
    if (reply.ok && !reply.replayed && this.opts.tick) this.nudge(this.opts.tick, interaction, reply.locale);
    const views = reply.views.length ? reply.views : [{ type: 'notice' as const, tone: 'success' as const, text: '✓' }];
    // An answer given after a takeover may go by direct message, where clicks carry no server: its buttons carry it.
    const guildId = interaction && this.resumed.has(interaction) ? (interaction.guildId ?? undefined) : undefined;
    return renderViews(views, { locale: reply.locale, ...(guildId ? { guildId } : {}) });
  }

  /**
   * Runs `work` and answers with its messages: directly when it is quick, else after a deferral,
   * so Discord never shows "This interaction failed" while core waits on the database.
   */
  private async answer(interaction: Answerable, mode: Mode, work: Promise<DiscordMessage[]>): Promise<void> {
    let release = () => {};
    this.answered.set(interaction.id, new Promise<void>((resolve) => (release = resolve)));
    // Drawing a chart takes a moment: it counts as part of the work, so a slow one is deferred like a slow command.
    const drawn = work.then((messages) => withCharts(messages, (error) => this.opts.logger.warn({ err: error, interaction: interaction.id }, 'could not draw a chart')));
    try {
      await this.answerNow(interaction, mode, drawn);
    } finally {
      release();
      this.answered.delete(interaction.id);
    }
  }

  private async answerNow(interaction: Answerable, mode: Mode, work: Promise<DiscordMessage[]>): Promise<void> {
    work.catch(() => {});
    const canUpdate = mode === 'update' && (interaction.isMessageComponent() || (interaction.isModalSubmit() && interaction.isFromMessage()));
    let messages = await within(work, this.ackWithin(interaction));
    if (messages === TIMEOUT) {
      if (canUpdate) await interaction.deferUpdate();
      else await interaction.deferReply({ flags: EPHEMERAL });
      messages = await work;
    }
    const [first, ...rest] = messages;
    const body = { embeds: first?.embeds ?? [], components: first?.components ?? [], ...(first?.files ? { files: first.files } : {}), allowedMentions: NO_PINGS };
    if (interaction.deferred) await interaction.editReply(body);
    else if (canUpdate) await interaction.update(body);
    else await interaction.reply({ ...body, flags: EPHEMERAL });
    for (const message of rest) await interaction.followUp({ ...message, flags: EPHEMERAL, allowedMentions: NO_PINGS });
  }

  /** How long core may still take before the interaction must be acknowledged; Discord's clock started when it arrived. */
  private ackWithin(interaction: Interaction): number {
    const since = Date.now() - (this.arrived.get(interaction) ?? Date.now());
    return Math.max(0, (this.opts.ackAfterMs ?? 2000) - since);
  }

  private run(interaction: Answerable, who: Who, line: string, mode: Mode = 'reply'): Promise<void> {
    const work = this.opts.core.execute(who.ctx(interaction.id), line).then((reply) => this.views(reply, interaction));
    return this.answer(interaction, mode, work);
  }

  // ---- slash commands ----

  private async command(interaction: ChatInputCommandInteraction): Promise<void> {
    const who = await this.whoIn(interaction);
    if (!who) return;
    const data = interaction.options.data;
    const sub = data[0]?.type === ApplicationCommandOptionType.Subcommand ? data[0] : null;
    const given: GivenOption[] = (sub ? (sub.options ?? []) : data).map((o) => ({ name: o.name, type: o.type, ...(o.value !== undefined && o.value !== null ? { value: o.value } : {}) }));
    let line = nativeToLine(interaction.commandName, sub?.name ?? null, given);
    if (line === null) return this.unknown(interaction);
    // `/vote` without a choice shows the proposal with its ballot buttons.
    const bare = proposalOfVote(line);
    if (bare !== null) line = `proposal ${bare}`;
    return this.run(interaction, who, line);
  }

  private async unknown(interaction: Answerable): Promise<void> {
    const t = discordText(localeOf(interaction.locale));
    await interaction.reply({ embeds: [{ description: `⚠️ ${t('discord.unknownAction')}`, color: 0xfee75c }], flags: EPHEMERAL });
  }

  // ---- buttons and menus ----

  private async component(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
    let customId = interaction.customId;
    let label: string | undefined;
    if (interaction.isStringSelectMenu() && customId === MENU_ID) {
      customId = interaction.values[0] ?? '';
    } else if (interaction.isButton()) {
      label = buttonLabel(interaction);
    }
    const decoded = decodeId(customId, label);
    if (!decoded) return this.unknown(interaction);
    const who = await this.whoIn(interaction, decoded.guildId);
    if (!who) return;
    const ref = decoded.ref;
    const idGuild = this.idGuild(interaction, who);
    const t = discordText(who.locale);
    switch (ref.kind) {
      case 'run':
        return this.run(interaction, who, ref.command);
      case 'reason':
      case 'form': {
        const id = modalId(ref, idGuild);
        if (!id) return this.run(interaction, who, ref.command);
        const title = label ?? t(ref.kind === 'reason' ? 'discord.reason.label' : 'discord.form.title');
        await interaction.showModal(ref.kind === 'reason' ? reasonModal(id, ref.command, title, who.locale) : formModal(id, ref.command, ref.flags, title, who.locale));
        return;
      }
      case 'approval': {
        const values = interaction.isStringSelectMenu() ? interaction.values : [];
        return this.run(interaction, who, `${ref.command} ${quote(values.join(','))}`);
      }
      case 'ballot':
        return this.openBallot(interaction, who, ref.command, idGuild);
      case 'rank': {
        const picked = interaction.isStringSelectMenu() ? [...ref.picked, ...interaction.values.map(Number)] : ref.picked;
        const mode: Mode = interaction.message.flags.has(MessageFlags.Ephemeral) ? 'update' : 'reply';
        return this.rank(interaction, who, ref.proposal, picked, mode, idGuild);
      }
      case 'rankSubmit':
        return this.rank(interaction, who, ref.proposal, ref.picked, 'update', idGuild, true);
      case 'amounts':
        return this.unknown(interaction);
      case 'choice':
        return this.choose(interaction, who, ref.proposal, ref.index);
    }
  }

  /** A choice sent by its place on the card: the proposal's ballot form as it stands says which command that place runs. */
  private async choose(interaction: ButtonInteraction | StringSelectMenuInteraction, who: Who, proposal: number, index: number): Promise<void> {
    const work = (async (): Promise<DiscordMessage[]> => {
      const form = await this.reads().readBallotForm(who.ctx(`${interaction.id}:ballot`), proposal);
      const action = form?.choices[index];
      if (!action || action.input || !action.command.startsWith(`vote ${proposal} `)) return this.closedBallot(await this.shown(interaction, who, proposal), proposal, who.locale);
      return this.views(await this.opts.core.execute(who.ctx(interaction.id), action.command), interaction);
    })();
    return this.answer(interaction, 'reply', work);
  }

  /** The proposal's card as the member may see it, for when its ballot is no longer there to cast. */
  private shown(interaction: Answerable, who: Who, proposal: number): Promise<Reply> {
    // A key of its own: this read must not take the place of the vote the same click may cast.
    return this.opts.core.execute(who.ctx(`${interaction.id}:ballot`), `proposal ${proposal}`);
  }

  private async ballot(interaction: Answerable, who: Who, proposal: number): Promise<{ ballot: Ballot } | { reply: Reply }> {
    const ballot = ballotOf(await this.reads().readBallotForm(who.ctx(`${interaction.id}:ballot`), proposal));
    return ballot ? { ballot } : { reply: await this.shown(interaction, who, proposal) };
  }

  /** Core's read API; every core the adapter is started with offers it. */
  private reads(): Required<InteractionCore> {
    const core = this.opts.core;
    if (!core.readGroups || !core.readBallotForm || !core.readProposals || !core.readMyCommitments) throw new Error('this core offers no read API');
    return core as Required<InteractionCore>;
  }

  private async openBallot(interaction: ButtonInteraction | StringSelectMenuInteraction, who: Who, command: string, idGuild?: string): Promise<void> {
    const proposal = proposalOfVote(command);
    if (proposal === null) return this.unknown(interaction);
    const t = discordText(who.locale);
    // A modal must be the first answer, so the ballot has to be read before Discord's deadline.
    const found = await within(this.ballot(interaction, who, proposal), this.ackWithin(interaction));
    if (found === TIMEOUT) {
      await interaction.reply({ embeds: [{ description: `⏳ ${t('discord.ballot.slow')}`, color: 0xfee75c }], flags: EPHEMERAL });
      return;
    }
    if ('reply' in found) return this.answer(interaction, 'reply', Promise.resolve(this.closedBallot(found.reply, proposal, who.locale)));
    const { ballot } = found;
    if (ballot.rule === 'score' || ballot.rule === 'dot') {
      const id = modalId({ kind: 'amounts', proposal, rule: ballot.rule }, idGuild);
      if (id) {
        await interaction.showModal(amountsModal(ballot, id, who.locale));
        return;
      }
    }
    if (ballot.rule === 'approval') {
      // Approval cards carry their own menu; an older card's button gets one here.
      const select = renderViews([{ type: 'card', title: ballot.title, fields: [], actions: [{ command, label: ballot.prompt, input: { kind: 'ballot', rule: 'approval', options: ballot.options, prompt: ballot.prompt } }] }], { locale: who.locale, ...(idGuild ? { guildId: idGuild } : {}) });
      return this.answer(interaction, 'reply', Promise.resolve(select));
    }
    return this.answer(interaction, 'reply', Promise.resolve([rankStep(ballot, [], who.locale, idGuild)]));
  }

  private closedBallot(reply: Reply, proposal: number, locale: Locale): DiscordMessage[] {
    if (!reply.ok) return this.views(reply);
    const t = discordText(locale);
    return renderViews([{ type: 'notice', tone: 'warning', text: t('discord.ballot.closed', { number: proposal }) }, ...reply.views], { locale });
  }

  private async rank(interaction: ButtonInteraction | StringSelectMenuInteraction, who: Who, proposal: number, picked: number[], mode: Mode, idGuild: string | undefined, submit = false): Promise<void> {
    const work = (async (): Promise<DiscordMessage[]> => {
      const found = await this.ballot(interaction, who, proposal);
      if ('reply' in found) return this.closedBallot(found.reply, proposal, who.locale);
      const { ballot } = found;
      const valid = [...new Set(picked)].filter((i) => Number.isInteger(i) && i >= 0 && i < ballot.options.length);
      // The last option left has only one place to go.
      if (valid.length === ballot.options.length - 1) valid.push(ballot.options.findIndex((_, i) => !valid.includes(i)));
      if (!submit && valid.length < ballot.options.length) return [rankStep(ballot, valid, who.locale, idGuild)];
      const line = `vote ${proposal} ${quote(ballotText(ballot.options, { rule: 'ranked', order: valid }))}`;
      return this.views(await this.opts.core.execute(who.ctx(interaction.id), line), interaction);
    })();
    return this.answer(interaction, mode, work);
  }

  // ---- modals ----

  private async modal(interaction: ModalSubmitInteraction): Promise<void> {
    const decoded = decodeId(interaction.customId);
    if (!decoded) return this.unknown(interaction);
    const who = await this.whoIn(interaction, decoded.guildId);
    if (!who) return;
    const fields = new Map<string, string>();
    for (const [id, field] of interaction.fields.fields) {
      if ('value' in field && typeof field.value === 'string') fields.set(id, field.value);
    }
    const ref: Ref = decoded.ref;
    switch (ref.kind) {
      case 'reason':
        return this.run(interaction, who, appendText(ref.command, fields.get('reason') ?? ''));
      case 'form':
        return this.run(interaction, who, appendFlags(ref.command, ref.flags.map((f) => [f, fields.get(f) ?? ''])));
      case 'amounts': {
        const reason = (fields.get('reason') ?? '').trim();
        const line = `vote ${ref.proposal} ${quote(amountsText(fields))}${reason ? ` --reason ${quote(reason)}` : ''}`;
        return this.run(interaction, who, line);
      }
      default:
        return this.unknown(interaction);
    }
  }

  // ---- autocomplete ----

  private async complete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const kind = completionFor(interaction.commandName, interaction.options.getSubcommand(false), focused.name);
    const who = this.who(interaction);
    let choices: Array<{ name: string; value: string | number }> = [];
    if (kind && who && (await this.belongs(interaction, who))) {
      const found = await within(this.suggest(interaction, who, kind, String(focused.value ?? '')), this.opts.ackAfterMs ?? 2000);
      if (found !== TIMEOUT) choices = found;
    }
    await interaction.respond(choices.slice(0, LIMITS.autocompleteChoices).map((c) => ({ name: cut(c.name, LIMITS.choiceName), value: c.value })));
  }

  /** A read for suggestions, kept briefly by member and question; a read that fails suggests nothing. */
  private cached<T>(interaction: AutocompleteInteraction, who: Who, question: string, read: () => Promise<T>, none: T): Promise<T> {
    const key = `${who.guildId}:${interaction.user.id}:${question}`;
    const now = Date.now();
    for (const [k, v] of this.suggestions) if (now - v.at > SUGGESTION_TTL_MS) this.suggestions.delete(k);
    const hit = this.suggestions.get(key);
    if (hit) return hit.found as Promise<T>;
    const found = read().catch((error: unknown) => {
      this.opts.logger.warn({ err: error }, 'discord suggestions could not be read');
      return none;
    });
    this.suggestions.set(key, { at: now, found });
    return found;
  }

  private async suggest(interaction: AutocompleteInteraction, who: Who, kind: Completion, typed: string): Promise<Array<{ name: string; value: string | number }>> {
    const needle = typed.trim().toLowerCase().replace(/^#/, '');
    const matches = (name: string) => needle === '' || name.toLowerCase().includes(needle);
    const ctx = who.ctx(interaction.id);
    switch (kind) {
      case 'proposal-open':
      case 'proposal-any': {
        const all = kind === 'proposal-any';
        const proposals = await this.cached(interaction, who, all ? 'proposals --all' : 'proposals', () => this.reads().readProposals(ctx, all), []);
        return proposals.map((p) => ({ name: `#${p.number} ${p.title}`, value: p.number })).filter((c) => matches(c.name));
      }
      case 'commitment': {
        const mine = await this.cached(interaction, who, 'commitments --mine', () => this.reads().readMyCommitments(ctx), []);
        return mine.map((c) => ({ name: `#${c.number} ${c.what}`, value: c.number })).filter((c) => matches(c.name));
      }
      case 'group': {
        const read = await this.cached(interaction, who, 'group list', () => this.reads().readGroups(ctx), { locale: who.locale, groups: [] });
        return read.groups.map((g) => g.name).filter(matches).map((name) => ({ name, value: name }));
      }
      case 'timezone': {
        const loose = (s: string) => s.toLowerCase().replace(/[_\s/]+/g, ' ');
        return timeZones()
          .filter((zone) => loose(zone).includes(loose(needle)))
          .slice(0, LIMITS.autocompleteChoices)
          .map((zone) => ({ name: zone, value: zone }));
      }
      case 'choice': {
        const proposal = integerOption(interaction.options.get('proposal')?.value);
        if (proposal === null) return [];
        const form = await this.cached(interaction, who, `proposal ${proposal}`, () => this.reads().readBallotForm(ctx, proposal), null);
        return (form?.choices ?? [])
          .flatMap((c) => (c.choice !== undefined && !c.input ? [{ name: c.label, value: c.choice }] : []))
          .filter((c) => matches(c.name) || matches(String(c.value)));
      }
    }
  }
}

/** ICU lists some zones under their old names (Asia/Saigon); members look for the current ones. */
const CURRENT_NAMES = ['Asia/Ho_Chi_Minh', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Yangon', 'Europe/Kyiv', 'America/Nuuk', 'Pacific/Kanton', 'Atlantic/Faroe', 'UTC'];
let zones: string[] | null = null;

function timeZones(): string[] {
  if (!zones) {
    const valid = CURRENT_NAMES.filter((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    });
    zones = [...new Set([...valid, ...Intl.supportedValuesOf('timeZone')])].sort();
  }
  return zones;
}

/**
 * Autocomplete sends the options typed so far unvalidated: an integer option may arrive as the
 * string "3" (or as text that is not a number yet).
 */
function integerOption(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*#?\d{1,15}\s*$/.test(value)) return Number(value.trim().replace(/^#/, ''));
  return null;
}

/** The clicked button's label, which compact custom ids leave out. Absent when the message is not included. */
function buttonLabel(interaction: ButtonInteraction): string | undefined {
  try {
    const component = interaction.component as { label?: string | null } | null;
    return component?.label ?? undefined;
  } catch {
    return undefined;
  }
}

