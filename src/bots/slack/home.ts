// App Home: what a member sees in Concord's Home tab, read from core's read API and laid out within Slack's 100 blocks.
import type { HomeView, KnownBlock } from '@slack/types';
import type { Locale } from '../../core/i18n/types.js';
import type { View } from '../../core/views/types.js';
import type { Client, Origin, SlackAnswers } from './answers.js';
import { slackText } from './messages.js';
import { LIMITS, cutMrkdwn, mrkdwn, slackDate } from './mrkdwn.js';
import { ACTION_IDS, blocksOf, renderView } from './render.js';

/** Publishes the member's App Home, as of now. */
export async function publishHome(answers: SlackAnswers, client: Client, origin: Origin, key: string): Promise<void> {
  const { ctx } = await answers.context(client, origin, key);
  const home = await answers.core.readHome(ctx);
  answers.rememberLocale(origin, home.locale);
  await client.views.publish({ user_id: origin.userId, view: homeView(home.locale, home.sections) });
}

/** App Home: a button to propose, then open proposals, the decision register and the groups, each within its share of 100 blocks. */
export function homeView(locale: Locale, sections: View[][], now: Date = new Date()): HomeView {
  const t = slackText(locale);
  const blocks: KnownBlock[] = [
    blocksOf.header(t('slack.home.title')),
    {
      type: 'section',
      text: { type: 'mrkdwn', text: cutMrkdwn(mrkdwn(t('slack.home.intro')), LIMITS.text) },
      accessory: { type: 'button', action_id: ACTION_IDS.homePropose, style: 'primary', text: { type: 'plain_text', text: t('slack.home.newProposal').slice(0, LIMITS.buttonText), emoji: true }, value: 'propose' },
    },
  ];
  const footer = blocksOf.context(t('slack.home.updated', { date: slackDate(now.toISOString(), now.toISOString().slice(0, 16).replace('T', ' ')) ?? '' }));
  const share = Math.floor((LIMITS.surfaceBlocks - blocks.length - 1) / Math.max(1, sections.length));
  for (const views of sections) {
    const room = share - 1;
    const part: KnownBlock[] = [];
    for (const view of views) {
      if (room - part.length < 2) break;
      part.push(...renderView(view, room - part.length));
    }
    blocks.push(blocksOf.divider(), ...part);
  }
  blocks.push(footer);
  return { type: 'home', blocks: blocks.slice(0, LIMITS.surfaceBlocks) };
}
