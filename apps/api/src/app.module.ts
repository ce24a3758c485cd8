import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AccessModule } from '@registry/access';
import { AuditModule } from '@registry/audit';
import { AuthModule, queryLimitRules } from '@registry/auth';
import { ClustersModule } from '@registry/clusters';
import { type AppConfig, ArgumentValuesInterceptor, DatabaseModule, mapError, RegistryErrorFilter } from '@registry/core';
import { ExportsModule } from '@registry/exports';
import { ImportsModule } from '@registry/imports';
import { LifecycleModule } from '@registry/lifecycle';
import { MaterialsModule } from '@registry/materials';
import { OrganizationsModule } from '@registry/organizations';
import { PassportsModule } from '@registry/passports';
import { SearchModule } from '@registry/search';
import { ValueModule } from '@registry/value';
import type { Request } from 'express';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { PassportFieldsModule } from './passport-fields/passport-fields.module';
import { WebAppModule } from './web-app/web-app.module';

/** Errors raised outside resolvers (field middleware, scalars) pass here; resolver errors are already mapped. */
function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || original === error) return formatted;
  const mapped = mapError(original, formatted.path?.join('.'));
  return { ...formatted, message: mapped.message, extensions: { code: mapped.code, ...mapped.extensions } };
}

/** Wires the domain modules into one GraphQL API; it owns no logic of its own. */
@Module({})
export class AppModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DatabaseModule.register(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.schemaFile ?? true,
          sortSchema: true,
          // Introspection is refused by queryLimitRules when GRAPHQL_INTROSPECTION is off, with an error naming it.
          introspection: true,
          // No embedded GraphiQL or landing page: they load scripts from a CDN. Use schema.gql or a desktop client.
          graphiql: false,
          includeStacktraceInErrorResponses: false,
          formatError,
          validationRules: queryLimitRules({
            maxDepth: config.maxQueryDepth,
            maxCost: config.maxQueryCost,
            maxRootFields: config.maxRootFields,
            maxMutations: config.maxMutations,
            introspection: config.graphqlIntrospection,
          }),
          context: ({ req }: { req: Request }) => ({ req }),
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
