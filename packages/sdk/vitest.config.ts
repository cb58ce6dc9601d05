import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    globalSetup: ['@docspace-people/testing/vitest-prism'],
    testTimeout: 20_000,
  },
});
