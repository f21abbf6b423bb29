// Member mentions in what the bot posts to a channel or DM: shown as names, so posting a card pages nobody.
import type { KnownBlock } from '@slack/types';
import { LIMITS, cutMrkdwn, escapeMrkdwn } from './mrkdwn.js';

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g;

/** The Slack ids a message mentions. */
export function mentionedUsers(message: { text: string; blocks: KnownBlock[] }): string[] {
  const ids = new Set<string>();
  for (const match of JSON.stringify(message).matchAll(USER_MENTION)) ids.add(match[1]!);
  return [...ids];
}

/**
 * Replaces every `<@U…>` by `@Name`. A mention in a proposal, a reason or a member's name written as a
 * mention would otherwise notify that member each time the card is posted, and a member could page
 * anyone by writing their mention into a proposal. Ephemeral replies keep their mentions: they notify
 * no one.
 */
export function withoutPings<T extends { text: string; blocks: KnownBlock[] }>(message: T, names: Map<string, string>): T {
  const replace = (text: string, max: number) => {
    const out = text.replace(USER_MENTION, (_, id: string) => `@${escapeMrkdwn(names.get(id) ?? id)}`);
    return out === text ? text : cutMrkdwn(out, max);
  };
  const walk = (node: unknown, max: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, max));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && key === 'text') out[key] = replace(value, max);
      else out[key] = walk(value, key === 'fields' ? LIMITS.fieldText : max);
    }
    return out;
  };
  return { ...message, text: replace(message.text, LIMITS.fallbackText), blocks: walk(message.blocks, LIMITS.text) as KnownBlock[] };
}
