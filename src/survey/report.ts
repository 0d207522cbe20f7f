/**
 * The round's report as a PDF, laid out like the pre-study's hand-made summary (seed 001, appendix 2):
 * response rate, a table per scheme of knowledge and experience, interest, areas of cooperation, needs,
 * benefits reported, the units with experience and those interested without, and free text by theme.
 * It is written from the summary, so it withholds the same small groups and names units only to the
 * round's coordinators.
 */
import { PdfDocumentBuilder } from '../platform/export/pdf.js';
import type { Language } from '../reference/codes.js';
import type { Distribution, GroupRate, QuestionSummary, SurveySummary } from './summary-schema.js';
import { summaryText } from './summary-texts.js';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };
const PAGE_LABELS: Record<Language, (page: number, pages: number) => string> = {
  nb: (page, pages) => `Side ${page} av ${pages}`,
  nn: (page, pages) => `Side ${page} av ${pages}`,
  sv: (page, pages) => `Sida ${page} av ${pages}`,
  en: (page, pages) => `Page ${page} of ${pages}`,
};

function percent(rate: number | null, language: Language): string {
  return rate === null ? '' : new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}

function rateRows(groups: readonly GroupRate[], language: Language): string[][] {
  const withheld = summaryText('withheld', language);
  return groups.map((group) =>
    group.suppressed ? [group.name, withheld, '', ''] : [group.name, String(group.invited), String(group.responded), percent(group.rate, language)],
  );
}

/** A choice question's counts overall, then per municipality (withheld groups said so). */
function choiceTable(report: PdfDocumentBuilder, question: QuestionSummary, language: Language): void {
  const distribution = question.items[0]?.distribution;
  if (!distribution) return;
  const choices = question.choices.filter((choice) => (distribution.overall.counts[choice.key] ?? 0) > 0 || question.type === 'scale');
  const ordered = question.type === 'multiple' ? [...choices].sort((a, b) => (distribution.overall.counts[b.key] ?? 0) - (distribution.overall.counts[a.key] ?? 0)) : choices;
  report.table({
    columns: [{ header: question.label, width: 4 }, { header: summaryText('overall', language), align: 'right' }],
    rows: ordered.map((choice) => [choice.label, String(distribution.overall.counts[choice.key] ?? 0)]),
    empty: summaryText('none', language),
  });
}

function byMunicipalityTable(report: PdfDocumentBuilder, question: QuestionSummary, distribution: Distribution, language: Language): void {
  const withheld = summaryText('withheld', language);
  report.table({
    columns: [{ header: summaryText('municipality', language), width: 2 }, ...question.choices.map((choice) => ({ header: choice.label, align: 'right' as const }))],
    rows: distribution.byMunicipality.map((group) => [group.name, ...question.choices.map((choice) => (group.suppressed ? withheld : String(group.counts?.[choice.key] ?? 0)))]),
  });
}

