// Where multi-workspace installs keep their tokens: Postgres (or PGlite) through drizzle, shared by every Concord instance.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { slackEnterpriseTeams, slackInstallations } from './schema.js';
import { TokenSeal, TokenSealError } from './token-seal.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string | null => {
  if (q.isEnterpriseInstall) return q.enterpriseId ? `E:${q.enterpriseId}` : null;
  return q.teamId ? `T:${q.teamId}` : null;
};

/** How the `installation` column holds a sealed installation: Bolt's object, sealed as JSON text. */
interface SealedInstallation {
  sealed: string;
}

const isSealedInstallation = (value: unknown): value is SealedInstallation => typeof (value as SealedInstallation | null)?.sealed === 'string';

export interface InstallationStoreOptions {
  /** Seals tokens at rest (SLACK_TOKEN_KEY). Without it tokens are stored as Slack gave them, and sealed rows cannot be read. */
  seal?: TokenSeal | null;
  now?: () => Date;
}

export class DrizzleInstallationStore implements InstallationStore {
  private readonly seal: TokenSeal | null;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    options: InstallationStoreOptions = {},
  ) {
    this.seal = options.seal ?? null;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Brings every row to the current key: seals rows stored in plain text and reseals rows sealed under an older key.
   * Without a key, refuses to start when rows are sealed, rather than fail on each team's first request.
   */
  async sealAll(): Promise<{ sealed: number }> {
    const rows = await this.db.select().from(slackInstallations);
    if (!this.seal) {
      const sealed = rows.filter((row) => isSealedInstallation(row.installation)).length;
      if (sealed) throw new TokenSealError(`SLACK_TOKEN_KEY is not set, but ${sealed} Slack installation${sealed === 1 ? ' is' : 's are'} sealed: set it to the key they were sealed with`);
      return { sealed: 0 };
    }
    let count = 0;
    for (const row of rows) {
      const installation = row.installation;
      if (isSealedInstallation(installation) && this.seal.isCurrent(installation.sealed) && (row.botToken === null || this.seal.isCurrent(row.botToken))) continue;
      const plain = this.installationOf(installation);
      // Only the row as read: an install stored meanwhile by another instance is newer and already sealed.
      const updated = await this.db
        .update(slackInstallations)
        .set({ botToken: row.botToken === null ? null : this.seal.seal(this.seal.open(row.botToken)), installation: { sealed: this.seal.seal(JSON.stringify(plain)) } })
        .where(and(eq(slackInstallations.id, row.id), eq(slackInstallations.updatedAt, row.updatedAt)))
        .returning({ id: slackInstallations.id });
      count += updated.length;
    }
    return { sealed: count };
  }

  async storeInstallation(installation: AnyInstallation): Promise<void> {
    const id = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall ?? false, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
    if (!id) throw new Error('Slack installation has neither a team nor an enterprise id');
    const at = this.now();
    const row = {
      id,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      botToken: this.sealed(installation.bot?.token ?? null),
      botUserId: installation.bot?.userId ?? null,
      installation: this.seal ? { sealed: this.seal.seal(JSON.stringify(installation)) } : (installation as unknown as Record<string, unknown>),
      installedAt: at,
      updatedAt: at,
    };
    await this.db
      .insert(slackInstallations)
      .values(row)
      .onConflictDoUpdate({
        target: slackInstallations.id,
        set: { teamId: row.teamId, enterpriseId: row.enterpriseId, isEnterpriseInstall: row.isEnterpriseInstall, botToken: row.botToken, botUserId: row.botUserId, installation: row.installation, updatedAt: at },
      });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const row = await this.find(query);
    if (!row) throw new Error(`No Slack installation for ${query.isEnterpriseInstall ? `enterprise ${query.enterpriseId}` : `team ${query.teamId}`}`);
    return this.installationOf(row.installation);
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = keyOf(query);
    if (!id) return;
    await this.db.delete(slackInstallations).where(eq(slackInstallations.id, id));
    if (query.isEnterpriseInstall && query.enterpriseId) {
      await this.db.delete(slackEnterpriseTeams).where(eq(slackEnterpriseTeams.enterpriseId, query.enterpriseId));
      this.onUnlinked?.();
    }
  }

  /** An org took these workspaces out of its org-wide install: their messages no longer go out with its token. */
  async unlinkTeams(teamIds: readonly string[]): Promise<void> {
    if (!teamIds.length) return;
    await this.db.delete(slackEnterpriseTeams).where(inArray(slackEnterpriseTeams.teamId, [...teamIds]));
    this.onUnlinked?.();
  }

  /** Told when links are removed, so whoever remembers which workspaces it linked writes them again when they come back. */
  onUnlinked: (() => void) | null = null;

  /** Notes that `teamId` belongs to an org that installed Concord org-wide, so the outbox finds the org's token for it. */
  async linkTeam(teamId: string, enterpriseId: string): Promise<void> {
    const at = this.now();
    await this.db
      .insert(slackEnterpriseTeams)
      .values({ teamId, enterpriseId, seenAt: at })
      .onConflictDoUpdate({ target: slackEnterpriseTeams.teamId, set: { enterpriseId, seenAt: at } });
  }

  /** The bot token the outbox posts with: the team's own install, else the org-wide install of the org it belongs to. */
  async botToken(teamId: string): Promise<string | null> {
    const [own] = await this.db.select({ token: slackInstallations.botToken }).from(slackInstallations).where(eq(slackInstallations.id, `T:${teamId}`));
    if (own) return this.opened(own.token);
    const [org] = await this.db
      .select({ token: slackInstallations.botToken })
      .from(slackEnterpriseTeams)
      .innerJoin(slackInstallations, eq(slackInstallations.id, sql`'E:' || ${slackEnterpriseTeams.enterpriseId}`))
      .where(eq(slackEnterpriseTeams.teamId, teamId));
    return this.opened(org?.token ?? null);
  }

  private sealed(token: string | null): string | null {
    return token === null || !this.seal ? token : this.seal.seal(token);
  }

  private opened(token: string | null): string | null {
    if (token === null || !TokenSeal.isSealed(token)) return token;
    if (!this.seal) throw new TokenSealError('this Slack installation is sealed: set SLACK_TOKEN_KEY to the key it was sealed with');
    return this.seal.open(token);
  }

  private installationOf(stored: unknown): AnyInstallation {
    if (!isSealedInstallation(stored)) return stored as AnyInstallation;
    return JSON.parse(this.opened(stored.sealed)!) as AnyInstallation;
  }

  private async find(query: InstallationQuery<boolean>) {
    const id = keyOf(query);
    if (id) {
      const [row] = await this.db.select().from(slackInstallations).where(eq(slackInstallations.id, id));
      if (row) return row;
    }
    // A workspace inside an org that installed Concord org-wide has no row of its own.
    if (!query.isEnterpriseInstall && query.enterpriseId) {
      const [row] = await this.db.select().from(slackInstallations).where(eq(slackInstallations.id, `E:${query.enterpriseId}`));
      return row ?? null;
    }
    return null;
  }
}
