/**
 * The survey analysis routes in the authorisation matrix, and the round they are called on: the
 * pre-study's survey (the default template) for Moss, Råde, Vestby and Våler with answers
 * (`seedMossRegionRound`, also used by tests/api/survey-analysis.test.ts and bench/survey.ts). The
 * round belongs to Moss kommune in Østfold's tree.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../src/platform/db/client.js';
import { hashToken } from '../../../src/platform/auth/tokens.js';
import { eq } from 'drizzle-orm';
import { surveyAnswers, surveyInvitees, surveyRounds } from '../../../src/survey/tables.js';
import { createRound } from '../../../src/survey/rounds.js';
import { SETUP_ACTOR } from '../tenants.js';
import type { Tenants } from '../tenants.js';
import type { CapabilityMatrix } from './types.js';

export const MUNICIPALITIES = { moss: '3103', rade: '3112', vestby: '3216', valer: '3114' } as const;

interface Unit {
  name: string;
  municipality: string;
  sector: string;
  answers?: Record<string, unknown>;
}

const project = (programme: string, benefit: number, why?: string) => ({ programme: { choice: programme }, year: 2019, benefit, ...(why ? { why } : {}) });
const ongoing = (programme: string, description: string) => ({ programme: { choice: programme }, year: 2021, description });

/** The units and what they answered; figures in the API test are worked out by hand from this. */
export const MOSS_UNITS: Unit[] = [
  {
    name: 'Verket skole',
    municipality: MUNICIPALITIES.moss,
    sector: 'education',
    answers: {
      'earlier-projects': [project('erasmus-plus', 5, 'Mer kunnskap om bærekraftig utvikling')],
      knowledge: { 'erasmus-plus': 'have-used-it', 'nordic-council-of-ministers': 'heard-of' },
      interest: 3,
      'cooperation-areas': { choices: ['climate', 'sustainability'] },
      needs: { choices: ['guidance', 'time'] },
    },
  },
  {
    name: 'Ramberg skole',
    municipality: MUNICIPALITIES.moss,
    sector: 'education',
    answers: {
      'ongoing-projects': [ongoing('erasmus-plus', 'Innsikt i andre lands undervisningsformer')],
      knowledge: { 'erasmus-plus': 'have-used-it' },
      interest: 3,
      'cooperation-areas': { choices: ['climate', 'democracy-citizenship'] },
      needs: { choices: ['time'] },
    },
  },
  {
    name: 'Kirkeparken skole',
    municipality: MUNICIPALITIES.moss,
    sector: 'education',
    answers: { knowledge: { 'erasmus-plus': 'heard-of' }, interest: 2, 'cooperation-areas': { choices: ['climate'] }, needs: { choices: ['guidance', 'partners'] } },
  },
  {
    name: 'Kommunalteknikk Moss',
    municipality: MUNICIPALITIES.moss,
    sector: 'technical',
    answers: {
      knowledge: { 'erasmus-plus': 'none' },
      interest: 2,
      'cooperation-areas': { choices: ['technical-services', 'climate', 'digitalisation'] },
      needs: { choices: ['guidance', 'money'] },
      comments: 'Vi ønsker samarbeid om overvann og klimatilpasning',
    },
  },
  {
    name: 'Helse og mestring Moss',
    municipality: MUNICIPALITIES.moss,
    sector: 'health-social',
    answers: {
      'earlier-projects': [project('interreg-sverige-norge', 3)],
      knowledge: { 'erasmus-plus': 'none' },
      interest: 1,
      'cooperation-areas': { choices: ['public-health', 'life-skills'] },
    },
  },
  { name: 'Moss bibliotek', municipality: MUNICIPALITIES.moss, sector: 'culture' },
  {
    name: 'Spetalen skole',
    municipality: MUNICIPALITIES.rade,
    sector: 'education',
    answers: {
      'earlier-projects': [project('erasmus-plus', 5, 'Økt fellesskap blant de ansatte')],
      knowledge: { 'erasmus-plus': 'have-used-it' },
      interest: 3,
      'cooperation-areas': { choices: ['climate', 'art-culture'] },
      needs: { choices: ['time'] },
    },
  },
  { name: 'Råde kulturskole', municipality: MUNICIPALITIES.rade, sector: 'culture', answers: { knowledge: { 'erasmus-plus': 'heard-of' }, interest: 0 } },
  {
    name: 'Råde teknisk',
    municipality: MUNICIPALITIES.rade,
    sector: 'technical',
    answers: { knowledge: { 'erasmus-plus': 'none' }, interest: 2, 'cooperation-areas': { choices: ['technical-services'] }, needs: { choices: ['partners'] } },
  },
  {
    name: 'Vestby skole',
    municipality: MUNICIPALITIES.vestby,
    sector: 'education',
    answers: {
      knowledge: { 'erasmus-plus': 'know-it' },
      interest: 2,
      'cooperation-areas': { choices: ['climate'] },
      comments: 'Elevutveksling med en partnerskole i Sverige',
    },
  },
  {
    name: 'Vestby teknisk drift',
    municipality: MUNICIPALITIES.vestby,
    sector: 'technical',
    answers: { knowledge: { 'erasmus-plus': 'none' }, interest: 1, 'cooperation-areas': { choices: ['technical-services', 'operation-maintenance'], other: 'Ladeinfrastruktur for kommunens biler' } },
  },
  {
    name: 'Våler skole',
    municipality: MUNICIPALITIES.valer,
    sector: 'education',
    answers: {
      'earlier-projects': [project('erasmus-plus', 4)],
      knowledge: { 'erasmus-plus': 'have-used-it' },
      interest: 2,
      'cooperation-areas': { choices: ['democracy-citizenship'] },
      needs: { choices: ['guidance'] },
    },
  },
  { name: 'Våler kommunalteknikk', municipality: MUNICIPALITIES.valer, sector: 'technical' },
];

