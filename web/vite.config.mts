// Builds the web application into dist/web, served by the API at /app (apps/api/src/web-app). `npm run build` runs it.
// For development: `npx vite --config web/vite.config.ts` serves it with live reload and passes API calls to
// http://localhost:3000 (start the API with `npm start` first).
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [preact()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: modules, so the strict Content-Security-Policy at /app holds.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
  },
  server: { proxy: { '/graphql': api, '/imports': api, '/passports': api } },
});
