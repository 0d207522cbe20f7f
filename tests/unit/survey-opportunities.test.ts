/** Joint-application candidates and the questions the opportunity analysis asks the navigator (pure). */
import { describe, expect, it } from 'vitest';
import { jointCandidateKey, jointCandidates, parseJointCandidateKey, type UnitInterest } from '../../src/survey/joint.js';
import { ideaOf, mapLimited, navigatorRequestFor, requestKey, shownMatches } from '../../src/survey/opportunities.js';
import type { MatchResult } from '../../src/navigator/match.js';

const unit = (inviteeId: string, municipality: string | null, sector: string | null, areas: string[]): UnitInterest => ({ inviteeId, name: `Unit ${inviteeId}`, municipality, sector, areas });

describe('joint-application candidates', () => {
  it('finds an area shared by units of the same sector in two or more municipalities', () => {
    const candidates = jointCandidates([
      unit('a', '3103', 'education', ['climate', 'democracy-citizenship']),
      unit('b', '3112', 'education', ['climate']),
      unit('c', '3216', 'education', ['climate']),
      unit('d', '3103', 'education', ['democracy-citizenship']),
      unit('e', '3112', 'technical', ['democracy-citizenship']),
    ]);
    expect(candidates).toEqual([
      {
        key: 'education~climate',
        sector: 'education',
        area: 'climate',
        municipalities: ['3103', '3112', '3216'],
        units: [
          { inviteeId: 'a', name: 'Unit a', municipality: '3103' },
          { inviteeId: 'b', name: 'Unit b', municipality: '3112' },
          { inviteeId: 'c', name: 'Unit c', municipality: '3216' },
        ],
      },
    ]);
  });

  it('does not pair units of one municipality, of different sectors, or without a place', () => {
    expect(jointCandidates([unit('a', '3103', 'education', ['climate']), unit('b', '3103', 'education', ['climate'])])).toEqual([]);
    expect(jointCandidates([unit('a', '3103', 'education', ['climate']), unit('b', '3112', 'culture', ['climate'])])).toEqual([]);
    expect(jointCandidates([unit('a', '3103', 'education', ['climate']), unit('b', null, 'education', ['climate'])])).toEqual([]);
  });

  it('names a candidate by a key that reads back', () => {
    expect(parseJointCandidateKey(jointCandidateKey('education', 'art-culture'))).toEqual({ sector: 'education', area: 'art-culture' });
    expect(parseJointCandidateKey('education')).toBeNull();
  });
});

describe('asking the navigator', () => {
  it('asks as the municipality, in its place and sector, with the areas and texts as the idea', () => {
    const request = navigatorRequestFor({ names: ['Verket skole'], municipality: '3103', sector: 'education', areaLabels: ['Klima'], texts: [' Elevutveksling med Tyskland '] }, 'nb', ['3112']);
    expect(request.idea).toBe('Verket skole. Klima. Elevutveksling med Tyskland');
    expect(request.question.applicant.type).toBe('municipality');
    expect(request.question.applicant.place.norwegianMunicipality).toBe('3103');
    expect(request.question.partners?.[0]?.place.norwegianMunicipality).toBe('3112');
    expect(request.question.sector).toBe('education');
  });

  it('gives units that ask the same the same key, and others another', () => {
    const a = navigatorRequestFor({ names: [], municipality: '3103', sector: 'education', areaLabels: ['Klima'], texts: [] }, 'nb');
    const b = navigatorRequestFor({ names: [], municipality: '3103', sector: 'education', areaLabels: ['Klima'], texts: [] }, 'nb');
    const c = navigatorRequestFor({ names: [], municipality: '3112', sector: 'education', areaLabels: ['Klima'], texts: [] }, 'nb');
    expect(requestKey(a)).toBe(requestKey(b));
    expect(requestKey(a)).not.toBe(requestKey(c));
    expect(ideaOf({ names: [], areaLabels: [], texts: ['', ' '] })).toBe('');
  });

  it('keeps the best five that are not ruled out', () => {
    const result = (programmeId: string, verdict: MatchResult['verdict']) => ({ programmeId, programmeName: programmeId, priorityCode: null, priorityName: null, score: 0.51234, verdict, guidance: [] }) as unknown as MatchResult;
    const shown = shownMatches([result('x', 'ineligible'), ...['a', 'b', 'c', 'd', 'e', 'f'].map((id) => result(id, 'eligible'))]);
    expect(shown.map((m) => m.programmeId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(shown[0]!.score).toBe(0.512);
  });

  it('runs work a few at a time and keeps the order', async () => {
    let running = 0;
    let most = 0;
    const results = await mapLimited([5, 1, 3, 2], 2, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, n));
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 30, 20]);
    expect(most).toBe(2);
  });
});
