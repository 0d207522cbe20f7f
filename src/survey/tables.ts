/**
 * Mapping surveys: rounds run by a coordinator for an organisation tree, their versioned questions,
 * the invited units (each with a secret personal link) and their answers.
 *
 * Questions are versioned: editing a question that has answers adds a new version and retires the old
 * one, so every answer stays tied to the wording it was given to. An answer is one row per respondent
 * and question key — the later save wins per question and touches nothing else.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { organisations } from '../organisations/tables.js';

export const surveyRounds = pgTable(
  'survey_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation whose coordinators run the round (e.g. a regional council); invitees come from its tree. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    introduction: text('introduction').notNull().default(''),
    /** draft | open | closed */
    status: text('status').notNull().default('draft'),
    opensAt: timestamp('opens_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }).notNull(),
    /** Days before closing on which those who have not answered are reminded, e.g. {7,2}. */
    reminderDays: smallint('reminder_days').array().notNull().default(sql`'{7,2}'::smallint[]`),
    /** Summaries broken down by person-level attributes never show a group smaller than this. */
    minGroupSize: smallint('min_group_size').notNull().default(3),
    /** Answers and respondents' names and addresses are deleted on this date. */
    retentionUntil: timestamp('retention_until', { withTimezone: true }).notNull(),
    /** Language the invitations are written in, unless an invitee's own is known. */
    language: text('language').notNull().default('nb'),
    version: integer('version').notNull().default(1),
    /** Raised by the database (statement triggers, migration 0015) whenever the round's answers, invitees or questions change: a summary computed at one revision holds until the next. */
    answersRevision: bigint('answers_revision', { mode: 'number' }).notNull().default(0),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('survey_rounds_organisation_idx').on(t.organisationId, t.createdAt), index('survey_rounds_retention_idx').on(t.retentionUntil)],
);

export const surveyQuestions = pgTable(
  'survey_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    /** Stable across versions, e.g. `earlier-projects`, `knowledge`. */
    key: text('key').notNull(),
    version: integer('version').notNull().default(1),
    position: integer('position').notNull(),
    /** The section heading key the question is shown under. */
    section: text('section').notNull().default(''),
    /** single | multiple | scale | text | group (repeatable) | matrix (one choice per row, e.g. per programme) */
    type: text('type').notNull(),
    required: boolean('required').notNull().default(false),
    /** Texts in nb, nn, sv, en; options, scale, a group's fields, a matrix's rows — the question's own shape. */
    definition: jsonb('definition').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when a newer version replaces it or it is removed; retired questions are no longer asked. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('survey_questions_version_idx').on(t.roundId, t.key, t.version), index('survey_questions_round_idx').on(t.roundId, t.position)],
);

export const surveyInvitees = pgTable(
  'survey_invitees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    /** The unit in the tree, when invited from it; null when imported from a list. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Unit or person name and address: visible only to the round's coordinators. */
    name: text('name').notNull(),
    email: text('email').notNull(),
    /** Kommunenummer / kommunkod the unit belongs to, and its municipal sector: what summaries group by. */
    municipalityCode: text('municipality_code'),
    sector: text('sector'),
    language: text('language'),
    /** SHA-256 of the secret in the personal link; a re-sent link replaces it. */
    tokenHash: text('token_hash').notNull(),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    remindersSent: smallint('reminders_sent').notNull().default(0),
    firstAnsweredAt: timestamp('first_answered_at', { withTimezone: true }),
    lastAnsweredAt: timestamp('last_answered_at', { withTimezone: true }),
    /** The respondent said they are done; they may still change answers until the round closes. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('survey_invitees_token_idx').on(t.tokenHash),
    index('survey_invitees_round_idx').on(t.roundId, t.municipalityCode, t.sector),
    uniqueIndex('survey_invitees_email_idx').on(t.roundId, sql`lower(${t.email})`),
  ],
);

/**
 * How often each question's answers in a round have changed (raised by statement triggers on answers and
 * on invitees' municipality and sector, migration 0016): the summary keeps each question's counted cells
 * until its revision moves, so one saved answer recounts one question, not the round.
 */
export const surveyQuestionRevisions = pgTable(
  'survey_question_revisions',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    revision: bigint('revision', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.questionKey] })],
);

export const surveyAnswers = pgTable(
  'survey_answers',
  {
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => surveyInvitees.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => surveyRounds.id, { onDelete: 'cascade' }),
    /** The version of the question the answer was given to. */
    questionVersion: integer('question_version').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.inviteeId, t.questionKey] }), index('survey_answers_round_idx').on(t.roundId, t.questionKey)],
);
