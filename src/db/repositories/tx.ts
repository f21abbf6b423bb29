// The core's Tx port implemented with drizzle: the module repositories a command reads and writes through, inside one transaction.
import type { Tx } from '../../core/ports.js';
import { DrizzleAudit } from './audit.js';
import { DrizzleBallots } from './ballots.js';
import { DrizzleCommitments } from './commitments.js';
import { DrizzleConsultations } from './consultations.js';
import { DrizzleDisputes } from './disputes.js';
import { DrizzleGoals } from './goals.js';
import { DrizzlePledges } from './pledges.js';
import { DrizzleGroupAccess } from './group-access.js';
import { DrizzleGroups } from './groups.js';
import { DrizzleIdempotency } from './idempotency.js';
import { DrizzleJobs } from './jobs.js';
import { DrizzleMembers, DrizzleWorkspaces } from './members.js';
import { DrizzleOutbox } from './outbox.js';
import { DrizzlePools } from './pools.js';
import { DrizzleInclusion } from './inclusion.js';
import { DrizzleProfiles } from './profiles.js';
import { DrizzleProposals } from './proposals.js';
import { DrizzleKudos, DrizzleRetros } from './retros.js';
import { DrizzleStakeholders } from './stakeholders.js';
import { drizzleStatements, type Conn, type Statements } from './rows.js';
import { DrizzleSessions } from './session.js';

export class DrizzleTx implements Tx {
  readonly commitments: DrizzleCommitments;
  readonly disputes: DrizzleDisputes;
  readonly groupAccess: DrizzleGroupAccess;
  readonly workspaces: DrizzleWorkspaces;
  readonly members: DrizzleMembers;
  readonly groups: DrizzleGroups;
  readonly audit: DrizzleAudit;
  readonly outbox: DrizzleOutbox;
  readonly jobs: DrizzleJobs;
  readonly proposals: DrizzleProposals;
  readonly ballots: DrizzleBallots;
  readonly consultations: DrizzleConsultations;
  readonly idempotency: DrizzleIdempotency;
  readonly stakeholders: DrizzleStakeholders;
  readonly profiles: DrizzleProfiles;
  readonly goals: DrizzleGoals;
  readonly pledges: DrizzlePledges;
  readonly pools: DrizzlePools;
  readonly inclusion: DrizzleInclusion;
  readonly retros: DrizzleRetros;
  readonly kudos: DrizzleKudos;

  private readonly sessions: DrizzleSessions;

  constructor(db: Conn, statements?: Statements) {
    const sql = statements ?? drizzleStatements(db);
    this.commitments = new DrizzleCommitments(db);
    this.disputes = new DrizzleDisputes(db);
    this.groupAccess = new DrizzleGroupAccess(db);
    this.workspaces = new DrizzleWorkspaces(db);
    this.members = new DrizzleMembers(db);
    this.groups = new DrizzleGroups(db);
    this.audit = new DrizzleAudit(db, sql);
    this.outbox = new DrizzleOutbox(sql);
    this.jobs = new DrizzleJobs(db);
    this.proposals = new DrizzleProposals(db, sql);
    this.ballots = new DrizzleBallots(db, sql, this.audit);
    this.consultations = new DrizzleConsultations(db);
    this.idempotency = new DrizzleIdempotency(db, sql);
    this.stakeholders = new DrizzleStakeholders(db);
    this.profiles = new DrizzleProfiles(db);
    this.goals = new DrizzleGoals(db);
    this.pledges = new DrizzlePledges(db);
    this.pools = new DrizzlePools(db);
    this.inclusion = new DrizzleInclusion(db, sql);
    this.retros = new DrizzleRetros(db);
    this.kudos = new DrizzleKudos(db);
    this.sessions = new DrizzleSessions(db, sql, this);
  }

  openSession(input: Parameters<Tx['openSession']>[0]): ReturnType<Tx['openSession']> {
    return this.sessions.open(input);
  }

  actFor(memberId: number, channelId: string | null): void {
    this.outbox.requester = { memberId, channelId };
  }
}
