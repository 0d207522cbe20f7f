import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/catalogue/answer-cache.js';
import { watchFingerprint } from '../../src/catalogue/fingerprint-watch.js';
import { searchKey, type ProgrammeSearch } from '../../src/catalogue/search-index.js';

const bytes = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));

describe('the store of finished answers', () => {
  it('returns what was stored for the same version, and empties itself for another', () => {
    const cache = new AnswerCache({ maxBytes: 1000, maxEntries: 10 });
    expect(cache.get('v1', 'a')).toBeUndefined();
    cache.set('v1', 'a', bytes(10, 'a'));
    expect(cache.get('v1', 'a')?.toString()).toBe('a'.repeat(10));
    expect(cache.get('v2', 'a')).toBeUndefined();
    // An answer computed for the old version arrives late: not stored under the new one.
    cache.set('v1', 'a', bytes(10, 'a'));
    expect(cache.get('v2', 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, hits: 1, misses: 3 });
  });

  it('drops the least recently used answers beyond its bytes and entries', () => {
    const cache = new AnswerCache({ maxBytes: 100, maxEntries: 3 });
    cache.get('v', '-');
    cache.set('v', 'a', bytes(40));
    cache.set('v', 'b', bytes(40));
    cache.get('v', 'a'); // a is now more recent than b
    cache.set('v', 'c', bytes(40)); // 120 bytes: b goes
    expect(['a', 'b', 'c'].map((key) => cache.get('v', key) !== undefined)).toEqual([true, false, true]);
    cache.set('v', 'd', bytes(10));
    cache.set('v', 'e', bytes(10)); // four entries: the least recent (a) goes
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 60 });
    expect(cache.get('v', 'a')).toBeUndefined();
    cache.set('v', 'huge', bytes(101));
    expect(cache.get('v', 'huge')).toBeUndefined();
  });
});

describe('search keys', () => {
  const search = (change: Partial<ProgrammeSearch> = {}): ProgrammeSearch => ({ q: 'klima', language: 'nb', sort: 'relevance', page: 1, pageSize: 20, ...change });

  it('are equal when the database would be asked the same', () => {
    expect(searchKey(search({ q: '  Klima! ' }))).toBe(searchKey(search()));
    expect(searchKey(search({ sectors: ['culture', 'education', 'culture'] }))).toBe(searchKey(search({ sectors: ['education', 'culture'] })));
    expect(searchKey(search({ sectors: [] }))).toBe(searchKey(search()));
  });

  it('differ when the answer may differ', () => {
    const base = searchKey(search());
    for (const change of [{ q: 'klimat' }, { language: 'sv' as const }, { sort: 'name' as const }, { page: 2 }, { pageSize: 10 }, { sectors: ['culture'] }, { applicantTypes: ['school'] }, { kinds: ['nordic'] }, { strands: ['A'] }, { policyObjectives: ['PO2'] }, { minFundingRate: 50 }]) {
      expect(searchKey(search(change)), JSON.stringify(change)).not.toBe(base);
    }
  });
});

describe('watching a fingerprint', () => {
  it('reads at most once per maxAge, and at once after a change by this process', async () => {
    let reads = 0;
    let clock = 0;
    let local = 0;
    let stored = 'A';
    const watch = watchFingerprint(async () => (reads++, stored), { maxAgeMs: 1000, now: () => clock, localChanges: () => local });
    expect(await watch.current()).toBe('A');
    stored = 'B'; // another process imports
    clock += 999;
    expect(await watch.current()).toBe('A');
    expect(reads).toBe(1);
    clock += 1;
    expect(await watch.current()).toBe('B');
    expect(reads).toBe(2);
    stored = 'C';
    local++; // this process imports
    expect(await watch.current()).toBe('C');
    expect(reads).toBe(3);
  });

  it('shares a read under way, but not one begun before this process\'s change', async () => {
    const pending: Array<(value: string) => void> = [];
    let local = 0;
    const watch = watchFingerprint(() => new Promise<string>((resolve) => pending.push(resolve)), { maxAgeMs: 1000, now: () => 0, localChanges: () => local });
    const first = watch.current();
    const second = watch.current();
    expect(pending).toHaveLength(1);
    local++;
    const third = watch.current();
    expect(pending).toHaveLength(2);
    pending[0]!('old');
    pending[1]!('new');
    expect([await first, await second, await third]).toEqual(['old', 'old', 'new']);
    expect(await watch.current()).toBe('new');
    expect(pending).toHaveLength(2);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const watch = watchFingerprint(async () => {
      if (fail) throw new Error('database gone');
      return 'A';
    }, { maxAgeMs: 1000, now: () => 0 });
    await expect(watch.current()).rejects.toThrow('database gone');
    fail = false;
    expect(await watch.current()).toBe('A');
  });
});
