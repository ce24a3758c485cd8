import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('computes a key once, concurrent requests included', async () => {
    const cache = new LruCache<string>(2);
    let computed = 0;
    const compute = async () => `value ${++computed}`;
    const [a, b] = await Promise.all([cache.getOrCompute('k', compute), cache.getOrCompute('k', compute)]);
    expect([a, b, await cache.getOrCompute('k', compute)]).toEqual(['value 1', 'value 1', 'value 1']);
    expect(computed).toBe(1);
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const cache = new LruCache<string>(2);
    const computed: string[] = [];
    const get = (key: string) => cache.getOrCompute(key, async () => (computed.push(key), key));
    await get('a');
    await get('b');
    await get('a'); // a is now more recent than b
    await get('c'); // evicts b
    expect(cache.size).toBe(2);
    await get('a');
    await get('b');
    expect(computed).toEqual(['a', 'b', 'c', 'b']);
  });

  it('forgets a failed computation so that the next request retries', async () => {
    const cache = new LruCache<string>(2);
    await expect(cache.getOrCompute('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.getOrCompute('k', async () => 'ok')).toBe('ok');
  });
});
