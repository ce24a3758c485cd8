import { type ArgumentsHost, Catch, HttpException, Logger } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { Prisma } from '@registry/prisma-client';
import type { ServerResponse } from 'node:http';
import type { FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { ErrorCode, RegistryError } from './registry-error';

export interface MappedError {
  status: number;
  code: string;
  message: string;
  extensions: Record<string, unknown>;
}

const HTTP_STATUS: Record<string, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.IDEMPOTENCY_KEY_REUSED]: 422,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/** The fields of a unique constraint, from the error meta of either driver adapter. */
function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string[] {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the adapters' meta is untyped; read optionally below
  const meta = error.meta as Record<string, any> | undefined;
  const fields = meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields;
  return Array.isArray(fields) ? fields.map(String) : [];
}

/**
 * The one place where errors become responses: domain errors keep their code, Prisma's known errors are
 * translated, and anything unexpected is logged once with its context and answered without internals.
 */
@Catch()
export class RegistryErrorFilter implements GqlExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    const where = host.getType<string>() === 'graphql' ? host.getArgByIndex(3)?.fieldName : host.switchToHttp().getRequest()?.url;
    const mapped = mapError(exception, where);
    if (host.getType<string>() === 'graphql') {
      return new GraphQLError(mapped.message, { extensions: { code: mapped.code, ...mapped.extensions } });
    }
    // Fastify's reply in controllers and the error handler, Node's response in middleware.
    const response = host.switchToHttp().getResponse<FastifyReply | ServerResponse>();
    const raw = 'raw' in response ? response.raw : response;
    if (raw.headersSent) {
      raw.destroy();
      return undefined;
    }
    // The same shape as GraphQL errors, so that clients read every error one way.
    const body = JSON.stringify({ errors: [{ message: mapped.message, extensions: { code: mapped.code, ...mapped.extensions } }] });
    if ('raw' in response && !response.sent) {
      void response.code(mapped.status).type('application/json; charset=utf-8').send(body);
    } else {
      raw.statusCode = mapped.status;
      raw.setHeader('Content-Type', 'application/json; charset=utf-8');
      raw.end(body);
    }
    return undefined;
  }
}

const logger = new Logger('Errors');

/** Maps any thrown value to what the caller is told. `where` (an operation or URL) goes to the log only. */
export function mapError(exception: unknown, where?: string): MappedError {
  if (exception instanceof RegistryError) {
    return { status: HTTP_STATUS[exception.code] ?? 400, code: exception.code, message: exception.message, extensions: exception.extensions };
  }
  if (exception instanceof GraphQLError) {
    const code = String(exception.extensions?.code ?? ErrorCode.BAD_USER_INPUT);
    return { status: HTTP_STATUS[code] ?? 400, code, message: exception.message, extensions: {} };
  }
  if (exception instanceof Prisma.PrismaClientKnownRequestError) {
    if (exception.code === 'P2002') {
      const fields = uniqueFields(exception);
      const message = fields.length ? `A record with the same ${fields.join(', ')} already exists` : 'A record with the same identity already exists';
      return { status: 409, code: ErrorCode.CONFLICT, message, extensions: { fields } };
    }
    if (exception.code === 'P2025') {
      return { status: 404, code: ErrorCode.NOT_FOUND, message: 'The record was not found', extensions: {} };
    }
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = Object.entries(HTTP_STATUS).find(([, s]) => s === status)?.[0];
    if (status === 413) {
      return { status, code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'The request body exceeds the size limit (BODY_LIMIT_MB, 5 MB by default)', extensions: {} };
    }
    if (code) return { status, code, message: exception.message, extensions: {} };
  }
  // The HTTP layer's own refusals (Fastify: body over BODY_LIMIT_MB, malformed JSON, unsupported media type).
  const httpStatus = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (exception instanceof Error && typeof httpStatus === 'number' && httpStatus >= 400 && httpStatus < 500) {
    if (httpStatus === 413) {
      return {
        status: 413,
        code: ErrorCode.PAYLOAD_TOO_LARGE,
        message: 'The request body exceeds the size limit (BODY_LIMIT_MB, 5 MB by default)',
        extensions: {},
      };
    }
    const code = Object.entries(HTTP_STATUS).find(([, s]) => s === httpStatus)?.[0] ?? ErrorCode.BAD_USER_INPUT;
    return { status: httpStatus, code, message: exception.message, extensions: {} };
  }
  logger.error(`Unexpected error in ${where ?? 'request'}: ${exception instanceof Error ? exception.stack : String(exception)}`);
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error', extensions: {} };
}
