// Ballots stored with their audit entries: one vote or many in one statement, chained in order under the workspace lock.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/core/audit/chain.js';
import { sealBallot } from '../../src/core/audit/receipts.js';
import type { Proposal, Tx } from '../../src/core/ports.js';
import type { CastRound, VoterTarget } from '../../src/core/proposals/ports.js';
import { voteEntry } from '../../src/core/proposals/vote.js';
import * as schema from '../../src/db/schema.js';
import { drizzleStore } from '../../src/db/store.js';
import { useHarness } from '../support/harness.js';

const t = useHarness();

const yes = { kind: 'choice', choice: 'yes' } as const;
const no = { kind: 'choice', choice: 'no' } as const;

/** A group of four (alice convenes) and alice's majority proposal to it; bob has voted yes. */
async function proposalWithOneVote(opts: { anonymous?: boolean } = {}) {
  await t.h.run('alice', 'group create "Budget"', { channel: 'budget' });
  for (const member of ['bob', 'carol', 'dan']) await t.h.run(member, 'group join', { channel: 'budget' });
  const created = await t.h.run('alice', `propose "Adopt the budget" --rule majority --closes "in 3 days"${opts.anonymous ? ' --anonymous' : ''}`, { channel: 'budget' });
  expect(created.ok).toBe(true);
  expect((await t.h.run('bob', 'vote 1 yes')).ok).toBe(true);
  const store = drizzleStore(t.database.db);
  const [workspace] = await t.database.db.select().from(schema.workspaces);
  const members = new Map((await t.database.db.select().from(schema.members).where(eq(schema.members.workspaceId, workspace!.id))).map((m) => [m.externalId, m.id]));
  const proposal = (await store.transaction((tx) => tx.proposals.find(workspace!.id, 1)))!;
  return { store, workspaceId: workspace!.id, member: (name: string) => members.get(name)!, proposal };
}

/** The card refresh, and what `target`'s voter saw, less `alsoInBatch` other electors without a ballot who vote in the same batch. */
const roundFor = (p: Proposal, target: VoterTarget | null, at: Date, alsoInBatch = 0): CastRound => ({
  job: { kind: 'proposal.card', key: `proposal:${p.id}:card`, runAt: at, payload: { proposalId: p.id } },
  seen: { othersWithoutBallot: target!.seen.othersWithoutBallot - alsoInBatch, chainSeq: target!.seen.chainSeq },
});

async function chainOf(tx: Tx, workspaceId: number) {
  return tx.audit.page(workspaceId, 0, 1000);
}

class Rollback extends Error {}

