import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'release',
    include: ['test/**/*.test.ts'],
    // Packing, installing from a local registry and type-checking a consumer take tens of seconds, not milliseconds.
    testTimeout: 120_000,
    // The rehearsal's setup (version, pack, start Verdaccio and Prism, publish, npm install) is one hook; it takes
    // about a minute on an idle machine and more when the whole suite shares the CPUs.
    hookTimeout: 300_000,
  },
});
