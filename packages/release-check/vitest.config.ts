import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'release',
    include: ['test/**/*.test.ts'],
    // Packing, installing from a local registry and type-checking a consumer take tens of seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
