// Configuration: defaults, and one clear line per bad value.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('runs with no configuration at all: embedded PGlite in ./.concord, English, UTC', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.CONCORD_DATA_DIR).toBe('./.concord');
    expect(config.DEFAULT_LOCALE).toBe('en');
    expect(config.DEFAULT_TIMEZONE).toBe('UTC');
    expect(config.VOTE_REMINDER_HOURS).toBe(24);
    expect(config.DATE_HORIZON_MONTHS).toBe(24);
  });

  it('reads the date horizon in months and refuses one that is not a positive whole number', () => {
    expect(loadConfig({ DATE_HORIZON_MONTHS: '36' }).DATE_HORIZON_MONTHS).toBe(36);
    for (const bad of ['0', '-3', '1.5', 'forever']) {
      expect(() => loadConfig({ DATE_HORIZON_MONTHS: bad }), bad).toThrow(/DATE_HORIZON_MONTHS/);
    }
  });

  it('treats empty values as unset, as .env files often leave them', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reports every bad value, one line each, naming the variable', () => {
    let error: unknown;
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', DEFAULT_LOCALE: 'fr', DEFAULT_TIMEZONE: 'Mars/Base', VOTE_REMINDER_HOURS: 'soon', SCHEDULER_CRON: 'every minute' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(5);
    expect(problems.find((p) => p.startsWith('DATABASE_URL:'))).toMatch(/postgres:\/\//);
    expect(problems.find((p) => p.startsWith('DEFAULT_LOCALE:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('DEFAULT_TIMEZONE:'))).toMatch(/IANA/);
    expect(problems.find((p) => p.startsWith('VOTE_REMINDER_HOURS:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('SCHEDULER_CRON:'))).toMatch(/cron/);
  });
});

describe('empty values', () => {
  it('fall back to the defaults for every variable', () => {
    const config = loadConfig({ VOTE_REMINDER_HOURS: '', JOB_LEASE_SECONDS: ' ', DEFAULT_LOCALE: '' });
    expect(config.VOTE_REMINDER_HOURS).toBe(24);
    expect(config.JOB_LEASE_SECONDS).toBe(60);
    expect(config.DEFAULT_LOCALE).toBe('en');
  });
});
