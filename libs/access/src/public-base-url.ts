import type { Request } from 'express';

/**
 * The origin Digital Links are written with: PUBLIC_BASE_URL when set (production: the address printed on products
 * must not depend on how a request reached the API), else the scheme and host of the request (behind a proxy,
 * X-Forwarded-Proto/-Host count when TRUST_PROXY says how many proxies to trust).
 */
export function publicBaseUrl(configured: string | null, request: Request): string {
  return configured ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
