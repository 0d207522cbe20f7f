/**
 * What the portfolio's exports hold (pure): the columns of the initiative list export, and the
 * dashboard's tables, with headers in the language of the request. The routes stream the rows.
 */
import type { ExportColumn } from '../platform/export/columns.js';
import type { Language } from '../reference/codes.js';
import { CODE_NAMES } from '../reference/code-names.js';
import type { MunicipalSector } from '../reference/codes.js';
import type { DashboardFigures } from './dashboard.js';
import type { InitiativeExportRow } from './repository.js';
import { EXCHANGE_TEXTS } from './export-texts.js';
import { PORTFOLIO_STATUS_NAMES } from './messages.js';
import type { Benefit } from './benefits.js';
import type { Status } from './life-cycle.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function sectorName(sector: string, language: Language): string {
  return CODE_NAMES.municipalSector[sector as MunicipalSector]?.[language] ?? sector;
}

export function statusName(status: string, language: Language): string {
  return PORTFOLIO_STATUS_NAMES[status as Status]?.[language] ?? status;
}

export function benefitName(benefit: string, language: Language): string {
  return EXCHANGE_TEXTS[language].benefits[benefit as Benefit] ?? benefit;
}

/** Every column of an initiative the list shows and more: what a spreadsheet user filters and sums. */
export function initiativeColumns(language: Language): ExportColumn<InitiativeExportRow>[] {
  const c = EXCHANGE_TEXTS[language].columns;
  const t = EXCHANGE_TEXTS[language];
  return [
    { header: c.title, type: 'text', value: (r) => r.title, width: 50 },
    { header: c.status, type: 'text', value: (r) => statusName(r.status, language), width: 18 },
    { header: c.organisation, type: 'text', value: (r) => r.organisationName },
    { header: c.programme, type: 'text', value: (r) => r.programmeName ?? r.otherProgramme },
    { header: c.priority, type: 'text', value: (r) => r.priorityCode, width: 14 },
    { header: c.callReference, type: 'text', value: (r) => r.callReference, width: 22 },
    { header: c.deadline, type: 'date', value: (r) => r.deadline },
    { header: c.start, type: 'date', value: (r) => r.startDate },
    { header: c.end, type: 'date', value: (r) => r.endDate },
    { header: c.currency, type: 'text', value: (r) => r.currency, width: 8 },
    { header: c.budget, type: 'amount', value: (r) => r.budgetAmount },
    { header: c.grant, type: 'amount', value: (r) => r.grantAmount },
    { header: c.ownShare, type: 'amount', value: (r) => r.ownShareAmount },
    { header: c.coFinancing, type: 'amount', value: (r) => r.coFinancingAmount },
    { header: c.nokRate, type: 'decimal', value: (r) => r.nokRate },
    { header: c.nokRateDate, type: 'date', value: (r) => r.nokRateDate },
    { header: c.budgetNok, type: 'amount', value: (r) => r.budgetNok },
    { header: c.grantNok, type: 'amount', value: (r) => r.grantNok },
    { header: c.ownShareNok, type: 'amount', value: (r) => r.ownShareNok },
    { header: c.coFinancingNok, type: 'amount', value: (r) => r.coFinancingNok },
    { header: c.hoursApplication, type: 'decimal', value: (r) => r.hoursApplication },
    { header: c.hoursProject, type: 'decimal', value: (r) => r.hoursProject },
    { header: c.sectors, type: 'text', value: (r) => r.sectors.map((s) => sectorName(s, language)).join(', ') },
    { header: c.sdgGoals, type: 'text', value: (r) => r.sdgGoals.join(', '), width: 14 },
    { header: c.sdgTargets, type: 'text', value: (r) => r.sdgTargets.join(', '), width: 14 },
    { header: c.leadPartner, type: 'text', value: (r) => r.leadPartner },
    { header: c.contact, type: 'text', value: (r) => r.contactName },
    { header: c.summary, type: 'text', value: (r) => r.summary, width: 60 },
    { header: c.private, type: 'text', value: (r) => (r.private ? t.yes : t.no), width: 8 },
    { header: c.updated, type: 'datetime', value: (r) => r.updatedAt },
    { header: c.created, type: 'datetime', value: (r) => r.createdAt },
    { header: c.id, type: 'text', value: (r) => r.id, width: 38 },
  ];
}

/** One of the dashboard's tables, for a sheet (XLSX) or a section (CSV). */
export interface DashboardTable {
  title: string;
  columns: ExportColumn<any>[];
  rows: unknown[];
}

type Figures = DashboardFigures;

