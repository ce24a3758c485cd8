import { type FieldMiddleware, type MiddlewareContext, type NextFn, registerEnumType } from '@nestjs/graphql';
import { RegistryError } from '@registry/core';
import type { RequestWithPrincipal } from './auth.decorators';
import type { Principal } from './principal';

/**
 * The access tiers of the EU battery passport (Regulation 2023/1542, Art. 77, Annex XIII), used for every passport.
 *
 * Who holds which tier on a passport (see `canAccess`):
 * | tier                | held by                                                                              |
 * |---------------------|--------------------------------------------------------------------------------------|
 * | PUBLIC              | everyone, anonymous callers included                                                 |
 * | LEGITIMATE_INTEREST | RECYCLER, SERVICE_PROVIDER and AUDITOR keys, the owner, the platform administrator     |
 * | AUTHORITY           | AUDITOR keys (of AUDITOR and AUTHORITY organizations), the owner, the administrator   |
 * | OWNER               | keys of the manufacturer that registered the passport, the platform administrator      |
 *
 * An owner may restrict its passport's LEGITIMATE_INTEREST data (its composition) to organizations it names
 * (`setCompositionAccess`): RECYCLER and SERVICE_PROVIDER keys of other organizations then lose that tier on it;
 * AUDITOR keys, the owner and the administrator keep it. Every check goes through `canAccess`, so every path honours it.
 */
export enum AccessTier {
  /** Anyone, including anonymous callers scanning a QR code. */
  PUBLIC = 'PUBLIC',
  /** Persons with a legitimate interest: recyclers and service providers (and auditors, authorities and the owner). */
  LEGITIMATE_INTEREST = 'LEGITIMATE_INTEREST',
  /** Notified bodies and market surveillance: AUDITOR keys of auditor and authority organizations. */
  AUTHORITY = 'AUTHORITY',
  /** The manufacturer that registered the passport. */
  OWNER = 'OWNER',
}

registerEnumType(AccessTier, {
  name: 'AccessTier',
  description:
    "The access tiers of the EU battery passport. Every passport field states its tier; a field above the caller's tier reads null " +
    'with a FORBIDDEN error naming the tier (extensions.requiredTier).',
  valuesMap: {
    PUBLIC: { description: 'Anyone, anonymous callers included.' },
    LEGITIMATE_INTEREST: { description: 'RECYCLER, SERVICE_PROVIDER and AUDITOR keys, and the owner.' },
    AUTHORITY: { description: 'AUDITOR keys (of AUDITOR and AUTHORITY organizations), and the owner.' },
    OWNER: { description: 'Keys of the manufacturer that registered the passport.' },
  },
});

/** Whether the caller's organization registered the passport (any key of that organization, its ADMIN key included). */
export function isOwner(principal: Principal | null | undefined, ownerOrganizationId: string | null | undefined): boolean {
  // A SERVICE_PROVIDER owns the successor passports it registers (a second-life battery, a remanufactured product).
  const registers = principal?.organizationKind === 'MANUFACTURER' || principal?.organizationKind === 'SERVICE_PROVIDER';
  return !!principal && !!ownerOrganizationId && registers && principal.organizationId === ownerOrganizationId;
}

/**
 * A passport as the tier checks see it: its owner and, when the owner restricted its composition, the organizations
 * it granted access to (null or absent: not restricted).
 */
export interface PassportAccessRule {
  manufacturerId?: string | null;
  compositionGrantees?: readonly string[] | null;
}

/** The passport a check is about: its owner's id alone (an unrestricted passport), or its access rule. */
export type PassportAccessTarget = string | null | undefined | PassportAccessRule;

/**
 * Whether `principal` may see data of `tier` of a passport owned by `ownerOrganizationId`. Without an owner id
 * nobody is the owner, so OWNER data stays hidden from everyone but the platform administrator.
 */
export function canAccess(principal: Principal | null | undefined, tier: AccessTier, passport: PassportAccessTarget): boolean {
  if (tier === AccessTier.PUBLIC) return true;
  if (!principal) return false;
  const rule: PassportAccessRule = typeof passport === 'object' && passport !== null ? passport : { manufacturerId: passport };
  if (principal.platformAdmin || isOwner(principal, rule.manufacturerId)) return true;
  switch (tier) {
    case AccessTier.LEGITIMATE_INTEREST:
      if (principal.role === 'AUDITOR') return true;
      if (principal.role !== 'RECYCLER' && principal.role !== 'SERVICE_PROVIDER') return false;
      return !rule.compositionGrantees || (!!principal.organizationId && rule.compositionGrantees.includes(principal.organizationId));
    case AccessTier.AUTHORITY:
      return principal.role === 'AUDITOR';
    case AccessTier.OWNER:
      return false;
  }
}

/**
 * For queries over many passports at once (searches, inventories), which decide in SQL: the organization whose grants
 * a restricted passport must name for the caller to read its composition (its own passports always), or null when
 * restrictions do not apply to the caller (auditors and the platform administrator). Same rule as `canAccess`.
 */
