import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { AuthGuard } from './auth.guard';
import { QueryCostPlugin } from './limits/query-cost.plugin';
import { RateLimitMiddleware } from './limits/rate-limit.middleware';

@Module({
  providers: [ApiKeyRepository, ApiKeyService, ApiKeyResolver, QueryCostPlugin, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [ApiKeyService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Every route, GraphQL included: the caller is resolved and counted once per HTTP request.
    consumer.apply(RateLimitMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
