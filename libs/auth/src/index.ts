export { AuthModule } from './auth.module';
export { ApiKeyService, type CreatedApiKey } from './api-key.service';
export { CurrentPrincipal, Public, Roles } from './auth.decorators';
export { PLATFORM_ADMIN, type Principal } from './principal';
export {
  AccessTier,
  assertTier,
  canAccess,
  compositionGrantsApplyTo,
  isOwner,
  requireTier,
  tierField,
  tierForbidden,
  tierOfDescription,
  tierOfMiddleware,
  tiersOf,
  tierOnEveryPassport,
  tierSentence,
  type PassportAccessRule,
  type PassportAccessTarget,
  type TieredSource,
} from './access-tier';
export { COST_MODEL, MAX_COMPONENTS_PER_DOCUMENT, MAX_MATERIALS_PER_DOCUMENT, measureOperation } from './limits/query-cost';
export { type CostContext, type HttpExtension, QueryCostHook } from './limits/query-cost.hook';
export { queryLimitRules, type QueryLimits } from './limits/query-limits';
