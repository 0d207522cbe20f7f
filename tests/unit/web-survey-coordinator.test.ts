import { describe, expect, it } from 'vitest';
import type { OrganisationDetails } from '../../web/src/admin/types.js';
import { inviteeChanges, inviteeForm, inviteeState, looksLikeEmail, unitsBelow } from '../../web/src/survey/invitee-rules.js';
import { formFromRound, newRoundForm, parseReminderDays, roundBody, roundFormProblems } from '../../web/src/survey/round-form.js';
import { choiceKeys, groupBars, overallBars, rateCell } from '../../web/src/survey/summary-view.js';
import type { Distribution } from '../../src/survey/summary-schema.js';

describe('the round form', () => {
  it('starts with three weeks to answer, reminders at 7 and 2 days and answers kept a year', () => {
    const form = newRoundForm(new Date(2025, 0, 10), 'org', 'nb');
    expect(form).toMatchObject({ closesOn: '2025-01-31', retentionOn: '2026-01-31', reminderDays: '7, 2', minGroupSize: '3' });
  });
  it('reads reminder days as whole days, largest first, and refuses anything else', () => {
    expect(parseReminderDays('2, 7;7 14')).toEqual([14, 7, 2]);
    expect(parseReminderDays('')).toEqual([]);
    expect(parseReminderDays('7, to')).toBeNull();
    expect(parseReminderDays('0')).toBeNull();
  });
  it('tells what is missing or out of order before asking the server', () => {
    const form = { ...newRoundForm(new Date(2025, 0, 10), '', 'nb'), opensOn: '2025-02-01', retentionOn: '2025-01-15', minGroupSize: '0' };
    expect(roundFormProblems(form)).toEqual([
      { field: 'organisationId', problem: 'required' },
      { field: 'title', problem: 'required' },
      { field: 'closesOn', problem: 'closesBeforeOpens' },
      { field: 'minGroupSize', problem: 'groupSize' },
      { field: 'retentionOn', problem: 'retentionBeforeClose' },
    ]);
  });
  it('sends the round\'s times, and reads them back to the same days', () => {
    const form = { ...newRoundForm(new Date(2025, 0, 10), 'org', 'nn'), title: ' Kartlegging 2025 ', reminderDays: '2 7' };
    const body = roundBody(form);
    expect(body).toMatchObject({ title: 'Kartlegging 2025', reminderDays: [7, 2], minGroupSize: 3, language: 'nn' });
    expect(body).not.toHaveProperty('opensAt');
    const round = { id: 'r', organisationId: 'org', title: 'Kartlegging 2025', introduction: '', status: 'draft' as const, opensAt: null, closesAt: body.closesAt as string, reminderDays: [7, 2], minGroupSize: 3, retentionUntil: body.retentionUntil as string, language: 'nn' as const, version: 1 };
    expect(formFromRound(round)).toMatchObject({ closesOn: form.closesOn, retentionOn: form.retentionOn, reminderDays: '7, 2' });
  });
});

