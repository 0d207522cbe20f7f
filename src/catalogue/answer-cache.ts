/**
 * A bounded, least-recently-used store of finished answers (serialised bodies), valid for one version
 * of the data: asked with another version, it empties itself. Pure: the caller supplies the version
 * (a fingerprint of the catalogue) and the keys.
 *
 * An answer is admitted the second time its key is asked, not the first. Most searches are asked
 * once — each letter typed on the way to a word is a new one — and storing those would push out the
 * answers people do ask again, and churn the heap for nothing (docs/BENCHMARKS.md).
 */
export interface AnswerCacheOptions {
  /** Most bytes of bodies held; the least recently used go first. */
  maxBytes: number;
  maxEntries: number;
  /** Most keys remembered as asked once; past this, the memory of them starts afresh. */
  maxAskedOnce: number;
}

export interface AnswerCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

export class AnswerCache {
  private version: string | undefined;
  private readonly entries = new Map<string, Buffer>();
  /** Keys missed so far, with how often: an answer is stored once its key has been missed twice. */
  private readonly missed = new Map<string, number>();
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(private readonly options: AnswerCacheOptions) {}

  get(version: string, key: string): Buffer | undefined {
    if (version !== this.version) {
      this.clear();
      this.version = version;
    }
    const body = this.entries.get(key);
    if (body === undefined) {
      this.misses++;
      if (this.missed.size >= this.options.maxAskedOnce && !this.missed.has(key)) this.missed.clear();
      this.missed.set(key, (this.missed.get(key) ?? 0) + 1);
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, body);
    return body;
  }

  /**
   * Offers an answer computed for `version` after a miss. Stored if its key was asked before; ignored
   * if this is the key's first ask, or if the cache has moved on to another version meanwhile.
   */
  offer(version: string, key: string, body: Buffer): void {
    if (version !== this.version || body.length > this.options.maxBytes || (this.missed.get(key) ?? 0) < 2) return;
    this.missed.delete(key);
    const previous = this.entries.get(key);
    if (previous !== undefined) {
      this.bytes -= previous.length;
      this.entries.delete(key);
    }
    this.entries.set(key, body);
    this.bytes += body.length;
    for (const [oldest, value] of this.entries) {
      if (this.bytes <= this.options.maxBytes && this.entries.size <= this.options.maxEntries) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }

  clear(): void {
    this.entries.clear();
    this.missed.clear();
    this.bytes = 0;
  }

  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}
