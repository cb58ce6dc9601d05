import { operationLabel } from './operation-finding.js';
import type { Change, ChangeKind, OperationRef } from './types.js';

/** How much of the report to print. */
export interface ReportOptions {
  /** List every fix one by one instead of counting them per code. */
  readonly verbose?: boolean;
  /** How many affected operations to name per component change before saying "and N more" (default 4). */
  readonly maxAffects?: number;
}

const HEADINGS: Readonly<Record<ChangeKind, string>> = {
  breaking: 'Breaking changes: code using the packages must change',
  feature: 'Features: new things you may use',
  fix: 'Fixes: descriptions, examples, documented errors',
};

/** Names the operations a component change reaches, shortened to `max`. */
export function describeAffects(affects: readonly OperationRef[], max = 4): string {
  const names = affects.map((a) => a.operationId ?? `${a.method} ${a.path}`);
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

function groupLabel(change: Change, maxAffects: number): string {
  const { operation, schema } = change.location;
  if (operation) return operationLabel(operation);
  const used =
    change.affects && change.affects.length > 0
      ? ` (used by ${describeAffects(change.affects, maxAffects)})`
      : '';
  return `schema ${schema ?? '?'}${change.direction ? `, ${change.direction}` : ''}${used}`;
}

function listGrouped(changes: readonly Change[], maxAffects: number): string[] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) {
    const label = groupLabel(change, maxAffects);
    groups.set(label, [...(groups.get(label) ?? []), change]);
  }
  const lines: string[] = [];
  for (const [label, members] of groups) {
    lines.push(`  ${label}`);
    for (const change of members) lines.push(`    - [${change.code}] ${change.message}`);
  }
  return lines;
}

/** Renders classified changes as a plain-text report, grouped by kind, then by operation or schema. */
export function formatReport(changes: readonly Change[], options: ReportOptions = {}): string {
  if (changes.length === 0) return 'No differences.';
  const maxAffects = options.maxAffects ?? 4;
  const lines: string[] = [];
  for (const kind of ['breaking', 'feature', 'fix'] as const) {
    const ofKind = changes.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    lines.push(`${HEADINGS[kind]} (${ofKind.length})`);
    if (kind === 'fix' && !options.verbose) {
      const perCode = new Map<string, number>();
      for (const change of ofKind) perCode.set(change.code, (perCode.get(change.code) ?? 0) + 1);
      const counts = [...perCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} x${n}`);
      lines.push(`  ${counts.join(', ')} (--verbose lists them)`);
    } else {
      lines.push(...listGrouped(ofKind, maxAffects));
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
