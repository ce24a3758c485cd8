import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ErrorCode } from '@registry/core';
import { GraphQLError } from 'graphql';
import { measureOperation } from './query-cost';
import { pageSizeProblem } from './query-limits';
import { type RateLimitedRequest, RATE_WINDOW_MS } from './rate-limit.middleware';
import { type RatePolicyState, rateLimitHeaders } from './rate-limit-headers';
import { SlidingWindowRateLimiter } from './rate-limiter';

interface Context {
  req: RateLimitedRequest;
}

/**
 * Charges each GraphQL operation's estimated cost against a budget of cost units per minute, per API key
 * (RATE_LIMIT_COST_PER_MINUTE) or, without a key, per IP address (RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE), so that
 * one request full of aliases or big pages counts for what it asks. It runs once the operation is resolved and
 * before it executes (on every request: Apollo validates a document only the first time it sees it), with the
 * request's variables, whose page sizes it checks like the validation rule checks literals. The platform
 * administrator is not limited. Like the request counters, the budgets live in this instance's memory.
 */
@Plugin()
export class QueryCostPlugin implements ApolloServerPlugin<Context> {
  private readonly limiter = new SlidingWindowRateLimiter(RATE_WINDOW_MS);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    return { didResolveOperation: async (context) => this.charge(context) };
  }

  private async charge(context: GraphQLRequestContextDidResolveOperation<Context>): Promise<void> {
    if (!context.operation) return;
    const measure = measureOperation(context.schema, context.document, context.operation, context.request.variables ?? {});
    for (const argument of measure.pageArguments) {
      const problem = pageSizeProblem(argument);
      if (problem) {
        throw new GraphQLError(problem, {
          extensions: {
            code: ErrorCode.BAD_USER_INPUT,
            violations: [{ path: argument.argument, message: problem, keyword: 'range' }],
            http: { status: 400 },
          },
        });
      }
    }

    const request = context.contextValue.req;
    const principal = request.principal;
    if (principal?.platformAdmin) return;
    const [bucket, limit, setting, who] = principal
      ? [`key:${principal.apiKeyId}`, this.config.rateLimitCostPerMinute, 'RATE_LIMIT_COST_PER_MINUTE', 'this API key']
      : [
          `ip:${request.ip ?? request.socket.remoteAddress ?? 'unknown'}`,
          this.config.anonymousRateLimitCostPerMinute,
          'RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE',
          'anonymous requests from this IP address',
        ];
    if (limit <= 0) return;

    const decision = this.limiter.hit(bucket, limit, measure.cost);
    const states: RatePolicyState[] = [
      ...(request.requestRate ? [request.requestRate] : []),
      { limit, remaining: decision.remaining, resetSeconds: decision.resetSeconds, policy: `${limit};w=${RATE_WINDOW_MS / 1000};comment="cost"` },
    ];
    const headers = new HeaderMap(Object.entries(rateLimitHeaders(states)).map(([name, value]) => [name.toLowerCase(), value]));
    for (const [name, value] of headers) context.response.http.headers.set(name, value);
    if (decision.allowed) return;

    const extensions = { code: ErrorCode.TOO_MANY_REQUESTS, cost: measure.cost, limit, windowSeconds: RATE_WINDOW_MS / 1000, setting };
    if (measure.cost > limit) {
      throw new GraphQLError(
        `The operation has an estimated cost of ${measure.cost}, more than the whole budget of ${limit} per minute for ${who} (${setting}). ` +
          'Ask for smaller pages (first) or fewer nested lists.',
        { extensions: { ...extensions, http: { status: 429, headers } } },
      );
    }
    headers.set('retry-after', String(decision.retryAfterSeconds));
    throw new GraphQLError(
      `Query cost budget exhausted for ${who}: the operation has an estimated cost of ${measure.cost} and the budget is ${limit} per minute ` +
        `(${setting}). Retry after ${decision.retryAfterSeconds} s.`,
      { extensions: { ...extensions, retryAfterSeconds: decision.retryAfterSeconds, http: { status: 429, headers } } },
    );
  }
}
