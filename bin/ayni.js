#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its ESM loader first.
// `ayni eval ...` goes to eval/cli (nothing in assistant/ imports eval/: ARCHITECTURE.md 1).
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === 'eval') await import('../eval/cli/main.ts');
else await import('../assistant/cli/main.ts');
