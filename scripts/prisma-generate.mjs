// Generates the Prisma client into generated/prisma. Prisma's CLI would otherwise try to download a native
// schema engine that generation does not need; pointing it at /bin/false keeps generation offline.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/prisma')) {
  console.log('prisma CLI not installed (production install): skipping client generation');
  process.exit(0);
}
execFileSync(process.execPath, ['node_modules/prisma/build/index.js', 'generate'], {
  stdio: 'inherit',
  env: { PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_HIDE_UPDATE_MESSAGE: '1', ...process.env },
});
