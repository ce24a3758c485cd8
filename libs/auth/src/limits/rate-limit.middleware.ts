import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ErrorCode, RegistryError } from '@registry/core';
import type { ServerResponse } from 'node:http';
import { ApiKeyService } from '../api-key.service';
import type { RequestWithPrincipal } from '../auth.decorators';
import { type RatePolicyState, rateLimitHeaders } from './rate-limit-headers';
import { type RateDecision, SlidingWindowRateLimiter } from './rate-limiter';

/** The client's address for per-IP limits (TRUST_PROXY applied by Fastify). */
export function clientAddress(request: RequestWithPrincipal): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

/** The window of every rate limit: a minute. */
export const RATE_WINDOW_MS = 60_000;
const WINDOW_MS = RATE_WINDOW_MS;

export interface RateLimitedRequest extends RequestWithPrincipal {
  /** Where the request counter stands, for the QueryCostHook to report next to the cost budget. */
  requestRate?: RatePolicyState;
}

/**
 * Runs first on every HTTP request (GraphQL, the Digital Link resolver, QR codes): resolves the caller from the
 * API key once, then counts the request against the key (RATE_LIMIT_PER_MINUTE) or, without a key, against the
 * client's IP address (RATE_LIMIT_ANONYMOUS_PER_MINUTE). A request with a bad key counts against its IP address,
 * so that guessing keys is limited like anonymous use. The platform administrator key is not limited.
 *
 * The counters live in this instance's memory: behind a load balancer with N instances a caller may reach up to
 * N times the limit. That keeps the API stateless; a shared store (e.g. Redis) would make it exact.
 */
@Injectable()
export class RateLimitMiddleware implements NestMiddleware {
  private readonly limiter = new SlidingWindowRateLimiter(WINDOW_MS);

  constructor(
    private readonly apiKeys: ApiKeyService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async use(request: RateLimitedRequest, response: ServerResponse, next: () => void): Promise<void> {
    const address = clientAddress(request);
    let principal;
    try {
      principal = await this.apiKeys.principalFromHeader(request.headers.authorization);
    } catch (error) {
      this.count(request, response, `ip:${address}`, this.config.anonymousRateLimitPerMinute, 'RATE_LIMIT_ANONYMOUS_PER_MINUTE', 'this IP address');
      throw error;
    }
    request.principal = principal;
    if (!principal) {
      this.count(
        request,
        response,
        `ip:${address}`,
        this.config.anonymousRateLimitPerMinute,
        'RATE_LIMIT_ANONYMOUS_PER_MINUTE',
        'anonymous requests from this IP address',
      );
    } else if (!principal.platformAdmin) {
      this.count(request, response, `key:${principal.apiKeyId}`, this.config.rateLimitPerMinute, 'RATE_LIMIT_PER_MINUTE', 'this API key');
    }
    next();
  }

  /** Counts one request; sets the RateLimit headers, and refuses with TOO_MANY_REQUESTS over the limit. */
  private count(request: RateLimitedRequest, response: ServerResponse, bucket: string, limit: number, setting: string, who: string): void {
    if (limit <= 0) return;
    const decision: RateDecision = this.limiter.hit(bucket, limit);
    request.requestRate = { limit, remaining: decision.remaining, resetSeconds: decision.resetSeconds, policy: `${limit};w=${WINDOW_MS / 1000}` };
    for (const [name, value] of Object.entries(rateLimitHeaders([request.requestRate]))) response.setHeader(name, value);
    if (decision.allowed) return;
    response.setHeader('Retry-After', String(decision.retryAfterSeconds));
    throw new RegistryError(
      ErrorCode.TOO_MANY_REQUESTS,
      `Too many requests for ${who}: the limit is ${limit} per minute (${setting}). Retry after ${decision.retryAfterSeconds} s.`,
      { retryAfterSeconds: decision.retryAfterSeconds, limit, windowSeconds: WINDOW_MS / 1000, setting },
    );
  }
}
