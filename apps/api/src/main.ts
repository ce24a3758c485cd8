import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@registry/core';
import { createApp } from './create-app';
import { seedDemoIfEmpty } from './demo-seed';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  if (!config.databaseUrl && config.seedDemo) await seedDemoIfEmpty(app);
  await app.listen(config.port);
  new Logger('Registry').log(`GraphQL API ready at http://localhost:${config.port}/graphql`);
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
