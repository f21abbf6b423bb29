// Every environment variable Concord reads, parsed once with zod. A bad value stops start-up with one line per problem.
import { validate as isCron } from 'node-cron';
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const ConfigSchema = z.object({
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  CONCORD_DATA_DIR: optionalString.default('./.concord'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEFAULT_LOCALE: z.enum(['en', 'vi']).default('en'),
  DEFAULT_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Asia/Ho_Chi_Minh or UTC'),
  /** Hours before a proposal's deadline when members who have not voted get a reminder. */
  VOTE_REMINDER_HOURS: z.coerce.number().int().min(0).max(168).default(24),
  /** How far ahead, in calendar months, a typed date (closing, review, due) may lie. */
  DATE_HORIZON_MONTHS: z.coerce.number().int().min(1).max(1200).default(24),
  /** How often the scheduler looks for due jobs and undelivered messages (node-cron syntax). */
  SCHEDULER_CRON: z
    .string()
    .default('*/5 * * * * *')
    .refine((expression) => isCron(expression), 'must be a cron expression such as "*/5 * * * * *" (every 5 seconds)'),
  /** `off` lifts the per-member and per-workspace command rates (never applied in the console). */
  RATE_LIMITS: z.enum(['on', 'off']).default('on'),
  /**
   * Console members who are workspace admins, comma separated (`alice,bob`). When unset, the first
   * member to type a command in a console session is its admin.
   */
  CONSOLE_ADMINS: z
    .string()
    .default('')
    .transform((v) => v.split(',').map((name) => name.trim().replace(/^@/, '').toLowerCase()).filter(Boolean)),
  /** How long a claimed job is reserved for its worker before another may take it over. */
  JOB_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(60),
  /**
   * How long a platform request stored in the intake stays with the instance that received it without that instance
   * renewing it (every third of it). An instance that dies leaves its requests to be taken over after this long.
   */
  INTAKE_LEASE_SECONDS: z.coerce.number().int().min(1).max(600).default(15),
  /** Hours a delivered or given-up message (and a finished job) is kept before it is deleted. */
  OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(72),
  /** Hours the reply to a command is kept, so a platform sending the same request again gets the same answer. */
  REPLY_RETENTION_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `NAME=` in an env file means "not set": the default applies, rather than an empty value.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = ConfigSchema.safeParse(given);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`),
  );
}
