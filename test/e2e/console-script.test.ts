// End to end: `npm start -- --script FILE` runs a whole governance story and exits 0.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from '../support/db.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'concord-e2e-'));
let database: TestDatabase | null = null;

beforeAll(async () => {
  // On Postgres the script gets a database of its own; otherwise embedded PGlite in a temp folder.
  if (TEST_DATABASE_URL) database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { ...process.env, CONCORD_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'error', ...extra };
  delete base.DATABASE_URL;
  if (database?.url) base.DATABASE_URL = database.url;
  return base;
}

/** `extra`: environment for this run only, such as a data folder of its own. */
async function start(args: string[], extra: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await run('npm', ['start', '--silent', '--', ...args], { env: env(extra), timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('console script', () => {
  it('runs a proposal from creation past its deadline to a recorded decision', async () => {
    const script = join(dir, 'story.txt');
    writeFileSync(
      script,
      [
        '# A committee decides on its budget',
        'alice in #budget: /concord group create "Budget" --kind committee',
        'bob in #budget: /concord group join',
        'carol in #budget: /concord group join',
        '',
        'alice in #budget: /concord propose "Adopt the 2027 budget" --rule consent --closes "in 2 days"',
        'bob: /concord vote 1 consent',
        'carol: /concord vote 1 object',
        'carol: /concord vote 1 object "The venue is not costed"',
        'carol: /concord vote 1 consent',
        'bob: /concord frobnicate',
        '@advance 2d',
        'alice: /concord outcome 1 "Budget adopted as drafted" --review "in 6 months"',
        'bob: /concord decisions',
        'alice: /concord settings locale vi',
        'alice: /concord proposal 1',
        'alice: /concord audit verify',
      ].join('\n'),
    );
    const result = await start(['--script', script, '--clock', '2026-12-01T09:00Z']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain('[only @alice]');
    expect(out).toContain('[#budget]');
    expect(out).toMatch(/Proposal #1: Adopt the 2027 budget/);
    // The objection without a reason is refused and says how to give one.
    expect(out).toMatch(/reason/i);
    expect(out).toMatch(/Concord has no command "frobnicate"/);
    // alice never voted: she gets the reminder a day before the deadline, in a DM.
    expect(out).toMatch(/\[DM @alice\]\n== Reminder: proposal #1/);
    expect(out).toMatch(/Result of proposal #1/);
    expect(out).toMatch(/Budget adopted as drafted/);
    expect(out).toMatch(/Đề xuất #1/);
    expect(out).toMatch(/Nhật ký kiểm toán còn nguyên vẹn/);
  });

  it('runs a whole mediation from request to agreement, commitments and a public summary', async () => {
    const script = join(dir, 'mediation.txt');
    writeFileSync(
      script,
      [
        'alice in #team: /concord group create "Outreach"',
        'bob in #team: /concord group join',
        'carol in #team: /concord group join',
        'dan in #team: /concord group join',
        'alice in #team: /concord group role @dan mediator',
        'bob in #team: /concord mediate @bob @carol --topic "Who leads the outreach budget" --confidential',
        'carol in #team: /concord mediation accept 1',
        'bob in #mediation-1: /concord mediation note "I need to sign off spending over 500"',
        'dan in #mediation-1: /concord mediation next',
        'dan in #mediation-1: /concord mediation propose-agreement "Carol leads; Bob co-signs spending over 500"',
        'bob in #mediation-1: /concord mediation accept',
        'carol in #mediation-1: /concord mediation accept',
        'carol in #mediation-1: /concord commit "Share the spending plan" --due "in 1 week"',
        'dan in #mediation-1: /concord mediation close resolved --summary "Outreach leadership agreed"',
        'erin in #team: /concord mediation 1',
        '@advance 6d',
      ].join('\n'),
    );
    const result = await start(['--script', script, '--clock', '2026-12-01T09:00Z']);
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toMatch(/\[private #mediation-1\] opened for @bob, @carol, @dan/);
    expect(out).toMatch(/\[private #mediation-1\]\n== Note on mediation #1 by @bob ==/);
    expect(out).toMatch(/every party has now agreed/);
    expect(out).toMatch(/\[#team\]\n== Mediation #1 has ended ==\n {2}Status: resolved\n {2}Summary: Outreach leadership agreed/);
    expect(out).toMatch(/\[only @erin\]\n✗ There is no mediation #1 that you take part in/);
    expect(out).toMatch(/\[DM @carol\]\n== Commitment #1: Share the spending plan ==\nReminder/);
  });

  it('maps the stakeholders, consults them and holds an inclusive vote', async () => {
    const script = join(dir, 'stakeholders.txt');
    writeFileSync(
      script,
      [
        '# A river-path task force maps who has a stake, then decides with them',
        'alice in #river: /concord group create "River path" --kind task-force',
        ...['bob', 'carol', 'dan', 'erin', 'fay'].map((m) => `${m} in #river: /concord group join`),
        'alice in #river: /concord settings inclusion-min-cell 2',
        'alice: /concord stakeholder add "City Council" --kind organisation --sector government --contact @bob',
        'bob: /concord stakeholder add "Riverside Residents" --kind community --sector community',
        'carol: /concord stakeholder add "Boat Hire Co" --kind organisation --sector business',
        'alice: /concord stakeholder rate S-1 --power 5 --interest 2 --legitimacy 4 --urgency 2',
        'bob: /concord stakeholder rate S-1 --power 4 --interest 2',
        'carol: /concord stakeholder rate S-2 --power 2 --interest 5 --legitimacy 5 --urgency 5',
        'dan: /concord stakeholder rate S-2 --power 3 --interest 4 --legitimacy 4 --urgency 4',
        'erin: /concord stakeholder rate S-3 --power 4 --interest 4',
        'alice: /concord stakeholder link S-1 S-2 --type serves --source "Council minutes, March"',
        'alice: /concord stakeholders --map',
        'carol: /concord profile --sector community --represents S-2',
        'dan: /concord profile --sector community',
        'erin: /concord profile --sector government',
        'fay: /concord profile --sector government',
        'bob: /concord profile --sector business',
        'alice in #river: /concord propose "Light the river path" --rule majority --closes "in 3 days" --consult S-2 --cross-sector 2',
        'carol: /concord advise 1 S-2 "Residents ask for warm, low lights"',
        'erin: /concord vote 1 yes',
        'fay: /concord vote 1 yes',
        'alice: /concord vote 1 yes',
        '@advance 2d',
        'carol: /concord vote 1 yes',
        'dan: /concord vote 1 no',
        '@advance 2d',
        'bob: /concord inclusion 1',
        'bob: /concord stakeholder show S-2',
        'carol: /concord profile',
        'alice: /concord audit verify',
      ].join('\n'),
    );
    // A workspace of its own, so that numbers start at 1 whatever ran before.
    await database?.reset();
    const result = await start(['--script', script, '--clock', '2026-12-01T09:00Z'], { CONCORD_DATA_DIR: join(dir, 'stakeholders') });
    expect(result.code).toBe(0);
    const out = result.stdout;
    // The map: a text grid in the console, and the picture's path.
    expect(out).toMatch(/Manage closely[\s\S]*S-3/i);
    expect(out).toMatch(/\.png/);
    // The consulted stakeholder's representative is asked, and the card shows the answer.
    expect(out).toMatch(/\[DM @carol\][\s\S]*S-2/);
    expect(out).toMatch(/S-2 Riverside Residents — answered/);
    // At the reminder, the community sector is under-represented: its members who have not voted are invited.
    expect(out).toMatch(/\[DM @carol\]\n== Your vote is invited: proposal #1/);
    expect(out).toMatch(/declared the community sector are under-represented/);
    expect(out).toMatch(/Participation by sector/);
    expect(out).toMatch(/community: 2 of 2 voted/);
    // Supporters came from two sectors: it passes.
    expect(out).toMatch(/Result of proposal #1: Light the river path/);
    expect(out).toMatch(/Support across sectors: supporters from 3 sectors, 2 needed: met/);
    expect(out).toMatch(/Inclusion note:/);
    expect(out).toMatch(/Decisions it was consulted on: #1 Light the river path \(closed\) — advice given/);
    // Nobody's profile shows to anyone else, nor on the audit log.
    expect(out).not.toMatch(/\[only @bob\][^[]*represents S-2/i);
    expect(out).toMatch(/The audit log is intact/);
  });

  it('runs a quarter of a goal: indicators, check-ins, a missed one, a retrospective and a celebration', async () => {
    const script = join(dir, 'quarter.txt');
    writeFileSync(
      script,
      [
        '# A quarter of a waste task force: a goal, its indicators, check-ins, a retro and a celebration',
        'alice in #waste: /concord group create "Waste" --kind task-force',
        'bob in #waste: /concord group join',
        'carol in #waste: /concord group join',
        'alice in #waste: /concord goal add "Halve landfill waste" --due "2027-03-01"',
        'alice in #waste: /concord indicator add G-1 "Landfill waste per week" --baseline 120 --target 60 --unit t --owner @bob --checkin weekly',
        'alice in #waste: /concord indicator add G-1 "Households sorting" --baseline 10 --target 50 --unit % --owner @carol',
        'carol in #waste: /concord commit "Sort the market bins" --due "in 2 weeks" --goal G-1',
        '@advance 6d',
        'bob: /concord checkin I-1 110 --note "First weigh-in"',
        'carol: /concord checkin I-2 20',
        '@advance 14d',
        'bob: /concord checkin I-1 95 --at "2026-12-16"',
        'carol: /concord done 1',
        'alice: /concord goal show G-1',
        'alice in #waste: /concord retro start "December look back" --template start-stop-continue --goal G-1',
        'bob in #waste: /concord retro add R-1 start "Weigh the bins every Monday"',
        'carol in #waste: /concord retro add R-1 stop "Missing the weekly check-in"',
        'bob in #waste: /concord retro vote R-1 2 --dots 2',
        'carol in #waste: /concord retro vote R-1 1',
        'alice in #waste: /concord retro action R-1 1 --owner @bob --due "in 1 week"',
        'bob: /concord commitment accept 2',
        'alice in #waste: /concord retro close R-1',
        '@advance 14d',
        'alice: /concord goal show G-1',
        'bob: /concord checkin I-1 58',
        'carol: /concord kudos @bob "For the weekly weigh-ins"',
        'alice: /concord goal show G-1',
        'alice in #waste: /concord retro start "January look back"',
        'alice: /concord settings locale vi',
        'alice: /concord goal show G-1',
        'alice: /concord audit verify',
      ].join('\n'),
    );
    await database?.reset();
    const result = await start(['--script', script, '--clock', '2026-12-01T09:00Z'], { CONCORD_DATA_DIR: join(dir, 'quarter') });
    expect(result.code).toBe(0);
    const out = result.stdout;
    // Bob is asked on Mondays at 10:00 for the week's value, with a button to enter it.
    expect(out).toMatch(/\[DM @bob\]\n== Check-in: I-1 Landfill waste per week ==/);
    // A late value fills its week; two weeks with nothing are shown as missed.
    expect(out).toMatch(/95 t recorded\. Progress 42%/);
    expect(out).toMatch(/Missing: 2 check-ins \(last Mon 28 Dec 2026, 10:00/);
    // The chart in words, and the picture written to a file.
    expect(out).toMatch(/I-1 Landfill waste per week {2}▂▄ {2}42%/);
    expect(out).toMatch(/Picture: .*goal-progress-[0-9a-f]+\.png/);
    // The retrospective: anonymous items, dots, an action that became a commitment, carry-over.
    expect(out).toMatch(/Added to R-1 as item #1 under “Start”\. Your name is not shown\./);
    expect(out).toMatch(/You have 3 of 5 dots left/);
    expect(out).toMatch(/Item #1 of R-1 is now commitment #2/);
    expect(out).toMatch(/1 item was not discussed: it carries over/);
    expect(out).toMatch(/== R-2 January look back ==[\s\S]*Missing the weekly check-in/);
    // The target reached is celebrated once, thanking the owner and whoever kept a commitment toward the goal.
    expect(out.match(/Target reached: I-1/g)).toHaveLength(1);
    expect(out).toMatch(/G-1 Halve landfill waste reached 58 t\. Thank you @bob, @carol!/);
    expect(out).toMatch(/Tiến độ: 63%/);
    expect(out).toMatch(/Nhật ký kiểm toán còn nguyên vẹn/);
  });

  it('exits non-zero, saying why, when the script cannot be read', async () => {
    const result = await start(['--script', join(dir, 'missing.txt')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/Cannot read script/);
  });
});
