/**
 * A small least-recently-used cache of values computed asynchronously. It keeps the promise, so that concurrent
 * requests for the same key compute once; a rejected computation is forgotten so that the next request retries.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  getOrCompute(key: string, compute: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached) {
      // A Map iterates in insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const value = compute();
    this.entries.set(key, value);
    value.catch(() => {
      if (this.entries.get(key) === value) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
