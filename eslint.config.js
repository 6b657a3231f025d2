// Lint rules enforce ARCHITECTURE.md section 1: which folder may import which.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';

const folders = ['models', 'knowledge', 'prompts', 'tools', 'assistant', 'eval', 'web'];

/** A no-restricted-imports rule forbidding relative imports into the named top-level folders. */
function forbid(from, forbidden) {
  const depth = from.split('/').length;
  const patterns = [];
  for (const folder of forbidden) {
    for (let up = 1; up <= depth + 3; up += 1) {
      patterns.push(`${'../'.repeat(up)}${folder}`, `${'../'.repeat(up)}${folder}/**`);
    }
  }
  return {
    files: [`${from}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: patterns,
              message: `${from}/ may not import ${forbidden.join(', ')} (ARCHITECTURE.md section 1).`,
            },
          ],
        },
      ],
    },
  };
}

const others = (allowed) => folders.filter((folder) => !allowed.includes(folder));

export default tseslint.config(
  { ignores: ['node_modules/**', 'web/dist/**', '.ayni/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
    rules: {
      'import/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  forbid('models', others(['models'])),
  forbid('knowledge', others([])),
  forbid('prompts', others([])),
  forbid('tools', others(['models', 'knowledge'])),
  forbid('assistant', others(['tools', 'prompts', 'knowledge', 'models'])),
  forbid('eval', others(['assistant', 'tools', 'prompts'])),
  webImports(),
);

/** web/ may only make type-only imports from assistant/protocol (ARCHITECTURE.md section 1). */
function webImports() {
  const ups = Array.from({ length: 8 }, (_, index) => '../'.repeat(index + 1));
  const otherFolders = folders.filter((folder) => folder !== 'web');
  return {
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ups.flatMap((up) => [
                ...otherFolders
                  .filter((folder) => folder !== 'assistant')
                  .flatMap((folder) => [`${up}${folder}`, `${up}${folder}/**`]),
                `${up}assistant/*`,
                `!${up}assistant/protocol`,
              ]),
              message:
                'web/ may only import types from assistant/protocol (ARCHITECTURE.md section 1).',
            },
            {
              group: ups.flatMap((up) => [`${up}assistant/protocol`, `${up}assistant/protocol/**`]),
              allowTypeImports: true,
              message: 'web/ may import only types from assistant/protocol: use `import type`.',
            },
          ],
        },
      ],
    },
  };
}
