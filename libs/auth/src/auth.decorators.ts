import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiKeyRole } from '@registry/prisma-client';
import type { Request } from 'express';
import type { Principal } from './principal';

export const PUBLIC_KEY = 'registry:public';
export const ROLES_KEY = 'registry:roles';

/** Anonymous callers may use this operation (what they see is still limited by the service). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only keys with one of these roles (and the platform administrator) may use this operation. */
export const Roles = (...roles: ApiKeyRole[]) => SetMetadata(ROLES_KEY, roles);

export interface RequestWithPrincipal extends Request {
  principal?: Principal | null;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The caller resolved by the AuthGuard, or null when anonymous. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal | null => requestOf(context).principal ?? null);
