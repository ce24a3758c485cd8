// Lint rules that keep the library graph one-way: no import cycle (between libraries or inside one), no import of
// another library past its public index, and the lowest libraries free of the framework. See docs/architecture.md.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that reach into a library instead of going through `@registry/<library>` (its src/index.ts). */
const deepImports = [
  { group: ['@registry/*/**'], message: 'Import a library through its index: @registry/<library>.' },
  { group: ['**/libs/*/src', '**/libs/*/src/**'], message: 'Import a library through its index: @registry/<library>, not a path into it.' },
];

/** `no-restricted-imports` for files of a layer that must not use `forbidden` (on top of the deep-import rule). */
const layer = (files, forbidden, message) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns: [...deepImports, { group: forbidden, message }] }] },
});

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'node_modules/', 'coverage/', 'bench/.data/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.cjs'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: globals.node },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
      'import-x/extensions': ['.ts', '.js', '.mjs', '.cjs'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-restricted-imports': ['error', { patterns: deepImports }],
      // Unused names starting with _ are deliberate (a destructured field left out, an argument kept for the signature).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  // The bottom of the graph: pure functions the CLI loads alone.
  layer(['libs/verification/**'], ['@registry/*', '@nestjs/*', '@prisma/*'], 'libs/verification stays pure: no registry library, no Nest, no Prisma.'),
  // core sits above verification only.
  layer(
    ['libs/core/**'],
    ['@registry/*', '!@registry/verification', '!@registry/prisma-client'],
    'libs/core imports no domain library (only @registry/verification and the Prisma client).',
  ),
  // Libraries never import the applications above them.
  layer(['libs/**'], ['**/apps/**'], 'A library never imports an application.'),
  // The web application (web/, built by Vite) runs in the browser.
  { files: ['web/**'], languageOptions: { globals: globals.browser } },
  // Tests read GraphQL responses, untyped JSON, as `any`.
  { files: ['test/**', '**/*.spec.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Measurement scripts, not product code: terse row builders (`a.push(x), b.push(y);`) and untyped rows.
  { files: ['bench/**'], rules: { '@typescript-eslint/no-unused-expressions': 'off', '@typescript-eslint/no-explicit-any': 'off' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: globals.node }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
