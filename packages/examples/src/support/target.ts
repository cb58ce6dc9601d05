import { DocSpace, type RequestOptions } from '@docspace-people/sdk';
import { startPrism } from '@docspace-people/testing';

/** Where the examples send their requests. */
export interface Target {
  /** The SDK client. */
  ds: DocSpace;
  /**
   * `mock`: a Prism mock of the curated spec, which answers every call with fixed examples (always the sample
   * person "Jane Cooper") and keeps no state. `portal`: a real DocSpace portal.
   */
  mode: 'mock' | 'portal';
  /** Origin the requests go to. */
  baseUrl: string;
  /**
   * Per-call options that ask Prism for a named example or status (`Prefer` header), so a mock run shows the
   * answer a real portal would give in that step; an empty object on a real portal.
   */
  mockAnswer(prefer: { example: string } | { code: number }): RequestOptions;
}

/** An opened target and how to release it. */
export interface OpenTarget {
  /** The target. */
  target: Target;
  /** Stops the Prism mock this call started, if any. Safe to call twice. */
  close(): Promise<void>;
}

/** Environment variables that choose the target. */
export interface TargetEnv {
  /** Portal URL; with DOCSPACE_TOKEN, the examples run against this real portal. */
  DOCSPACE_URL?: string | undefined;
  /** API key (`sk-...`) or access token of the portal. */
  DOCSPACE_TOKEN?: string | undefined;
  /** An already running Prism mock to use instead of starting one (tests and CI set it). */
  DOCSPACE_PRISM_URL?: string | undefined;
}

/** Builds a target for a base URL (no process is started). */
export function targetFor(mode: Target['mode'], baseUrl: string, token: string): Target {
  const ds = new DocSpace({ baseUrl, token, timeoutMs: 30_000 });
  return {
    ds,
    mode,
    baseUrl,
    mockAnswer: (prefer) =>
      mode === 'mock'
        ? { headers: { prefer: 'example' in prefer ? `example=${prefer.example}` : `code=${prefer.code}` } }
        : {},
  };
}

/**
 * Opens the target chosen by the environment: the real portal when DOCSPACE_URL and DOCSPACE_TOKEN are set,
 * a running Prism at DOCSPACE_PRISM_URL, or else a Prism mock started here (and stopped by `close`).
 */
export async function openTarget(
  env: TargetEnv = process.env,
  log: (line: string) => void = console.log,
): Promise<OpenTarget> {
  if (env.DOCSPACE_URL && env.DOCSPACE_TOKEN) {
    log(`Target: the portal at ${env.DOCSPACE_URL}`);
    return { target: targetFor('portal', env.DOCSPACE_URL, env.DOCSPACE_TOKEN), close: async () => {} };
  }
  if (env.DOCSPACE_URL || env.DOCSPACE_TOKEN) {
    throw new Error(
      'set both DOCSPACE_URL and DOCSPACE_TOKEN to use a real portal (or neither for the mock)',
    );
  }
  if (env.DOCSPACE_PRISM_URL) {
    log(`Target: the Prism mock at ${env.DOCSPACE_PRISM_URL}`);
    return { target: targetFor('mock', env.DOCSPACE_PRISM_URL, 'sk-mock'), close: async () => {} };
  }
  log(
    'Starting a Prism mock of the curated spec (set DOCSPACE_URL and DOCSPACE_TOKEN to use your portal)...',
  );
  const prism = await startPrism();
  log(`Target: the Prism mock at ${prism.url}`);
  return { target: targetFor('mock', prism.url, 'sk-mock'), close: () => prism.stop() };
}
