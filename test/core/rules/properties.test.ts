// Properties that must hold for any ballots, not just the hand-picked cases.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseBallot,
  RULES,
  tally,
  tallyConsensus,
  tallyConsent,
  tallyMajority,
  tallyRanked,
  type Ballot,
  type RuleName,
  type TallyResult,
  type TieMode,
} from '../../../src/core/proposals/rules/index.js';
import { ballotArb, configArb, fractionArb, inputArb, optionsArb } from './arbitraries.js';
import { choice } from './helpers.js';

/** Random ranked profiles: 2 to 5 options, up to 20 voters, each ranking some of them, and a seed. */
const profileArb = optionsArb(2, 5).chain((options) =>
  fc.record({
    options: fc.constant(options),
    orders: fc.array(fc.shuffledSubarray(options, { minLength: 1 }), { maxLength: 20 }),
    seed: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
  }),
);

/** What a result says, leaving out what only follows the listing order (lines, the order of names in a list). */
function decision(r: TallyResult) {
  return {
    outcome: r.outcome,
    winners: [...r.winners].sort(),
    rounds: (r.rounds ?? []).map((x) => ({ ...x, eliminated: [...x.eliminated].sort() })),
  };
}

/** Batch elimination as reference counts do it, written independently of Concord's tally. */
function referenceBatch(options: string[], orders: string[][]): { outcome: string; winners: string[] } {
  const left = new Set(options);
  if (orders.length === 0) return { outcome: 'no-votes', winners: [] };
  for (;;) {
    const counts = new Map([...left].map((o) => [o, 0]));
    let active = 0;
    for (const order of orders) {
      const top = order.find((o) => left.has(o));
      if (top === undefined) continue;
      counts.set(top, (counts.get(top) ?? 0) + 1);
      active++;
    }
    const values = [...counts.values()];
    const max = Math.max(...values);
    const min = Math.min(...values);
    if (max * 2 > active || left.size === 1) return { outcome: 'winner', winners: [...counts].filter(([, n]) => n === max).map(([o]) => o) };
    if (min === max) return { outcome: 'tie', winners: [...left].sort() };
    for (const [o, n] of counts) if (n === min) left.delete(o);
  }
}

