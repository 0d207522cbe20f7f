/**
 * The council report (PDF): what the dashboard shows for an organisation tree, as a document to put
 * before a council or committee — the organisation and date, key figures, money by status and
 * programme, success rate, grant per NOK of own share, running projects, next deadlines and benefits.
 * Headings and numbers in the language of the request.
 */
import { PdfDocumentBuilder } from '../platform/export/pdf.js';
import type { Language } from '../reference/codes.js';
import type { DashboardFigures } from './dashboard.js';
import { EXCHANGE_TEXTS, formatAmount, formatDay } from './export-texts.js';
import { benefitName, statusName } from './export.js';

export interface ReportContext {
  /** The organisation the report is about; null: everything the person may read. */
  organisationName: string | null;
  /** The filters beyond the organisation, in words (empty when none). */
  selection: string[];
  today: string;
  rate: { nokPerEur: string; date: string };
}

export async function councilReport(figures: DashboardFigures, context: ReportContext, language: Language): Promise<Buffer> {
  const t = EXCHANGE_TEXTS[language];
  const r = t.report;
  const c = t.columns;
  const money = (amount: string) => formatAmount(amount, language);
  const day = (value: string | null) => (value ? formatDay(value, language) : '–');
  const organisation = context.organisationName ?? r.allOrganisations;
  const pdf = await PdfDocumentBuilder.create({ title: `${r.title} – ${organisation}`, lang: t.locale, subject: r.title, pageLabel: r.page });

  pdf.title(r.title, r.subtitle(organisation, day(context.today)));
  if (context.selection.length > 0) pdf.paragraph(r.filtered(context.selection.join('; ')));

  pdf.heading(r.keyFigures).table({
    columns: [{ header: c.figure, width: 3 }, { header: c.value, width: 2, align: 'right' }],
    rows: [
      [t.figures.initiatives, String(figures.totals.count)],
      [t.figures.budgetNok, money(figures.totals.budgetNok)],
      [t.figures.grantNok, money(figures.totals.grantNok)],
      [t.figures.ownShareNok, money(figures.totals.ownShareNok)],
      [t.figures.coFinancingNok, money(figures.totals.coFinancingNok)],
      [t.figures.hoursApplication, formatAmount(figures.totals.hoursApplication, language, 1)],
      [t.figures.hoursProject, formatAmount(figures.totals.hoursProject, language, 1)],
    ],
  });
  pdf.paragraph(r.moneyNote(formatAmount(context.rate.nokPerEur, language, 2), day(context.rate.date)));

  pdf.heading(r.byStatus).table({
    columns: [{ header: c.status, width: 3 }, { header: c.count, width: 1, align: 'right' }, { header: c.budgetNok, width: 2, align: 'right' }, { header: c.grantNok, width: 2, align: 'right' }, { header: c.ownShareNok, width: 2, align: 'right' }],
    rows: figures.byStatus.map((s) => [statusName(s.status, language), String(s.count), money(s.budgetNok), money(s.grantNok), money(s.ownShareNok)]),
    empty: r.none,
  });

  pdf.heading(r.byProgramme).table({
    columns: [{ header: c.programme, width: 5 }, { header: c.count, width: 1, align: 'right' }, { header: c.grantNok, width: 2, align: 'right' }],
    rows: figures.byProgramme.map((p) => [p.name || r.otherProgramme, String(p.count), money(p.grantNok)]),
    empty: r.none,
  });

  pdf.heading(r.successRate);
  const rate = figures.successRate;
  pdf.paragraph(rate.rate === null ? r.noDecisions : r.successRateText(rate.granted, rate.decided, formatAmount((Math.round(rate.rate * 1000) / 10).toFixed(1), language, 1)));
  pdf.paragraph(figures.grantPerOwnShare === null ? r.noOwnShare : r.grantPerOwnShareText(money(figures.grantPerOwnShare)));

  pdf.heading(r.running).table({
    columns: [{ header: c.title, width: 5 }, { header: c.programme, width: 3 }, { header: c.start, width: 1.4 }, { header: c.end, width: 1.4 }],
    rows: figures.running.map((p) => [p.title, p.programmeName ?? '', day(p.startDate), day(p.endDate)]),
    empty: r.none,
  });

  pdf.heading(r.deadlines).table({
    columns: [{ header: c.title, width: 5 }, { header: c.programme, width: 3 }, { header: c.deadline, width: 1.4 }],
    rows: figures.nextDeadlines.map((d) => [d.title, d.programmeName ?? '', day(d.deadline)]),
    empty: r.none,
  });

  pdf.heading(r.benefits).table({
    columns: [{ header: c.benefit, width: 4 }, { header: c.count, width: 1, align: 'right' }, { header: c.average, width: 1.5, align: 'right' }],
    rows: figures.benefits.map((b) => [benefitName(b.benefit, language), String(b.count), formatAmount(b.average.toFixed(2), language, 2)]),
    empty: r.none,
  });

  return pdf.finish();
}
