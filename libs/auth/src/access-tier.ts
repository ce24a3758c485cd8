import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import { RegistryError } from '@registry/core';
import type { RequestWithPrincipal } from './auth.decorators';
import type { Principal } from './principal';

/**
 * The access tiers of the EU battery passport (Regulation 2023/1542, Art. 77, Annex XIII), used for every passport.
 * Each tier includes the ones before it in this order for the callers who hold it.
 */
export enum AccessTier {
  /** Anyone, including anonymous callers scanning a QR code. */
  PUBLIC = 'PUBLIC',
  /** Persons with a legitimate interest: recyclers (and authorities, and the owner). */
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
  /** Notified bodies and market surveillance: AUDITOR keys of auditor and authority organizations. */
  AUTHORITY = 'AUTHORITY',
  /** The manufacturer that registered the passport. */
  OWNER = 'OWNER',
}

/** Whether `principal` may see data of `tier` of a passport owned by `ownerOrganizationId`. */
export function canAccess(principal: Principal | null | undefined, tier: AccessTier, ownerOrganizationId: string): boolean {
  if (tier === AccessTier.PUBLIC) return true;
  if (!principal) return false;
  if (principal.platformAdmin) return true;
  const isOwner = principal.organizationId === ownerOrganizationId && principal.organizationKind === 'MANUFACTURER';
  if (isOwner) return true;
  switch (tier) {
    case AccessTier.LEGITIMATE_INTEREST:
      return principal.role === 'RECYCLER' || principal.role === 'AUDITOR';
    case AccessTier.AUTHORITY:
      return principal.role === 'AUDITOR';
    case AccessTier.OWNER:
      return false;
  }
}

/**
 * Field middleware that hides a passport field from callers below `tier`: the field resolves to null with a
 * FORBIDDEN error naming the tier. The source object must carry the owner's `manufacturerId`.
 */
export function requireTier(tier: AccessTier): FieldMiddleware {
  return (context: MiddlewareContext<{ manufacturerId: string }, { req: RequestWithPrincipal }>, next: NextFn) => {
    if (!canAccess(context.context.req.principal, tier, context.source.manufacturerId)) {
      const field = `${context.info?.parentType.name}.${context.info?.fieldName}`;
      throw RegistryError.forbidden(`The field ${field} needs access tier ${tier}`, { requiredTier: tier, field });
    }
    return next();
  };
}
