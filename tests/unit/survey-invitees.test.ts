/** Pure survey rules: reading an invitee list, placing a unit by the tree, reminder days, the mails. */
import { describe, expect, it } from 'vitest';
import { municipalityCodeOf, municipalityInTree, parseInviteeList, sectorFromUnitName, sectorOf, ListUnreadableError } from '../../src/survey/invitee-list.js';
import { daysBeforeClosing, reminderDue } from '../../src/survey/reminders.js';
import { responseLink, surveyMail } from '../../src/survey/mail.js';
import { LANGUAGES } from '../../src/reference/codes.js';

describe('the invitee list', () => {
  it('reads names, addresses, municipalities (number or name) and sectors (code or name), reporting each bad line', () => {
    const list = 'Navn;E-post;Kommune;Sektor\nVerket skole;rektor@verket.example;Moss kommune;Oppvekst og utdanning\n;tom@x.example;;\nRåde bibliotek;bibl@rade.example;3107;culture\nDuplikat;REKTOR@verket.example;;\nUkjent;u@x.example;;Romfart\n\n';
    const { people, problems } = parseInviteeList(list);
    expect(people).toEqual([
      { name: 'Verket skole', email: 'rektor@verket.example', municipalityCode: '3103', sector: 'education' },
      { name: 'Råde bibliotek', email: 'bibl@rade.example', municipalityCode: '3107', sector: 'culture' },
    ]);
    expect(problems).toEqual([
      { line: 3, column: 'name', problem: 'missing-name', value: '' },
      { line: 5, column: 'email', problem: 'duplicate-email', value: 'REKTOR@verket.example' },
      { line: 6, column: 'sector', problem: 'unknown-sector', value: 'Romfart' },
    ]);
    expect(parseInviteeList('Vestby skole,skole@vestby.example,Vestby,').people[0]).toMatchObject({ municipalityCode: '3216' });
    expect(() => parseInviteeList('"uavsluttet;x@y.example')).toThrow(ListUnreadableError);
  });

  it('knows Norwegian and Swedish municipalities, and sectors in all four languages', () => {
    // Two municipalities are called Våler: the number decides.
    expect(municipalityCodeOf('Våler')).toBe('ambiguous');
    expect(municipalityCodeOf('Moss')).toBe('3103');
    expect(municipalityCodeOf('Strömstad kommun')).toBe('1486');
    expect(municipalityCodeOf('9999')).toBeNull();
    expect(sectorOf('Vård och omsorg')).toBe('health-social');
    expect(sectorOf('Technical services')).toBe('technical');
  });

  it('derives a unit\'s sector from its name and its municipality from the tree', () => {
    expect(sectorFromUnitName('Verket skole')).toBe('education');
    expect(sectorFromUnitName('Moss kulturskole')).toBe('culture');
    expect(sectorFromUnitName('Melløs sykehjem')).toBe('health-social');
    expect(sectorFromUnitName('Rådhuset')).toBeNull();
    const tree = new Map([
      ['county', { id: 'county', kind: 'county', placeCode: '31' }],
      ['moss', { id: 'moss', kind: 'municipality', placeCode: '3103' }],
      ['verket', { id: 'verket', kind: 'unit', placeCode: null }],
    ]);
    expect(municipalityInTree('/county/moss/verket/', tree)).toBe('3103');
    expect(municipalityInTree('/county/', tree)).toBeNull();
  });
});

describe('reminders', () => {
  const closesAt = new Date('2025-03-20T22:59:00Z'); // 23:59 in Oslo on 20 March
  const invited = { invitedAt: new Date('2025-03-01T08:00:00Z'), lastSentAt: new Date('2025-03-01T08:00:00Z'), submittedAt: null };
  it('counts calendar days in Norway', () => {
    expect(daysBeforeClosing(new Date('2025-03-18T23:30:00Z'), closesAt)).toBe(1); // already 19 March in Oslo
    expect(daysBeforeClosing(new Date('2025-03-13T06:00:00Z'), closesAt)).toBe(7);
  });
  it('is due on a reminder day, once that day, and never after submitting', () => {
    const round = { closesAt, reminderDays: [7, 2] };
    const day = new Date('2025-03-18T07:00:00Z');
    expect(reminderDue(day, round, invited)).toBe(true);
    expect(reminderDue(new Date('2025-03-17T07:00:00Z'), round, invited)).toBe(false);
    expect(reminderDue(day, round, { ...invited, lastSentAt: new Date('2025-03-18T05:00:00Z') })).toBe(false);
    expect(reminderDue(day, round, { ...invited, submittedAt: new Date() })).toBe(false);
    expect(reminderDue(day, round, { ...invited, invitedAt: null })).toBe(false);
  });
});

describe('survey mails', () => {
  it('carry the personal link in text and HTML in each language, names escaped', () => {
    const link = responseLink('https://mulighetsrom.test', 'abc_DEF-123');
    expect(link).toBe('https://mulighetsrom.test/svar/abc_DEF-123');
    for (const language of LANGUAGES) {
      const subjects = new Set<string>();
      for (const kind of ['invitation', 'reminder'] as const) {
        const mail = surveyMail(kind, language, { roundTitle: 'Kartlegging', organisationName: 'Mosseregionen', inviteeName: 'Skole <b>A</b>', link, closesAt: new Date('2025-03-20T22:59:00Z') });
        expect(mail.text).toContain(link);
        expect(mail.html).toContain(`href="${link}"`);
        expect(mail.html).not.toContain('<b>A</b>');
        expect(mail.html).toContain(`lang="${language}"`);
        subjects.add(mail.subject);
      }
      expect(subjects.size, language).toBe(2);
    }
    expect(() => surveyMail('invitation', 'nb', { roundTitle: 'x', organisationName: 'y', inviteeName: 'z', link: 'javascript:alert(1)', closesAt: new Date() })).toThrow();
  });
});
