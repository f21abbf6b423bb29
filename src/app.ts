// Wires the core to a database, a scheduler and messengers. main.ts, the tests and the benchmarks all build Concord here.
import { randomUUID } from 'node:crypto';
import type { Config } from './config.js';
import type { Msg } from './core/i18n/types.js';
import type { Clock, Messenger } from './core/ports.js';
import { coreDeliveries } from './core/delivery.js';
import { coreJobs } from './core/jobs/index.js';
import { Concord, type Logger } from './core/service.js';
import { DEFAULT_RATE_LIMITS } from './core/limits.js';
import { openDatabase, type Database } from './db/client.js';
import { Intake } from './runtime/intake.js';
import { JobRunner } from './runtime/jobs.js';
import { OutboxDispatcher } from './runtime/outbox.js';
import { drizzleStore } from './db/store.js';
import { runSweepJob, scheduleSweep, SWEEP_JOB } from './runtime/retention.js';
import { Scheduler } from './runtime/scheduler.js';
import { createLogger } from './log.js';

export { createLogger };

export interface App {
  database: Database;
  core: Concord;
  jobs: JobRunner;
  outbox: OutboxDispatcher;
  /** Platform requests stored before they are acknowledged; the adapters register their work with it. */
  intake: Intake;
  scheduler: Scheduler;
  logger: Logger;
  /** Books the hourly sweep of delivered messages, stored replies and finished jobs (see retention.ts), unless it is booked. */
  startHousekeeping(): Promise<void>;
  close(): Promise<void>;
}

export interface AppOptions {
  config: Config;
  clock: Clock;
  messengers: Record<string, Messenger>;
  logger?: Logger;
  database?: Database;
  poolSize?: number;
  /** Told what the database set-up is doing when it takes a while or changes something (first start of the embedded database). */
  notify?: (m: Msg) => void;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, clock } = opts;
  const logger = opts.logger ?? createLogger(config.LOG_LEVEL);
  const database =
    opts.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.CONCORD_DATA_DIR,
      ...(opts.poolSize ? { poolSize: opts.poolSize } : {}),
      ...(opts.notify ? { notify: opts.notify } : {}),
    }));
  const core = new Concord({
    store: drizzleStore(database.db),
    clock,
    logger,
    defaults: { locale: config.DEFAULT_LOCALE, timezone: config.DEFAULT_TIMEZONE, reminderHours: config.VOTE_REMINDER_HOURS },
    rateLimits: config.RATE_LIMITS === 'on' ? DEFAULT_RATE_LIMITS : null,
    dateHorizonMonths: config.DATE_HORIZON_MONTHS,
  });
  const workerId = `worker-${randomUUID().slice(0, 8)}`;
  // PGlite runs one transaction at a time: a second lane would only wait for the first.
  const retention = { outboxHours: config.OUTBOX_RETENTION_HOURS, replyHours: config.REPLY_RETENTION_HOURS };
  const jobs = new JobRunner({
    db: database.db,
    handler: coreJobs,
    clock,
    logger,
    workerId,
    leaseSeconds: config.JOB_LEASE_SECONDS,
    lanes: database.driver === 'postgres' ? 2 : 1,
    own: {
      [SWEEP_JOB.kind]: async (tx, _job, now) => {
        const swept = await runSweepJob(tx, now, retention);
        if (swept.messages + swept.replies + swept.jobs + swept.requests > 0) logger.info({ ...swept }, 'deleted what outlived its retention');
      },
    },
  });
  const outbox = new OutboxDispatcher({ db: database.db, deliveries: coreDeliveries, messengers: opts.messengers, clock, logger, workerId, leaseSeconds: config.JOB_LEASE_SECONDS });
  const scheduler = new Scheduler(jobs, outbox, logger);
  const intake = new Intake({ db: database.db, logger, workerId, leaseSeconds: config.INTAKE_LEASE_SECONDS, soleInstance: database.driver === 'pglite' });
  return {
    database,
    core,
    jobs,
    outbox,
    intake,
    scheduler,
    logger,
    startHousekeeping: () => scheduleSweep(database.db, clock.now()),
    async close() {
      await intake.stop();
      await scheduler.stop();
      if (!opts.database) await database.close();
    },
  };
}
