// 6. `docspace-people plan` and `apply` (issue 11) as real processes against the stateful fake portal:
// plan over N people (wall time and the CLI's peak memory, at two sizes: streaming means memory stays flat), and
// apply of 1,000 creates with 20 ms latency against the 15-writes bound.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FakePortal, startFakePortal } from '@docspace-people/testing';
import { type Sample, sample } from './stats.js';

/** How much work the sync measurements do. */
export interface SyncPlan {
  /** Portal sizes to plan over (people on the portal and in the desired file). */
  planSizes: number[];
  /** Creates to apply. */
  creates: number;
  latencyMs: number;
  rounds: number;
  /** Plan only (sync-only.ts plan). */
  skipApply?: boolean;
}

/** Measurement 6 in `pnpm bench` (full mode), and in sync-only.ts. */
export const fullSyncPlan: SyncPlan = { planSizes: [1000, 10000], creates: 1000, latencyMs: 20, rounds: 3 };

/** Plan over one portal size. */
export interface PlanFigure {
  people: number;
  /** Items the plan holds (1% of the people change type). */
  items: number;
  wallMs: Sample;
  /** Peak resident memory of the CLI process (MB). */
  peakRssMb: Sample;
}

/** The figures of measurement 6. */
export interface SyncResult {
  plan: PlanFigure[];
  /** Absent when only plan was measured. */
  apply?: {
    creates: number;
    latencyMs: number;
    /** creates x latency / 15: the least time 15 writes in flight can take. */
    boundMs: number;
    /** The apply process from start to exit (Node start, plan read, portal read, writes, report, undo plan). */
    wallMs: Sample;
    /** From the first create request to the last answer (the write phase alone). */
    writePhaseMs: Sample;
    /** writePhaseMs / boundMs per round (target: 1.15 or less). */
    vsBound: Sample;
    /** The same creates sent by a hand-written pool of 15 `fetch` workers (own process), write phase / bound. */
    poolVsBound: Sample;
    /** Per round: the apply's write phase / the pool's (what the CLI and SDK add to bare fetch). */
    vsPool: Sample;
    rateLimited: number;
    maxWritesInFlight: number;
  };
}

const require = createRequire(import.meta.url);
const bin =
  process.env.BENCH_CLI_BIN ||
  require.resolve('@docspace-people/cli/package.json').replace(/package\.json$/, 'dist/bin.js');

