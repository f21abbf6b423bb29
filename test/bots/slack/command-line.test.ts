// Modal answers become command lines that core's one parser reads back exactly as the member entered them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../../src/core/commands/index.js';
import { parseBallot } from '../../../src/core/proposals/rules/index.js';
import { ballotText, decodeSlackText, quote } from '../../../src/bots/slack/command-line.js';
import { ballotModal, formModal, readFormSubmission, proposeModal, readBallotSubmission, readProposeSubmission, readReasonSubmission, decodeMeta, type ModalMeta } from '../../../src/bots/slack/modals.js';

describe('quote', () => {
  it('round-trips any text through core’s tokenizer as one word', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }), (text) => {
        const visible = text.replace(/[\u200b\ufeff]/g, '');
        fc.pre(visible.length > 0);
        const result = tokenize(`vote 7 ${quote(visible)}`);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.tokens[2]).toMatchObject({ kind: 'word', text: visible, quoted: true });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps quotes, backslashes, typographic quotes, flags and newlines as typed', () => {
    const nasty = 'He said "no" \\ then “maybe” --rule majority\nsecond line \\"';
    const parsed = parseCommand(`propose ${quote(nasty.replace(/\n/g, ' '))} --rule consent --body ${quote(nasty)}`);
    expect(parsed).toMatchObject({ ok: true, command: { title: nasty.replace(/\n/g, ' '), body: nasty, rule: 'consent' } });
  });
});

describe('decodeSlackText', () => {
  it('undoes Slack’s escaping of &, < and > in one pass', () => {
    expect(decodeSlackText('vote 7 "B&gt;A&gt;C"')).toBe('vote 7 "B>A>C"');
    expect(decodeSlackText('R&amp;D &lt;3 &amp;lt;')).toBe('R&D <3 &lt;');
    expect(decodeSlackText('group add <@U123|alice>')).toBe('group add <@U123|alice>');
  });
});

describe('ballotText', () => {
  const options = ['Da Lat', 'Hoi An', 'Sa Pa'];
  it('writes the documented forms, which core reads back', () => {
    expect(ballotText(options, { rule: 'ranked', order: [1, 0, 2] })).toBe('Hoi An>Da Lat>Sa Pa');
    expect(ballotText(options, { rule: 'approval', chosen: [2, 0] })).toBe('Da Lat,Sa Pa');
    expect(ballotText(options, { rule: 'score', amounts: [[0, 5], [1, 2]] })).toBe('Da Lat=5 Hoi An=2');
    const config = { options, dots: 5 };
    expect(parseBallot('ranked', config, 'Hoi An>Da Lat>Sa Pa')).toEqual({ ok: true, value: { kind: 'ranked', order: ['Hoi An', 'Da Lat', 'Sa Pa'] } });
    expect(parseBallot('dot', config, ballotText(options, { rule: 'dot', amounts: [[2, 3], [0, 2]] }))).toEqual({ ok: true, value: { kind: 'dot', dots: { 'Sa Pa': 3, 'Da Lat': 2 } } });
  });

  it('names an option by number when its label holds the ballot’s separator', () => {
    const tricky = ['A>B', 'C,D', 'E=F', 'Plain'];
    expect(ballotText(tricky, { rule: 'ranked', order: [0, 3] })).toBe('1>Plain');
    expect(ballotText(tricky, { rule: 'approval', chosen: [1, 2] })).toBe('2,E=F');
    expect(ballotText(tricky, { rule: 'score', amounts: [[2, 4], [0, 1]] })).toBe('3=4 A>B=1');
    expect(parseBallot('score', { options: tricky }, '3=4 A>B=1')).toMatchObject({ ok: true, value: { kind: 'score', scores: { 'E=F': 4, 'A>B': 1 } } });
  });
});

const meta: ModalMeta = { locale: 'en', channel: 'C1', tz: 'Asia/Ho_Chi_Minh' };
const sel = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });
const txt = (value: string | null) => ({ type: 'plain_text_input', value });

