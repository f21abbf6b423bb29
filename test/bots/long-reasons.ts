// A proposal card as core draws it when a hundred and twenty members gave long reasons, for the renderers' limit tests.
import { translator, type Locale } from '../../src/core/i18n/index.js';
import type { CardView, TallyView } from '../../src/core/views/types.js';

/** The card of proposal #7, in `locale`, with a body of `bodyLength` characters and the given tally. */
export function cardWithLongReasons(locale: Locale, opts: { body: string; tally: TallyView }): CardView {
  const t = translator(locale);
  const reason = 'It moves money out of the outreach line without asking the people who run it. '.repeat(13).slice(0, 1000);
  return {
    type: 'card',
    title: '#7 Adopt the budget',
    subtitle: 'Consent: passes unless someone objects',
    body: opts.body,
    fields: [
      { label: t({ key: 'card.group' }), value: 'Budget' },
      { label: t({ key: 'card.turnout' }), value: '120 of 130 voted' },
      {
        label: t({ key: 'card.reasons' }),
        value: Array.from({ length: 120 }, (_, i) => `• @member${i} (Object): ${reason}`).join('\n'),
        shortened: t({ key: 'card.reasonsShortened', params: { number: 7 } }),
      },
    ],
    tally: opts.tally,
    actions: [{ command: 'vote 7 consent', label: 'Consent', style: 'primary' }],
    footer: 'Quorum: 10 more votes needed',
  };
}

/** What the note says in each language, as a test looks for it. */
export const REASONS_NOTE: Record<Locale, string> = { en: '`/concord proposal 7` lists them all', vi: '`/concord proposal 7` liệt kê đầy đủ' };
