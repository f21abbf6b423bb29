// The Slack adapter's public face: configuration, the messenger for the outbox, and the Bolt app.
export { loadSlackConfig, type SlackAuth, type SlackConfig } from './config.js';
export { SlackDeliveryError, SlackMessenger, type TokenSource } from './messenger.js';
export { BOT_SCOPES, SLACK_PATHS, SLASH_COMMAND, startSlack, type SlackBot, type SlackStartOptions } from './bot.js';
export { DrizzleInstallationStore } from './installations.js';
export { slackInstallations } from './schema.js';
