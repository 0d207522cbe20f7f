/** Catalogue tables. The validated file is kept whole in `document`; the columns beside it are what the
 *  in-memory search index is built from (`search-index.ts`), read whole once per import, so they need no
 *  indexes of their own. */
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, numeric, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { LocalisedText, Priority, Programme } from './schema.js';

export interface ProgrammeCard {
  name: LocalisedText;
  shortName: string | null;
  summary: LocalisedText;
  sectors: string[];
  fundingRate: { minPercent: number | null; maxPercent: number | null };
  priorityCount: number;
}

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const programmes = pgTable(
  'programmes',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    interregStrand: text('interreg_strand'),
    status: text('status').notNull(),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end'),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    document: jsonb('document').$type<Programme>().notNull(),
    /** What a result card shows: small, so a page of results never reads the whole documents. */
    card: jsonb('card').$type<ProgrammeCard>().notNull().default(sql`'{}'::jsonb`),
    contentHash: text('content_hash').notNull(),
    sectors: text('sectors').array().notNull(),
    applicantTypes: text('applicant_types').array().notNull(),
    policyObjectives: text('policy_objectives').array().notNull(),
    fundingRateMax: numeric('funding_rate_max', { mode: 'number' }),
    /** Names and codes in every language, lower-cased: the target of fuzzy (trigram) matching. */
    searchNames: text('search_names').notNull(),
    searchVector: tsvector('search_vector').notNull(),
    /** Names, priority names, keywords and summary only: ranking many matches must not read the whole text. */
    rankVector: tsvector('rank_vector').notNull().default(sql`''::tsvector`),
    /** The names' words: a query whose every word is in a programme's name ranks that programme first. */
    nameVector: tsvector('name_vector').generatedAlwaysAs(sql`to_tsvector('simple', search_names)`),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

export const priorities = pgTable(
  'priorities',
  {
    programmeId: text('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    position: integer('position').notNull(),
    policyObjective: text('policy_objective'),
    specificObjective: text('specific_objective'),
    name: jsonb('name').$type<LocalisedText>().notNull(),
    document: jsonb('document').$type<Priority>().notNull(),
    /** Everything about the priority in every language, for ranking ideas against it (navigator). */
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
  },
  (t) => [primaryKey({ columns: [t.programmeId, t.code] })],
);

/** Every import that changed the catalogue, written in the same transaction as the change (audit trail). */
export const catalogueImports = pgTable(
  'catalogue_imports',
  {
    id: serial('id').primaryKey(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
    /** Who or what imported: `start-up`, `cli`, later a user id. */
    actor: text('actor').notNull(),
    /** Hash of the files as read, so an unchanged catalogue is recognised without validating it again. */
    sourceHash: text('source_hash').notNull(),
    programmes: integer('programmes').notNull(),
    added: integer('added').notNull(),
    updated: integer('updated').notNull(),
    removed: integer('removed').notNull(),
  },
  (t) => [index('catalogue_imports_imported_at_idx').on(t.importedAt)],
);

/**
 * The words of programme and priority names (at least three letters): what a misspelt search word is
 * corrected to. Rebuilt by the SQL function `refresh_catalogue_words()` in each import's transaction.
 */
export const catalogueWords = pgTable('catalogue_words', { word: text('word').primaryKey() });
