/**
 * A survey round with invited units and realistic answers, for tests and the bench. Deterministic: the
 * same options give the same units, answers and submissions (a seeded generator, no clock but `now`).
 * Units are spread over Moss, Råde, Vestby and Våler and the municipal sectors, like the pre-study's
 * respondents; about a quarter have project experience (Erasmus+ schools stand out), most some interest.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.js';
import type { Actor } from '../../src/platform/audit/audit.js';
import { hashToken } from '../../src/platform/auth/tokens.js';
import { MUNICIPAL_SECTORS } from '../../src/reference/codes.js';
import { createRound } from '../../src/survey/rounds.js';
import { insertQuestions, latestVersion } from '../../src/survey/repository.js';
import { surveyAnswers, surveyInvitees, surveyRounds } from '../../src/survey/tables.js';
import { COOPERATION_AREAS, KNOWLEDGE_LEVELS, NEEDS, TEMPLATE_KEYS } from '../../src/survey/template.js';

export const FIXTURE_MUNICIPALITIES = { moss: '3103', rade: '3112', vestby: '3216', valer: '3114' } as const;

export interface SurveyFixtureOptions {
  organisationId: string;
  /** Units invited (default 40). */
  units?: number;
  /** Share of units that answered anything (default 0.75) and of those that submitted (default 0.8). */
  answeredShare?: number;
  submittedShare?: number;
  /** Extra scale questions `extra-1`… added to the template's eight (the bench asks for 60 questions in all). */
  extraQuestions?: number;
  /** Programme ids the knowledge and project answers use; by default those in the catalogue table. */
  programmeIds?: string[];
  /** The round is open (default) or closed. */
  status?: 'open' | 'closed';
  minGroupSize?: number;
  seed?: number;
  actor?: Actor;
  now?: Date;
}

export interface SurveyFixture {
  roundId: string;
  inviteeIds: string[];
  /** Each invitee's personal link token, in the order of `inviteeIds`. */
  tokens: string[];
  answered: number;
  submitted: number;
}

/** Mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    some: <T>(items: readonly T[], chance: number): T[] => items.filter(() => next() < chance),
  };
}

const UNIT_NAMES: Record<(typeof MUNICIPAL_SECTORS)[number], string[]> = {
  education: ['skole', 'barnehage', 'ungdomsskole', 'voksenopplæring'],
  'health-social': ['sykehjem', 'hjemmetjeneste', 'helsestasjon', 'NAV'],
  culture: ['bibliotek', 'kulturskole', 'kulturhus'],
  technical: ['vann og avløp', 'vei og park', 'eiendom'],
  environment: ['landbrukskontor', 'miljøvern'],
  'community-development': ['plan og utvikling', 'samfunnsutvikling'],
  'business-labour': ['næringsavdeling', 'arbeidsinkludering'],
};

const WHY = ['Elevene fikk venner i andre land og lærte engelsk i praksis.', 'Vi lærte nye arbeidsmåter av partnerne.', 'Mye arbeid med rapportering, men verdt det.', 'Nettverket brukes fortsatt.'];
const COMMENTS = ['Vi trenger hjelp til å skrive søknader.', 'Interessert i samarbeid om klimatilpasning med nabokommunene.', 'Tid er den største utfordringen.', 'Gjerne felles søknad med andre skoler i regionen.', ''];

export async function createSurveyFixture(db: Db, options: SurveyFixtureOptions): Promise<SurveyFixture> {
  const random = generator(options.seed ?? 2021);
  const now = options.now ?? new Date();
  const actor = options.actor ?? { userId: null, label: 'survey fixture' };
  const round = await createRound(db, options.organisationId, { title: 'Kartlegging av internasjonalt samarbeid', closesAt: new Date(now.getTime() + 14 * 86_400_000), minGroupSize: options.minGroupSize ?? 3 }, actor, now);
  const extra = options.extraQuestions ?? 0;
  if (extra > 0) {
    await insertQuestions(
      db,
      round.id,
      await Promise.all(
        Array.from({ length: extra }, async (_, i) => ({
          key: `extra-${i + 1}`,
          version: (await latestVersion(db, round.id, `extra-${i + 1}`)) + 1,
          position: 100 + i,
          section: 'interest',
          required: false,
          definition: { type: 'scale' as const, scale: { min: 1, max: 5 }, texts: { nb: { label: `Tilleggsspørsmål ${i + 1}` }, en: { label: `Extra question ${i + 1}` } } },
        })),
      ),
    );
  }
  const programmeIds: string[] = options.programmeIds ?? (await db.execute(sql`SELECT id FROM programmes ORDER BY id`).then((r) => (r as unknown as { rows: Array<{ id: string }> }).rows.map((row) => row.id)));
  const municipalities = Object.values(FIXTURE_MUNICIPALITIES);
  const units = options.units ?? 40;
  const tokens: string[] = [];
  const invitees = Array.from({ length: units }, (_, i) => {
    const sector = MUNICIPAL_SECTORS[i % MUNICIPAL_SECTORS.length]!;
    const municipalityCode = municipalities[Math.floor(i / MUNICIPAL_SECTORS.length) % municipalities.length]!;
    const token = `fixture-${options.seed ?? 2021}-${i}-${round.id}`;
    tokens.push(token);
    const name = `${random.pick(UNIT_NAMES[sector])} ${i + 1}`.replace(/^./, (c) => c.toUpperCase());
    return { roundId: round.id, name, email: `enhet${i + 1}@kommune${municipalityCode}.example`, municipalityCode, sector, language: 'nb', tokenHash: hashToken(token), invitedAt: now, lastSentAt: now };
  });
  const inserted = await db.insert(surveyInvitees).values(invitees).returning({ id: surveyInvitees.id, sector: surveyInvitees.sector });
  const answeredShare = options.answeredShare ?? 0.75;
  const submittedShare = options.submittedShare ?? 0.8;
  let answered = 0;
  let submitted = 0;
  const answers: Array<typeof surveyAnswers.$inferInsert> = [];
  const submittedIds: string[] = [];
  for (const invitee of inserted) {
    if (random.next() >= answeredShare) continue;
    answered++;
    const experienced = random.next() < (invitee.sector === 'education' ? 0.5 : 0.2);
    const add = (questionKey: string, value: unknown) => answers.push({ inviteeId: invitee.id, roundId: round.id, questionKey, questionVersion: 1, value, updatedAt: now });
    if (experienced) {
      add(
        TEMPLATE_KEYS.earlierProjects,
        Array.from({ length: random.int(1, 3) }, () => ({
          programme: programmeIds.length > 0 && random.next() < 0.8 ? { choice: random.pick(programmeIds) } : { choice: 'other', other: 'Nordplus' },
          year: random.int(2012, 2021),
          partners: 'Partnere i Sverige og Spania',
          benefit: random.int(2, 5),
          why: random.pick(WHY),
        })),
      );
    }
    if (programmeIds.length > 0) {
      add(TEMPLATE_KEYS.knowledge, Object.fromEntries(programmeIds.map((id) => [id, experienced && random.next() < 0.3 ? 'have-used-it' : random.pick(KNOWLEDGE_LEVELS.slice(0, 3))])));
    }
    add(TEMPLATE_KEYS.interest, experienced ? random.int(2, 3) : random.int(0, 3));
    const areas = random.some(COOPERATION_AREAS, 0.2);
    add(TEMPLATE_KEYS.cooperationAreas, random.next() < 0.1 ? { choices: areas, other: 'Havbruk' } : { choices: areas });
    add(TEMPLATE_KEYS.needs, { choices: random.some(NEEDS, 0.5) });
    const comment = random.pick(COMMENTS);
    if (comment !== '') add(TEMPLATE_KEYS.comments, comment);
    for (let i = 1; i <= extra; i++) add(`extra-${i}`, random.int(1, 5));
    if (random.next() < submittedShare) {
      submitted++;
      submittedIds.push(invitee.id);
    }
  }
  // In batches: PostgreSQL takes at most 65 535 parameters per statement.
  for (let i = 0; i < answers.length; i += 1_000) await db.insert(surveyAnswers).values(answers.slice(i, i + 1_000));
  const answeredIds = [...new Set(answers.map((a) => a.inviteeId))];
  if (answeredIds.length > 0) {
    await db.execute(sql`UPDATE survey_invitees SET first_answered_at = ${now}, last_answered_at = ${now} WHERE id IN (${sql.join(answeredIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  if (submittedIds.length > 0) {
    await db.execute(sql`UPDATE survey_invitees SET submitted_at = ${now} WHERE id IN (${sql.join(submittedIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  }
  await db.update(surveyRounds).set({ status: options.status ?? 'open', opensAt: now }).where(sql`${surveyRounds.id} = ${round.id}`);
  return { roundId: round.id, inviteeIds: inserted.map((i) => i.id), tokens, answered, submitted };
}
