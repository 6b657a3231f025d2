// Vite config of the web app: web/ is the root, the build goes to web/dist (served by the Hono
// server, assistant/server/routes/web.ts). `npm run build:web`, or `npm start` builds it when stale.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `vite dev` forwards the API (the Ayni server). */
const apiTarget = process.env.AYNI_WEB_API ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root,
  base: '/',
  plugins: [svelte()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // the Svelte compiler is most of a build: no timing warning on every `npm start` rebuild
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    proxy: {
      '/api': apiTarget,
      '/readyz': apiTarget,
      '/healthz': apiTarget,
      '/ws': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
});
