import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { AccessTier, canAccess, type Principal } from '@registry/auth';
import { RegistryError } from '@registry/core';

/** No organization owns an aggregate, so only the roles with a legitimate interest in every passport pass. */
const NO_OWNER = '';

/**
 * Field middleware for aggregates of LEGITIMATE_INTEREST data over all manufacturers' passports: a cluster with one
 * passport would otherwise give that passport's figures away. RECYCLER and AUDITOR keys (and the platform
 * administrator) pass; others get FORBIDDEN on the field.
 */
export const requireInterestInEveryPassport: FieldMiddleware = (
  context: MiddlewareContext<unknown, { req: { principal?: Principal | null } }>,
  next: NextFn,
) => {
  if (!canAccess(context.context.req.principal, AccessTier.LEGITIMATE_INTEREST, NO_OWNER)) {
    const field = `${context.info?.parentType.name}.${context.info?.fieldName}`;
    throw RegistryError.forbidden(`The field ${field} sums ${AccessTier.LEGITIMATE_INTEREST} data of every manufacturer: it needs a RECYCLER or AUDITOR key`, {
      requiredTier: AccessTier.LEGITIMATE_INTEREST,
      field,
    });
  }
  return next();
};
