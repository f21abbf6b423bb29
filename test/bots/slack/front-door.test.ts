// Which of Slack's requests the front door may acknowledge before Concord's listener has run.
import { describe, expect, it } from 'vitest';
import { acknowledgesEmpty } from '../../../src/bots/slack/front-door.js';

const commands = ['/concord'];

describe('acknowledgesEmpty', () => {
  it('acknowledges Concord’s slash command, button clicks and events at once', () => {
    expect(acknowledgesEmpty({ command: '/concord', text: 'vote 1 yes' }, commands)).toBe(true);
    expect(acknowledgesEmpty({ type: 'block_actions', actions: [] }, commands)).toBe(true);
    expect(acknowledgesEmpty({ type: 'event_callback', event: { type: 'app_home_opened' } }, commands)).toBe(true);
  });

  it('leaves to the listener what may answer in the acknowledgement, and what Concord does not handle', () => {
    // Field errors travel in a view submission's acknowledgement, options in a suggestion's.
    expect(acknowledgesEmpty({ type: 'view_submission', view: {} }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'view_closed', view: {} }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'block_suggestion', value: 'bu' }, commands)).toBe(false);
    expect(acknowledgesEmpty({ type: 'shortcut', callback_id: 'x' }, commands)).toBe(false);
    expect(acknowledgesEmpty({ command: '/other', text: '' }, commands)).toBe(false);
  });
});
