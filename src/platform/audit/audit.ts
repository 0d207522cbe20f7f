/**
 * Writes audit events. Callers pass the transaction that makes the change, so the event and the change
 * are committed together or not at all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditEvents } from './tables.js';

export interface Actor {
  userId: string | null;
  /** Readable after the user is gone: "Name <e-mail>", or `cli`, `system`. */
  label: string;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: 'system' };

export interface AuditEvent {
  actor: Actor;
  /** Whose coordinators and administrators may read the event; null for system-wide events. */
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** A transaction or the database itself: anything that runs queries. */
export type Queryable = Pick<Db, 'insert' | 'select' | 'update' | 'delete' | 'execute'>;

export async function recordAudit(tx: Queryable, event: AuditEvent): Promise<void> {
  await tx.insert(auditEvents).values({
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    organisationId: event.organisationId,
    organisationPath: event.organisationId === null ? null : sql`(SELECT path FROM organisations WHERE id = ${event.organisationId})`,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}

export function personActor(person: { userId: string; name: string; email: string }): Actor {
  return { userId: person.userId, label: `${person.name} <${person.email}>` };
}
