import { describe, expect, it } from 'vitest';
import { AnswerCache, type AnswerCacheOptions } from '../../src/catalogue/answer-cache.js';
import { watchFingerprint } from '../../src/catalogue/fingerprint-watch.js';
import { searchKey, type ProgrammeSearch } from '../../src/catalogue/search-index.js';

const bytes = (n: number, fill = 'x') => Buffer.from(fill.repeat(n));

describe('the store of finished answers', () => {
  const options = (change: Partial<AnswerCacheOptions> = {}): AnswerCacheOptions => ({ maxBytes: 1000, maxEntries: 10, maxAskedOnce: 100, ...change });
  /** Asks for `key` and, on a miss, offers `body` as the route does. */
  const ask = (cache: AnswerCache, version: string, key: string, body = bytes(10, key)) => {
    const found = cache.get(version, key);
    if (found === undefined) cache.offer(version, key, body);
    return found;
  };

  it('stores an answer the second time its key is asked, and returns it from then on', () => {
    const cache = new AnswerCache(options());
    expect(ask(cache, 'v1', 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 0, misses: 1 });
    expect(ask(cache, 'v1', 'a')).toBeUndefined();
    expect(cache.stats()).toMatchObject({ entries: 1, misses: 2 });
    expect(ask(cache, 'v1', 'a')?.toString()).toBe('a'.repeat(10));
    expect(ask(cache, 'v1', 'a')?.toString()).toBe('a'.repeat(10));
    expect(cache.stats()).toMatchObject({ entries: 1, hits: 2, misses: 2 });
  });

  it('empties itself for another version, and forgets the keys asked under the old one', () => {
    const cache = new AnswerCache(options());
    ask(cache, 'v1', 'a');
    ask(cache, 'v1', 'a');
    expect(cache.get('v2', 'a')).toBeUndefined();
    // An answer computed for the old version arrives late: not stored under the new one.
    cache.offer('v1', 'a', bytes(10, 'a'));
    expect(cache.stats()).toMatchObject({ entries: 0 });
    // The ask under v2 was the key's first since the change.
    cache.offer('v2', 'a', bytes(10, 'a'));
    expect(cache.stats()).toMatchObject({ entries: 0 });
    ask(cache, 'v2', 'a');
    expect(cache.get('v2', 'a')?.toString()).toBe('a'.repeat(10));
  });

  it('remembers a bounded number of keys asked once, starting afresh when full', () => {
    const cache = new AnswerCache(options({ maxAskedOnce: 3 }));
    for (const key of ['a', 'b', 'c']) ask(cache, 'v', key);
    ask(cache, 'v', 'd'); // a fourth key: the memory starts afresh with d
    ask(cache, 'v', 'a'); // a was forgotten: a first ask again, not stored
    expect(cache.stats()).toMatchObject({ entries: 0 });
    ask(cache, 'v', 'd');
    ask(cache, 'v', 'a');
    expect(cache.stats()).toMatchObject({ entries: 2 });
    expect([cache.get('v', 'a'), cache.get('v', 'd')].every((body) => body !== undefined)).toBe(true);
  });

  it('drops the least recently used answers beyond its bytes and entries', () => {
    const cache = new AnswerCache(options({ maxBytes: 100, maxEntries: 3 }));
    /** Stores `key` (two asks). */
    const store = (key: string, size: number) => {
      ask(cache, 'v', key, bytes(size));
      ask(cache, 'v', key, bytes(size));
    };
    store('a', 40);
    store('b', 40);
    cache.get('v', 'a'); // a is now more recent than b
    store('c', 40); // 120 bytes: b goes
    expect(['a', 'b', 'c'].map((key) => cache.get('v', key) !== undefined)).toEqual([true, false, true]);
    store('d', 10);
    store('e', 10); // four entries: the least recent (a) goes
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 60 });
    expect(cache.get('v', 'a')).toBeUndefined();
    store('huge', 101);
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
