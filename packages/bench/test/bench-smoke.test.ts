import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, consumers } from '../src/bundle-size.js';
import type { BenchResults } from '../src/results.js';

const require = createRequire(import.meta.url);
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const clients = ['facade', 'generated', 'openapi-fetch', 'baseline'];

/** A figure: a median over at least one run. Timings are not checked, only that they were measured. */
const figure = expect.objectContaining({
  median: expect.any(Number),
  spreadPct: expect.any(Number),
  runs: expect.any(Number),
});
const perClient = Object.fromEntries(clients.map((name) => [name, figure]));

let dir: string;
let results: BenchResults;
let printed: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
  const jsonPath = join(dir, 'results.json');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', require.resolve('tsx'), main], {
    env: { ...process.env, BENCH_MODE: 'smoke', BENCH_JSON: jsonPath },
    maxBuffer: 1 << 22,
  });
  printed = stdout;
  results = JSON.parse(await readFile(jsonPath, 'utf8'));
}, 180_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('pnpm bench in smoke mode writes every figure of issue 6 to BENCH_JSON', () => {
  it('1. stubbed overhead: CPU, wall and ratio to baseline per client, for get and create', () => {
    for (const op of ['get', 'create'] as const) {
      expect(results.overhead[op]).toEqual({
        cpuUsPerCall: perClient,
        wallUsPerCall: perClient,
        vsBaseline: perClient,
      });
    }
  });

  it('2. loopback server: wall, CPU per call and ratio per client, sequential and at concurrency 16', () => {
    expect(results.loopback.concurrent.concurrency).toBe(16);
    for (const mode of ['sequential', 'concurrent'] as const) {
      expect(results.loopback[mode]).toMatchObject({
        wallMs: perClient,
        cpuUsPerCall: perClient,
        vsBaseline: perClient,
      });
    }
  });

  it('3. bundle sizes of each two-call consumer (the facade as a class and as functions) and of the whole facade', () => {
    for (const name of [...clients, 'facade functions', 'whole facade'] as const) {
      expect(results.bundle[name as keyof BenchResults['bundle']]).toEqual({
        minified: figure,
        gzipped: figure,
      });
    }
    expect(results.bundle.facade.gzipped.median).toBeGreaterThan(results.bundle.baseline.gzipped.median);
  });

  it('4. type-check cost of each consumer: check time, types, instantiations, memory', () => {
    for (const name of clients) {
      expect(results.typeCheck[name as 'facade']).toEqual({
        checkMs: figure,
        types: figure,
        instantiations: figure,
        memoryMB: figure,
      });
    }
  });

  it('5. bulk onboarding: wall time against the bound, no 429, the write limit used', () => {
    expect(results.bulk).toMatchObject({
      wallMs: figure,
      vsBound: figure,
      baselineWallMs: figure,
      vsBaseline: figure,
    });
    expect(results.bulk.boundMs).toBe((results.bulk.users * 20) / 15);
    expect(results.bulk.rateLimited).toBe(0);
    expect(results.bulk.maxWritesInFlight).toBeLessThanOrEqual(15);
  });

  it('reports every target as met or missed, and prints the same in the table', () => {
    expect(results.targets).toHaveLength(8);
    for (const target of results.targets) {
      expect(target.met).toBe(target.measured <= target.limit);
      expect(printed).toContain(target.name);
    }
    expect(results.meta.mode).toBe('smoke');
  });

  it('6. plan and apply: plan wall time and peak memory per size, apply of creates against the bound', () => {
    expect(results.sync.plan.map((p) => p.people)).toEqual([50, 100]);
    for (const p of results.sync.plan) expect(p).toMatchObject({ wallMs: figure, peakRssMb: figure });
    expect(results.sync.plan[1]?.items).toBe(1);
    expect(results.sync.apply).toMatchObject({
      creates: 60,
      wallMs: figure,
      writePhaseMs: figure,
      vsBound: figure,
      poolVsBound: figure,
      vsPool: figure,
    });
    expect(results.sync.apply?.maxWritesInFlight).toBeLessThanOrEqual(15);
    expect(printed).toContain('6. docspace-people plan / apply');
  });
});

describe('the functions consumer of the bundle measurement tree-shakes', () => {
  /** Strings only the named code contains (openapi-fetch's query styles, photo upload, invite, downgrade). */
  const markers = [
    ['openapi-fetch (the raw client)', 'pipeDelimited'],
    ['photo upload', 'Autosave'],
    ['invitations', '/invite'],
    ['the downgrade task', 'reassignUserId'],
  ];
  const text = async (name: keyof typeof consumers) =>
    new TextDecoder().decode(await bundle(consumers[name]));

  it.each(markers)('the class consumer ships %s (so the check below means something)', async (_, marker) => {
    expect((await text('facade')).includes(marker)).toBe(true);
  });

  it.each(markers)('connect + peopleGet + peopleCreate ships without %s', async (_, marker) => {
    expect((await text('facade functions')).includes(marker)).toBe(false);
  });
});
