import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'examples',
    include: ['test/**/*.test.ts'],
    globalSetup: ['@docspace-people/testing/vitest-prism'],
    testTimeout: 30_000,
  },
});
