/**
 * The project portfolio: international initiatives of an organisation, from idea to results.
 *
 * Amounts are exact decimals (`numeric`), read and written as strings, never JavaScript numbers. The
 * totals per kind of budget line are kept on the initiative (and in NOK, with the rate and its date) so
 * the list and the dashboard aggregate one table; the lines themselves say where the money comes from.
 * An initiative belongs to one organisation; "this organisation and everything below it" joins
 * `organisations.path`, so moving an organisation needs no update here.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, customType, date, index, integer, numeric, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid, jsonb, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';
import { organisations } from '../organisations/tables.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    /** idea | pre-project | application | submitted | granted | rejected | running | closed | withdrawn */
    status: text('status').notNull().default('idea'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** Hidden from everyone but the owning organisation's editors and those above with read (an idea not yet shared). */
    private: boolean('private').notNull().default(false),
    contactUserId: uuid('contact_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** A contact person without an account, or the name kept when the account is deleted. */
    contactName: text('contact_name'),
    /** Catalogue programme id; null with `otherProgramme` for a scheme outside the catalogue. */
    programmeId: text('programme_id'),
    priorityCode: text('priority_code'),
    otherProgramme: text('other_programme'),
    callReference: text('call_reference'),
    deadline: date('deadline'),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** NOK | EUR: the currency the budget is kept in. */
    currency: text('currency').notNull().default('NOK'),
    budgetAmount: numeric('budget_amount', { precision: 16, scale: 2 }),
    grantAmount: numeric('grant_amount', { precision: 16, scale: 2 }),
    ownShareAmount: numeric('own_share_amount', { precision: 16, scale: 2 }),
    coFinancingAmount: numeric('co_financing_amount', { precision: 16, scale: 2 }),
    /** NOK per unit of `currency` (1 for NOK) and the date of that rate: every conversion names both. */
    nokRate: numeric('nok_rate', { precision: 12, scale: 6 }).notNull().default('1'),
    nokRateDate: date('nok_rate_date'),
    /** The amounts in NOK at the stored rate, to the øre: kept by the database so the dashboard only sums. */
    budgetNok: numeric('budget_nok', { precision: 18, scale: 2 }).generatedAlwaysAs(sql`round(budget_amount * nok_rate, 2)`),
    grantNok: numeric('grant_nok', { precision: 18, scale: 2 }).generatedAlwaysAs(sql`round(grant_amount * nok_rate, 2)`),
    ownShareNok: numeric('own_share_nok', { precision: 18, scale: 2 }).generatedAlwaysAs(sql`round(own_share_amount * nok_rate, 2)`),
    coFinancingNok: numeric('co_financing_nok', { precision: 18, scale: 2 }).generatedAlwaysAs(sql`round(co_financing_amount * nok_rate, 2)`),
    hoursApplication: numeric('hours_application', { precision: 10, scale: 1 }),
    hoursProject: numeric('hours_project', { precision: 10, scale: 1 }),
    /** Municipal sector codes (reference code list). */
    sectors: text('sectors').array().notNull().default(sql`'{}'::text[]`),
    sdgGoals: smallint('sdg_goals').array().notNull().default(sql`'{}'::smallint[]`),
    sdgTargets: text('sdg_targets').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    /** Where an imported initiative came from (file row or external id), so a second import can say what it has seen. */
    externalRef: text('external_ref'),
    importBatchId: uuid('import_batch_id').references((): AnyPgColumn => initiativeImports.id, { onDelete: 'set null' }),
    /** Optimistic locking: a save names the version it edited; a newer one refuses it. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('norwegian', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(summary, '')), 'B') || setweight(to_tsvector('norwegian', coalesce(summary, '')), 'B')`,
      ),
  },
  (t) => [
    index('initiatives_organisation_idx').on(t.organisationId, t.updatedAt),
    // The list's default order (last changed first) read from the index, stopping after one page.
    index('initiatives_updated_idx').on(t.updatedAt, t.id),
    // Counting what a person may read (organisation and private flag) from the index alone.
    index('initiatives_scope_idx').on(t.organisationId, t.private),
    index('initiatives_status_idx').on(t.organisationId, t.status),
    index('initiatives_programme_idx').on(t.programmeId, t.priorityCode),
    index('initiatives_deadline_idx').on(t.deadline).where(sql`${t.deadline} IS NOT NULL`),
    // The dashboard's running projects, ending first: read in order, stopping after the few it shows.
    index('initiatives_running_idx').on(t.endDate, t.startDate, t.id).where(sql`${t.status} = 'running'`),
    index('initiatives_start_idx').on(t.startDate),
    index('initiatives_sectors_idx').using('gin', t.sectors),
    index('initiatives_sdg_idx').using('gin', t.sdgGoals),
    index('initiatives_search_idx').using('gin', t.searchVector),
    index('initiatives_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    uniqueIndex('initiatives_external_ref_idx').on(t.organisationId, t.externalRef).where(sql`${t.externalRef} IS NOT NULL`),
  ],
);

/** Partners: an organisation of the registry, or a free name with country and region. One is the lead. */
export const initiativePartners = pgTable(
  'initiative_partners',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    country: text('country').notNull(),
    /** NUTS code, Norwegian county/municipality number or Swedish county code. */
    region: text('region'),
    lead: boolean('lead').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.position] }), index('initiative_partners_organisation_idx').on(t.organisationId)],
);

