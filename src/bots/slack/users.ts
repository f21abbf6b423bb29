// What Slack knows about a member and its payloads leave out: language, time zone, display name, admin rights, guest accounts.
import type { WebClient } from '@slack/web-api';
import type { Locale } from '../../core/i18n/types.js';
import type { Logger } from '../../core/service.js';
import { localeFromSlack } from './messages.js';

export interface SlackProfile {
  displayName?: string;
  locale?: Locale;
  tz?: string;
  isAdmin: boolean;
  /** A single- or multi-channel guest account. */
  isGuest: boolean;
}

/** See SlackDirectory.refresh. */
const REFRESH_SPACING_MS = 600;
const REFRESH_BACKLOG = 1_000;

interface Entry {
  profile: SlackProfile | null;
  until: number;
}

/** users.info per member, cached: every click would otherwise cost a Web API call and count against its rate limit. */
export class SlackDirectory {
  private readonly cache = new Map<string, Entry>();

  constructor(
    private readonly logger: Logger,
    private readonly ttlMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Calls to users.info under way, so a burst of one member's requests asks once. */
  private readonly asking = new Map<string, Promise<SlackProfile | null>>();
  private readonly backlog = new Map<string, () => Promise<unknown>>();
  private refreshing = false;

  async profile(client: WebClient, teamId: string, userId: string): Promise<SlackProfile | null> {
    const key = `${teamId}:${userId}`;
    const fresh = this.fresh(key);
    if (fresh) return fresh.profile;
    const asking = this.asking.get(key);
    if (asking) return asking;
    const fetched = this.fetch(client, key, teamId, userId).finally(() => this.asking.delete(key));
    this.asking.set(key, fetched);
    return fetched;
  }

  /**
   * What is known now, without waiting: the cached profile (refreshed in the background when it is
   * stale), or undefined while the first users.info for this member is under way.
   */
  known(client: WebClient, teamId: string, userId: string): SlackProfile | null | undefined {
    const key = `${teamId}:${userId}`;
    const fresh = this.fresh(key);
    if (fresh) return fresh.profile;
    this.refresh(key, () => this.profile(client, teamId, userId));
    return this.cache.get(key)?.profile;
  }

  /** The cached entry while it is within its time to live. */
  private fresh(key: string): Entry | undefined {
    const hit = this.cache.get(key);
    return hit && hit.until > this.now() ? hit : undefined;
  }

  /**
   * A background fetch, one at a time and REFRESH_SPACING_MS apart: Slack allows users.info about a
   * hundred times a minute, and after a burst of votes from members not seen lately they would
   * otherwise all call it at once. Beyond REFRESH_BACKLOG waiting, a member's profile is left for
   * their next request.
   */
  private refresh(key: string, fetch: () => Promise<unknown>): void {
    if (this.asking.has(key) || this.backlog.has(key)) return;
    if (this.refreshing) {
      if (this.backlog.size < REFRESH_BACKLOG) this.backlog.set(key, fetch);
      return;
    }
    this.refreshing = true;
    void fetch().finally(() => {
      setTimeout(() => {
        this.refreshing = false;
        const next = this.backlog.entries().next();
        if (next.done) return;
        this.backlog.delete(next.value[0]);
        this.refresh(next.value[0], next.value[1]);
      }, REFRESH_SPACING_MS).unref();
    });
  }

  private async fetch(client: WebClient, key: string, teamId: string, userId: string): Promise<SlackProfile | null> {
    let profile: SlackProfile | null = null;
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      if (user) {
        const name = user.profile?.display_name?.trim() || user.profile?.real_name?.trim() || user.real_name?.trim() || user.name?.trim();
        const locale = localeFromSlack(user.locale);
        profile = {
          ...(name ? { displayName: name } : {}),
          ...(locale ? { locale } : {}),
          ...(user.tz ? { tz: user.tz } : {}),
          isAdmin: Boolean(user.is_admin || user.is_owner),
          isGuest: Boolean(user.is_restricted || user.is_ultra_restricted),
        };
      }
    } catch (error) {
      // Without users:read the member still gets answered, only in the workspace's language.
      this.logger.warn({ err: error, teamId, userId }, 'slack users.info failed');
    }
    this.cache.set(key, { profile, until: this.now() + (profile ? this.ttlMs : 60_000) });
    if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value as string);
    return profile;
  }
}