/** The dashboard as tables: key figures, money by status, programme, sector and year, benefits, running projects, next deadlines. */
export function dashboardTables(figures: Figures, language: Language, rate: { nokPerEur: string; date: string }): DashboardTable[] {
  const t = EXCHANGE_TEXTS[language];
  const c = t.columns;
  const f = t.figures;
  const keyFigures: Array<[string, string | number | null]> = [
    [f.initiatives, figures.totals.count],
    [f.budgetNok, figures.totals.budgetNok],
    [f.grantNok, figures.totals.grantNok],
    [f.ownShareNok, figures.totals.ownShareNok],
    [f.coFinancingNok, figures.totals.coFinancingNok],
    [f.hoursApplication, figures.totals.hoursApplication],
    [f.hoursProject, figures.totals.hoursProject],
    [f.decided, figures.successRate.decided],
    [f.granted, figures.successRate.granted],
    [f.successRate, figures.successRate.rate],
    [f.grantPerOwnShare, figures.grantPerOwnShare],
    [f.rate(rate.nokPerEur, rate.date), rate.nokPerEur],
  ];
  return [
    { title: t.sheets.totals, columns: [{ header: c.figure, type: 'text', value: (r: [string, unknown]) => r[0], width: 40 }, { header: c.value, type: 'decimal', value: (r: [string, string | number | null]) => r[1], width: 18 }], rows: keyFigures },
    {
      title: t.sheets.byStatus,
      columns: [
        { header: c.status, type: 'text', value: (r: Figures['byStatus'][number]) => statusName(r.status, language) },
        { header: c.count, type: 'integer', value: (r: Figures['byStatus'][number]) => r.count },
        { header: c.budgetNok, type: 'amount', value: (r: Figures['byStatus'][number]) => r.budgetNok },
        { header: c.grantNok, type: 'amount', value: (r: Figures['byStatus'][number]) => r.grantNok },
        { header: c.ownShareNok, type: 'amount', value: (r: Figures['byStatus'][number]) => r.ownShareNok },
        { header: c.coFinancingNok, type: 'amount', value: (r: Figures['byStatus'][number]) => r.coFinancingNok },
      ],
      rows: figures.byStatus,
    },
    {
      title: t.sheets.byProgramme,
      columns: [
        { header: c.programme, type: 'text', value: (r: Figures['byProgramme'][number]) => r.name || t.report.otherProgramme, width: 50 },
        { header: c.count, type: 'integer', value: (r: Figures['byProgramme'][number]) => r.count },
        { header: c.grantNok, type: 'amount', value: (r: Figures['byProgramme'][number]) => r.grantNok },
      ],
      rows: figures.byProgramme,
    },
    {
      title: t.sheets.bySector,
      columns: [
        { header: c.sector, type: 'text', value: (r: Figures['bySector'][number]) => sectorName(r.sector, language) },
        { header: c.count, type: 'integer', value: (r: Figures['bySector'][number]) => r.count },
        { header: c.grantNok, type: 'amount', value: (r: Figures['bySector'][number]) => r.grantNok },
      ],
      rows: figures.bySector,
    },
    {
      title: t.sheets.byYear,
      columns: [
        { header: c.year, type: 'integer', value: (r: Figures['byYear'][number]) => r.year },
        { header: c.count, type: 'integer', value: (r: Figures['byYear'][number]) => r.count },
        { header: c.grantNok, type: 'amount', value: (r: Figures['byYear'][number]) => r.grantNok },
        { header: c.ownShareNok, type: 'amount', value: (r: Figures['byYear'][number]) => r.ownShareNok },
      ],
      rows: figures.byYear,
    },
    {
      title: t.sheets.benefits,
      columns: [
        { header: c.benefit, type: 'text', value: (r: Figures['benefits'][number]) => benefitName(r.benefit, language) },
        { header: c.count, type: 'integer', value: (r: Figures['benefits'][number]) => r.count },
        { header: c.average, type: 'decimal', value: (r: Figures['benefits'][number]) => r.average },
      ],
      rows: figures.benefits,
    },
    {
      title: t.sheets.running,
      columns: [
        { header: c.title, type: 'text', value: (r: Figures['running'][number]) => r.title, width: 50 },
        { header: c.programme, type: 'text', value: (r: Figures['running'][number]) => r.programmeName },
        { header: c.start, type: 'date', value: (r: Figures['running'][number]) => r.startDate },
        { header: c.end, type: 'date', value: (r: Figures['running'][number]) => r.endDate },
      ],
      rows: figures.running,
    },
    {
      title: t.sheets.deadlines,
      columns: [
        { header: c.title, type: 'text', value: (r: Figures['nextDeadlines'][number]) => r.title, width: 50 },
        { header: c.programme, type: 'text', value: (r: Figures['nextDeadlines'][number]) => r.programmeName },
        { header: c.deadline, type: 'date', value: (r: Figures['nextDeadlines'][number]) => r.deadline },
      ],
      rows: figures.nextDeadlines,
    },
  ];
}

/** `initiativ-2025-05-01.xlsx` */
export function exportFileName(base: string, format: ExportFormat | 'pdf', today: Date): string {
  return `${base}-${today.toISOString().slice(0, 10)}.${format}`;
}
