/**
 * A bounded, least-recently-used store of finished answers (serialised bodies), valid for one version
 * of the data: asked with another version, it empties itself. Pure: the caller supplies the version
 * (a fingerprint of the catalogue) and the keys.
 */
export interface AnswerCacheOptions {
  /** Most bytes of bodies held; the least recently used go first. */
  maxBytes: number;
  maxEntries: number;
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
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, body);
    return body;
  }

  /** Stores an answer computed for `version`; ignored if the cache has moved on to another version meanwhile. */
  set(version: string, key: string, body: Buffer): void {
    if (version !== this.version || body.length > this.options.maxBytes) return;
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
    this.bytes = 0;
  }

  stats(): AnswerCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, misses: this.misses };
  }
}