export function compositionGrantsApplyTo(principal: Principal | null | undefined): string | null {
  if (principal?.platformAdmin || principal?.role === 'AUDITOR') return null;
  return principal?.organizationId ?? NO_ORGANIZATION;
}

/** An organization id no organization has: a caller without one is granted nothing. */
const NO_ORGANIZATION = '00000000-0000-0000-0000-000000000000';

/** Every tier the caller holds on a passport of `ownerOrganizationId`, lowest first. */
export function tiersOf(principal: Principal | null | undefined, passport: PassportAccessTarget): AccessTier[] {
  return Object.values(AccessTier).filter((tier) => canAccess(principal, tier, passport));
}

/**
 * The tier the caller holds on every passport, whoever registered it: the highest tier it holds on a passport of
 * another organization (PUBLIC for anonymous callers). On its own passports a registering organization holds OWNER too.
 */
export function tierOnEveryPassport(principal: Principal | null | undefined): AccessTier {
  return tiersOf(principal, null).at(-1) ?? AccessTier.PUBLIC;
}

/** The one refusal of the tier model: FORBIDDEN, naming the tier (`extensions.requiredTier`) and what was asked for. */
export function tierForbidden(tier: AccessTier, what: string): RegistryError {
  return RegistryError.forbidden(`${what} needs access tier ${tier}`, { requiredTier: tier });
}

/**
 * For services that guard a whole operation by tier (an audit log, an export): throws the same FORBIDDEN as the
 * field middleware. `what` names the operation in the message, e.g. "The audit log of passport <id>".
 */
export function assertTier(principal: Principal | null | undefined, tier: AccessTier, passport: PassportAccessTarget, what: string): void {
  if (!canAccess(principal, tier, passport)) throw tierForbidden(tier, what);
}

/** The object a tiered field is resolved on: it must carry the owner of the passport it belongs to, and its restriction. */
export type TieredSource = PassportAccessRule;

/**
 * Field middleware: the field resolves only for callers holding `tier` on the passport the source object belongs
 * to (its `manufacturerId`); for anyone else it resolves to null with a FORBIDDEN error on that field naming the
 * tier. The field must be nullable, or the refusal would null its parent too: declare it with `tierField`.
 */
export function requireTier(tier: AccessTier): FieldMiddleware {
  const middleware = (context: MiddlewareContext<TieredSource, { req?: RequestWithPrincipal }>, next: NextFn) => {
    if (tier !== AccessTier.PUBLIC && !canAccess(context.context?.req?.principal, tier, context.source ?? null)) {
      const field = `${context.info?.parentType.name}.${context.info?.fieldName}`;
      const error = tierForbidden(tier, `The field ${field}`);
      Object.assign(error.extensions, { field });
      throw error;
    }
    return next();
  };
  return Object.assign(middleware, { accessTier: tier });
}

/** The tier a middleware of `requireTier` enforces (for checks over a schema's fields); undefined for others. */
export function tierOfMiddleware(middleware: FieldMiddleware): AccessTier | undefined {
  return (middleware as { accessTier?: AccessTier }).accessTier;
}

/** The sentence every tiered field's description ends with; schema descriptions are read by it too. */
export function tierSentence(tier: AccessTier): string {
  return `Tier: ${tier}.`;
}

/** The tier a schema description states ("... Tier: AUTHORITY." or "Tier: AUTHORITY (and the owner)."), if any. */
export function tierOfDescription(description: string | null | undefined): AccessTier | undefined {
  const match = /\bTier: ([A-Z_]+)\b/.exec(description ?? '');
  return match && (Object.values(AccessTier) as string[]).includes(match[1]) ? (match[1] as AccessTier) : undefined;
}

interface TierableFieldOptions {
  description?: string;
  nullable?: boolean | 'items' | 'itemsAndList';
  middleware?: FieldMiddleware[];
}

/**
 * The options of a passport field of `tier`, for `@Field` and `@ResolveField`: declares the tier once, and from it
 * the description ends with "Tier: <tier>." and, above PUBLIC, the field gets `requireTier` and becomes nullable
 * (a refused field reads null). Use it for every field of a passport-owned type so that the schema documents what
 * is enforced:
 *
 *     @ResolveField(() => [RevisionModel], tierField(AccessTier.AUTHORITY, { description: 'Every revision, oldest first.' }))
 */
export function tierField<O extends TierableFieldOptions>(tier: AccessTier, options: O = {} as O): O & TierableFieldOptions & { description: string } {
  const text = options.description?.trim() ?? '';
  const description = text ? `${text} ${tierSentence(tier)}` : tierSentence(tier);
  if (tier === AccessTier.PUBLIC) return { ...options, description };
  // The field itself must be nullable; for lists, their items keep whatever nullability was asked for.
  const nullable = options.nullable === 'items' || options.nullable === 'itemsAndList' ? 'itemsAndList' : true;
  return { ...options, description, nullable, middleware: [requireTier(tier), ...(options.middleware ?? [])] };
}
