import { DocSpace, type RequestOptions } from '@docspace-people/sdk';
import { type FakePortal, startPrism, startSamplePortal } from '@docspace-people/testing';

/**
 * Where the examples send their requests:
 * - `fake`: the stateful fake portal of `@docspace-people/testing`, seeded like a small portal; every step
 *   changes its state as a real portal would (the default of `pnpm demo`);
 * - `prism`: a Prism mock of the curated spec, which answers every call from fixed examples (always the sample
 *   person "Jane Cooper") and keeps no state: a contract run (`pnpm demo --prism`);
 * - `portal`: a real DocSpace portal (`DOCSPACE_URL` and `DOCSPACE_TOKEN`).
 */
export type TargetMode = 'fake' | 'prism' | 'portal';

/** Where the examples send their requests. */
export interface Target {
  /** The SDK client. */
  ds: DocSpace;
  /** What answers the requests (see {@link TargetMode}). */
  mode: TargetMode;
  /** Origin the requests go to. */
  baseUrl: string;
  /**
   * Per-call options that ask Prism for a named example or status (`Prefer` header), so a Prism run shows the
   * answer a real portal would give in that step; an empty object on the fake and on a real portal.
   */
  mockAnswer(prefer: { example: string } | { code: number }): RequestOptions;
  /**
   * The fake portal itself, only in mode `fake`: the examples seed it with its test helpers (e.g. rooms for a
   * leaver) and read its state to show what a step changed, printed as `fake portal state: ...`.
   */
  fakePortal?: FakePortal;
  /** Milliseconds between progress polls of the server's tasks: 100 on the fake portal, else 1000. */
  pollIntervalMs: number;
}

/** An opened target and how to release it. */
export interface OpenTarget {
  /** The target. */
  target: Target;
  /** Stops the fake portal or the Prism mock this call started, if any. Safe to call twice. */
  close(): Promise<void>;
}

/** Environment variables that choose the target. */
export interface TargetEnv {
  /** Portal URL; with DOCSPACE_TOKEN, the examples run against this real portal. */
  DOCSPACE_URL?: string | undefined;
  /** API key (`sk-...`) or access token of the portal. */
  DOCSPACE_TOKEN?: string | undefined;
  /** With `--prism`: an already running Prism mock to use instead of starting one (tests and CI set it). */
  DOCSPACE_PRISM_URL?: string | undefined;
}

/**
 * Builds a target for a base URL (no process is started). `pollIntervalMs` overrides the default interval of
 * progress polls (tests use short ones).
 */
export function targetFor(
  mode: TargetMode,
  baseUrl: string,
  token: string,
  options: { pollIntervalMs?: number } = {},
): Target {
  const ds = new DocSpace({ baseUrl, token, timeoutMs: 30_000 });
  return {
    ds,
    mode,
    baseUrl,
    pollIntervalMs: options.pollIntervalMs ?? (mode === 'fake' ? 100 : 1000),
    mockAnswer: (prefer) =>
      mode === 'prism'
        ? { headers: { prefer: 'example' in prefer ? `example=${prefer.example}` : `code=${prefer.code}` } }
        : {},
  };
}

/** The target of a running fake portal: calls as its owner, and gives the examples the portal's state. */
export function fakeTarget(portal: FakePortal): Target {
  return { ...targetFor('fake', portal.url, portal.ownerToken), fakePortal: portal };
}

/**
 * Opens the target chosen by the environment and the command line: the real portal when DOCSPACE_URL and
 * DOCSPACE_TOKEN are set; with `--prism` in `args`, a running Prism at DOCSPACE_PRISM_URL or a Prism mock started
 * here; else a fake portal started here, seeded with an owner, an admin and a few people. `close` stops what was
 * started.
 */
export async function openTarget(
  env: TargetEnv = process.env,
  log: (line: string) => void = console.log,
  args: readonly string[] = process.argv.slice(2),
): Promise<OpenTarget> {
  if (env.DOCSPACE_URL && env.DOCSPACE_TOKEN) {
    log(`Target: your portal at ${env.DOCSPACE_URL} (DOCSPACE_URL)`);
    return { target: targetFor('portal', env.DOCSPACE_URL, env.DOCSPACE_TOKEN), close: async () => {} };
  }
  if (env.DOCSPACE_URL || env.DOCSPACE_TOKEN) {
    throw new Error('set both DOCSPACE_URL and DOCSPACE_TOKEN to use a real portal (or neither)');
  }
  if (args.includes('--prism')) return openPrism(env, log);
  // Per-user quotas enabled (10 GiB by default), as on a portal where an admin turned them on: guests-and-quotas
  // then shows the quota fields.
  const portal = await startSamplePortal({ userQuota: { enabled: true, defaultBytes: 10 * 1024 ** 3 } });
  const people = portal.users((user) => !user.isOwner);
  log(
    `Target: a fake portal at ${portal.url}, in memory, started for this run (stateful: every step changes it)`,
  );
  log(
    `  owner ${portal.owner.firstName} ${portal.owner.lastName} (the demo calls as them) and ${people.length} people:`,
  );
  log(`  ${people.map((user) => `${user.firstName} ${user.lastName} (${user.type})`).join(', ')}`);
  log(
    '  Other targets: `pnpm demo --prism` (contract run on a Prism mock), DOCSPACE_URL + DOCSPACE_TOKEN (your portal).',
  );
  return { target: fakeTarget(portal), close: () => portal.stop() };
}

/** The Prism target: the one at DOCSPACE_PRISM_URL, or one started here. */
async function openPrism(env: TargetEnv, log: (line: string) => void): Promise<OpenTarget> {
  const note =
    'Prism answers from the spec\'s fixed examples and keeps no state ("Jane Cooper", who never changes): the steps show the calls and the answers\' shape, not state changes.';
  if (env.DOCSPACE_PRISM_URL) {
    log(`Target: the Prism mock at ${env.DOCSPACE_PRISM_URL} (contract run)`);
    log(`  ${note}`);
    return { target: targetFor('prism', env.DOCSPACE_PRISM_URL, 'sk-mock'), close: async () => {} };
  }
  log('Starting a Prism mock of the curated spec...');
  const prism = await startPrism();
  log(`Target: the Prism mock at ${prism.url} (contract run)`);
  log(`  ${note}`);
  return { target: targetFor('prism', prism.url, 'sk-mock'), close: () => prism.stop() };
}
