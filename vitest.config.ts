import { defineConfig } from 'vitest/config';

// One vitest run for the whole repo: each folder listed here has its own vitest.config.ts (a "project").
export default defineConfig({
  test: {
    projects: ['spec', 'packages/*'],
  },
});
