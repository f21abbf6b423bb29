// Where multi-workspace installs keep their tokens: Postgres (or PGlite) through drizzle, shared by every Concord instance.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { slackInstallations } from './schema.js';

/** Creates the table when the migrations do not have it yet; safe to run on every start and by several instances. */
type AnyInstallation = Installation<'v1' | 'v2', boolean>;

const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }): string | null => {
  if (q.isEnterpriseInstall) return q.enterpriseId ? `E:${q.enterpriseId}` : null;
  return q.teamId ? `T:${q.teamId}` : null;
};

export class DrizzleInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation(installation: AnyInstallation): Promise<void> {
    const id = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall ?? false, enterpriseId: installation.enterprise?.id, teamId: installation.team?.id });
    if (!id) throw new Error('Slack installation has neither a team nor an enterprise id');
    const at = this.now();
    const row = {
      id,
      teamId: installation.team?.id ?? null,
      enterpriseId: installation.enterprise?.id ?? null,
      isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
      botToken: installation.bot?.token ?? null,
      botUserId: installation.bot?.userId ?? null,
      installation: installation as unknown as Record<string, unknown>,
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
    return row.installation as AnyInstallation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const id = keyOf(query);
    if (id) await this.db.delete(slackInstallations).where(eq(slackInstallations.id, id));
  }

  /** The bot token the outbox posts with. The outbox knows only the team, so org-wide installs are not found here. */
  async botToken(teamId: string): Promise<string | null> {
    const [row] = await this.db.select({ token: slackInstallations.botToken }).from(slackInstallations).where(eq(slackInstallations.id, `T:${teamId}`));
    return row?.token ?? null;
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
