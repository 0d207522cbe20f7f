/**
 * Reminders: on each of a round's reminder days (so many days before closing, by the calendar in
 * Norway), everyone invited who has not submitted gets a reminder with a fresh link. Running the job
 * again the same day sends nothing twice: an invitee who got any mail that day is left alone.
 */
import { and, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { organisations } from '../organisations/tables.js';
import { sendLinks, type SurveyMail } from './invitees.js';
import type { InviteeRow } from './repository.js';
import { surveyInvitees, surveyRounds } from './tables.js';

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Norway, as YYYY-MM-DD. */
export const osloDate = (at: Date): string => OSLO_DATE.format(at);

/** Whole calendar days (in Norway) from `now` to `closesAt`: 0 on the closing day. */
export function daysBeforeClosing(now: Date, closesAt: Date): number {
  return Math.round((Date.parse(osloDate(closesAt)) - Date.parse(osloDate(now))) / 86_400_000);
}

/** Whether an invitee is due a reminder today (pure). */
export function reminderDue(now: Date, round: { closesAt: Date; reminderDays: readonly number[] }, invitee: { invitedAt: Date | null; lastSentAt: Date | null; submittedAt: Date | null }): boolean {
  if (invitee.submittedAt || !invitee.invitedAt) return false;
  if (now >= round.closesAt || !round.reminderDays.includes(daysBeforeClosing(now, round.closesAt))) return false;
  return invitee.lastSentAt === null || osloDate(invitee.lastSentAt) !== osloDate(now);
}

export interface ReminderCounts {
  sent: number;
  failed: number;
}

/** Sends today's reminders of every open round. */
export async function sendDueReminders(db: Db, mail: SurveyMail, now = new Date()): Promise<ReminderCounts> {
  const rows = await db
    .select({ invitee: surveyInvitees, round: surveyRounds, organisationName: organisations.name })
    .from(surveyInvitees)
    .innerJoin(surveyRounds, eq(surveyRounds.id, surveyInvitees.roundId))
    .innerJoin(organisations, eq(organisations.id, surveyRounds.organisationId))
    .where(and(eq(surveyRounds.status, 'open'), gt(surveyRounds.closesAt, now), isNull(surveyInvitees.submittedAt), isNotNull(surveyInvitees.invitedAt)));
  const byRound = new Map<string, { round: (typeof rows)[number]['round']; organisationName: string; due: InviteeRow[] }>();
  for (const { invitee, round, organisationName } of rows) {
    if (!reminderDue(now, round, invitee)) continue;
    const entry = byRound.get(round.id) ?? { round, organisationName, due: [] };
    entry.due.push(invitee);
    byRound.set(round.id, entry);
  }
  const counts: ReminderCounts = { sent: 0, failed: 0 };
  for (const { round, organisationName, due } of byRound.values()) {
    const delivery = await sendLinks(db, mail, { ...round, organisationName }, due, 'reminder', now);
    counts.sent += delivery.sent;
    counts.failed += delivery.failed.length;
  }
  return counts;
}
