import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AppConfig } from '@registry/core';
import { AppModule } from './app.module';

/** Builds the HTTP application for a configuration; used by main.ts and by the tests alike. */
export async function createApp(config: AppConfig, options: { logger?: ('log' | 'error' | 'warn')[] } = {}): Promise<INestApplication> {
  // Fastify (with Mercurius for GraphQL, see app.module.ts): measured against Express and Apollo in bench/RESULTS.md.
  const adapter = new FastifyAdapter({
    // JSON bodies over BODY_LIMIT_MB are answered 413 PAYLOAD_TOO_LARGE by the error filter.
    bodyLimit: config.bodyLimitBytes,
    // Client addresses (per-IP rate limits) and schemes (Digital Links) come from the TRUST_PROXY nearest proxies,
    // whatever their addresses (as a hop count did under Express).
    trustProxy: config.trustProxyHops > 0 ? (_address: string, hop: number) => hop < config.trustProxyHops : false,
    // Express answered /graphql/ like /graphql; clients and probes keep working with either.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const fastify = adapter.getInstance();
  // Other bodies (import files: NDJSON, CSV, XLSX) are left unread for their route to stream (IMPORT_MAX_MB applies).
  fastify.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));
  // bodyParser off: no form bodies; Fastify parses JSON itself (within bodyLimit).
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    bodyParser: false,
    logger: new ConsoleLogger({ json: config.logFormat === 'json', logLevels: options.logger || ['log', 'error', 'warn'] }),
  });
  app.enableShutdownHooks();
  await app.init();
  await fastify.ready();
  return app;
}
