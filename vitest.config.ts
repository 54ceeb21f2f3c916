import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The CLI tests spawn the real binary and build whole workspaces.
        testTimeout: 30_000,
    },
});
