/** Calls for proposals with their deadlines, per source; `programme_id` links to the catalogue where known. */
import { index, numeric, pgTable, primaryKey, text, timestamp, date } from 'drizzle-orm/pg-core';

export const calls = pgTable(
  'calls',
  {
    source: text('source').notNull(),
    id: text('id').notNull(),
    /** Catalogue programme id; null when the source names a programme the catalogue does not hold. */
    programmeId: text('programme_id'),
    programmeName: text('programme_name').notNull(),
    title: text('title').notNull(),
    callIdentifier: text('call_identifier'),
    deadline: date('deadline', { mode: 'string' }),
    status: text('status').notNull(),
    url: text('url'),
    budgetMinEur: numeric('budget_min_eur', { mode: 'number' }),
    budgetMaxEur: numeric('budget_max_eur', { mode: 'number' }),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.id] }), index('calls_programme_deadline_idx').on(t.programmeId, t.deadline)],
);
