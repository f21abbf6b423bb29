// The commands a proposal card's buttons carry read back, through the parser, as the very choice they show.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quoteWord } from '../../../src/core/commands/tokenize.js';
import { parseCommand } from '../../../src/core/commands/parse.js';
import { translator } from '../../../src/core/i18n/index.js';
import type { Proposal } from '../../../src/core/ports.js';
import { proposalCard } from '../../../src/core/proposals/card.js';
import { mediationOffer } from '../../../src/core/mediation/service.js';

function poll(options: string[]): Proposal {
  const at = new Date('2026-12-01T09:00:00Z');
  return {
    id: 1, workspaceId: 1, number: 7, groupId: 1, authorId: 1, title: 'Supplier', body: null, rule: 'poll',
    config: { options }, anonymous: false, hideResults: 'never', deciderId: null, status: 'open', electorateSize: 3,
    closesAt: null, closedAt: null, result: null, outcome: null, outcomeBy: null, outcomeAt: null, reviewAt: null,
    channelId: 'C1', messageRef: null, cardHash: null, createdAt: at, ties: 'lot',
  };
}

describe('button commands', () => {
  it('vote for exactly the option on the button, even when its name is made of quote characters', () => {
    const options = ['Acme', '«Acme»', '“Acme”', "'Acme'", 'Globex Ltd', 'a\\b"c', '--rule'];
    const card = proposalCard({
      proposal: poll(options), groupName: 'G', authorName: 'lan', deciderName: null, ballots: [], voters: [], names: new Map(),
      locale: 'en', timezone: 'UTC', now: new Date('2026-12-01T10:00:00Z'), t: translator('en'),
    });
    const choices = card.actions.map((a) => {
      const parsed = parseCommand(a.command);
      return parsed.ok && parsed.command.name === 'vote' ? parsed.command.choice : `unparsed: ${a.command}`;
    });
    expect(choices).toEqual(options);
  });

  it('the mediation offer names a group with quotes in it as it is', () => {
    const offer = mediationOffer('vi', { number: 7, title: 'x' }, 'Nhóm «Ngân sách» "2026"', ['lan', 'minh']);
    const parsed = parseCommand(offer.actions[0]?.command ?? '');
    expect(parsed).toMatchObject({ ok: true, command: { name: 'mediate', group: 'Nhóm «Ngân sách» "2026"', parties: ['lan', 'minh'], proposal: 7 } });
  });

  it('any option name a proposal can hold comes back from its button as the same choice', () => {
    const pieces = fc.oneof(fc.constantFrom('"', '“', '”', '„', '«', '»', "'", '‘', '’', '\\', ' ', '-', '--', '<@U1>', '>', '=', ',', 'đ', 'Hội'), fc.string({ maxLength: 3 }));
    const option = fc
      .array(pieces, { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join('').normalize('NFC').trim())
      // eslint-disable-next-line no-control-regex -- the parser refuses these, so names never hold them.
      .filter((o) => o !== '' && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/u.test(o));
    fc.assert(
      fc.property(option, (name) => {
        const parsed = parseCommand(`vote 7 ${quoteWord(name)}`);
        expect(parsed).toMatchObject({ ok: true, command: { name: 'vote', proposal: 7, choice: name } });
      }),
      { numRuns: 300 },
    );
  });
});
