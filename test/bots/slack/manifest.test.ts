// The manifest asks Slack for exactly what the adapter uses: the scopes, the command, the events and interactivity.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, SLACK_PATHS, SLASH_COMMAND } from '../../../src/bots/slack/index.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: Array<{ command: string; url: string; should_escape: boolean; description: string; usage_hint: string }>;
  };
  oauth_config: { redirect_urls: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(new URL('../../../slack/manifest.yml', import.meta.url), 'utf8')) as Manifest;

describe('slack/manifest.yml', () => {
  it('requests the scopes the adapter installs with, no more', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  });

  it('declares /concord with escaping on, so mentions arrive as <@U…> ids', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: SLASH_COMMAND, should_escape: true })]);
    expect(manifest.features.slash_commands[0]!.description.length).toBeLessThanOrEqual(100);
  });

  it('subscribes to App Home and uninstall events, with interactivity and the Home tab on', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened', 'app_uninstalled', 'team_access_revoked', 'tokens_revoked']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('points every HTTP URL at the paths the receiver serves', () => {
    for (const url of [manifest.features.slash_commands[0]!.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url]) {
      expect(new URL(url).pathname).toBe(SLACK_PATHS.events);
    }
    expect(manifest.oauth_config.redirect_urls.map((u) => new URL(u).pathname)).toEqual([SLACK_PATHS.oauthRedirect]);
  });
});
