// Bolt's listeners: which Slack payload goes where, and the modals they open. Which of them may be acknowledged before they run is in early-acks.ts.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, Context, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Locale } from '../../../core/i18n/types.js';
import type { GroupEntry } from '../../../core/queries.js';
import type { ActionInput } from '../../../core/views/types.js';
import type { Client, Origin, SlackAnswers } from '../answers.js';
import { decodeSlackText } from '../command-line.js';
import { publishHome } from '../home.js';
import type { DrizzleInstallationStore } from '../installations.js';
import {
  CALLBACK_IDS,
  ballotModal,
  decodeMeta,
  formModal,
  proposeModal,
  proposeModalForRule,
  readBallotSubmission,
  readFormSubmission,
  readProposeSubmission,
  readReasonSubmission,
  reasonModal,
  type GroupChoice,
  type ModalMeta,
  type StateValues,
  type Submission,
} from '../modals.js';
import { ACTION_IDS, decodeAction, renderMessage } from '../render.js';
import { SLASH_COMMAND } from './early-acks.js';

export { SLASH_COMMAND, acknowledgesEmpty } from './early-acks.js';

/** Routes Slack's payloads to core: slash commands, buttons, modal submissions, App Home and the installation events. */
export function registerListeners(app: App, answers: SlackAnswers, store: DrizzleInstallationStore | null): void {
  const modals = new Modals(answers);

  app.command(SLASH_COMMAND, async ({ command, ack, client, context }) => {
    await ack();
    const origin: Origin = stored(context, {
      teamId: installedTeam(context, command.team_id),
      ...(command.team_id === (context.teamId ?? command.team_id) ? { teamName: command.team_domain } : {}),
      userId: command.user_id,
      userName: command.user_name,
      channelId: command.channel_id,
      channelName: command.channel_name,
      responseUrl: command.response_url,
    });
    const text = decodeSlackText(command.text ?? '').trim();
    const key = `slack:command:${command.trigger_id}`;
    await answers.run(client, origin, async () => {
      if (text === '' || /^propose$/i.test(text)) return modals.openPropose(client, origin, command.trigger_id, key);
      await answers.execute(client, origin, key, text);
    });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^(${ACTION_IDS.run}|${ACTION_IDS.reason}|${ACTION_IDS.ballot}|${ACTION_IDS.form}):`), async ({ ack, body, action, client, context }) => {
    await ack();
    const origin = originOfAction(body, context);
    const key = `slack:action:${body.trigger_id}`;
    const decoded = decodeAction(action.action_id, action.value ?? '');
    await answers.run(client, origin, async () => {
      if (decoded.kind === 'run') return answers.execute(client, origin, key, decoded.command);
      const input = decoded.input ?? (await modals.inputOfBallot(client, origin, key, decoded.command));
      if (!input) return;
      const locale = await answers.localeOf(client, origin);
      const meta = metaFor(origin, locale, { command: decoded.command });
      const view =
        input.kind === 'reason'
          ? reasonModal({ locale, prompt: input.prompt, meta })
          : input.kind === 'form'
            ? formModal({ locale, input, meta, title: action.text?.text ?? '' })
            : ballotModal({ locale, input, meta });
      await client.views.open({ trigger_id: body.trigger_id, view });
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION_IDS.homePropose, async ({ ack, body, client, context }) => {
    await ack();
    const origin = originOfAction(body, context);
    await answers.run(client, origin, () => modals.openPropose(client, origin, body.trigger_id, `slack:action:${body.trigger_id}`));
  });

  app.action<BlockAction>(ACTION_IDS.proposeRule, async ({ ack, body, action, client }) => {
    await ack();
    const view = body.view;
    if (!view) return;
    const rule = 'selected_option' in action ? (action.selected_option?.value ?? undefined) : undefined;
    await answers.track(async () => {
      try {
        await client.views.update({ view_id: view.id, hash: view.hash, view: proposeModalForRule(view, rule) });
      } catch (error) {
        // hash_conflict: the member changed the rule again before this update; the later one wins.
        answers.logger.warn({ err: error }, 'slack propose modal update failed');
      }
    });
  });

  const submission =
    (read: (values: StateValues, meta: ModalMeta) => Submission, retryHint: boolean) =>
    async ({ ack, body, view, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
      const meta = decodeMeta(view.private_metadata);
      const result = read(view.state.values as StateValues, meta);
      if (!result.ok) {
        if (Object.keys(result.errors).length) return ack({ response_action: 'errors', errors: result.errors });
        // The modal lost what it was for (metadata cut to fit); closing it beats an error Slack cannot place.
        answers.logger.warn({ callbackId: view.callback_id }, 'slack modal submitted without its command');
        return ack();
      }
      await ack();
      const origin = originOfView(body, meta, context);
      // The same view and hash submitted twice is one submission delivered twice.
      const key = `slack:view:${view.id}:${view.hash}`;
      await answers.run(client, origin, () => answers.execute(client, origin, key, result.command, retryHint ? result.command : undefined));
    };
  app.view<ViewSubmitAction>(CALLBACK_IDS.propose, submission(readProposeSubmission, true));
  app.view<ViewSubmitAction>(CALLBACK_IDS.reason, submission(readReasonSubmission, false));
  app.view<ViewSubmitAction>(CALLBACK_IDS.ballot, submission(readBallotSubmission, false));
  app.view<ViewSubmitAction>(CALLBACK_IDS.form, submission(readFormSubmission, false));

  app.event('app_home_opened', async ({ event, body, client, context }) => {
    if (event.tab !== 'home') return;
    const origin: Origin = stored(context, { teamId: installedTeam(context, body.authorizations?.[0]?.team_id ?? body.team_id), userId: event.user, channelId: event.channel });
    const key = `slack:event:${body.event_id}`;
    await answers.run(client, origin, () => publishHome(answers, client, origin, key));
  });

  if (store) {
    // An org-wide install is uninstalled for the whole org at once.
    const installationOf = (context: Context, teamId: string) =>
      context.isEnterpriseInstall && context.enterpriseId
        ? { teamId: undefined, enterpriseId: context.enterpriseId, isEnterpriseInstall: true }
        : { teamId, enterpriseId: undefined, isEnterpriseInstall: false };
    app.event('app_uninstalled', ({ body, context }) =>
      answers.track(async () => {
        await store.deleteInstallation(installationOf(context, body.team_id));
        answers.logger.info({ teamId: body.team_id, enterpriseId: context.enterpriseId }, 'slack app uninstalled');
      }),
    );
    app.event('team_access_revoked', ({ event }) => answers.track(() => store.unlinkTeams(event.team_ids)));
    app.event('tokens_revoked', ({ event, body, context }) =>
      answers.track(async () => {
        if (event.tokens.bot?.length) await store.deleteInstallation(installationOf(context, body.team_id));
      }),
    );
  }
}

/** The modals a click or an empty `/concord` opens, filled from core's read API. */
class Modals {
  constructor(private readonly answers: SlackAnswers) {}

  async openPropose(client: Client, origin: Origin, triggerId: string, key: string): Promise<void> {
    const { answers } = this;
    const { ctx, profile } = await answers.context(client, origin, key);
    const { locale, groups } = await answers.core.readGroups(ctx);
    answers.rememberLocale(origin, locale);
    const meta = metaFor(origin, locale, profile?.tz ? { tz: profile.tz } : {});
    const view = proposeModal({ locale, groups: groupChoices(groups, origin), meta });
    try {
      await client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      // The trigger lasts three seconds; past it, explain the typed form instead.
      answers.logger.warn({ err: error }, 'slack views.open failed for the propose modal');
      const usage = await answers.core.execute({ ...ctx, idempotencyKey: `${key}:usage` }, 'propose');
      await answers.answer(client, origin, renderMessage(usage.views));
    }
  }

  /** The button's spec did not fit in its value: read the proposal's ballot form from core. */
  async inputOfBallot(client: Client, origin: Origin, key: string, command: string): Promise<ActionInput | null> {
    const { answers } = this;
    const number = /^vote\s+#?(\d+)/i.exec(command)?.[1];
    if (!number) return null;
    const { ctx } = await answers.context(client, origin, `${key}:show`);
    const form = await answers.core.readBallotForm(ctx, Number(number));
    const choice = form?.choices.find((c) => c.command === command && c.input);
    if (choice?.input) return choice.input;
    // Closed, withdrawn or gone since the card was drawn: the card as it stands says so.
    const reply = await answers.core.execute(ctx, `proposal ${number}`);
    await answers.answer(client, origin, renderMessage(reply.views));
    return null;
  }
}

/** The groups a member may propose in, marking the group of the channel the modal was opened in. */
function groupChoices(groups: GroupEntry[], origin: Origin): GroupChoice[] {
  return groups.map((g) => ({
    name: g.name,
    current: g.inThisChannel || Boolean(origin.channelName && g.channelName === origin.channelName),
  }));
}

function metaFor(origin: Origin, locale: Locale, extra: Partial<ModalMeta>): ModalMeta {
  return {
    locale,
    ...(origin.channelId ? { channel: origin.channelId } : {}),
    ...(origin.channelName ? { channelName: origin.channelName } : {}),
    ...(origin.responseUrl ? { responseUrl: origin.responseUrl } : {}),
    ...extra,
  };
}

/**
 * The workspace whose Concord a payload is for: the one the app is installed in, which holds the
 * proposals, groups and numbers the member acts on. In a Slack Connect channel a member of another
 * organisation carries their own team: in a modal's `team.id`, `user.team_id` and `view.team_id`, in an
 * event's outer `team_id`. Bolt reads the installed team to pick the token (`view.app_installed_team_id`,
 * `authorizations[0].team_id`, a button's `team.id`) and keeps it in context.teamId; the payload's own
 * field is only the fallback for a context without one.
 */
function installedTeam(context: Context, fallback: string | undefined): string {
  return context.teamId ?? fallback ?? '';
}

function originOfAction(body: BlockAction, context: Context): Origin {
  // A button's `team` is the workspace that posted the card; `user.team_id` is the clicking member's own.
  const teamId = installedTeam(context, body.view?.app_installed_team_id ?? body.team?.id ?? body.user.team_id);
  const fromHome = body.view?.type === 'home';
  return stored(context, {
    teamId,
    ...(body.team?.domain && body.team.id === teamId ? { teamName: body.team.domain } : {}),
    userId: body.user.id,
    userName: body.user.username ?? body.user.name,
    ...(!fromHome && body.channel ? { channelId: body.channel.id, channelName: body.channel.name } : {}),
    ...(!fromHome && body.response_url ? { responseUrl: body.response_url } : {}),
  });
}

function originOfView(body: ViewSubmitAction, meta: ModalMeta, context: Context): Origin {
  const teamId = installedTeam(context, body.view.app_installed_team_id ?? body.team?.id ?? body.user.team_id ?? body.view.team_id);
  return stored(context, {
    teamId,
    // A member of another organisation submits from their own team, whose domain is not the installed one's.
    ...(body.team?.domain && body.team.id === teamId ? { teamName: body.team.domain } : {}),
    userId: body.user.id,
    userName: body.user.name,
    ...(meta.channel ? { channelId: meta.channel } : {}),
    ...(meta.channelName ? { channelName: meta.channelName } : {}),
    ...(meta.responseUrl ? { responseUrl: meta.responseUrl } : {}),
  });
}

/** Slack takes answers through a request's response URL for 30 minutes; a little less leaves time to send. */
const RESPONSE_URL_MS = 29 * 60_000;

/**
 * The origin of a request as stored in the intake: one taken over after a crash answers even when core replays a
 * reply it had already stored (the first answer may never have left), and past the response URL's half hour it
 * answers by ephemeral or direct message instead.
 */
function stored(context: Context, origin: Origin, now = Date.now()): Origin {
  const intake = context.intake as { attempts?: number; receivedAt?: string } | undefined;
  if (!intake) return origin;
  const receivedAt = intake.receivedAt ? Date.parse(intake.receivedAt) : now;
  const { responseUrl, ...rest } = origin;
  return {
    ...rest,
    ...(responseUrl && now - receivedAt < RESPONSE_URL_MS ? { responseUrl } : {}),
    ...((intake.attempts ?? 1) > 1 ? { resumed: true } : {}),
  };
}