export interface SeededRound {
  roundId: string;
  inviteeIds: Record<string, string>;
}

/** The pre-study's round at `organisationId`, with its questions, invitees and answers. */
export async function seedMossRegionRound(db: Db, organisationId: string, minGroupSize = 3): Promise<SeededRound> {
  // Created as a coordinator would: the template's questions are copied in.
  const { id: roundId } = await createRound(db, organisationId, { title: 'Internasjonalt samarbeid i Mosseregionen', closesAt: new Date(Date.now() + 14 * 86_400_000), minGroupSize }, SETUP_ACTOR);
  await db.update(surveyRounds).set({ status: 'open', opensAt: new Date() }).where(eq(surveyRounds.id, roundId));
  const inviteeIds: Record<string, string> = {};
  for (const unit of MOSS_UNITS) {
    const answered = unit.answers !== undefined;
    const [invitee] = await db
      .insert(surveyInvitees)
      .values({
        roundId,
        name: unit.name,
        email: `${unit.name.toLowerCase().replace(/[^a-z]+/g, '.')}@${unit.municipality}.example`,
        municipalityCode: unit.municipality,
        sector: unit.sector,
        tokenHash: hashToken(randomBytes(24).toString('base64url')),
        invitedAt: new Date(),
        ...(answered ? { firstAnsweredAt: new Date(), lastAnsweredAt: new Date(), submittedAt: new Date() } : {}),
      })
      .returning({ id: surveyInvitees.id });
    inviteeIds[unit.name] = invitee!.id;
    const answers = Object.entries(unit.answers ?? {});
    if (answers.length > 0) await db.insert(surveyAnswers).values(answers.map(([questionKey, value]) => ({ inviteeId: invitee!.id, roundId, questionKey, questionVersion: 1, value })));
  }
  return { roundId, inviteeIds };
}

const round = (_t: Tenants, objects: Record<string, string>) => ({ id: objects.surveyRound! });

export const matrix: CapabilityMatrix = {
  seed: async (db, t) => ({ surveyRound: (await seedMossRegionRound(db, t.moss)).roundId }),
  calls: {
    'GET /api/surveys/rounds/:id/summary': { params: round },
    'GET /api/surveys/rounds/:id/opportunities': { params: round },
    'POST /api/surveys/rounds/:id/joint-candidates/:key/initiative': { params: (t, objects) => ({ ...round(t, objects), key: 'education~climate' }), body: () => ({}) },
    'GET /api/surveys/rounds/:id/answers.xlsx': { params: round },
    'GET /api/surveys/rounds/:id/report.pdf': { params: round },
  },
};
