import { defineConfig } from 'vitest/config';

/** The tests in a real VS Code (`npm run test:e2e`): one code-server at a time, generous timeouts. */
export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        fileParallelism: false,
        testTimeout: 120_000,
        hookTimeout: 240_000,
    },
});
