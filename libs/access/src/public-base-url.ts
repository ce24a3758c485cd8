import type { FastifyReply, FastifyRequest } from 'fastify';
import vary from 'vary';

/**
 * The origin Digital Links are written with: PUBLIC_BASE_URL when set (production: the address printed on products
 * must not depend on how a request reached the API), else the scheme and host of the request (behind a proxy,
 * X-Forwarded-Proto/-Host count when TRUST_PROXY says how many proxies to trust).
 */
export function publicBaseUrl(configured: string | null, request: Pick<FastifyRequest, 'protocol' | 'host'>): string {
  return configured ?? `${request.protocol}://${request.host || 'localhost'}`;
}

/** Adds `field` to the Vary header of `reply`, keeping what is there. */
export function addVary(reply: Pick<FastifyReply, 'header' | 'getHeader'>, field: string): void {
  const current = reply.getHeader('vary');
  reply.header('Vary', vary.append(typeof current === 'string' ? current : '', field));
}

/**
 * Cache headers of a response that embeds the link origin. With PUBLIC_BASE_URL set, shared caches may keep it for
 * `maxAgeSeconds`. Without it the answer carries the caller's Host header, so it varies by Host and only the caller's
 * own cache may keep it: a shared cache must not serve one caller's host to everyone. `maxAgeSeconds` null: not
 * to be stored at all (a draft).
 */
export function setLinkCaching(reply: Pick<FastifyReply, 'header' | 'getHeader'>, configured: string | null, maxAgeSeconds: number | null): void {
  if (configured === null) addVary(reply, 'Host');
  if (maxAgeSeconds === null) reply.header('Cache-Control', 'private, no-store');
  else reply.header('Cache-Control', `${configured === null ? 'private' : 'public'}, max-age=${maxAgeSeconds}`);
}
