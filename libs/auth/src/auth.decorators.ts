import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiKeyRole } from '@registry/prisma-client';
import type { IncomingMessage } from 'node:http';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'registry:public';
export const ROLES_KEY = 'registry:roles';

/** Anonymous callers may use this operation (what they see is still limited by the service). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only keys with one of these roles (and the platform administrator) may use this operation. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * Node's request of an HTTP request, on which the RateLimitMiddleware puts the caller. It is what the GraphQL context
 * holds as `req`; controllers receive Fastify's request, which wraps it (`raw`).
 */
export interface RequestWithPrincipal extends IncomingMessage {
  principal?: Principal | null;
  /** The client's address as Fastify sees it (TRUST_PROXY applied), set before the middleware runs. */
  ip?: string;
}

/** Node's request under Fastify's (or the request itself). */
export function rawRequest(request: object): RequestWithPrincipal {
  return ((request as { raw?: RequestWithPrincipal }).raw ?? request) as RequestWithPrincipal;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return rawRequest(context.switchToHttp().getRequest<object>());
}

/** The caller resolved by the AuthGuard, or null when anonymous. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | null => requestOf(context).principal ?? null);
