import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

// scratch/ is the git-ignored place for ad-hoc scripts and copies of the tree
const excluded = [
  'node_modules/**',
  'web/node_modules/**',
  'web/dist/**',
  '.ayni/**',
  'scratch/**',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['**/*.test.ts'], exclude: [...excluded, 'web/**'] },
      },
      {
        // The web app: Svelte components compiled for the browser; DOM tests opt in with
        // `// @vitest-environment happy-dom`.
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: { name: 'web', include: ['web/src/**/*.test.ts'], exclude: excluded },
      },
    ],
  },
});
