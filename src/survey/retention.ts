/**
 * The survey's retention: on a round's retention date its answers and its invitees — the respondents'
 * names, addresses and link hashes — are deleted (an open round is closed first). The round itself, its
 * questions and the audit event remain, so it is known that the round ran and when its data went.
 */
import { and, eq, exists, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { recordAudit, type Actor } from '../platform/audit/audit.js';
import { surveyAnswers, surveyInvitees, surveyRounds } from './tables.js';

export async function eraseExpiredRounds(db: Db, actor: Actor, now = new Date()): Promise<{ rounds: number; invitees: number; answers: number }> {
  const due = await db
    .select({ id: surveyRounds.id })
    .from(surveyRounds)
    .where(and(lt(surveyRounds.retentionUntil, now), exists(db.select({ one: sql`1` }).from(surveyInvitees).where(eq(surveyInvitees.roundId, surveyRounds.id)))));
  const totals = { rounds: 0, invitees: 0, answers: 0 };
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const [round] = await tx.select().from(surveyRounds).where(eq(surveyRounds.id, id)).for('update');
      if (!round) return;
      const answers = (await tx.delete(surveyAnswers).where(eq(surveyAnswers.roundId, id)).returning({ id: surveyAnswers.inviteeId })).length;
      const invitees = (await tx.delete(surveyInvitees).where(eq(surveyInvitees.roundId, id)).returning({ id: surveyInvitees.id })).length;
      if (round.status !== 'closed') await tx.update(surveyRounds).set({ status: 'closed', closesAt: round.closesAt < now ? round.closesAt : now, updatedAt: now, version: round.version + 1 }).where(eq(surveyRounds.id, id));
      await recordAudit(tx, { actor, organisationId: round.organisationId, action: 'survey-round-erased', entityType: 'survey-round', entityId: id, after: { retentionUntil: round.retentionUntil, invitees, answers } });
      totals.rounds++;
      totals.invitees += invitees;
      totals.answers += answers;
    });
  }
  return totals;
}
