// `propose --cross-sector N` through the core and a real database: the requirement at its boundary (N-1 sectors does
// not pass, N does), members without a declared sector counting as one sector, anonymous proposals, the cards, the
// decision register and the close entry, and the flag refused out of range or for a rule without "support".
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/client.js';
import { expectReplies, useHarness } from '../support/harness.js';

const t = useHarness();
const { ok, refused } = expectReplies(t);


/**
 * Budget with six members: gov1 and gov2 declared government, biz business, aca academia; none1 and none2 declared no
 * sector (together, the undeclared sector).
 */
async function sectors() {
  await t.h.group(['none1', 'gov1', 'gov2', 'biz', 'aca', 'none2']);
  await ok('gov1', 'profile --sector government');
  await ok('gov2', 'profile --sector government --identity "young people"');
  await ok('biz', 'profile --sector business');
  await ok('aca', 'profile --sector academia');
  // A profile without a sector still counts as undeclared.
  await ok('none2', 'profile --identity "parents"');
  t.h.messenger.take();
}

const closeEntry = async () =>
  rowsOf<{ data: { outcome: string; crossSector?: unknown } }>(await t.database.db.execute(sql`select data from audit_log where action = 'proposal.closed' order by seq desc limit 1`))[0]!.data;

/** The result without its participation figures, which name sectors by design (with small cells suppressed). */
const beyondParticipation = (text: string) => text.replace(/ {2}Participation by sector:\n(?: {4}.*\n)*/, '');

