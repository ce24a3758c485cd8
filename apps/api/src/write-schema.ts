import 'reflect-metadata';
import { loadConfig, repositoryRoot } from '@registry/core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from './create-app';

/**
 * Writes the GraphQL schema generated from the code to schema.gql (committed, so clients can read it).
 * With --check it only compares and fails when the committed file is out of date.
 */
async function writeSchema(check: boolean): Promise<void> {
  const committed = join(repositoryRoot(), 'schema.gql');
  const scratch = check ? mkdtempSync(join(tmpdir(), 'schema-')) : null;
  const schemaFile = scratch ? join(scratch, 'schema.gql') : committed;
  const app = await createApp({ ...loadConfig({}), dataDir: 'memory://', seedDemo: false, schemaFile }, { logger: ['error', 'warn'] });
  await app.close();
  if (!scratch) {
    console.log(`wrote ${committed}`);
    return;
  }
  const same = readFileSync(schemaFile, 'utf8') === readFileSync(committed, 'utf8');
  rmSync(scratch, { recursive: true, force: true });
  if (!same) {
    console.error('schema.gql is out of date with the code: run `npm run schema:write` and commit it');
    process.exit(1);
  }
  console.log('schema.gql is up to date');
}

writeSchema(process.argv.includes('--check')).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
