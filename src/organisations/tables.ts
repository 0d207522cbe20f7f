/**
 * Organisations as tenants in a tree (county ⊃ regional council ⊃ municipality ⊃ unit, plus secretariats
 * and outside organisations), the people's memberships with a role, and invitations.
 * `path` holds the ids from the root down to the organisation itself (`/root/…/self/`): "this
 * organisation and everything below it" is one indexed prefix match, with no recursive query.
 */
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.js';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    parentId: uuid('parent_id').references((): AnyPgColumn => organisations.id, { onDelete: 'restrict' }),
    path: text('path').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Norwegian organisation number (nine digits, mod-11 checked); null for foreign organisations. */
    orgNumber: text('org_number'),
    country: text('country').notNull().default('NO'),
    /** Municipality (kommunenummer / kommunkod) or county code the organisation belongs to, if any. */
    placeCode: text('place_code'),
    writtenStandard: text('written_standard').notNull().default('nb'),
    themeColour: text('theme_colour').notNull().default('#0062BA'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('organisations_parent_idx').on(t.parentId, t.name),
    uniqueIndex('organisations_org_number_idx').on(t.orgNumber).where(sql`${t.orgNumber} IS NOT NULL`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_organisation_idx').on(t.organisationId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    /** SHA-256 of the single-use token in the e-mailed link; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_organisation_idx').on(t.organisationId, t.createdAt)],
);

/** Retention settings an administrator of a top-level organisation sets for its tree. */
export const retentionSettings = pgTable('retention_settings', {
  organisationId: uuid('organisation_id').primaryKey().references(() => organisations.id, { onDelete: 'cascade' }),
  auditMonths: integer('audit_months').notNull().default(60),
  inactiveAccountMonths: integer('inactive_account_months').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
