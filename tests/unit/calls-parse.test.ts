import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEuPortalLine, repairMojibake } from '../../src/calls/parse.js';

describe('EU portal calls', () => {
  it('repairs UTF-8 text that was decoded as Windows-1252, and leaves good text alone', () => {
    expect(repairMojibake('the beneficiariesâ€™ personnel costs')).toBe('the beneficiaries’ personnel costs');
    expect(repairMojibake('Klimatanpassning\u00c2\u00a0â€“ Ã¸kt')).toBe('Klimatanpassning\u00a0– økt');
    expect(repairMojibake('Ærø, Østfold, Åland – “ok”')).toBe('Ærø, Østfold, Åland – “ok”');
  });

  it('maps the portal programme to the catalogue and keeps unknown ones unlinked', () => {
    const line = (programme: string) => JSON.stringify({ topicId: 'T-1', title: 'A call', programme, callStatus: 'open', deadline: '2027-02-03', portalUrl: 'https://example.org/t1', budgetMin: 1000, budgetMax: 2000 });
    expect(parseEuPortalLine(line('Horizon Europe'))).toMatchObject({ call: { id: 'T-1', programmeId: 'horizon-europe', deadline: '2027-02-03', status: 'open', budgetMaxEur: 2000 } });
    expect(parseEuPortalLine(line('European Defence Fund'))).toMatchObject({ call: { programmeId: null, programmeName: 'European Defence Fund' } });
  });

  it('names what is wrong with a line', () => {
    expect(parseEuPortalLine('{not json')).toEqual({ problem: 'not valid JSON' });
    expect(parseEuPortalLine(JSON.stringify({ title: 'x', programme: 'y', callStatus: 'open' }))).toEqual({ problem: 'missing topicId' });
    expect(parseEuPortalLine(JSON.stringify({ topicId: 'a', title: 'x', programme: 'y', callStatus: 'maybe' }))).toEqual({ problem: 'unknown callStatus "maybe"' });
  });

  it('reads every line of the real export in ../shared/data', () => {
    const lines = readFileSync(new URL('../../../shared/data/eu-funding-calls-open.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim());
    const parsed = lines.map(parseEuPortalLine);
    expect(parsed.filter((p) => 'problem' in p)).toEqual([]);
    const calls = parsed.flatMap((p) => ('call' in p ? [p.call] : []));
    expect(calls.length).toBe(629);
    expect(calls.filter((c) => c.programmeId === 'horizon-europe').length).toBeGreaterThan(400);
    expect(calls.some((c) => /â€/.test(c.title))).toBe(false);
  });
});