describe('--cross-sector at its boundary', () => {
  it('fails with supporters from N-1 sectors, counting the undeclared once and members of one sector once', async () => {
    await sectors();
    const opened = await ok('none1', 'propose "Share the tool library" --rule majority --cross-sector 3', { channel: 'budget' });
    expect(opened).toContain('Proposal #1');
    const card = t.h.messenger.take().find((m) => m.kind === 'post')!.text;
    expect(card).toContain('Support across sectors: needed from members of at least 3 sectors (members without a declared sector count as one); counted when voting ends');

    // Five yes: two undeclared and two government are two sectors; with business, three... but business votes no.
    for (const m of ['none1', 'none2', 'gov1', 'gov2']) await ok(m, 'vote 1 yes');
    await ok('biz', 'vote 1 no');
    await ok('none1', 'close 1');
    const result = t.h.messenger.take().find((m) => m.kind === 'post' && m.text.includes('Result of proposal #1'))!.text;
    expect(result).toContain('not passed: support from only 2 sectors, 3 needed');
    expect(result).toContain('Support across sectors: supporters from only 2 sectors, 3 needed: not met');
    expect(result).toContain('Its supporters come from only 2 sectors and 3 were needed, so it does not pass.');
    // Which sectors, and who, are never shown.
    expect(beyondParticipation(result)).not.toMatch(/government|business|undeclared|@gov|@none/i);
    expect(await closeEntry()).toMatchObject({ outcome: 'failed', crossSector: { needed: 3, sectors: 2, met: false } });
    expect(await ok('gov1', 'decisions')).toContain('#1 Share the tool library — not passed: support from only 2 sectors, 3 needed');
    expect(await ok('gov1', 'decisions', { locale: 'vi' })).toContain('không được thông qua: chỉ có ủng hộ từ 2 lĩnh vực, cần 3');
    expect(await ok('gov1', 'audit')).toContain('Support across sectors: supporters from only 2 sectors, 3 needed: not met');
  });

  it('passes with supporters from exactly N sectors', async () => {
    await sectors();
    await ok('none1', 'propose "Share the tool library" --rule majority --cross-sector 3', { channel: 'budget' });
    for (const m of ['none1', 'none2', 'gov1', 'gov2', 'biz']) await ok(m, 'vote 1 yes');
    await ok('aca', 'vote 1 no');
    // Everyone voted, so it closed.
    const result = t.h.messenger.take().find((m) => m.kind === 'post' && m.text.includes('Result of proposal #1'))!.text;
    expect(result).toContain('passed');
    expect(result).toContain('Support across sectors: supporters from 3 sectors, 3 needed: met');
    expect(await closeEntry()).toMatchObject({ outcome: 'passed', crossSector: { needed: 3, sectors: 3, met: true } });
  });

  it('counts sectors as declared when voting ends, and leaves a failure for another reason as it was', async () => {
    await sectors();
    await ok('none1', 'propose "Paint the hall" --rule consensus --cross-sector 2', { channel: 'budget' });
    await ok('none1', 'vote 1 agree');
    await ok('gov1', 'vote 1 agree');
    // gov1 clears their profile before the close: both supporters are now undeclared, one sector.
    await ok('gov1', 'profile --clear');
    await ok('none1', 'close 1');
    expect(await closeEntry()).toMatchObject({ outcome: 'failed', crossSector: { needed: 2, sectors: 1, met: false } });

    await ok('none1', 'propose "Paint the hall blue" --rule consensus --cross-sector 2', { channel: 'budget' });
    await ok('biz', 'vote 2 agree');
    await ok('aca', 'vote 2 agree');
    await ok('gov2', 'vote 2 block Not blue');
    t.h.messenger.take();
    await ok('none1', 'close 2');
    const result = t.h.messenger.take().find((m) => m.kind === 'post' && m.text.includes('Result of proposal #2'))!.text;
    // Blocked: the sectors were enough, and the outcome says what decided it.
    expect(result).toContain('did not pass');
    expect(result).toContain('Blocked by 1 member, so the proposal fails. Its supporters come from 2 sectors; 2 were needed.');
    expect(result).not.toContain('not passed: support from only');
    expect(await closeEntry()).toMatchObject({ outcome: 'failed', crossSector: { needed: 2, sectors: 2, met: true } });
  });

  it('applies to an anonymous proposal too, showing only the two numbers', async () => {
    await sectors();
    await ok('none1', 'propose "Secret choice" --rule consent --anonymous --cross-sector 2', { channel: 'budget' });
    await ok('gov1', 'vote 1 consent');
    await ok('gov2', 'vote 1 consent');
    await ok('none1', 'close 1');
    const result = t.h.messenger.take().find((m) => m.kind === 'post' && m.text.includes('Result of proposal #1'))!.text;
    expect(result).toContain('not passed: support from only 1 sector, 2 needed');
    expect(beyondParticipation(result)).not.toMatch(/@gov|government/);
    const audit = await ok('biz', 'audit');
    expect(audit).toContain('Support across sectors: supporters from only 1 sector, 2 needed: not met');
    expect(audit).not.toMatch(/@gov\d voted/);
  });

  it('counts fist-of-five supporters as those showing 3 or more', async () => {
    await sectors();
    await ok('none1', 'propose "Fist" --rule fist-of-five --cross-sector 2', { channel: 'budget' });
    await ok('gov1', 'vote 1 5');
    await ok('biz', 'vote 1 2');
    await ok('aca', 'vote 1 3');
    await ok('none1', 'close 1');
    expect(await closeEntry()).toMatchObject({ crossSector: { needed: 2, sectors: 2, met: true } });
  });
});

describe('--cross-sector refused', () => {
  it('out of range, and for rules where support is not a yes or a no', async () => {
    await sectors();
    expect(await refused('none1', 'propose "X" --rule majority --cross-sector 1')).toContain('`--cross-sector` must be a whole number from 2 to 7, not "1".');
    expect(await refused('none1', 'propose "X" --rule majority --cross-sector 8')).toContain('`--cross-sector` must be a whole number from 2 to 7, not "8".');
    expect(await refused('none1', 'propose "X" --rule poll --options "A|B" --cross-sector 2')).toContain(
      '`--cross-sector` does not apply to the poll rule; it is only for: consensus, consent, majority, fist-of-five.',
    );
    expect(await refused('none1', 'propose "X" --rule advice --cross-sector 2')).toContain('`--cross-sector` does not apply to the advice rule');
    expect(await refused('none1', 'propose "X" --rule ranked --options "A|B" --cross-sector 2', { locale: 'vi' })).toContain('`--cross-sector` không dùng được với cách quyết định ranked');
    expect(await ok('none1', 'propose "X" --rule majority --cross-sector 7')).toContain('Proposal #1');
  });
});
