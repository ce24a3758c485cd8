import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, ErrorCode } from '@registry/core';
import { type DocumentNode, getOperationAST, GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { FastifyReply } from 'fastify';
import { measureOperation, type OperationMeasure } from './query-cost';
import { pageSizeProblem } from './query-limits';
import { clientAddress, type RateLimitedRequest, RATE_WINDOW_MS } from './rate-limit.middleware';
import { type RatePolicyState, rateLimitHeaders } from './rate-limit-headers';
import { SlidingWindowRateLimiter } from './rate-limiter';

/** What the hook reads of the GraphQL context: Node's request (with the caller) and Fastify's reply (Mercurius adds it). */
export interface CostContext {
  req: RateLimitedRequest;
  reply: FastifyReply;
}

/** The status and headers a request-level GraphQL error asks for (the error formatter applies them). */
export interface HttpExtension {
  status: number;
  headers?: Record<string, string>;
}

/**
 * Charges each GraphQL operation's estimated cost against a budget of cost units per minute, per API key
 * (RATE_LIMIT_COST_PER_MINUTE) or, without a key, per IP address (RATE_LIMIT_ANONYMOUS_COST_PER_MINUTE), so that
 * one request full of aliases or big pages counts for what it asks. It runs as Mercurius's preExecution hook: once
 * the document is validated (validation is cached per query text) and before it executes, on every request, with the
 * request's variables, whose page sizes it checks like the validation rule checks literals. The platform
 * administrator is not limited. Like the request counters, the budgets live in this instance's memory.
 */
@Injectable()
export class QueryCostHook {
  private readonly limiter = new SlidingWindowRateLimiter(RATE_WINDOW_MS);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /**
   * Measures of operations whose page sizes are all written in the document, by operation: Mercurius keeps the
   * parsed document per query text, so a repeated query is measured once. Page sizes given by variables are
   * measured on every request, with its variables.
   */
  private readonly fixedMeasures = new WeakMap<OperationDefinitionNode, OperationMeasure>();

  private measureOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): OperationMeasure {
    const known = this.fixedMeasures.get(operation);
    if (known) return known;
    const measure = measureOperation(schema, document, operation, variables);
    if (measure.pageArguments.every((argument) => argument.variable === null)) this.fixedMeasures.set(operation, measure);
    return measure;
  }

  readonly preExecution = async (schema: GraphQLSchema, document: DocumentNode, context: CostContext, variables?: Record<string, unknown>): Promise<void> => {
    const body = (context.reply.request.body ?? context.reply.request.query) as { operationName?: unknown } | undefined;
    const operation = getOperationAST(document, typeof body?.operationName === 'string' ? body.operationName : undefined);
    if (!operation) return;
    const measure = this.measureOf(schema, document, operation, variables ?? {});
    for (const argument of measure.pageArguments) {
      const problem = pageSizeProblem(argument);
      if (problem) {
        throw new GraphQLError(problem, {
          extensions: {
            code: ErrorCode.BAD_USER_INPUT,
            violations: [{ path: argument.argument, message: problem, keyword: 'range' }],
            http: { status: 400 } satisfies HttpExtension,
          },
        });
      }
    }

    const request = context.req;
    const principal = request.principal;
    if (principal?.platformAdmin) return;
    const [bucket, limit, setting, who] = principal
      ? [`key:${principal.apiKeyId}`, this.config.rateLimitCostPerMinute, 'RATE_LIMIT_COST_PER_MINUTE', 'this API key']
      : [
          `ip:${clientAddress(request)}`,
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
    const headers = rateLimitHeaders(states);
    for (const [name, value] of Object.entries(headers)) context.reply.header(name, value);
    if (decision.allowed) return;

    const extensions = { code: ErrorCode.TOO_MANY_REQUESTS, cost: measure.cost, limit, windowSeconds: RATE_WINDOW_MS / 1000, setting };
    if (measure.cost > limit) {
      throw new GraphQLError(
        `The operation has an estimated cost of ${measure.cost}, more than the whole budget of ${limit} per minute for ${who} (${setting}). ` +
          'Ask for smaller pages (first) or fewer nested lists.',
        { extensions: { ...extensions, http: { status: 429, headers } satisfies HttpExtension } },
      );
    }
    const retryAfter = String(decision.retryAfterSeconds);
    throw new GraphQLError(
      `Query cost budget exhausted for ${who}: the operation has an estimated cost of ${measure.cost} and the budget is ${limit} per minute ` +
        `(${setting}). Retry after ${decision.retryAfterSeconds} s.`,
      {
        extensions: {
          ...extensions,
          retryAfterSeconds: decision.retryAfterSeconds,
          http: { status: 429, headers: { ...headers, 'Retry-After': retryAfter } } satisfies HttpExtension,
        },
      },
    );
  };
}
