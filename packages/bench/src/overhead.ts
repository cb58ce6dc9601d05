import { type BenchClient, type ClientName, clientNames, makeClients } from './clients.js';
import { newPerson, personId } from './person-fixture.js';
import { ratio, type Sample, sample } from './stats.js';
import { stubFetch } from './stub-fetch.js';

/** How much work measurement 1 does. */
export interface OverheadPlan {
  /** Calls per timed batch. */
  calls: number;
  /** Timed batches per client and operation (the runs the median is taken over). */
  rounds: number;
  /** Untimed calls per client and operation first, so every client runs optimized code. */
  warmup: number;
}

/** Measurement 1 for one operation: microseconds per call of each client, and its ratio to the baseline. */
export interface OverheadResult {
  /** CPU microseconds per call (user + system of this process): the figure compared, robust to a busy machine. */
  cpuUsPerCall: Record<ClientName, Sample>;
  /** Wall-clock microseconds per call (inflated when other processes compete for the cores). */
  wallUsPerCall: Record<ClientName, Sample>;
  /** Per-round ratio of CPU per call to the hand-written baseline's. */
  vsBaseline: Record<ClientName, Sample>;
}

type Operation = 'get' | 'create';
const operations: Record<Operation, (client: BenchClient) => Promise<unknown>> = {
  get: (client) => client.get(personId),
  create: (client) => client.create(newPerson),
};

/** CPU and wall microseconds per call of one timed batch. */
interface BatchTime {
  cpu: number;
  wall: number;
}

/** Awaits `calls` calls one after another and returns the CPU and wall microseconds per call. */
async function timeBatch(call: () => Promise<unknown>, calls: number): Promise<BatchTime> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  const wall = Number(process.hrtime.bigint() - started) / 1000 / calls;
  const used = process.cpuUsage(cpu);
  return { cpu: (used.user + used.system) / calls, wall };
}

/**
 * Measurement 1: per-call client overhead with the network stubbed (a fetch that returns a ready Response), for
 * get-by-id and create. Each round times every client once, in a rotating order, so slow phases of the machine
 * hit all clients alike and the ratios compare batches run milliseconds apart.
 */
export async function measureOverhead(plan: OverheadPlan): Promise<Record<Operation, OverheadResult>> {
  const clients = makeClients('http://127.0.0.1:1', stubFetch);
  const out = {} as Record<Operation, OverheadResult>;
  for (const op of Object.keys(operations) as Operation[]) {
    const call = operations[op];
    for (const name of clientNames) await timeBatch(() => call(clients[name]), plan.warmup);
    const runs = Object.fromEntries(clientNames.map((name) => [name, [] as BatchTime[]])) as Record<
      ClientName,
      BatchTime[]
    >;
    for (let round = 0; round < plan.rounds; round++) {
      for (let k = 0; k < clientNames.length; k++) {
        const name = clientNames[(round + k) % clientNames.length] as ClientName;
        runs[name].push(await timeBatch(() => call(clients[name]), plan.calls));
      }
    }
    const cpuUsPerCall = {} as Record<ClientName, Sample>;
    const wallUsPerCall = {} as Record<ClientName, Sample>;
    const vsBaseline = {} as Record<ClientName, Sample>;
    const cpu = (name: ClientName) => runs[name].map((run) => run.cpu);
    for (const name of clientNames) {
      cpuUsPerCall[name] = sample(cpu(name));
      wallUsPerCall[name] = sample(runs[name].map((run) => run.wall));
      vsBaseline[name] = ratio(cpu(name), cpu('baseline'));
    }
    out[op] = { cpuUsPerCall, wallUsPerCall, vsBaseline };
  }
  return out;
}