describe('choosing invitees', () => {
  const org = (id: string, parentId: string | null, kind: OrganisationDetails['kind'], name: string, placeCode: string | null = null) =>
    ({ id, parentId, kind, name, placeCode, orgNumber: null, country: 'NO', writtenStandard: 'nb', themeColour: '#000', createdAt: '', updatedAt: '', permissions: [] }) as OrganisationDetails;
  const items = [
    org('region', null, 'regional-council', 'Mosseregionen'),
    org('vaaler', 'region', 'municipality', 'Våler kommune', '3116'),
    org('moss', 'region', 'municipality', 'Moss kommune', '3103'),
    org('verket', 'moss', 'unit', 'Verket skole'),
    org('kirkeparken', 'moss', 'unit', 'Kirkeparken skole'),
    org('other', null, 'county', 'Vestland'),
  ];
  it('lists what lies below the round\'s organisation, in name order, each with its municipality', () => {
    const units = unitsBelow(items, 'region');
    expect(units.map((u) => [u.organisation.name, u.municipality?.placeCode, u.depth])).toEqual([
      ['Moss kommune', '3103', 0],
      ['Kirkeparken skole', '3103', 1],
      ['Verket skole', '3103', 1],
      ['Våler kommune', '3116', 0],
    ]);
    expect(unitsBelow(items, 'moss').map((u) => u.municipality?.name)).toEqual(['Moss kommune', 'Moss kommune']);
  });
  it('tells an invitee\'s state from its dates', () => {
    expect(inviteeState({ lastSentAt: null, firstAnsweredAt: null, submittedAt: null })).toBe('not-sent');
    expect(inviteeState({ lastSentAt: 'x', firstAnsweredAt: null, submittedAt: null })).toBe('waiting');
    expect(inviteeState({ lastSentAt: 'x', firstAnsweredAt: 'y', submittedAt: null })).toBe('answering');
    expect(inviteeState({ lastSentAt: 'x', firstAnsweredAt: 'y', submittedAt: 'z' })).toBe('submitted');
  });
  it('checks an e-mail address roughly', () => {
    expect(looksLikeEmail(' rektor@verket.no ')).toBe(true);
    expect(looksLikeEmail('rektor@verket')).toBe(false);
  });
  it('sends only what the correction of an invitee changed, texts trimmed and an empty choice as none', () => {
    const invitee = { name: 'Verket skole', email: 'rektor@verket.example', municipalityCode: '3103', sector: 'education' };
    const form = inviteeForm(invitee);
    expect(form).toEqual({ name: 'Verket skole', email: 'rektor@verket.example', municipalityCode: '3103', sector: 'education' });
    expect(inviteeChanges(invitee, { ...form, name: ' Verket skole ' })).toEqual({});
    expect(inviteeChanges(invitee, { ...form, email: ' leder@verket.example ', municipalityCode: '' })).toEqual({ email: 'leder@verket.example', municipalityCode: null });
    expect(inviteeChanges(invitee, { ...form, name: '  ', sector: 'culture' })).toEqual({ name: '', sector: 'culture' });
    expect(inviteeForm({ ...invitee, municipalityCode: null, sector: null })).toMatchObject({ municipalityCode: '', sector: '' });
  });
});

describe('the summary\'s charts', () => {
  const distribution: Distribution = {
    overall: { size: 7, counts: { none: 4, 'heard-of': 3 } },
    byMunicipality: [
      { key: '3103', name: 'Moss', size: 5, counts: { none: 2, 'heard-of': 3 }, suppressed: false },
      { key: '3116', name: 'Våler', size: null, counts: null, suppressed: true },
    ],
    bySector: [],
  };
  const choices = [
    { key: 'none', label: 'Ingen' },
    { key: 'heard-of', label: 'Hørt om' },
    { key: 'know-it', label: 'Kjenner' },
  ];
  it('counts each choice overall, zero where nobody chose it', () => {
    expect(overallBars(distribution, choices)).toEqual([
      { category: 'Ingen', values: [4] },
      { category: 'Hørt om', values: [3] },
      { category: 'Kjenner', values: [0] },
    ]);
  });
  it('leaves withheld groups out of the chart and names them, never drawing them as zero', () => {
    expect(groupBars(distribution.byMunicipality, choices)).toEqual({ data: [{ category: 'Moss', values: [2, 3, 0] }], withheld: ['Våler'] });
  });
  it('orders choices as asked, then any others found', () => {
    expect(choiceKeys([distribution, null], ['heard-of', 'none', 'have-used-it'])).toEqual(['heard-of', 'none', 'have-used-it']);
    expect(choiceKeys([{ ...distribution, overall: { size: 1, counts: { extra: 1 } } }], ['none'])).toEqual(['none', 'extra']);
  });
  it('shows a withheld response rate as withheld, not as zero', () => {
    expect(rateCell({ key: '3116', name: 'Våler', invited: null, responded: null, submitted: null, rate: null, suppressed: true })).toEqual({ kind: 'withheld' });
    expect(rateCell({ key: '3103', name: 'Moss', invited: 10, responded: 4, submitted: 3, rate: 0.4, suppressed: false })).toEqual({ kind: 'value', invited: 10, responded: 4, submitted: 3, rate: 0.4 });
  });
});
