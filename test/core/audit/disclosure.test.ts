// The one decision on who may read which audit entry, and how much of it.
import { describe, expect, it } from 'vitest';
import { disclose, mayReadGroup, type AuditReader, type EntryScope } from '../../../src/core/audit/disclosure.js';
import type { AuditEntry } from '../../../src/core/ports.js';

const entry = (action: string, actorId: number | null = 7, data: Record<string, unknown> = { value: { kind: 'choice', choice: 'yes' } }): AuditEntry => ({
  workspaceId: 1,
  seq: 9,
  at: '2026-12-01T09:00:00.000Z',
  actorId,
  action,
  subject: 'proposal:1',
  data,
  prevHash: '0'.repeat(64),
  hash: 'f'.repeat(64),
});

const member: AuditReader = { memberId: 3, groupIds: new Set([10]) };
const outsider: AuditReader = { memberId: 4, groupIds: new Set() };
const proposal = (over: Partial<NonNullable<EntryScope['proposal']>> = {}): EntryScope => ({
  groupId: 10,
  proposal: { anonymous: false, hideResults: 'never', status: 'open', readerHasVoted: false, ...over },
});

describe('mayReadGroup', () => {
  it('lets members read their own groups and workspace entries, and someone in no group nothing', () => {
    expect(mayReadGroup(member, 10)).toBe(true);
    expect(mayReadGroup(member, 11)).toBe(false);
    expect(mayReadGroup(member, null)).toBe(true);
    expect(mayReadGroup(outsider, null)).toBe(false);
    expect(mayReadGroup(outsider, 10)).toBe(false);
  });
});

describe('disclose', () => {
  it('shows a public ballot with its voter and value', () => {
    expect(disclose(entry('ballot.cast'), member, proposal())).toMatchObject({ actorId: 7, ballotWithheld: false, data: { value: { choice: 'yes' } } });
  });

  it('never shows an anonymous ballot, open or closed, even an old entry that still names its voter', () => {
    for (const status of ['open', 'closed', 'withdrawn'] as const) {
      expect(disclose(entry('ballot.cast'), member, proposal({ anonymous: true, status }))).toBeNull();
      expect(disclose(entry('ballot.changed', null, { anonymous: true }), member, proposal({ anonymous: true, status }))).toBeNull();
    }
  });

  it('names nobody on the close of an anonymous proposal', () => {
    expect(disclose(entry('proposal.closed', 7, { turnout: 3 }), member, proposal({ anonymous: true, status: 'closed' }))).toMatchObject({ actorId: null, data: { turnout: 3 } });
  });

  it('withholds ballot values while results are hidden from the reader', () => {
    const withheld = { actorId: 7, ballotWithheld: true, data: {} };
    expect(disclose(entry('ballot.cast'), member, proposal({ hideResults: 'until-vote' }))).toMatchObject(withheld);
    expect(disclose(entry('ballot.cast'), member, proposal({ hideResults: 'until-vote', readerHasVoted: true }))).toMatchObject({ ballotWithheld: false });
    expect(disclose(entry('ballot.cast'), member, proposal({ hideResults: 'until-close', readerHasVoted: true }))).toMatchObject(withheld);
    expect(disclose(entry('ballot.cast'), member, proposal({ hideResults: 'until-close', status: 'withdrawn' }))).toMatchObject(withheld);
    expect(disclose(entry('ballot.cast'), member, proposal({ hideResults: 'until-close', status: 'closed' }))).toMatchObject({ ballotWithheld: false });
  });

  it('shows nothing of another group', () => {
    expect(disclose(entry('proposal.created'), member, { ...proposal(), groupId: 11 })).toBeNull();
    expect(disclose(entry('settings.locale'), outsider, { groupId: null })).toBeNull();
  });
});