export async function summaryReport(summary: SurveySummary, language: Language, generatedAt: Date): Promise<Buffer> {
  const t = (key: Parameters<typeof summaryText>[0]) => summaryText(key, language);
  const date = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' }).format(generatedAt);
  const report = await PdfDocumentBuilder.create({ title: `${t('reportTitle')} – ${summary.round.title}`, lang: LOCALES[language], subject: summary.round.title, pageLabel: PAGE_LABELS[language] });
  report.title(t('reportTitle'), `${summary.round.title} · ${t('generated')} ${date}`);
  report.paragraph(t('withheldNote').replace('{n}', String(summary.round.minGroupSize)));

  const rate = summary.responseRate;
  report.heading(t('responseRate'));
  report.table({
    columns: [{ header: '', width: 3 }, { header: t('invited'), align: 'right' }, { header: t('responded'), align: 'right' }, { header: t('responseRate'), align: 'right' }],
    rows: [[t('overall'), String(rate.overall.invited), String(rate.overall.responded), percent(rate.overall.rate, language)], ...rateRows(rate.byMunicipality, language)],
  });
  report.heading(t('bySector'), 3);
  report.table({
    columns: [{ header: t('sector'), width: 3 }, { header: t('invited'), align: 'right' }, { header: t('responded'), align: 'right' }, { header: t('responseRate'), align: 'right' }],
    rows: rateRows(rate.bySector, language),
  });

  // Knowledge and experience per scheme: the schemes anyone knows or has used, as in the appendix.
  report.heading(t('schemes'));
  const levels = summary.knowledgeLevels;
  const known = summary.schemes.filter(
    (scheme) =>
      (scheme.experience.overall.counts.earlier ?? 0) + (scheme.experience.overall.counts.ongoing ?? 0) > 0 ||
      levels.slice(1).some((level) => (scheme.knowledge?.overall.counts[level.key] ?? 0) > 0),
  );
  report.table({
    columns: [{ header: t('scheme'), width: 3 }, ...levels.map((level) => ({ header: level.label, align: 'right' as const })), { header: t('earlier'), align: 'right' }, { header: t('ongoing'), align: 'right' }],
    rows: known.map((scheme) => [
      scheme.programmeName,
      ...levels.map((level) => String(scheme.knowledge?.overall.counts[level.key] ?? 0)),
      String(scheme.experience.overall.counts.earlier ?? 0),
      String(scheme.experience.overall.counts.ongoing ?? 0),
    ]),
    empty: t('none'),
  });

  for (const [key, question] of [['interest', summary.interest], ['cooperationAreas', summary.cooperationAreas], ['needs', summary.needs]] as const) {
    if (!question) continue;
    report.heading(t(key));
    choiceTable(report, question, language);
    if (key === 'interest' && question.items[0]) {
      report.heading(t('byMunicipality'), 3);
      byMunicipalityTable(report, question, question.items[0].distribution, language);
    }
  }

  report.heading(t('benefits'));
  report.table({
    columns: [{ header: t('scheme'), width: 3 }, { header: t('projects'), align: 'right' }, { header: t('meanScore'), align: 'right' }],
    rows: summary.benefits.map((benefit) => [benefit.programmeName, String(benefit.projects), benefit.mean === null ? '' : benefit.mean.toLocaleString(LOCALES[language])]),
    empty: t('none'),
  });
  for (const benefit of summary.benefits.filter((b) => b.reasons.length > 0)) {
    report.heading(benefit.programmeName, 3);
    for (const reason of benefit.reasons) report.paragraph(`«${reason.text}»${reason.score === null ? '' : ` (${reason.score})`}${reason.unit ? ` – ${reason.unit}` : ''}`);
  }

  report.heading(t('champions'));
  if (summary.namesShown) {
    report.table({
      columns: [{ header: t('unit'), width: 3 }, { header: t('municipality'), width: 2 }, { header: t('sector'), width: 2 }, { header: t('scheme'), width: 3 }],
      rows: summary.champions.units.map((unit) => [unit.name, unit.municipalityName, unit.sectorName, unit.programmes.map((p) => p.name).join(', ')]),
      empty: t('none'),
    });
  } else report.paragraph(`${t('unitsCount')}: ${summary.champions.count}`);

  report.heading(t('interestedWithoutExperience'));
  if (summary.namesShown) {
    report.table({
      columns: [{ header: t('unit'), width: 3 }, { header: t('municipality'), width: 2 }, { header: t('sector'), width: 2 }, { header: t('cooperationAreas'), width: 3 }],
      rows: summary.interestedWithoutExperience.units.map((unit) => [unit.name, unit.municipalityName, unit.sectorName, unit.areas.join(', ')]),
      empty: t('none'),
    });
  } else report.paragraph(`${t('unitsCount')}: ${summary.interestedWithoutExperience.count}`);

  report.heading(t('freeText'));
  if (summary.freeText.length === 0) report.paragraph(t('none'));
  for (const group of summary.freeText) {
    report.heading(`${group.label} (${group.count})`, 3);
    for (const answer of group.answers) report.paragraph(`«${answer.text}»${answer.unit ? ` – ${answer.unit}` : ''}`);
  }
  return report.finish();
}
