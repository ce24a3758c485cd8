// The HTTP server; main.ts loads it once NODE_ENV is settled.
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@registry/core';
import { createApp } from './create-app';
import { seedDemoIfEmpty } from './demo-seed';

/** Starts the API with the configuration read from `env` (the environment as the operator gave it). */
export async function start(env: NodeJS.ProcessEnv): Promise<void> {
  try {
    await bootstrap(env);
  } catch (error: unknown) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}

async function bootstrap(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig(env);
  const app = await createApp(config);
  if (!config.databaseUrl && config.seedDemo) await seedDemoIfEmpty(app);
  await app.listen(config.port);
  new Logger('Registry').log(`GraphQL API ready at http://localhost:${config.port}/graphql`);
}
