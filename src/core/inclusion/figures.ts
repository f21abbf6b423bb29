// Participation by sector in words: the compact field a proposal card and its result carry, the inclusion note, and
// the lines of the full report. Every count goes through participationOf first, so no view shows a small cell.
import { formatNumber, type Translator } from '../i18n/index.js';
import type { Locale } from '../i18n/types.js';
import type { Field } from '../views/types.js';
import type { Count, Figure, Participation, SectorCell, SectorParticipation } from './participation.js';
import { UNDECLARED } from './participation.js';

/** A proposal's figures as a card shows them, and (once closed) the sectors that were below the threshold at close. */
export interface ProposalParticipation {
  figures: Participation;
  /** Frozen at close: the sectors below the threshold then; null while open. */
  below: SectorCell[] | null;
}

export const sectorName = (t: Translator, sector: SectorCell): string =>
  sector === UNDECLARED ? t({ key: 'inclusion.undeclared' }) : t({ key: `stakeholder.sector.${sector}` });

export const countText = (t: Translator, c: Count): string => ('count' in c ? String(c.count) : t({ key: 'inclusion.fewerThan', params: { n: c.fewerThan } }));

const ratioText = (t: Translator, locale: Locale, r: Figure): string => (r === 'withheld' ? t({ key: 'inclusion.withheld' }) : formatNumber(locale, r, 2));

const shareText = (t: Translator, locale: Locale, r: Figure | null): string =>
  r === null ? '–' : r === 'withheld' ? t({ key: 'inclusion.withheld' }) : `${formatNumber(locale, r * 100, 0)}%`;

/** "community: 8 of 12 took part · ratio 1.10"; without the ratio while nobody has taken part. */
export function sectorLine(t: Translator, locale: Locale, row: SectorParticipation): string {
  const counts = t({ key: 'inclusion.line', params: { sector: sectorName(t, row.sector), participants: countText(t, row.participants), eligible: countText(t, row.eligible) } });
  return row.ratio === null ? counts : `${counts} · ${t({ key: 'inclusion.ratio', params: { ratio: ratioText(t, locale, row.ratio) } })}`;
}

/**
 * The card's field, one short line per sector (seven at most), and the inclusion note on a closed proposal when a
 * sector was below the threshold at close. The field may give way to the tally on a platform's limits: the full
 * report is one command away.
 */
export function participationFields(t: Translator, locale: Locale, number: number, pp: ProposalParticipation | undefined): Field[] {
  if (!pp || pp.figures.sectors.length === 0) return [];
  const fields: Field[] = [
    {
      label: t({ key: 'inclusion.field' }),
      value: pp.figures.sectors.map((row) => sectorLine(t, locale, row)).join('\n'),
      shortened: t({ key: 'inclusion.fieldShortened', params: { number } }),
    },
  ];
  const note = inclusionNote(t, pp);
  if (note) fields.push({ label: t({ key: 'inclusion.noteLabel' }), value: note });
  return fields;
}

/**
 * Which sectors were under-represented at close, named only where their figures are shown: a sector whose ratio is
 * withheld is told only as "a sector with few members", which says nothing about who declared it.
 */
export function inclusionNote(t: Translator, pp: ProposalParticipation): string | null {
  if (!pp.below?.length) return null;
  const shown = new Set(pp.figures.sectors.filter((r) => typeof r.ratio === 'number').map((r) => r.sector));
  const named = pp.below.filter((s) => shown.has(s)).map((s) => sectorName(t, s));
  const hidden = pp.below.length - named.length;
  const parts = [...named];
  if (hidden > 0) parts.push(t({ key: 'inclusion.note.smallSector', params: { n: pp.figures.minCell } }));
  return t({ key: 'inclusion.note', params: { sectors: parts.join(', ') } });
}

/** The full report's fields: per sector, the counts, both shares and the ratio; then the totals. */
export function reportFields(t: Translator, locale: Locale, figures: Participation, words: { eligible: string; participants: string }): Field[] {
  const fields = figures.sectors.map(
    (row): Field => ({
      label: sectorName(t, row.sector),
      value: t({
        key: 'inclusion.report.row',
        params: {
          eligibleWord: words.eligible,
          participantsWord: words.participants,
          eligible: countText(t, row.eligible),
          participants: countText(t, row.participants),
          shareOfEligible: shareText(t, locale, row.shareOfEligible),
          shareOfParticipants: shareText(t, locale, row.shareOfParticipants),
          ratio: row.ratio === null ? '–' : ratioText(t, locale, row.ratio),
        },
      }),
    }),
  );
  fields.push({
    label: t({ key: 'inclusion.report.total' }),
    value: `${words.eligible}: ${countText(t, figures.eligible)} · ${words.participants}: ${countText(t, figures.participants)}`,
  });
  return fields;
}
