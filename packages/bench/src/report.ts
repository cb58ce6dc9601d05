import { type ConsumerName, consumerLabels } from './bundle-size.js';
import { clientLabels, clientNames, facadeWithFetch } from './clients.js';
import { loopbackClients } from './loopback.js';
import type { BenchResults } from './results.js';
import type { Sample } from './stats.js';

/** `median ±spread%` with a fixed number of decimals. */
function fmt(s: Sample, decimals = 1): string {
  return `${s.median.toFixed(decimals)} ±${s.spreadPct.toFixed(0)}%`;
}

/** `1.23x ±4%`. */
function fmtRatio(s: Sample): string {
  return `${s.median.toFixed(2)}x ±${s.spreadPct.toFixed(0)}%`;
}

/** Lays rows out as a plain text table with a header rule. */
function table(title: string, head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join(
    '\n',
  );
}

/** The human-readable report of one run: five tables, then the targets. */
export function formatReport(r: BenchResults): string {
  const out: string[] = [];
  const m = r.meta;
  out.push(
    `pnpm bench (${m.mode}) on Node ${m.node}, ${m.cpus}; load average ${m.loadAverage.start.toFixed(1)} -> ${m.loadAverage.end.toFixed(1)}; ${m.durationS.toFixed(0)} s`,
  );
  out.push(
    'Figures are medians of repeated runs, ±spread = interquartile range / median; ratios are per-round.',
  );
  out.push(...clientNames.map((name) => `  ${name.padEnd(14)}${clientLabels[name]}`));
  out.push(`  (2 also: "${facadeWithFetch}": the facade given the same global fetch as the others)`);
  out.push(
    table(
      '1. Per-call overhead, network stubbed (CPU µs per call; wall µs; CPU ratio to baseline)',
      [
        'client',
        'get CPU µs',
        'get wall µs',
        'get vs base',
        'create CPU µs',
        'create wall µs',
        'create vs base',
      ],
      clientNames.map((n) => [
        n,
        fmt(r.overhead.get.cpuUsPerCall[n]),
        fmt(r.overhead.get.wallUsPerCall[n]),
        fmtRatio(r.overhead.get.vsBaseline[n]),
        fmt(r.overhead.create.cpuUsPerCall[n]),
        fmt(r.overhead.create.wallUsPerCall[n]),
        fmtRatio(r.overhead.create.vsBaseline[n]),
      ]),
    ),
  );
  const { sequential: seq, concurrent: conc } = r.loopback;
  out.push(
    table(
      `2. GETs against a keep-alive server on 127.0.0.1 (${seq.requests} per run; wall ms per run; client CPU µs per call)`,
      ['client', 'seq wall ms', 'seq CPU µs', 'seq vs base', 'c16 wall ms', 'c16 CPU µs', 'c16 vs base'],
      loopbackClients.map((n) => [
        n,
        fmt(seq.wallMs[n], 0),
        fmt(seq.cpuUsPerCall[n]),
        fmtRatio(seq.vsBaseline[n]),
        fmt(conc.wallMs[n], 0),
        fmt(conc.cpuUsPerCall[n]),
        fmtRatio(conc.vsBaseline[n]),
      ]),
    ),
  );
  out.push(
    table(
      '3. Browser bundle (esbuild, ESM, minified; gzip -9), consumer calling people.get and people.create',
      ['bundle', 'minified bytes', 'gzipped bytes'],
      Object.entries(r.bundle).map(([name, size]) => [
        consumerLabels[name as ConsumerName] ?? name,
        size.minified.median.toFixed(0),
        size.gzipped.median.toFixed(0),
      ]),
    ),
  );
  out.push(
    table(
      '4. Consumer type-check (tsc --extendedDiagnostics, strict consumer file)',
      ['consumer', 'check ms', 'types', 'instantiations', 'memory MB'],
      clientNames.map((n) => {
        const c = r.typeCheck[n];
        return [
          n,
          fmt(c.checkMs, 0),
          c.types.median.toFixed(0),
          c.instantiations.median.toFixed(0),
          fmt(c.memoryMB, 0),
        ];
      }),
    ),
  );
  const b = r.bulk;
  out.push(
    table(
      `5. Bulk onboarding: ${b.users} creates, server answers after ${b.latencyMs} ms, ${b.writeLimit} writes in flight`,
      ['client', 'wall ms', 'vs bound', 'vs baseline pool', '429s', 'max writes in flight'],
      [
        [
          'facade',
          fmt(b.wallMs, 0),
          fmtRatio(b.vsBound),
          fmtRatio(b.vsBaseline),
          String(b.rateLimited),
          String(b.maxWritesInFlight),
        ],
        ['baseline pool', fmt(b.baselineWallMs, 0), '', '', '', ''],
        ['bound', b.boundMs.toFixed(0), '1.00x', '', '', ''],
      ],
    ),
  );
  out.push(
    table(
      'Targets (reported, not asserted)',
      ['target', 'measured', 'limit', 'result'],
      r.targets.map((t) => [
        t.name,
        t.unit === 'x'
          ? `${t.measured.toFixed(2)}x`
          : `${t.measured.toFixed(0)} ${t.unit === 'ms' ? 'ms' : 'B'}`,
        t.unit === 'x' ? `${t.limit.toFixed(2)}x` : `${t.limit} ${t.unit === 'ms' ? 'ms' : 'B'}`,
        t.met ? 'met' : `MISSED by ${t.missedByPct.toFixed(0)}%`,
      ]),
    ),
  );
  return `${out.join('\n')}\n`;
}
