import { type BenchClient, type ClientName, clientNames, facadeWithFetch, makeClients } from './clients.js';
import { personId } from './person-fixture.js';
import { startServer } from './start-server.js';
import { ratio, type Sample, sample } from './stats.js';

/** How much work measurement 2 does. */
export interface LoopbackPlan {
  /** GETs per timed run (5,000 in the issue). */
  requests: number;
  /** Timed runs per client and mode. */
  rounds: number;
  /** Requests in flight for the concurrent mode (16 in the issue). */
  concurrency: number;
}

/** Measurement 2 for one mode: wall time of the whole run, CPU per call, CPU ratio to the baseline. */
export interface LoopbackResult {
  /** GETs per run. */
  requests: number;
  /** Requests in flight. */
  concurrency: number;
  /** Wall milliseconds for all the requests of a run. */
  wallMs: Record<LoopbackClient, Sample>;
  /** Client CPU microseconds per call (this process only; the server is another process). */
  cpuUsPerCall: Record<LoopbackClient, Sample>;
  /** Per-round ratio of CPU per call to the hand-written baseline's. */
  vsBaseline: Record<LoopbackClient, Sample>;
}

/**
 * The clients of measurement 2: the four of {@link clientNames} (the facade as users create it, without a `fetch`
 * option: node:http in Node) and the facade given the same global `fetch` as the others.
 */
export const loopbackClients = [...clientNames, facadeWithFetch] as const;
/** One of {@link loopbackClients}. */
export type LoopbackClient = ClientName | typeof facadeWithFetch;

/** Sends `requests` GETs with at most `concurrency` in flight; returns wall ms and CPU µs per call. */
async function timeRun(client: BenchClient, requests: number, concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      next++;
      await client.get(personId);
    }
  };
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuUs: (used.user + used.system) / requests };
}

/**
 * Measurement 2: GETs against a keep-alive server on 127.0.0.1, sequentially and at a fixed concurrency, through
 * the global fetch. Rounds rotate the client order; each round runs every client once per mode.
 */
export async function measureLoopback(
  plan: LoopbackPlan,
): Promise<Record<'sequential' | 'concurrent', LoopbackResult>> {
  const server = await startServer();
  try {
    const made = makeClients(server.url, (input, init) => fetch(input, init), true);
    const clients = { ...made, [facadeWithFetch]: made[facadeWithFetch] } as Record<
      LoopbackClient,
      BenchClient
    >;
    const names = loopbackClients;
    const modes = { sequential: 1, concurrent: plan.concurrency } as const;
    const out = {} as Record<keyof typeof modes, LoopbackResult>;
    for (const [mode, concurrency] of Object.entries(modes) as [keyof typeof modes, number][]) {
      for (const name of names) await timeRun(clients[name], Math.min(500, plan.requests), concurrency);
      const runs = Object.fromEntries(names.map((name) => [name, [] as { wallMs: number; cpuUs: number }[]]));
      for (let round = 0; round < plan.rounds; round++) {
        for (let k = 0; k < names.length; k++) {
          const name = names[(round + k) % names.length] as LoopbackClient;
          runs[name]?.push(await timeRun(clients[name], plan.requests, concurrency));
        }
      }
      const cpu = (name: LoopbackClient) => (runs[name] ?? []).map((run) => run.cpuUs);
      const result = {
        requests: plan.requests,
        concurrency,
        wallMs: {},
        cpuUsPerCall: {},
        vsBaseline: {},
      } as LoopbackResult;
      for (const name of names) {
        result.wallMs[name] = sample((runs[name] ?? []).map((run) => run.wallMs));
        result.cpuUsPerCall[name] = sample(cpu(name));
        result.vsBaseline[name] = ratio(cpu(name), cpu('baseline'));
      }
      out[mode] = result;
    }
    return out;
  } finally {
    await server.stop();
  }
}
