import type { FastifyReply } from 'fastify';
import { publicBaseUrl, setLinkCaching } from './public-base-url';

function request(protocol: 'http' | 'https', host: string | undefined): { protocol: 'http' | 'https'; host: string } {
  return { protocol, host: host as string };
}

describe('publicBaseUrl', () => {
  it('prefers the configured PUBLIC_BASE_URL over the request', () => {
    expect(publicBaseUrl('https://id.example.org', request('http', 'internal:8080'))).toBe('https://id.example.org');
  });

  it('falls back to the scheme and host the request came with', () => {
    expect(publicBaseUrl(null, request('https', 'scan.example.net'))).toBe('https://scan.example.net');
    expect(publicBaseUrl(null, request('http', undefined))).toBe('http://localhost');
  });
});

describe('setLinkCaching', () => {
  function response(): FastifyReply & { headers: Record<string, string> } {
    const headers: Record<string, string> = {};
    return {
      headers,
      header: (name: string, value: string) => (headers[name.toLowerCase()] = value),
      getHeader: (name: string) => headers[name.toLowerCase()],
    } as unknown as FastifyReply & { headers: Record<string, string> };
  }

  it('lets shared caches keep answers written with PUBLIC_BASE_URL', () => {
    const res = response();
    setLinkCaching(res, 'https://id.example.org', 60);
    expect(res.headers).toEqual({ 'cache-control': 'public, max-age=60' });
  });

  it('varies by Host and keeps answers private when the origin is the request host', () => {
    const res = response();
    setLinkCaching(res, null, 86400);
    expect(res.headers).toEqual({ vary: 'Host', 'cache-control': 'private, max-age=86400' });
  });

  it('stores nothing for answers that must not be kept', () => {
    for (const configured of ['https://id.example.org', null]) {
      const res = response();
      setLinkCaching(res, configured, null);
      expect(res.headers['cache-control']).toBe('private, no-store');
    }
  });
});
