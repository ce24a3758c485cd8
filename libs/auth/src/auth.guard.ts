import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RegistryError } from '@registry/core';
import type { ApiKeyRole } from '@registry/prisma-client';
import { ApiKeyService } from './api-key.service';
import { PUBLIC_KEY, requestOf, ROLES_KEY } from './auth.decorators';

/**
 * Applied to every resolver and controller: takes the caller resolved from `Authorization: Bearer <key>` once per
 * request, then lets the operation through if it is @Public() or the caller holds one of its @Roles().
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeyService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = requestOf(context);
    // Normally resolved already by the RateLimitMiddleware, which runs first on every request.
    if (request.principal === undefined) request.principal = await this.apiKeys.principalFromHeader(request.headers.authorization);

    const targets = [context.getHandler(), context.getClass()];
    const principal = request.principal;
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) ?? false;
    if (isPublic) return true;
    if (!principal) throw RegistryError.unauthenticated();

    const roles = this.reflector.getAllAndOverride<ApiKeyRole[] | undefined>(ROLES_KEY, targets);
    if (!roles || principal.platformAdmin || roles.includes(principal.role)) return true;
    throw RegistryError.forbidden(`This operation needs a key with role ${roles.join(' or ')}; yours has role ${principal.role}`, {
      requiredRoles: roles,
    });
  }
}
