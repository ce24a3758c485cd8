import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@registry/core';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { AuthGuard } from './auth.guard';
import { PrincipalCache } from './cache/principal-cache';
import { ApiKeyRevocationListener } from './cache/revocation-listener';
import { QueryCostHook } from './limits/query-cost.hook';
import { RateLimitMiddleware } from './limits/rate-limit.middleware';

@Module({
  providers: [
    ApiKeyRepository,
    ApiKeyService,
    ApiKeyResolver,
    QueryCostHook,
    { provide: PrincipalCache, useFactory: (config: AppConfig) => new PrincipalCache(config.apiKeyCacheSeconds * 1000), inject: [APP_CONFIG] },
    ApiKeyRevocationListener,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [ApiKeyService, QueryCostHook],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every route, GraphQL included: the caller is resolved and counted once per HTTP request.
    consumer.apply(RateLimitMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