describe('the propose modal', () => {
  it('builds a propose line the parser accepts, with the deadline in the member’s Slack time zone', () => {
    const result = readProposeSubmission(
      {
        title: { value: txt('Team offsite "2027"') },
        body: { value: txt('Budget: 5000 & <more>\nSee the doc.') },
        group: { value: sel('Design (2026)') },
        rule: { 'concord:propose:rule': sel('ranked') },
        options: { value: txt('Da Lat\n  Hoi An \n\nSa Pa') },
        close_date: { value: { type: 'datepicker', selected_date: '2026-12-04' } },
        close_time: { value: { type: 'timepicker', selected_time: '17:00' } },
        quorum: { value: { type: 'number_input', value: '60' } },
        ballots: { value: { type: 'checkboxes', selected_options: [{ value: 'anonymous' }] } },
        results: { value: { type: 'radio_buttons', selected_option: { value: 'until-close' } } },
      },
      meta,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.command).toBe(
      'propose "Team offsite \\"2027\\"" --body "Budget: 5000 & <more>\nSee the doc." --group "Design (2026)" --rule ranked --options "Da Lat|Hoi An|Sa Pa" --closes "2026-12-04T17:00+07:00" --quorum 60% --anonymous --hide-results until-close',
    );
    expect(parseCommand(result.command)).toMatchObject({
      ok: true,
      command: { name: 'propose', title: 'Team offsite "2027"', group: 'Design (2026)', rule: 'ranked', options: ['Da Lat', 'Hoi An', 'Sa Pa'], anonymous: true, hideResults: 'until-close', quorum: { num: 60, den: 100 } },
    });
  });

  it('consults stakeholders and asks for support across sectors', () => {
    const result = readProposeSubmission(
      {
        title: { value: txt('Light the river path') },
        rule: { 'concord:propose:rule': sel('majority') },
        consult: { value: txt('S-3, s5') },
        cross_sector: { value: { type: 'number_input', value: '2' } },
      },
      meta,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.command).toBe('propose "Light the river path" --rule majority --consult "S-3,s5" --cross-sector 2');
    expect(parseCommand(result.command)).toMatchObject({ ok: true, command: { name: 'propose', consult: [3, 5], crossSector: 2 } });
  });

  it('says in the modal what is wrong before anything runs', () => {
    const result = readProposeSubmission(
      {
        title: { value: txt('Pick') },
        rule: { 'concord:propose:rule': sel('poll') },
        options: { value: txt('A|B\nA') },
        close_time: { value: { type: 'timepicker', selected_time: '09:00' } },
      },
      meta,
    );
    expect(result).toEqual({ ok: false, errors: { options: 'An option cannot contain “|”: A|B', close_date: 'Pick a date for this time.' } });
  });

  it('leaves out flags that do not belong to the chosen rule', () => {
    const result = readProposeSubmission(
      { title: { value: txt('Adopt') }, rule: { r: sel('consent') }, options: { value: txt('A\nB') }, decider: { value: { type: 'users_select', selected_user: 'U1' } } },
      { locale: 'en' },
    );
    expect(result).toEqual({ ok: true, command: 'propose "Adopt" --rule consent' });
  });

  it('opens on the group of the channel it was opened from', () => {
    const view = proposeModal({ locale: 'en', groups: [{ name: 'A', current: false }, { name: 'B', current: true }], meta });
    const group = view.blocks.find((b) => b.block_id === 'group') as { element: { initial_option: { value: string } } };
    expect(group.element.initial_option.value).toBe('B');
    expect(decodeMeta(view.private_metadata)).toEqual(meta);
  });
});