describe('ranked choice ties', () => {
  const run = (options: string[], orders: string[][], seed: string, ties: TieMode) =>
    tallyRanked({
      config: { options },
      ballots: orders.map((order): Ballot => ({ value: { kind: 'ranked', order } })),
      electorate: orders.length,
      ties,
      seed: { hash: seed, seq: 1 },
    });

  for (const ties of ['lot', 'batch'] as const) {
    it(`reversing the option order never changes a ${ties} result`, () => {
      fc.assert(
        fc.property(profileArb, ({ options, orders, seed }) => {
          const listed = run(options, orders, seed, ties);
          const reversed = run([...options].reverse(), orders, seed, ties);
          expect(decision(reversed)).toEqual(decision(listed));
        }),
        { numRuns: 2000 },
      );
    });

    it(`any shuffle of the options gives the same ${ties} result`, () => {
      const arb = profileArb.chain((p) => fc.record({ p: fc.constant(p), shuffled: fc.shuffledSubarray(p.options, { minLength: p.options.length }) }));
      fc.assert(
        fc.property(arb, ({ p, shuffled }) => {
          expect(decision(run(shuffled, p.orders, p.seed, ties))).toEqual(decision(run(p.options, p.orders, p.seed, ties)));
        }),
        { numRuns: 500 },
      );
    });
  }

  it('a seeded lot always settles the count, and re-running from the same seed reproduces it', () => {
    fc.assert(
      fc.property(profileArb, ({ options, orders, seed }) => {
        const r = run(options, orders, seed, 'lot');
        expect(r.outcome).not.toBe('undecided');
        expect(run(options, orders, seed, 'lot')).toEqual(r);
        for (const round of r.rounds ?? []) {
          if (round.tieBreak?.by === 'lot') expect(round.eliminated).toEqual([round.tieBreak.draw[0]?.option]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('batch elimination agrees with an independent reference count', () => {
    fc.assert(
      fc.property(profileArb, ({ options, orders, seed }) => {
        const r = run(options, orders, seed, 'batch');
        const ref = referenceBatch(options, orders);
        expect({ outcome: r.outcome, winners: [...r.winners].sort() }).toEqual({ outcome: ref.outcome, winners: [...ref.winners].sort() });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('properties', () => {
  it('a candidate with a majority of first preferences wins ranked choice in round 1', () => {
    const arb = optionsArb(2, 5).chain((options) =>
      fc.record({
        options: fc.constant(options),
        winner: fc.constantFrom(...options),
        tail: fc.array(fc.shuffledSubarray(options), { maxLength: 12 }),
        rest: fc.array(fc.shuffledSubarray(options, { minLength: 1 }), { maxLength: 12 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ options, winner, tail, rest }) => {
        const others = rest.filter((order) => order[0] !== winner);
        // One more ballot than all the others puts the winner strictly above half.
        const mine = Array.from({ length: others.length + 1 }, (_, i) => [
          winner,
          ...(tail[i % Math.max(tail.length, 1)] ?? []).filter((o) => o !== winner),
        ]);
        const ballots: Ballot[] = [...mine, ...others].map((order) => ({ value: { kind: 'ranked', order } }));
        const r = tallyRanked({ config: { options }, ballots, electorate: ballots.length });
        expect(r.outcome).toBe('winner');
        expect(r.winners).toEqual([winner]);
        expect(r.rounds).toHaveLength(1);
      }),
    );
  });

  it('adding a block never turns a failing consensus into a pass', () => {
    fc.assert(
      fc.property(inputArb('consensus'), (input) => {
        const before = tallyConsensus(input);
        const after = tallyConsensus({ ...input, ballots: [...input.ballots, choice('block', 'no')] });
        if (before.outcome !== 'passed') expect(after.outcome).not.toBe('passed');
        // Stronger still: a block always stops it.
        expect(after.outcome).not.toBe('passed');
      }),
    );
  });

  it('adding an objection never turns a failing consent into a pass', () => {
    fc.assert(
      fc.property(inputArb('consent'), (input) => {
        const before = tallyConsent(input);
        const after = tallyConsent({ ...input, ballots: [choice('object', 'no'), ...input.ballots] });
        if (before.outcome !== 'passed') expect(after.outcome).not.toBe('passed');
        expect(after.outcome).not.toBe('passed');
      }),
    );
  });

  it('no tally depends on ballot order', () => {
    for (const rule of RULES) {
      const arb = inputArb(rule, 30).chain((input) =>
        fc.record({
          input: fc.constant(input),
          shuffled: fc.shuffledSubarray(input.ballots, {
            minLength: input.ballots.length,
            maxLength: input.ballots.length,
          }),
        }),
      );
      fc.assert(
        fc.property(arb, ({ input, shuffled }) => {
          expect(tally(rule, { ...input, ballots: shuffled })).toEqual(tally(rule, input));
        }),
        { numRuns: 60 },
      );
    }
  });

  it('majority with a threshold of 1/2 or more is monotonic in yes votes', () => {
    const threshold = fc.option(
      fractionArb.filter((f) => 2 * f.num >= f.den),
      { nil: undefined },
    );
    fc.assert(
      fc.property(inputArb('majority'), threshold, (input, t) => {
        const config = { ...input.config, threshold: t };
        const before = tallyMajority({ ...input, config });
        const after = tallyMajority({ ...input, config, ballots: [...input.ballots, choice('yes')] });
        if (before.outcome === 'passed') expect(after.outcome).toBe('passed');
      }),
    );
  });

  it('dot ballots that parse never exceed the dot budget', () => {
    // Mostly distinct name=number pairs, sometimes with a repeat or junk entry to hit rejection paths.
    const junk = fc
      .tuple(fc.constantFrom('Z', '', 'A'), fc.constantFrom('-1', '2.5', '', 'x', '1e3', '99999999999999999999', '9'))
      .map(([name, n]) => `${name}=${n}`);
    const sep = fc.oneof(
      { arbitrary: fc.constantFrom(' ', ',', ', ', ';', ' ; '), weight: 12 },
      { arbitrary: fc.constantFrom('', ' = ', '>'), weight: 1 },
    );
    const arb = fc
      .tuple(optionsArb(), fc.integer({ min: 1, max: 8 }))
      .chain(([options, dots]) =>
        fc.record({
          options: fc.constant(options),
          dots: fc.constant(dots),
          text: fc
            .tuple(
              fc.shuffledSubarray(options, { minLength: 1 }).chain((names) =>
                fc.tuple(...names.map((name) => fc.integer({ min: 0, max: 2 }).map((n) => `${name}=${n}`))),
              ),
              fc.option(junk, { freq: 4 }),
              fc.array(sep, { minLength: 6, maxLength: 6 }),
            )
            .map(([pairs, extra, seps]) =>
              [...pairs, ...(extra === null ? [] : [extra])].map((p, i) => p + (seps[i] ?? ' ')).join(''),
            ),
        }),
      );
    let parsed = 0;
    fc.assert(
      fc.property(arb, ({ options, dots, text }) => {
        const r = parseBallot('dot', { options, dots }, text);
        if (!r.ok) return;
        parsed++;
        expect(r.value.kind).toBe('dot');
        if (r.value.kind !== 'dot') return;
        const values = Object.values(r.value.dots);
        const total = values.reduce((s, n) => s + n, 0);
        expect(total).toBeGreaterThanOrEqual(1);
        expect(total).toBeLessThanOrEqual(dots);
        for (const n of values) expect(Number.isInteger(n) && n >= 0).toBe(true);
        for (const k of Object.keys(r.value.dots)) expect(options).toContain(k);
      }),
      { numRuns: 1000 },
    );
    // Guard against a generator that never produces a valid ballot and so proves nothing.
    expect(parsed).toBeGreaterThan(50);
  });

  it('every ranked round accounts for every usable ballot and only the winner passes half', () => {
    fc.assert(
      fc.property(inputArb('ranked', 40), (input) => {
        const r = tallyRanked({ ...input, config: { ...input.config, quorum: undefined } });
        const rounds = r.rounds ?? [];
        let exhausted = 0;
        for (const round of rounds) {
          const votes = Object.values(round.counts).reduce((s, n) => s + n, 0);
          expect(votes + round.exhausted).toBe(input.ballots.length);
          expect(round.exhausted).toBeGreaterThanOrEqual(exhausted);
          exhausted = round.exhausted;
        }
        const last = rounds[rounds.length - 1];
        if (r.outcome === 'winner' && last) {
          const active = input.ballots.length - last.exhausted;
          const w = r.winners[0] ?? '';
          expect(2 * (last.counts[w] ?? 0) > active || Object.keys(last.counts).length === 1).toBe(true);
        }
        if (r.outcome === 'tie' && last) expect(new Set(Object.values(last.counts)).size).toBe(1);
        expect(r.explanation.filter((m) => m.key.startsWith('tally.ranked.round.'))).toHaveLength(rounds.length);
      }),
    );
  });

  it('canonical option ballots survive a print-and-parse round trip', () => {
    const arb = fc.constantFrom<RuleName>('approval', 'ranked', 'score', 'dot').chain((rule) =>
      configArb(rule).chain((config) =>
        fc.record({ rule: fc.constant(rule), config: fc.constant(config), ballot: ballotArb(rule, config) }),
      ),
    );
    fc.assert(
      fc.property(arb, ({ rule, config, ballot }) => {
        const v = ballot.value;
        let text = '';
        if (v.kind === 'approval') text = v.choices.join(',');
        if (v.kind === 'ranked') text = v.order.join(' > ');
        if (v.kind === 'score') text = Object.entries(v.scores).map(([k, n]) => `${k}=${n}`).join(' ');
        if (v.kind === 'dot') text = Object.entries(v.dots).map(([k, n]) => `${k}=${n}`).join(', ');
        if (text === '') return; // a score ballot that scores nothing has no typed form
        const r = parseBallot(rule, config, text);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const again = tally(rule, { config, ballots: [{ value: r.value }], electorate: 1 });
        expect(again).toEqual(tally(rule, { config, ballots: [ballot], electorate: 1 }));
      }),
    );
  });
});
