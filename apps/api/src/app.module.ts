import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { AccessModule } from '@registry/access';
import { AuditModule } from '@registry/audit';
import { AuthModule, QueryCostHook, queryLimitRules } from '@registry/auth';
import { ClustersModule } from '@registry/clusters';
import { APP_CONFIG, type AppConfig, ArgumentValuesInterceptor, DatabaseModule, RegistryErrorFilter } from '@registry/core';
import { ExportsModule } from '@registry/exports';
import { ImportsModule } from '@registry/imports';
import { LifecycleModule } from '@registry/lifecycle';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { PassportsModule } from '@registry/passports';
import { SearchModule } from '@registry/search';
import { ValueModule } from '@registry/value';
import type { FastifyRequest } from 'fastify';
import { formatGraphQLErrors } from './graphql-errors';
import { prepareVariables } from './graphql-variables';
import { PassportFieldsModule } from './passport-fields/passport-fields.module';
import { WebAppModule } from './web-app/web-app.module';

/** Wires the domain modules into one GraphQL API; it owns no logic of its own. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.register(config),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AuthModule],
          inject: [APP_CONFIG, QueryCostHook],
          useFactory: (appConfig: AppConfig, cost: QueryCostHook): MercuriusDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: appConfig.schemaFile ?? true,
            sortSchema: true,
            // No embedded GraphiQL: it loads scripts from a CDN. Use schema.gql or a desktop client.
            graphiql: false,
            // Introspection is refused by queryLimitRules when GRAPHQL_INTROSPECTION is off, with an error naming it.
            validationRules: queryLimitRules({
              maxDepth: appConfig.maxQueryDepth,
              maxCost: appConfig.maxQueryCost,
              maxRootFields: appConfig.maxRootFields,
              maxMutations: appConfig.maxMutations,
              introspection: appConfig.graphqlIntrospection,
            }),
            // A query is compiled to JavaScript (graphql-jit) from its second execution on; parsed and validated
            // documents are cached per query text.
            jit: 1,
            // Browsers may not send a GraphQL operation as a simple (form or text) request.
            csrfPrevention: { requiredHeaders: ['apollo-require-preflight', 'x-apollo-operation-name', 'graphql-require-preflight'] },
            errorFormatter: formatGraphQLErrors,
            // Node's request, on which the RateLimitMiddleware has put the caller (see requestOf).
            context: (request: FastifyRequest) => ({ req: request.raw }),
            hooks: { preExecution: [prepareVariables, cost.preExecution] as never },
          }),
        }),
        AuthModule,
        OrganizationsModule,
        ClustersModule,
        MaterialsModule,
        PassportsModule,
        LifecycleModule,
        SearchModule,
        AccessModule,
        ValueModule,
        AuditModule,
        ExportsModule,
        PassportFieldsModule,
        ImportsModule,
        WebAppModule.register(),
      ],
      providers: [
        { provide: APP_FILTER, useClass: RegistryErrorFilter },
        // Ids are UUIDs and strings hold no NUL, for every query and mutation, checked once here.
        { provide: APP_INTERCEPTOR, useClass: ArgumentValuesInterceptor },
      ],
    };
  }
}
