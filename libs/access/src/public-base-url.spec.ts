import type { Request } from 'express';
import { publicBaseUrl } from './public-base-url';

function request(protocol: string, host: string | undefined): Request {
  return { protocol, get: (name: string) => (name.toLowerCase() === 'host' ? host : undefined) } as unknown as Request;
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
