/**
 * ICS calendar writer (RFC 5545, pure): a published calendar of all-day events, as Outlook, Google
 * Calendar and Apple Calendar subscribe to it. Lines end with CRLF and are folded at 75 octets without
 * splitting a UTF-8 character; text is escaped; every event has a stable UID (so a changed deadline moves
 * the event instead of adding one) and DTSTAMP. The refresh interval is given both the standard way
 * (RFC 7986 REFRESH-INTERVAL) and Outlook's (X-PUBLISHED-TTL).
 */

export interface CalendarEvent {
  /** Stable across feeds and refreshes, e.g. `<initiative id>-deadline@mulighetsrom`. */
  uid: string;
  /** The day (`YYYY-MM-DD`): an all-day event. */
  date: string;
  summary: string;
  description?: string;
  url?: string;
  categories?: readonly string[];
  /** When what the event says last changed. */
  lastModified?: Date;
}

export interface Calendar {
  name: string;
  description?: string;
  /** How often clients should fetch the feed again. */
  refreshMinutes: number;
  events: readonly CalendarEvent[];
}

export const PRODUCT_ID = '-//Mulighetsrom//Portfolio calendar//EN';
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other control characters dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** A content line folded to at most 75 octets per line (continuations start with a space), ending in CRLF. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/** `2025-03-01` → `20250301`. */
export function icsDate(day: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`Not a date: ${day}`);
  return day.replaceAll('-', '');
}

/** The day after `day` (an all-day event's DTEND is exclusive). */
export function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** A moment in UTC: `20250301T101500Z`. */
export function icsDateTime(moment: Date): string {
  return moment.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function durationOf(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours > 0 ? `${hours}H` : ''}${rest > 0 || hours === 0 ? `${rest}M` : ''}`;
}

/** The whole calendar as ICS text. `now` is the DTSTAMP: when this copy of the feed was made. */
export function icsCalendar(calendar: Calendar, now: Date): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  if (calendar.description) lines.push(`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`);
  const refresh = durationOf(calendar.refreshMinutes);
  lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${refresh}`, `X-PUBLISHED-TTL:${refresh}`);
  const stamp = icsDateTime(now);
  for (const event of calendar.events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`, `DTSTART;VALUE=DATE:${icsDate(event.date)}`, `DTEND;VALUE=DATE:${icsDate(nextDay(event.date))}`, `SUMMARY:${escapeText(event.summary)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL;VALUE=URI:${event.url}`);
    if (event.categories && event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
    if (event.lastModified) lines.push(`LAST-MODIFIED:${icsDateTime(event.lastModified)}`);
    // A deadline is a reminder, not a meeting: it does not make the person busy.
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('');
}
