import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'sdk',
    include: ['test/**/*.test.ts'],
    globalSetup: ['@docspace-people/testing/vitest-prism'],
    testTimeout: 30_000,
    // Type tests (*.test-d.ts) check the public signatures of the built package in the same run.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
