import { DocSpace } from '@docspace-people/sdk';
import { startServer } from './start-server.js';
import { ratio, type Sample, sample } from './stats.js';

/** How much work measurement 5 does. */
export interface BulkPlan {
  /** Users created per run (1,000 in the issue). */
  users: number;
  /** Timed runs per client. */
  rounds: number;
  /** Delay of every answer, in ms (20 in the issue). */
  latencyMs: number;
  /** Writes the server allows in flight (15 in the issue). */
  writeLimit: number;
}

/** Measurement 5: wall time of a bulk onboarding against the lower bound users x latency / writes in flight. */
export interface BulkResult {
  /** Users created per run. */
  users: number;
  /** Server latency in ms. */
  latencyMs: number;
  /** Writes the server allows in flight. */
  writeLimit: number;
  /** users x latencyMs / writeLimit: no client can be faster. */
  boundMs: number;
  /** The facade's wall milliseconds per run. */
  wallMs: Sample;
  /** The facade's wall time divided by the bound. */
  vsBound: Sample;
  /** Hand-written fetch with a pool of `writeLimit` workers, same portal settings: wall milliseconds per run. */
  baselineWallMs: Sample;
  /** Per-round ratio of the facade's wall time to the baseline pool's. */
  vsBaseline: Sample;
  /** 429 answers the portal sent to the facade in all runs (it must stay within the write limit: 0). */
  rateLimited: number;
  /** Most writes the portal saw in flight at once from the facade. */
  maxWritesInFlight: number;
}

const TOKEN = 'sk-bench-token';

const person = (i: number) => ({ email: `user${i}@example.com`, firstName: 'Bulk', lastName: `User${i}` });

/** The facade: every create at once; its write limiter keeps the server's limit. */
async function facadeRun(url: string, token: string, users: number): Promise<void> {
  const ds = new DocSpace({ baseUrl: url, token });
  await Promise.all(Array.from({ length: users }, (_, i) => ds.people.create(person(i))));
}

/** The baseline: hand-written fetch in a pool of `workers` workers (also measurement 6's reference). */
export async function baselineRun(url: string, token: string, users: number, workers: number): Promise<void> {
  const headers = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  let next = 0;
  const worker = async () => {
    while (next < users) {
      const i = next++;
      const response = await fetch(`${url}/api/2.0/people`, {
        method: 'POST',
        headers,
        body: JSON.stringify(person(i)),
      });
      await response.json();
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}

/**
 * Measurement 5: creates `users` people through the facade against a loopback server in its own process that
 * answers after `latencyMs` and refuses (429) writes beyond `writeLimit` in flight; in the same rounds, through a
 * hand-written pool of the same width. Rounds alternate which goes first.
 */
export async function measureBulkOnboarding(plan: BulkPlan): Promise<BulkResult> {
  const facade: number[] = [];
  const baseline: number[] = [];
  let rateLimited = 0;
  let maxWritesInFlight = 0;
  const server = await startServer({ latencyMs: plan.latencyMs, writeLimit: plan.writeLimit });
  try {
    for (let round = 0; round < plan.rounds; round++) {
      for (const which of round % 2 === 0 ? ['facade', 'baseline'] : ['baseline', 'facade']) {
        await server.stats();
        const started = performance.now();
        if (which === 'facade') await facadeRun(server.url, TOKEN, plan.users);
        else await baselineRun(server.url, TOKEN, plan.users, plan.writeLimit);
        (which === 'facade' ? facade : baseline).push(performance.now() - started);
        const stats = await server.stats();
        // More writes than users means retries (after a 429); fewer means creates were lost.
        if (stats.writes < plan.users)
          throw new Error(`${which}: ${stats.writes} creates, expected ${plan.users}`);
        if (which === 'facade') {
          rateLimited += stats.rateLimited;
          maxWritesInFlight = Math.max(maxWritesInFlight, stats.maxWritesInFlight);
        }
      }
    }
  } finally {
    await server.stop();
  }
  const boundMs = (plan.users * plan.latencyMs) / plan.writeLimit;
  return {
    users: plan.users,
    latencyMs: plan.latencyMs,
    writeLimit: plan.writeLimit,
    boundMs,
    wallMs: sample(facade),
    vsBound: sample(facade.map((ms) => ms / boundMs)),
    baselineWallMs: sample(baseline),
    vsBaseline: ratio(facade, baseline),
    rateLimited,
    maxWritesInFlight,
  };
}
