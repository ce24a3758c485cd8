// Compiles the TypeScript sources to CommonJS in dist/ with swc (type checking is `npm run typecheck`).
// Import aliases come from tsconfig.json "paths", so they are declared in one place only.
// `node scripts/build.mjs --out <dir>` builds the server code alone into another directory (the CLI test builds into a
// temporary one). Without it, the web application (web/, served at /app) is built with Vite into dist/web as well.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const outDir = resolve(values.out ?? join(root, 'dist'));
const sourceDirs = ['apps', 'libs', 'prisma', 'generated', 'bench'];

export async function swcOptions() {
  const tsconfig = JSON.parse(await readFile(join(root, 'tsconfig.json'), 'utf8'));
  return {
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      keepClassNames: true,
      baseUrl: root,
      paths: tsconfig.compilerOptions.paths,
    },
  };
}

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    // bench/postgraphile holds a package of its own (the benchmark's comparison server) with its node_modules.
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') yield* walk(path);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.spec.ts')) yield path;
  }
}

const options = await swcOptions();
await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const dir of sourceDirs) {
  for await (const file of walk(join(root, dir))) {
    const { code } = await transformFile(file, { ...options, filename: file });
    const target = join(outDir, relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, code);
    count++;
  }
}
console.log(`built ${count} files into ${relative(process.cwd(), outDir) || '.'}`);

if (!values.out) {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.mts'), logLevel: 'warn' });
  console.log(`built the web application into ${relative(process.cwd(), join(outDir, 'web'))}`);
}
