import { defineConfig } from 'prisma/config';

// The registry applies migrations itself (see libs/core/src/database/migrator.ts); the CLI is used for
// `prisma generate`, `validate` and `format`, and by deployments that have Prisma's native engines.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/registry' },
});