/** Budget lines: where the money comes from. Their amounts sum to the initiative's budget. */
export const initiativeBudgetLines = pgTable(
  'initiative_budget_lines',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    /** grant | own-share | co-financing */
    kind: text('kind').notNull(),
    label: text('label').notNull().default(''),
    amount: numeric('amount', { precision: 16, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.position] })],
);

/** The benefits achieved (the pre-study's list), each scored 1–5 with a comment. */
export const initiativeBenefits = pgTable(
  'initiative_benefits',
  {
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    benefit: text('benefit').notNull(),
    score: smallint('score').notNull(),
    comment: text('comment').notNull().default(''),
    /** The initiative's organisation and private flag, copied by the database (trigger) so the tallies can count a removed benefit. */
    organisationId: uuid('organisation_id'),
    private: boolean('private'),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.benefit] }), index('initiative_benefits_benefit_idx').on(t.benefit)],
);

/**
 * The dashboard's figures per organisation, kept by the database itself (statement triggers on
 * `initiatives` and `initiative_benefits`, migration 0013) in the same transaction as every change, so
 * the dashboard of a whole tree sums a few rows per organisation instead of every initiative. One row
 * per organisation, private flag and (dimension, key): `status`, `programme` (catalogue id),
 * `other-programme` (free name), `year` (first year of the period), `sector` and `benefit`.
 */
export const initiativeTallies = pgTable(
  'initiative_tallies',
  {
    organisationId: uuid('organisation_id').notNull(),
    dimension: text('dimension').notNull(),
    key: text('key').notNull(),
    private: boolean('private').notNull(),
    count: integer('count').notNull(),
    budgetNok: numeric('budget_nok', { precision: 18, scale: 2 }).notNull(),
    grantNok: numeric('grant_nok', { precision: 18, scale: 2 }).notNull(),
    ownShareNok: numeric('own_share_nok', { precision: 18, scale: 2 }).notNull(),
    coFinancingNok: numeric('co_financing_nok', { precision: 18, scale: 2 }).notNull(),
    hoursApplication: numeric('hours_application', { precision: 14, scale: 1 }).notNull(),
    hoursProject: numeric('hours_project', { precision: 14, scale: 1 }).notNull(),
    /** Benefits: the sum of their scores, for the average. */
    scoreSum: integer('score_sum').notNull(),
  },
  // A tally that falls to zero is removed at once; the partial index finds those without a scan.
  (t) => [primaryKey({ columns: [t.organisationId, t.dimension, t.key, t.private] }), index('initiative_tallies_empty_idx').on(t.organisationId).where(sql`${t.count} = 0`)],
);

/** Links and uploaded documents (content kept in the database, bounded in size by the route). */
export const initiativeDocuments = pgTable(
  'initiative_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** A link: its address. A document: null, with the file below. */
    url: text('url'),
    fileName: text('file_name'),
    mediaType: text('media_type'),
    size: integer('size'),
    content: bytea('content'),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_documents_initiative_idx').on(t.initiativeId, t.addedAt)],
);

/** The initiative's timeline: created, each status change (dated, by whom), edits and notes. */
export const initiativeEvents = pgTable(
  'initiative_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    initiativeId: uuid('initiative_id')
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Readable after the person is gone. */
    actorLabel: text('actor_label').notNull(),
    /** created | status | edited | imported | document */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    /** The status change's date as the user gives it (e.g. the day the grant letter came), when it differs from `at`. */
    effectiveDate: date('effective_date'),
    comment: text('comment').notNull().default(''),
    /** For edits: the fields changed, before and after. */
    changes: jsonb('changes'),
  },
  (t) => [index('initiative_events_initiative_idx').on(t.initiativeId, t.at)],
);

/** A person's secret calendar feed (ICS) of an organisation's deadlines and milestones; revocable. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** SHA-256 of the token in the feed's address; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('calendar_feeds_token_idx').on(t.tokenHash), index('calendar_feeds_user_idx').on(t.userId)],
);

/** One committed import of a CSV/XLSX file: what was imported, by whom, into which organisation. */
export const initiativeImports = pgTable(
  'initiative_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('initiative_imports_organisation_idx').on(t.organisationId, t.createdAt)],
);
