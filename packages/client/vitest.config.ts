import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'client',
    include: ['test/**/*.test.ts'],
    globalSetup: ['../testing/src/vitest-prism.ts'],
    testTimeout: 30_000,
  },
});
