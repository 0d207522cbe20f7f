/**
 * The portfolio's exports, report, calendar feeds and import in the authorisation matrix, and the
 * initiatives they work on (`seedExchangeInitiatives`, also used by tests/api/portfolio-exchange.test.ts):
 * three in Moss (one running with dates and money in EUR, one application with a deadline, one
 * rejected), a private idea in Verket skole, and one in Bergen (another tenant).
 */
import type { Db } from '../../../src/platform/db/client.js';
import { initiativeBudgetLines, initiatives } from '../../../src/portfolio/tables.js';
import type { Tenants } from '../tenants.js';
import type { CapabilityMatrix } from './types.js';

export interface ExchangeInitiatives {
  kyststien: string;
  erasmus: string;
  rejected: string;
  privateIdea: string;
  bergen: string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export async function seedExchangeInitiatives(db: Db, t: Tenants): Promise<ExchangeInitiatives> {
  const rows = await db
    .insert(initiatives)
    .values([
      {
        organisationId: t.moss,
        title: 'Kyststien – grenseløs tur langs Østfold-kysten; «ærlig» talt',
        summary: 'Turvei fra Moss til Strömstad, med skilting på norsk og svensk.',
        status: 'running',
        otherProgramme: 'Interreg Sverige–Norge',
        startDate: inDays(-200),
        endDate: inDays(300),
        currency: 'EUR',
        budgetAmount: '100000.00',
        grantAmount: '60000.00',
        ownShareAmount: '40000.00',
        coFinancingAmount: '0.00',
        nokRate: '11.5',
        nokRateDate: '2024-06-30',
        sectors: ['culture'],
        sdgGoals: [3, 11],
      },
      { organisationId: t.moss, title: '=HYPERLINK("http://evil.example","Erasmus+ i skolene")', status: 'application', deadline: inDays(20), currency: 'NOK', budgetAmount: '250000.50', grantAmount: '250000.50', sectors: ['education'] },
      { organisationId: t.moss, title: 'Unionsleden', status: 'rejected', deadline: inDays(-30), currency: 'NOK' },
      { organisationId: t.verket, title: 'Hemmelig idé for Verket skole', status: 'idea', private: true, deadline: inDays(40) },
      { organisationId: t.bergen, title: 'Bergen – Hansabyer i nettverk', status: 'application', deadline: inDays(10) },
    ])
    .returning({ id: initiatives.id, title: initiatives.title });
  const id = (prefix: string) => rows.find((r) => r.title.startsWith(prefix) || r.title.includes(prefix))!.id;
  const ids = { kyststien: id('Kyststien'), erasmus: id('Erasmus+'), rejected: id('Unionsleden'), privateIdea: id('Hemmelig'), bergen: id('Bergen') };
  await db.insert(initiativeBudgetLines).values([
    { initiativeId: ids.kyststien, position: 0, kind: 'grant', label: 'Interreg', amount: '60000.00' },
    { initiativeId: ids.kyststien, position: 1, kind: 'own-share', label: 'Moss kommune', amount: '40000.00' },
  ]);
  return ids;
}

const NO_SUCH = '00000000-0000-4000-8000-000000000000';

export const matrix: CapabilityMatrix = {
  seed: async (db, t) => {
    const ids = await seedExchangeInitiatives(db, t);
    return { exchangeInitiative: ids.kyststien };
  },
  calls: {
    'GET /api/portfolio/initiatives/export': {},
    'GET /api/portfolio/dashboard/export': {},
    'GET /api/portfolio/report': {},
    'POST /api/portfolio/calendar-feeds': { body: (t) => ({ organisationId: t.moss }) },
    'GET /api/portfolio/calendar-feeds': {},
    'DELETE /api/portfolio/calendar-feeds/:id': { params: () => ({ id: NO_SUCH }) },
    'POST /api/portfolio/imports/preview': {},
    'POST /api/portfolio/imports/:previewId/commit': { params: () => ({ previewId: NO_SUCH }) },
    'GET /api/portfolio/imports/jobs/:jobId': { params: () => ({ jobId: NO_SUCH }) },
    'GET /api/portfolio/imports': {},
  },
};
