/** The audit trail: who changed what, when, with the state before and after. Written in the change's own transaction. */
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    /** The actor's name and e-mail at the time, or `system`, `cli`; kept readable after the user is gone. */
    actorLabel: text('actor_label').notNull(),
    /** The organisation whose coordinators and administrators may read the event; null: system-wide. */
    organisationId: uuid('organisation_id'),
    /** Copied from the organisation at write time so "this organisation and below" is a prefix match. */
    organisationPath: text('organisation_path'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_path_at_idx').using('btree', t.organisationPath.op('text_pattern_ops'), t.at.desc()),
    index('audit_events_at_idx').on(t.at.desc()),
    index('audit_events_actor_idx').on(t.actorUserId),
  ],
);
