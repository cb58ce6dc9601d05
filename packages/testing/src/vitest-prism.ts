import type {} from 'vitest';
import { startPrism } from './prism.js';

// Lets tests read the Prism origin with `inject('prismUrl')`.
declare module 'vitest' {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** Shape of vitest's global-setup context used here (kept structural so vitest stays an optional peer). */
export interface GlobalSetupContext {
  /** Makes a value available to the tests through `inject(key)`. */
  provide(key: 'prismUrl', value: string): void;
}

/**
 * A vitest `globalSetup` module: starts one Prism mock for the test run, provides its origin as
 * `inject('prismUrl')`, and stops it when the run ends.
 */
export default async function setup({ provide }: GlobalSetupContext): Promise<() => Promise<void>> {
  const prism = await startPrism();
  provide('prismUrl', prism.url);
  return () => prism.stop();
}
