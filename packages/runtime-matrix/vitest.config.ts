import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'runtime-matrix',
    include: ['test/**/*.test.ts'],
    globalSetup: ['@docspace-people/testing/vitest-prism'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