describe('ballot and reason modals', () => {
  const options = ['Da Lat', 'Hoi An', 'Sa Pa'];
  const open = (rule: 'ranked' | 'score' | 'dot' | 'approval') =>
    decodeMeta(ballotModal({ locale: 'en', input: { kind: 'ballot', rule, options, dots: 5, prompt: 'Vote' }, meta: { locale: 'en', command: 'vote 7' } }).private_metadata);

  it('builds each kind of ballot from the inputs', () => {
    expect(readBallotSubmission({ rank_0: { v: sel('1') }, rank_1: { v: sel('0') } }, open('ranked'))).toEqual({ ok: true, command: 'vote 7 "Hoi An>Da Lat"' });
    expect(readBallotSubmission({ score_0: { v: sel('5') }, score_2: { v: sel('2') } }, open('score'))).toEqual({ ok: true, command: 'vote 7 "Da Lat=5 Sa Pa=2"' });
    expect(readBallotSubmission({ dot_1: { v: txt('3') }, dot_2: { v: txt('2') } }, open('dot'))).toEqual({ ok: true, command: 'vote 7 "Hoi An=3 Sa Pa=2"' });
    expect(
      readBallotSubmission({ approve_0: { v: { type: 'checkboxes', selected_options: [{ value: '2' }, { value: '0' }] } }, reason: { v: txt('Both "work"') } }, open('approval')),
    ).toEqual({ ok: true, command: 'vote 7 "Da Lat,Sa Pa" --reason "Both \\"work\\""' });
  });

  it('refuses repeated ranks, gaps, overspent dots and empty ballots in the modal', () => {
    expect(readBallotSubmission({ rank_0: { v: sel('1') }, rank_1: { v: sel('1') } }, open('ranked'))).toMatchObject({ ok: false, errors: { rank_1: 'Hoi An is already ranked above.' } });
    expect(readBallotSubmission({ rank_0: { v: sel('1') }, rank_2: { v: sel('0') } }, open('ranked'))).toMatchObject({ ok: false, errors: { rank_2: 'Fill in the choices in order, without gaps.' } });
    expect(readBallotSubmission({ dot_0: { v: txt('4') }, dot_1: { v: txt('2') } }, open('dot'))).toMatchObject({ ok: false, errors: { dot_1: 'That is 6 dots; you have 5.' } });
    expect(readBallotSubmission({}, open('approval'))).toMatchObject({ ok: false, errors: { approve_0: 'Choose at least one option.' } });
    expect(readBallotSubmission({}, open('score'))).toMatchObject({ ok: false, errors: { score_0: 'Score at least one option.' } });
  });

  it('adds the reason as the trailing argument that both vote and blocked read', () => {
    const vote = readReasonSubmission({ reason: { v: txt('It "breaks" the budget') } }, { locale: 'en', command: 'vote 7 block' });
    expect(vote).toEqual({ ok: true, command: 'vote 7 block "It \\"breaks\\" the budget"' });
    expect(parseCommand((vote as { command: string }).command)).toMatchObject({ ok: true, command: { choice: 'block', reason: 'It "breaks" the budget' } });
    const blocked = readReasonSubmission({ reason: { v: txt('Waiting on finance') } }, { locale: 'en', command: 'blocked 3' });
    expect(parseCommand((blocked as { command: string }).command)).toMatchObject({ ok: true, command: { name: 'blocked', reason: 'Waiting on finance' } });
  });
});

describe('form modals', () => {
  it('asks for each field and appends the answers as the flags the command names', () => {
    const view = formModal({
      locale: 'en',
      title: 'Extend',
      meta: { locale: 'en', command: 'extend 3' },
      input: { kind: 'form', prompt: 'New due date?', fields: [{ flag: 'due', label: 'Due', placeholder: 'friday 17:00' }, { flag: 'reason', label: 'Why' }] },
    });
    const inputs = view.blocks.filter((b) => b.type === 'input') as Array<{ block_id: string; optional?: boolean }>;
    // Both flags are required by `extend`, so neither input may be left empty.
    expect(inputs.map((b) => [b.block_id, b.optional ?? false])).toEqual([
      ['field_0', false],
      ['field_1', false],
    ]);
    const result = readFormSubmission({ field_0: { v: txt('next monday 12:00') }, field_1: { v: txt('Waiting for "quotes"') } }, decodeMeta(view.private_metadata));
    expect(result).toEqual({ ok: true, command: 'extend 3 --due "next monday 12:00" --reason "Waiting for \\"quotes\\""' });
    expect(parseCommand((result as { command: string }).command)).toMatchObject({ ok: true, command: { name: 'extend', commitment: 3, due: 'next monday 12:00', reason: 'Waiting for "quotes"' } });
  });
});
