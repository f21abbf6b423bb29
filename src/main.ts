// Composition root: configuration, then the database, then the core, then the adapter for this environment.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createApp, type App } from './app.js';
import { ConsoleMessenger, ConsoleSession } from './bots/console/console.js';
import { ConsoleLanguage } from './bots/console/messages.js';
import { createDiscordClient, DiscordMessenger, loadDiscordConfig, startDiscord, type DiscordConfig } from './bots/discord/index.js';
import { loadSlackConfig, SlackMessenger, startSlack, type SlackConfig } from './bots/slack/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { ManualClock, ShiftedClock, type MovableClock } from './core/clock.js';
import { translate, type Msg } from './core/i18n/index.js';
import { DataDirError } from './db/data-dir.js';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { script: { type: 'string' }, clock: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write('Usage: npm start [-- --script FILE] [--clock 2026-12-01T09:00Z]\n');
    return 0;
  }
  // Every problem in every section is reported at once, one line each.
  const problems: string[] = [];
  const attempt = <T>(load: () => T): T | null => {
    try {
      return load();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(...error.problems);
      return null;
    }
  };
  const loaded = attempt(() => loadConfig());
  const slackConfig: SlackConfig | null = attempt(() => loadSlackConfig());
  const discordConfig: DiscordConfig | null = attempt(() => loadDiscordConfig());
  if (problems.length || !loaded) {
    process.stderr.write(`${new ConfigError(problems).message}\n`);
    return 1;
  }
  const config: Config = loaded;

  let script: string | null = null;
  if (values.script) {
    try {
      script = readFileSync(values.script, 'utf8');
    } catch (error) {
      process.stderr.write(`Cannot read script ${values.script}: ${(error as Error).message}\n`);
      return 2;
    }
  }
  // --clock freezes time at an instant that only @advance moves, so a script runs the same every time.
  let clock: MovableClock = new ShiftedClock();
  if (values.clock) {
    const start = new Date(values.clock);
    if (Number.isNaN(start.getTime())) {
      process.stderr.write(`--clock ${values.clock} is not a date and time; use e.g. --clock 2026-12-01T09:00Z\n`);
      return 1;
    }
    clock = new ManualClock(start);
  }

  const out = (text: string) => process.stdout.write(`${text}\n`);
  const language = new ConsoleLanguage(config.DEFAULT_LOCALE);
  const discordClient = discordConfig ? createDiscordClient(discordConfig) : null;
  // The app's logger exists only once the app does; the messenger asks for it when it has something to say.
  const slackMessenger = slackConfig ? new SlackMessenger(slackConfig, { logger: { warn: (obj, msg) => app?.logger.warn(obj, msg) } }) : null;
  // Operator messages go to stderr, in the default language, so that a script's replies on stdout stay clean.
  const say = (m: Msg) => process.stderr.write(`${translate(config.DEFAULT_LOCALE, m)}\n`);
  let app: App;
  try {
    app = await createApp({
      config,
      clock,
      notify: say,
      messengers: {
        console: new ConsoleMessenger(out, language),
        ...(discordClient ? { discord: new DiscordMessenger(discordClient) } : {}),
        ...(slackMessenger ? { slack: slackMessenger } : {}),
      },
    });
  } catch (error) {
    if (!(error instanceof DataDirError)) throw error;
    process.stderr.write(`${error.text(config.DEFAULT_LOCALE)}\n`);
    return 1;
  }
  const session = new ConsoleSession({
    core: app.core,
    clock,
    tick: () => app.scheduler.tick(),
    nextDueAt: () => app.jobs.nextDueAt(),
    out,
    language,
    admins: config.CONSOLE_ADMINS,
  });
  try {
    await app.startHousekeeping();
    // Deadlines that passed while Concord was stopped are handled before anything else.
    await app.scheduler.tick();
    // With platform credentials (and no script), Concord serves the platforms until stopped.
    if (script === null && (discordClient || slackMessenger)) {
      const stops: (() => Promise<void>)[] = [];
      if (slackConfig && slackMessenger) {
        const slack = await startSlack({ core: app.core, config: slackConfig, logger: app.logger, database: app.database, messenger: slackMessenger, intake: app.intake, tick: () => app.scheduler.nudge() });
        stops.push(() => slack.stop());
      }
      if (discordConfig && discordClient) {
        const discord = await startDiscord({ core: app.core, config: discordConfig, logger: app.logger, intake: app.intake, client: discordClient, tick: () => app.scheduler.nudge() });
        stops.push(() => discord.stop());
      }
      app.scheduler.start(config.SCHEDULER_CRON);
      await untilStopped();
      for (const stop of stops) await stop();
      return 0;
    }
    if (script !== null) {
      for (const line of script.split(/\r?\n/)) {
        if (line.trim() === '' || line.trim().startsWith('#')) continue;
        out(`> ${line.trim()}`);
        if (!(await session.handle(line))) break;
      }
      return 0;
    }
    // Interactively, deadlines also pass in real time: the scheduler ticks on its cron schedule.
    if (!values.clock) app.scheduler.start(config.SCHEDULER_CRON);
    await interactive(session, out);
    return 0;
  } finally {
    await app.close();
  }
}

/** Resolves on Ctrl-C or a service manager's stop signal, so the process can shut down cleanly. */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

async function interactive(session: ConsoleSession, out: (text: string) => void): Promise<void> {
  out(session.language.text('console.welcome'));
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: 'concord> ' });
  rl.prompt();
  for await (const line of rl) {
    if (!(await session.handle(line))) break;
    rl.prompt();
  }
  rl.close();
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Concord could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