/** Runs the CLI; resolves with its exit status, wall time and peak RSS (reported by an exit hook). */
function runCli(args: string[], portal: FakePortal, cwd: string) {
  const hook = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS+'\\n'))`;
  const started = performance.now();
  const nodeArgs = process.env.BENCH_CLI_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, '--import', hook, bin, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', DOCSPACE_URL: portal.url, DOCSPACE_TOKEN: portal.ownerToken },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise<{ code: number | null; ms: number; rssMb: number; stderr: string }>(
    (resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        const kb = Number(/maxrss=(\d+)/.exec(stderr)?.[1] ?? Number.NaN);
        resolve({ code, ms: performance.now() - started, rssMb: kb / 1024, stderr });
      });
    },
  );
}

/** Milliseconds from the first create the portal received to the end of its last answer. */
function writePhase(portal: FakePortal): number {
  const creates = portal.requests('addMember');
  const first = Math.min(...creates.map((r) => r.startedAt));
  const last = Math.max(...creates.map((r) => r.startedAt + r.durationMs));
  return last - first;
}

/** The reference: create-pool.ts (15 fetch workers) in its own process against a new portal; its write phase. */
async function poolWritePhase(creates: number, latencyMs: number): Promise<number> {
  const portal = await startFakePortal({ latencyMs });
  try {
    const script = fileURLToPath(new URL('./create-pool.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', require.resolve('tsx'), script, portal.url, portal.ownerToken, String(creates), '15'],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', resolve);
    });
    if (code !== 0) throw new Error(`the fetch pool failed (exit ${code})`);
    return writePhase(portal);
  } finally {
    await portal.stop();
  }
}

function desiredCsv(rows: string[]): string {
  return `email,firstName,lastName,type\n${rows.join('\n')}\n`;
}

async function measurePlan(people: number, rounds: number, dir: string): Promise<PlanFigure> {
  const portal = await startFakePortal();
  try {
    const seeded = portal.seedUsers(people, (i) => ({ firstName: 'P', lastName: `${i}`, type: 'User' }));
    // The same people, 1 in 100 of them with another type: a plan of people / 100 items.
    const rows = seeded.map(
      (u, i) => `${u.email},P,${u.lastName},${(i + 1) % 100 === 0 ? 'RoomAdmin' : 'User'}`,
    );
    const desired = join(dir, `desired-${people}.csv`);
    await writeFile(desired, desiredCsv(rows));
    const wall: number[] = [];
    const rss: number[] = [];
    let items = 0;
    for (let round = 0; round < rounds; round++) {
      const out = join(dir, `plan-${people}.json`);
      const run = await runCli(['plan', desired, '--out', out], portal, dir);
      if (run.code !== 0) throw new Error(`plan failed: ${run.stderr}`);
      wall.push(run.ms);
      rss.push(run.rssMb);
      items = (JSON.parse(await readFile(out, 'utf8')) as { items: unknown[] }).items.length;
    }
    return { people, items, wallMs: sample(wall), peakRssMb: sample(rss) };
  } finally {
    await portal.stop();
  }
}

async function measureApply(plan: SyncPlan, dir: string): Promise<NonNullable<SyncResult['apply']>> {
  const boundMs = (plan.creates * plan.latencyMs) / 15;
  const wall: number[] = [];
  const writes: number[] = [];
  const pool: number[] = [];
  let rateLimited = 0;
  let maxWritesInFlight = 0;
  const desired = join(dir, 'creates.csv');
  await writeFile(
    desired,
    desiredCsv(Array.from({ length: plan.creates }, (_, i) => `new${i}@example.com,N,${i},User`)),
  );
  for (let round = 0; round < plan.rounds; round++) {
    // The reference first in even rounds, after the apply in odd ones (so neither always runs on a warmer machine).
    if (round % 2 === 0) pool.push(await poolWritePhase(plan.creates, plan.latencyMs));
    // A new portal each round: DocSpace allows 1,500 requests a minute, and the CLI obeys it.
    const portal = await startFakePortal();
    try {
      const out = join(dir, `creates-${round}.json`);
      const planned = await runCli(['plan', desired, '--out', out], portal, dir);
      if (planned.code !== 0) throw new Error(`plan failed: ${planned.stderr}`);
      portal.setLatency(plan.latencyMs);
      portal.resetStats();
      const run = await runCli(['apply', out], portal, dir);
      if (run.code !== 0) throw new Error(`apply failed: ${run.stderr.slice(-500)}`);
      wall.push(run.ms);
      writes.push(writePhase(portal));
      rateLimited += portal.stats().rateLimited.write;
      maxWritesInFlight = Math.max(maxWritesInFlight, portal.stats().maxInFlight.write);
    } finally {
      await portal.stop();
    }
    if (round % 2 === 1) pool.push(await poolWritePhase(plan.creates, plan.latencyMs));
  }
  return {
    creates: plan.creates,
    latencyMs: plan.latencyMs,
    boundMs,
    wallMs: sample(wall),
    writePhaseMs: sample(writes),
    vsBound: sample(writes.map((ms) => ms / boundMs)),
    poolVsBound: sample(pool.map((ms) => ms / boundMs)),
    vsPool: sample(writes.map((ms, i) => ms / (pool[i] ?? Number.NaN))),
    rateLimited,
    maxWritesInFlight,
  };
}

/** Measurement 6: plan at each size, then apply of the creates. */
export async function measureSync(plan: SyncPlan): Promise<SyncResult> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-sync-'));
  try {
    const planFigures: PlanFigure[] = [];
    for (const size of plan.planSizes) planFigures.push(await measurePlan(size, plan.rounds, dir));
    return { plan: planFigures, ...(plan.skipApply ? {} : { apply: await measureApply(plan, dir) }) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The sync section of the printed report. */
export function formatSync(r: SyncResult): string {
  const lines = ['', '6. docspace-people plan / apply against the fake portal (CLI as a process)'];
  for (const p of r.plan) {
    lines.push(
      `  plan over ${p.people} people (${p.items} items): ${p.wallMs.median.toFixed(0)} ms ±${p.wallMs.spreadPct.toFixed(0)}%, peak RSS ${p.peakRssMb.median.toFixed(1)} MB`,
    );
  }
  const a = r.apply;
  if (!a) return `${lines.join('\n')}\n`;
  const met =
    a.vsBound.median <= 1.15 ? 'met' : `missed by ${((a.vsBound.median / 1.15 - 1) * 100).toFixed(0)}%`;
  lines.push(
    `  apply ${a.creates} creates, ${a.latencyMs} ms latency: write phase ${a.writePhaseMs.median.toFixed(0)} ms = ${a.vsBound.median.toFixed(2)}x the bound ${a.boundMs.toFixed(0)} ms (target 1.15x: ${met}); whole process ${a.wallMs.median.toFixed(0)} ms; ${a.rateLimited} x 429, at most ${a.maxWritesInFlight} writes in flight`,
    `  the same creates from a hand-written pool of 15 fetch workers (own process, same fake portal): ${a.poolVsBound.median.toFixed(2)}x the bound; apply / pool ${a.vsPool.median.toFixed(2)}x`,
  );
  return `${lines.join('\n')}\n`;
}
