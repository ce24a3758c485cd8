import type { HttpExtension } from '@registry/auth';
import { ErrorCode, mapError } from '@registry/core';
import type { FastifyReply } from 'fastify';
import { type ExecutionResult, type GraphQLFormattedError, GraphQLError } from 'graphql';

/** Coercion of a request's variables (not validation of the document): the caller's input, as BAD_USER_INPUT. */
const VARIABLE_COERCION = /^Variable "\$[^"]+" (got invalid value|of required type .* was not provided|of non-null type .* must not be null)/;

function requestErrorCode(error: GraphQLError): string {
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  if (VARIABLE_COERCION.test(error.message)) return ErrorCode.BAD_USER_INPUT;
  return 'GRAPHQL_VALIDATION_FAILED';
}

/** Mercurius wraps parse, validation and variable errors in one error whose `errors` are the real ones. */
function unwrap(error: GraphQLError): GraphQLError[] {
  const inner = (error.originalError as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(inner)) return [error];
  return inner.map((each) => (each instanceof GraphQLError ? each : new GraphQLError(each instanceof Error ? each.message : String(each))));
}

/**
 * Errors as clients read them (the conventions of the GraphQL-over-HTTP answers this API has always given):
 * - request errors (the query does not parse, fails validation or a limit, bad variables, a refused cost): no `data`,
 *   HTTP 400 (or the status the error asks for, e.g. 429 with RateLimit and Retry-After headers), with
 *   `extensions.code` GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED or BAD_USER_INPUT unless the error has its own;
 * - errors while executing: `data` and HTTP 200; errors raised outside resolvers (scalars, field middleware) are
 *   mapped like resolver errors (resolver errors are mapped already by the RegistryErrorFilter); anything unknown is
 *   INTERNAL_SERVER_ERROR without internals.
 */
export function formatGraphQLErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: { reply?: FastifyReply }) {
  const requestError = !('data' in execution) || execution.data === undefined;
  let status = requestError ? 400 : 200;
  const errors: GraphQLFormattedError[] = [];
  for (const error of execution.errors.flatMap(unwrap)) {
    const { http, ...extensions } = (error.extensions ?? {}) as { http?: HttpExtension } & Record<string, unknown>;
    if (http) {
      status = http.status;
      for (const [name, value] of Object.entries(http.headers ?? {})) context.reply?.header(name, value);
    }
    const original = error.originalError;
    if (original && !(original instanceof GraphQLError) && !Array.isArray((original as { errors?: unknown }).errors)) {
      const mapped = mapError(original, error.path?.join('.'));
      if (requestError) status = mapped.status;
      errors.push({ ...error.toJSON(), message: mapped.message, extensions: { code: mapped.code, ...mapped.extensions } });
      continue;
    }
    const code = extensions.code ?? (requestError ? requestErrorCode(error) : 'INTERNAL_SERVER_ERROR');
    errors.push({ ...error.toJSON(), extensions: { ...extensions, code } });
  }
  const response = requestError ? { errors } : { data: execution.data, errors };
  return { statusCode: status, response };
}
