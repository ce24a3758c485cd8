export { AuthModule } from './auth.module';
export { ApiKeyService, type CreatedApiKey } from './api-key.service';
export { CurrentPrincipal, Public, Roles } from './auth.decorators';
export { PLATFORM_ADMIN, type Principal } from './principal';
export { AccessTier, canAccess, requireTier } from './access-tier';
