import { defineConfig } from 'vitest/config';

// Workspace packages export their TypeScript sources under this condition (see .npmrc).
const conditions = ['@aks-hybrid/source', 'import', 'module', 'node', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@aks-hybrid/source'] } },
  test: {
    environment: 'node',
    // Tests are `*.test.ts` next to the code, helpers in `src/testing/` (tools/test-conventions.test.ts).
    include: ['src/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
