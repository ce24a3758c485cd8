import type { Request, Response } from 'express';

/**
 * The origin Digital Links are written with: PUBLIC_BASE_URL when set (production: the address printed on products
 * must not depend on how a request reached the API), else the scheme and host of the request (behind a proxy,
 * X-Forwarded-Proto/-Host count when TRUST_PROXY says how many proxies to trust).
 */
export function publicBaseUrl(configured: string | null, request: Request): string {
  return configured ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}

/**
 * Cache headers of a response that embeds the link origin. With PUBLIC_BASE_URL set, shared caches may keep it for
 * `maxAgeSeconds`. Without it the answer carries the caller's Host header, so it varies by Host and only the caller's
 * own cache may keep it: a shared cache must not serve one caller's host to everyone. `maxAgeSeconds` null: not
 * to be stored at all (a draft).
 */
export function setLinkCaching(response: Response, configured: string | null, maxAgeSeconds: number | null): void {
  if (configured === null) response.vary('Host');
  if (maxAgeSeconds === null) response.setHeader('Cache-Control', 'private, no-store');
  else response.setHeader('Cache-Control', `${configured === null ? 'private' : 'public'}, max-age=${maxAgeSeconds}`);
}
