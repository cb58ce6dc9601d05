import { DocSpace, type DocSpaceOptions } from '@docspace-people/sdk';
import { inject } from 'vitest';

/** A client for the Prism mock (started by the vitest globalSetup). No retries, so a 422 from Prism surfaces at once. */
export function prismClient(options: Partial<DocSpaceOptions> = {}): DocSpace {
  return new DocSpace({ baseUrl: inject('prismUrl'), token: 'sk-prism-test', maxRetries: 0, ...options });
}

/** Per-call options that make Prism answer with a given status (`Prefer: code=...`). */
export const preferCode = (code: number) => ({ headers: { prefer: `code=${code}` } });

/** Per-call options that make Prism answer with a named example (`Prefer: example=...`). */
export const preferExample = (name: string) => ({ headers: { prefer: `example=${name}` } });
