import { describe, expect, it } from 'vitest';
import { canAdminister, safeReturnPath, sessionPhase, signInPath, warningLeadMs } from '../../web/src/app/session-rules.js';
import type { Me } from '../../web/src/app/session.js';

const person = (overrides: Partial<Me> = {}): Me => ({ id: 'u1', email: 'kari@moss.example', name: 'Kari', language: 'nb', systemAdministrator: false, memberships: [], ...overrides });
const membership = (role: Me['memberships'][number]['role']) => ({ organisationId: 'o1', organisationName: 'Moss kommune', organisationKind: 'municipality', role });

describe('where sign-in returns to', () => {
  it('keeps paths on this site, with their query', () => {
    expect(safeReturnPath('/invitasjon')).toBe('/invitasjon');
    expect(safeReturnPath('/programmes?q=klima')).toBe('/programmes?q=klima');
  });
  it.each([null, undefined, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'min-side'])('refuses %s and goes to my page', (next) => {
    expect(safeReturnPath(next)).toBe('/min-side');
  });
  it('builds the sign-in address with the return path encoded', () => {
    expect(signInPath('/programmes?q=klima&sector=technical')).toBe('/logg-inn?neste=%2Fprogrammes%3Fq%3Dklima%26sector%3Dtechnical');
  });
});

describe('who sees administration', () => {
  it('coordinators, administrators and system administrators; not readers, editors or case officers', () => {
    expect(canAdminister(null)).toBe(false);
    expect(canAdminister(person())).toBe(false);
    expect(canAdminister(person({ memberships: [membership('reader'), membership('editor'), membership('case-officer')] }))).toBe(false);
    expect(canAdminister(person({ memberships: [membership('reader'), membership('coordinator')] }))).toBe(true);
    expect(canAdminister(person({ memberships: [membership('administrator')] }))).toBe(true);
    expect(canAdminister(person({ systemAdministrator: true }))).toBe(true);
  });
});

describe('the idle warning', () => {
  it('comes two minutes before the end, or halfway through sessions shorter than four minutes', () => {
    expect(warningLeadMs(30)).toBe(120_000);
    expect(warningLeadMs(4)).toBe(120_000);
    expect(warningLeadMs(3)).toBe(90_000);
    expect(warningLeadMs(1)).toBe(30_000);
  });
  it('is active until the lead time, warns within it, and has ended at the end', () => {
    const end = 1_000_000;
    expect(sessionPhase(end - 120_001, end, 120_000)).toBe('active');
    expect(sessionPhase(end - 120_000, end, 120_000)).toBe('warning');
    expect(sessionPhase(end - 1, end, 120_000)).toBe('warning');
    expect(sessionPhase(end, end, 120_000)).toBe('ended');
  });
});
