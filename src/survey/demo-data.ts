/**
 * The demo survey of the Moss region (`demo/moss-survey.yaml`), loaded with `serve --demo` after the
 * demo organisations and the catalogue: a closed round of Mosseregionen with the default questionnaire,
 * the units of Moss, Råde, Vestby and Våler invited, and most of them answered, so that the summary, the
 * charts, the opportunities and the joint candidates have something to show.
 *
 * The round and its invitees go through the same use cases as the API (createRound, addInvitees,
 * markOpen, closeRound: versioned questions, municipality and sector from the tree, audit events). No
 * mail is sent: invitees are added while the round is a draft, and the invitations are recorded as sent
 * on the opening day. Every answer is checked with `validateAnswer` against its question, as saving one
 * is. Loading is idempotent: when Mosseregionen already has a survey round, nothing happens.
 */
import { validatorOnFirstUse } from '../platform/validator-on-first-use.js';
import { Type, type Static } from '@sinclair/typebox';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { readYamlFile } from '../catalogue/files.js';
import type { Db } from '../platform/db/client.js';
import { projectPath } from '../platform/paths.js';
import { seededRandom } from '../platform/seeded-random.js';
import type { Mailer } from '../platform/mail/mailer.js';
import { DEMO_ACTOR, DEFAULT_DEMO_FILE, flattenDemoOrganisations, readDemoFile } from '../organisations/demo-data.js';
import { organisations } from '../organisations/tables.js';
import { addInvitees, type SurveyMail } from './invitees.js';
import { completenessProblem, validateAnswer, type QuestionDefinition } from './questions.js';
import { catalogueIds, currentQuestions } from './repository.js';
import { closeRound, createRound, markOpen, monthsAfter } from './rounds.js';
import { surveyAnswers, surveyInvitees, surveyRounds } from './tables.js';
import { KNOWLEDGE_LEVELS, TEMPLATE_KEYS } from './template.js';

export const DEFAULT_DEMO_SURVEY_FILE = projectPath('demo', 'moss-survey.yaml');

/** How long the demo round's answers are kept from the day they are loaded: well past any retention run at start. */
const DEMO_RETENTION_MONTHS = 60;