describe('castMany', () => {
  it('stores every vote of a batch, appends one entry per vote in its order, and tells a changed ballot from a first one', async () => {
    const { store, workspaceId, member, proposal } = await proposalWithOneVote();
    const at = t.h.clock.now();
    const result = await store.transaction(async (tx) => {
      // Carol's snapshot counts alice and dan as others without a ballot; dan is in the batch too.
      const round = roundFor(proposal, await tx.proposals.forVoter(workspaceId, 1, member('carol')), at, 1);
      expect(round.seen.othersWithoutBallot).toBe(1);
      const votes = [voteEntry(proposal, member('bob'), { value: no, reason: 'too costly' }, at), voteEntry(proposal, member('carol'), { value: yes }, at), voteEntry(proposal, member('dan'), { value: yes }, at)];
      return tx.ballots.castMany(votes, round);
    });
    expect(result.votes.map((v) => [v.changed, v.entry.action])).toEqual([
      [true, 'ballot.changed'],
      [false, 'ballot.cast'],
      [false, 'ballot.cast'],
    ]);
    const seqs = result.votes.map((v) => v.entry.seq);
    expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2]);
    expect(result.status).toBe('open');
    // Alice has not voted and nobody else could have since the snapshot.
    expect(result.othersYetToVote).toBe(true);

    await store.transaction(async (tx) => {
      const ballots = await tx.ballots.list(proposal.id);
      expect(ballots.map((b) => [b.memberId, b.value, b.reason])).toEqual([
        [member('bob'), no, 'too costly'],
        [member('carol'), yes, null],
        [member('dan'), yes, null],
      ]);
      const entries = await chainOf(tx, workspaceId);
      expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length });
      expect(entries.slice(-3)).toEqual(result.votes.map((v) => v.entry));
      expect(entries.at(-1)!.data).toEqual({ value: yes, reason: null });
      expect(entries.at(-1)!.actorId).toBe(member('dan'));
      // The count kept by the ballots' trigger saw two new ballots, not three: alice is the one left.
      expect((await tx.proposals.forVoter(workspaceId, 1, member('alice')))!.seen.othersWithoutBallot).toBe(0);
      expect((await tx.proposals.nonVoters(proposal.id)).map((m) => m.id)).toEqual([member('alice')]);
      expect(await tx.ballots.progress(proposal.id)).toEqual({ status: 'open', everyoneVoted: false });
    });
    // One card refresh for the batch; the earlier ones have run.
    const jobs = await t.database.db.select().from(schema.jobs).where(eq(schema.jobs.key, `proposal:${proposal.id}:card`));
    expect(jobs.filter((j) => j.status === 'pending')).toHaveLength(1);
  });

  it('says nobody else is certainly left when the batch holds every remaining elector', async () => {
    const { store, workspaceId, member, proposal } = await proposalWithOneVote();
    const at = t.h.clock.now();
    const result = await store.transaction(async (tx) => {
      // Alice's snapshot counts carol and dan as others without a ballot, and both are in the batch.
      const round = roundFor(proposal, await tx.proposals.forVoter(workspaceId, 1, member('alice')), at, 2);
      expect(round.seen.othersWithoutBallot).toBe(0);
      const votes = ['alice', 'carol', 'dan'].map((name) => voteEntry(proposal, member(name), { value: yes }, at));
      return tx.ballots.castMany(votes, round);
    });
    expect(result.othersYetToVote).toBe(false);
    expect(await store.transaction((tx) => tx.ballots.progress(proposal.id))).toEqual({ status: 'open', everyoneVoted: true });
  });

  it('writes the same entries, hashes included, as casting the votes one at a time', async () => {
    const { store, workspaceId, member, proposal } = await proposalWithOneVote({ anonymous: true });
    const at = t.h.clock.now();
    const salt = (await store.transaction((tx) => tx.proposals.ballotSalt(proposal.id)))!;
    // Sealed entries name nobody; carol votes twice, so her second vote replaces her first.
    const votes = [
      voteEntry(proposal, member('carol'), { value: no }, at, sealBallot(salt, 1, member('carol'), no)),
      voteEntry(proposal, member('bob'), { value: no, reason: 'later' }, at, sealBallot(salt, 1, member('bob'), no)),
      voteEntry(proposal, member('carol'), { value: yes }, at, sealBallot(salt, 1, member('carol'), yes)),
    ];
    const run = (cast: (tx: Tx, round: CastRound) => Promise<unknown>) =>
      store
        .transaction(async (tx) => {
          const round = roundFor(proposal, await tx.proposals.forVoter(workspaceId, 1, member('carol')), at);
          await cast(tx, round);
          throw new Rollback(JSON.stringify({ entries: await chainOf(tx, workspaceId), ballots: await tx.ballots.list(proposal.id) }));
        })
        .catch((error: unknown) => {
          if (!(error instanceof Rollback)) throw error;
          return JSON.parse(error.message) as { entries: { actorId: number | null; action: string }[]; ballots: unknown[] };
        });
    const batched = await run(async (tx, round) => {
      const result = await tx.ballots.castMany(votes, round);
      expect(result.votes.map((v) => v.changed)).toEqual([false, true, true]);
    });
    const oneByOne = await run(async (tx, round) => {
      for (const vote of votes) await tx.ballots.cast(vote, round);
    });
    expect(batched).toEqual(oneByOne);
    expect(batched.entries.slice(-3).map((e) => [e.actorId, e.action])).toEqual([
      [null, 'ballot.cast'],
      [null, 'ballot.changed'],
      [null, 'ballot.changed'],
    ]);
    expect(batched.ballots).toHaveLength(2);
    // Both runs rolled back: only bob's ballot from before is stored.
    expect((await store.transaction((tx) => tx.ballots.list(proposal.id))).map((b) => b.memberId)).toEqual([member('bob')]);
  });

  it('refuses votes of different proposals in one batch', async () => {
    const { store, member, proposal } = await proposalWithOneVote();
    const at = t.h.clock.now();
    const other = { ...proposal, id: proposal.id + 1 };
    const round = roundFor(proposal, { proposal, eligible: true, seen: { othersWithoutBallot: 0, chainSeq: 0 } }, at);
    await expect(
      store.transaction((tx) => tx.ballots.castMany([voteEntry(proposal, member('carol'), { value: yes }, at), voteEntry(other, member('dan'), { value: yes }, at)], round)),
    ).rejects.toThrow(/one proposal/);
  });
});
