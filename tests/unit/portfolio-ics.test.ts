import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icsCalendar, icsDateTime, nextDay } from '../../src/portfolio/calendar.js';

/** Unfolds content lines (RFC 5545 §3.1) for reading the calendar back. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');

describe('ICS calendar', () => {
  const now = new Date('2025-05-01T08:30:00.123Z');
  const ics = icsCalendar(
    {
      name: 'Frister – Moss kommune',
      description: 'Søknadsfrister, oppstart og slutt',
      refreshMinutes: 360,
      events: [
        {
          uid: '0b7c-deadline@mulighetsrom',
          date: '2025-03-31',
          summary: 'Søknadsfrist: Kyststien; grenseløs, «vakker»',
          description: 'Interreg Sverige–Norge\nLinje to \\ bakstrek',
          url: 'https://mulighetsrom.example/portefolje/0b7c',
          categories: ['Søknadsfrist'],
          lastModified: new Date('2025-04-02T12:00:00Z'),
        },
        { uid: '0b7c-end@mulighetsrom', date: '2024-12-31', summary: 'Slutt: ' + 'Ærlig og åpen samhandling over grensen '.repeat(4) },
      ],
    },
    now,
  );

  it('uses CRLF line ends and no line longer than 75 octets', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('publishes a named calendar with a refresh interval', () => {
    const lines = unfold(ics);
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', expect.stringMatching(/^PRODID:/), 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines).toContain('X-WR-CALNAME:Frister – Moss kommune');
    expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H');
    expect(lines).toContain('X-PUBLISHED-TTL:PT6H');
  });

  it('writes all-day events with stable UIDs, DTSTAMP and escaped text', () => {
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('UID:0b7c-deadline@mulighetsrom');
    expect(lines).toContain('DTSTAMP:20250501T083000Z');
    expect(lines).toContain('DTSTART;VALUE=DATE:20250331');
    expect(lines).toContain('DTEND;VALUE=DATE:20250401');
    expect(lines).toContain('DTSTART;VALUE=DATE:20241231');
    expect(lines).toContain('DTEND;VALUE=DATE:20250101');
    expect(lines).toContain('SUMMARY:Søknadsfrist: Kyststien\\; grenseløs\\, «vakker»');
    expect(lines).toContain('DESCRIPTION:Interreg Sverige–Norge\\nLinje to \\\\ bakstrek');
    expect(lines).toContain('URL;VALUE=URI:https://mulighetsrom.example/portefolje/0b7c');
    expect(lines).toContain('LAST-MODIFIED:20250402T120000Z');
    expect(lines.join('\n')).toContain('Ærlig og åpen samhandling over grensen Ærlig');
  });

  it('folds on UTF-8 character boundaries', () => {
    const folded = foldLine('SUMMARY:' + 'æøå'.repeat(40));
    const physical = folded.split('\r\n').filter((l) => l !== '');
    expect(physical.length).toBeGreaterThan(1);
    for (const line of physical) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // Each physical line is valid UTF-8 on its own: nothing was cut inside a character.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
      expect(line).not.toContain('\uFFFD');
    }
    expect(physical.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe('SUMMARY:' + 'æøå'.repeat(40) + '\r\n');
    expect(foldLine('A'.repeat(75))).toBe('A'.repeat(75) + '\r\n');
    expect(foldLine('A'.repeat(76))).toBe('A'.repeat(75) + '\r\n A\r\n');
  });

  it('escapes text and drops control characters', () => {
    expect(escapeText('a,b;c\\d\r\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('counts days across month and year ends', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(icsDateTime(new Date('2025-01-02T03:04:05.678Z'))).toBe('20250102T030405Z');
  });
});
