/**
 * The calendar feed of an organisation tree (use case): the deadlines, starts and ends of the
 * initiatives the feed's owner may read today, as ICS. The same listing as the portfolio's list and
 * exports (`initiativeBatches`), so a feed never shows what the owner could not see in the list.
 */
import type { Db } from '../platform/db/client.js';
import type { Language } from '../reference/codes.js';
import { icsCalendar, type CalendarEvent } from './calendar.js';
import { EXCHANGE_TEXTS } from './export-texts.js';
import { initiativeBatches, type InitiativeExportRow } from './repository.js';
import { portfolioScope } from './visibility.js';
import { STATUSES, type Status } from './life-cycle.js';
import type { FeedOwner } from './calendar-repository.js';

/** Clients fetch the feed again every six hours. */
export const FEED_REFRESH_MINUTES = 360;
/** Events further back than this are left out: a calendar needs what is coming, and a little history. */
const HISTORY_DAYS = 400;
/** Initiatives that were turned down or withdrawn have no dates anyone needs to keep. */
const FEED_STATUSES: Status[] = STATUSES.filter((s) => s !== 'rejected' && s !== 'withdrawn');

export function initiativeEvents(row: Pick<InitiativeExportRow, 'id' | 'title' | 'deadline' | 'startDate' | 'endDate' | 'programmeName' | 'otherProgramme' | 'organisationName' | 'callReference' | 'updatedAt'>, language: Language, publicUrl: string): CalendarEvent[] {
  const t = EXCHANGE_TEXTS[language].calendar;
  const description = [row.organisationName, row.programmeName ?? row.otherProgramme, row.callReference].filter(Boolean).join('\n');
  const common = { description, url: `${publicUrl}/portefolje/${row.id}`, lastModified: row.updatedAt };
  const events: CalendarEvent[] = [];
  // UIDs name the initiative and the kind of date: a moved deadline moves the same event.
  if (row.deadline) events.push({ ...common, uid: `${row.id}-deadline@mulighetsrom`, date: row.deadline, summary: t.deadline(row.title), categories: [t.category.deadline] });
  if (row.startDate) events.push({ ...common, uid: `${row.id}-start@mulighetsrom`, date: row.startDate, summary: t.start(row.title), categories: [t.category.start] });
  if (row.endDate) events.push({ ...common, uid: `${row.id}-end@mulighetsrom`, date: row.endDate, summary: t.end(row.title), categories: [t.category.end] });
  return events;
}

export async function feedCalendar(db: Db, owner: FeedOwner, publicUrl: string, now = new Date()): Promise<string> {
  const scope = portfolioScope(owner.memberships);
  const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000).toISOString().slice(0, 10);
  const events: CalendarEvent[] = [];
  const filters = { organisationId: owner.organisationId, statuses: FEED_STATUSES, datedSince: since };
  for await (const batch of initiativeBatches(db, scope, filters, 'deadline', owner.language)) {
    for (const row of batch) events.push(...initiativeEvents(row, owner.language, publicUrl).filter((e) => e.date >= since));
  }
  const t = EXCHANGE_TEXTS[owner.language].calendar;
  return icsCalendar({ name: t.name(owner.organisationName), description: t.description, refreshMinutes: FEED_REFRESH_MINUTES, events }, now);
}