const DemoInvitee = Type.Object(
  {
    unit: Type.String({ pattern: '^[a-z0-9-]+$', description: 'Organisation key in demo/moss-region.yaml' }),
    name: Type.Optional(Type.String({ minLength: 1, description: "The invitee's name; by default the unit's" })),
    email: Type.Optional(Type.String({ pattern: '^[^\\s@]+@[^\\s@]+\\.example$' })),
    submitted: Type.Optional(Type.Boolean()),
    answers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
const DemoSurveyFile = Type.Object(
  {
    round: Type.Object(
      {
        organisation: Type.String({ pattern: '^[a-z0-9-]+$' }),
        title: Type.String({ minLength: 1 }),
        introduction: Type.String(),
        opensAt: Type.String({ format: 'date-time' }),
        closesAt: Type.String({ format: 'date-time' }),
        seed: Type.Integer(),
      },
      { additionalProperties: false },
    ),
    invitees: Type.Array(DemoInvitee, { minItems: 1 }),
  },
  { additionalProperties: false },
);
type DemoSurveyFile = Static<typeof DemoSurveyFile>;

const demoFileSchema = validatorOnFirstUse<DemoSurveyFile>(DemoSurveyFile, { formats: ['date-time'] });

export class DemoSurveyError extends Error {}

/** Schemes a unit may have heard of besides those the file names; mostly it has not (seed 001: little knowledge). */
const OTHER_SCHEMES = ['horizon-europe', 'eea-grants', 'creative-europe', 'interreg-oresund-kattegat-skagerrak', 'ks-international', 'oslo-region-european-office', 'interreg-north-sea', 'urbact'];
const otherLevel = (r: number): (typeof KNOWLEDGE_LEVELS)[number] => (r < 0.65 ? 'none' : r < 0.95 ? 'heard-of' : 'know-it');

/** The file's knowledge answer with a few more rows drawn from the generator (only schemes in the catalogue). */
function withMoreKnowledge(given: unknown, random: () => number, catalogue: ReadonlySet<string>): unknown {
  const rows = typeof given === 'object' && given !== null && !Array.isArray(given) ? { ...(given as Record<string, unknown>) } : {};
  const extra = 1 + Math.floor(random() * 3);
  const pool = OTHER_SCHEMES.filter((id) => catalogue.has(id) && !(id in rows));
  for (let i = 0; i < extra && pool.length > 0; i++) {
    const [id] = pool.splice(Math.floor(random() * pool.length), 1);
    rows[id!] = otherLevel(random());
  }
  return rows;
}

/** `days` after `from`'s day, at a whole minute between 08:00 and 15:59 UTC (`r` in [0, 1)); never before `from`. */
function officeHours(from: Date, days: number, r: number): Date {
  const day = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days);
  const at = new Date(day + (8 * 60 + Math.floor(r * 8 * 60)) * 60_000);
  return at < from ? new Date(from.getTime() + 60_000) : at;
}

/** Mail that must never be sent: the demo round is a draft while its invitees are added. */
const NO_MAIL: SurveyMail = {
  mailer: {
    transport: 'log',
    send: async () => {
      throw new DemoSurveyError('the demo survey sends no mail');
    },
  } satisfies Mailer,
  publicUrl: 'http://localhost',
};

export type DemoSurveyLoad = { loaded: false } | { loaded: true; invitees: number; answered: number };

export async function loadDemoSurvey(db: Db, file = DEFAULT_DEMO_SURVEY_FILE, organisationsFile = DEFAULT_DEMO_FILE, now = new Date()): Promise<DemoSurveyLoad> {
  const read = await readYamlFile(file);
  if (!read) throw new DemoSurveyError(`The demo survey file ${file} does not exist`);
  if (read.problems.length > 0) throw new DemoSurveyError(`${file}: ${read.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  const validateFile = demoFileSchema();
  if (!validateFile(read.document)) {
    throw new DemoSurveyError(`${file}: ${(validateFile.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`).join('; ')}`);
  }
  const demo = read.document;

  // The demo organisations in the database, by key: each found by its chain of names from the root.
  const flat = flattenDemoOrganisations((await readDemoFile(organisationsFile)).organisations);
  const rows = await db.select({ id: organisations.id, parentId: organisations.parentId, name: organisations.name }).from(organisations);
  const ids = new Map<string, string>();
  for (const { organisation, parentKey } of flat) {
    const parentId = parentKey === null ? null : (ids.get(parentKey) ?? undefined);
    if (parentId === undefined) continue;
    const row = rows.find((r) => r.name === organisation.name && r.parentId === parentId);
    if (row) ids.set(organisation.key, row.id);
  }
  const owner = ids.get(demo.round.organisation);
  if (!owner) return { loaded: false };
  const [present] = await db.select({ n: sql<number>`count(*)::int` }).from(surveyRounds).where(eq(surveyRounds.organisationId, owner));
  if ((present?.n ?? 0) > 0) return { loaded: false };

  const unitId = (key: string) => {
    const id = ids.get(key);
    if (!id) throw new DemoSurveyError(`${file}: no demo organisation "${key}" in the database (load the demo organisations first)`);
    return id;
  };
  const opensAt = new Date(demo.round.opensAt);
  const closesAt = new Date(demo.round.closesAt);
  const retentionUntil = monthsAfter(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())), DEMO_RETENTION_MONTHS);

  // Created the week before it opened (createRound refuses a closing date in its past).
  const created = await createRound(
    db,
    owner,
    { title: demo.round.title, introduction: demo.round.introduction, opensAt, closesAt, retentionUntil, language: 'nb' },
    DEMO_ACTOR,
    new Date(opensAt.getTime() - 7 * 86_400_000),
  );
  const roundId = created.id;

  const added = await addInvitees(
    db,
    NO_MAIL,
    roundId,
    { units: demo.invitees.map((invitee) => ({ organisationId: unitId(invitee.unit), person: { name: invitee.name ?? '', email: invitee.email ?? `${invitee.unit}@demo.example`, municipalityCode: null, sector: null } })) },
    DEMO_ACTOR,
  );
  if (added.skipped.length > 0) throw new DemoSurveyError(`${file}: invitees skipped: ${added.skipped.map((s) => `${s.email} (${s.reason})`).join(', ')}`);
  const inviteeOf = new Map(added.added.map((row) => [row.organisationId, row.id]));

  await markOpen(db, roundId, DEMO_ACTOR, opensAt);
  // The invitations as if sent on the opening day (nothing is mailed).
  await db.update(surveyInvitees).set({ invitedAt: opensAt, lastSentAt: opensAt }).where(eq(surveyInvitees.roundId, roundId));

  const questions = new Map((await currentQuestions(db, roundId)).map((q) => [q.key, q]));
  const catalogue = await catalogueIds(db);
  const random = seededRandom(demo.round.seed);
  const days = Math.floor((closesAt.getTime() - opensAt.getTime()) / 86_400_000);
  let answered = 0;
  const silent: string[] = [];
  for (const invitee of demo.invitees) {
    const inviteeId = inviteeOf.get(unitId(invitee.unit))!;
    if (!invitee.answers || Object.keys(invitee.answers).length === 0) {
      silent.push(inviteeId);
      continue;
    }
    const given: Record<string, unknown> = { ...invitee.answers };
    if (given[TEMPLATE_KEYS.knowledge] !== undefined) given[TEMPLATE_KEYS.knowledge] = withMoreKnowledge(given[TEMPLATE_KEYS.knowledge], random, catalogue);
    // First answers within the first weeks, finished within a few days, in office hours; before closing.
    const first = officeHours(opensAt, Math.floor(random() * days * 0.6), random());
    const last = new Date(Math.min(officeHours(first, Math.floor(random() * 4), random()).getTime(), closesAt.getTime() - 60_000));
    const values: Array<typeof surveyAnswers.$inferInsert> = [];
    for (const [key, value] of Object.entries(given)) {
      const question = questions.get(key);
      if (!question) throw new DemoSurveyError(`${file}: ${invitee.unit}: no question "${key}" in the round`);
      const check = validateAnswer(question.definition as QuestionDefinition, value, { catalogueIds: catalogue });
      if (!check.ok) throw new DemoSurveyError(`${file}: ${invitee.unit}: ${key}.${check.problem.field}: ${check.problem.messageKey} ${JSON.stringify(check.problem.params)}`);
      values.push({ inviteeId, questionKey: key, roundId, questionVersion: question.version, value: check.value, updatedAt: last });
    }
    if (invitee.submitted) {
      for (const question of questions.values()) {
        const gap = completenessProblem(question.definition as QuestionDefinition, question.required, given[question.key]);
        if (gap) throw new DemoSurveyError(`${file}: ${invitee.unit} is submitted but ${question.key} ${gap.field} is missing`);
      }
    }
    await db.transaction(async (tx) => {
      await tx.insert(surveyAnswers).values(values);
      await tx
        .update(surveyInvitees)
        .set({ firstAnsweredAt: first, lastAnsweredAt: last, submittedAt: invitee.submitted ? last : null })
        .where(eq(surveyInvitees.id, inviteeId));
    });
    answered++;
  }
  // Those who never answered were reminded a week before closing (the round's first reminder day).
  const reminded = new Date(closesAt.getTime() - 7 * 86_400_000);
  if (silent.length > 0) await db.update(surveyInvitees).set({ remindersSent: 1, lastSentAt: reminded }).where(and(eq(surveyInvitees.roundId, roundId), inArray(surveyInvitees.id, silent)));

  await closeRound(db, roundId, DEMO_ACTOR, now);
  return { loaded: true, invitees: added.added.length, answered };
}
