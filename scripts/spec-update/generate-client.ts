import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Regenerates the client's code from `root`/spec/openapi.json; resolves to the files it wrote (relative to root). */
export type GenerateClient = (root: string) => Promise<string[]>;

/** The real generator: `pnpm --filter @docspace-people/client generate`, run in `root`. */
export const generateWithPnpm: GenerateClient = async (root) => {
  await promisify(execFile)('pnpm', ['--filter', '@docspace-people/client', 'generate'], {
    cwd: root,
    env: { ...process.env, SCARF_ANALYTICS: 'false' },
  });
  return ['packages/client/src/generated/schema.gen.ts', 'packages/client/openapi.json'];
};
