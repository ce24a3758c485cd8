import { ConsoleLogger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AppConfig } from '@registry/core';
import { AppModule } from './app.module';

/** Builds the HTTP application for a configuration; used by main.ts and by the tests alike. */
export async function createApp(config: AppConfig, options: { logger?: ('log' | 'error' | 'warn')[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bodyParser: false,
    logger: new ConsoleLogger({ json: config.logFormat === 'json', logLevels: options.logger || ['log', 'error', 'warn'] }),
  });
  app.useBodyParser('json', { limit: config.bodyLimitBytes });
  // Client addresses (per-IP rate limits) and schemes (Digital Links) come from the proxies trusted, if any.
  app.set('trust proxy', config.trustProxyHops);
  // No X-Powered-By header: the framework is nobody's business.
  app.disable('x-powered-by');
  app.enableShutdownHooks();
  // Oversized or malformed bodies are answered by the error filter (PAYLOAD_TOO_LARGE, BAD_USER_INPUT).
  await app.init();
  return app;
}
