// Several processes serve one Discord application by each holding some of its gateway shards: DISCORD_SHARDS names them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Client } from 'discord.js';
import { createDiscordClient, loadDiscordConfig } from '../../../src/bots/discord/index.js';

const good = { DISCORD_TOKEN: 'MTEw.GdG.abc_def-123', DISCORD_APPLICATION_ID: '1100000000000000001' };
const shardsOf = (value: string) => loadDiscordConfig({ ...good, DISCORD_SHARDS: value })?.shards;
const problemsOf = (value: string): string => {
  try {
    loadDiscordConfig({ ...good, DISCORD_SHARDS: value });
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`DISCORD_SHARDS=${value} was accepted`);
};

describe('DISCORD_SHARDS', () => {
  it('is absent when unset or blank: the process holds every shard', () => {
    expect(loadDiscordConfig(good)).not.toHaveProperty('shards');
    expect(shardsOf('')).toBeUndefined();
    expect(shardsOf('   ')).toBeUndefined();
  });

  it('reads one shard, several, or all of them', () => {
    expect(shardsOf('0/2')).toEqual({ ids: [0], count: 2 });
    expect(shardsOf('1,3/4')).toEqual({ ids: [1, 3], count: 4 });
    expect(shardsOf(' 3 , 1 / 4 ')).toEqual({ ids: [3, 1], count: 4 });
    expect(shardsOf('0/1')).toEqual({ ids: [0], count: 1 });
  });

  it('alone still asks for the token and the application', () => {
    expect(() => loadDiscordConfig({ DISCORD_SHARDS: '0/2' })).toThrow('DISCORD_TOKEN: is required');
  });

  it('explains a malformed value', () => {
    const message = 'Invalid configuration:\n  DISCORD_SHARDS: must be the shard ids this process holds, a slash and the total shard count, such as 0/2 or 1,3/4';
    for (const value of ['0', '2', '/2', '0/', 'a/2', '0-1/2', '0,/2', '-1/2', '1.5/2', '0/2/3', '0;1/2']) {
      expect(problemsOf(value), value).toBe(message);
    }
  });

  it('refuses a shard count below 1', () => {
    expect(problemsOf('0/0')).toBe('Invalid configuration:\n  DISCORD_SHARDS: must give a shard count of 1 or more after the slash');
  });

  it('names each shard out of range', () => {
    expect(problemsOf('2/2')).toBe('Invalid configuration:\n  DISCORD_SHARDS: shard 2 is out of range: with 2 shards the ids run from 0 to 1');
    expect(problemsOf('1/1')).toBe('Invalid configuration:\n  DISCORD_SHARDS: shard 1 is out of range: with 1 shard the only id is 0');
    expect(problemsOf('0,4,5,4/4')).toBe(
      [
        'Invalid configuration:',
        '  DISCORD_SHARDS: shard 4 is out of range: with 4 shards the ids run from 0 to 3',
        '  DISCORD_SHARDS: shard 5 is out of range: with 4 shards the ids run from 0 to 3',
        '  DISCORD_SHARDS: lists shard 4 more than once',
      ].join('\n'),
    );
  });

  it('names each shard listed twice', () => {
    expect(problemsOf('1,1,0,1,0/2')).toBe(
      ['Invalid configuration:', '  DISCORD_SHARDS: lists shard 1 more than once', '  DISCORD_SHARDS: lists shard 0 more than once'].join('\n'),
    );
  });
});

describe('createDiscordClient', () => {
  const clients: Client[] = [];
  const build = (shards?: { ids: number[]; count: number }) => {
    const client = createDiscordClient({ api: 'https://discord.com/api', version: '10', ...(shards ? { shards } : {}) });
    clients.push(client);
    return client;
  };
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.destroy()));
  });

  it('holds the configured shards of the configured count', () => {
    const one = build({ ids: [0], count: 2 });
    expect(one.options.shards).toEqual([0]);
    expect(one.options.shardCount).toBe(2);
    const two = build({ ids: [1, 3], count: 4 });
    expect(two.options.shards).toEqual([1, 3]);
    expect(two.options.shardCount).toBe(4);
  });

  it('holds the one shard of one, as discord.js does by default, without DISCORD_SHARDS', () => {
    const client = build();
    expect(client.options.shards).toEqual([0]);
    expect(client.options.shardCount).toBe(1);
  });

  it('is given the shards that loadDiscordConfig read', () => {
    const config = loadDiscordConfig({ ...good, DISCORD_SHARDS: '2/3' });
    if (!config) throw new Error('no configuration');
    const client = createDiscordClient(config);
    clients.push(client);
    expect(client.options.shards).toEqual([2]);
    expect(client.options.shardCount).toBe(3);
  });
});
