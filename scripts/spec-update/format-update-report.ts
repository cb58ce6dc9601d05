import { formatReport, summarize } from '../spec-diff/index.js';
import type { Change } from '../spec-diff/types.js';
import { functionsToFix } from './facade.js';
import { displayNames } from './facade-impact.js';
import type { FacadeResult, UpdateResult } from './update-spec.js';

/** How much to print. */
export interface UpdateReportOptions {
  /** The run was `--check` (nothing written). */
  readonly check?: boolean;
  /** List every fix, and the whole upstream diff when the update is blocked. */
  readonly verbose?: boolean;
}

function counts(changes: readonly Change[]): string {
  const s = summarize(changes);
  return `${s.breaking} breaking, ${s.feature} features, ${s.fix} fixes`;
}

/** The facade's part: the functions the changes are under, and whether it still compiles. */
function facadeLines({ impact, usage, errors }: FacadeResult): string[] {
  const plain = (names: readonly string[]) => displayNames(names, usage).join(', ').replaceAll('`', '');
  const lines: string[] = [];
  if (impact.changes.length === 0) {
    lines.push('Facade (@docspace-people/sdk): no operation or schema it uses changed.');
  } else {
    const count = (kind: string) => impact.changes.filter((c) => c.change.kind === kind).length;
    lines.push(
      `Facade (@docspace-people/sdk): ${count('breaking')} breaking, ${count('feature')} features, ${count('fix')} fixes ` +
        `under ${displayNames(impact.functions, usage).length} of its functions: ${plain(impact.functions)}`,
    );
  }
  if (errors.length === 0) {
    lines.push('The facade compiles against the new client.');
    return lines;
  }
  lines.push(
    `The facade no longer compiles against the new client (${errors.length} errors): fix ${plain(functionsToFix(errors))}`,
  );
  // One line per error: where, the declaration it is in and the functions (without their aliases) that use it.
  const forwarding = new Set(usage.functions.filter((f) => f.forwardsTo).map((f) => f.name));
  for (const error of errors) {
    const users = error.functions.filter((f) => !forwarding.has(f));
    const used =
      users.length === 1 && users[0] === error.in
        ? ''
        : ` (used by ${users.join(', ') || 'no facade function'})`;
    lines.push(`  ${error.at} in ${error.in}${used}: ${error.message}`);
  }
  return lines;
}

/** Renders the result of `spec:update` for a terminal: problems first, then the classified changes. */
export function formatUpdateReport(result: UpdateResult, options: UpdateReportOptions = {}): string {
  const lines = [`Upstream People document: ${result.from} -> ${result.to}`, ''];
  if (!result.ok) {
    lines.push('The new document cannot be pinned until these are fixed (nothing was written):');
    const missing = result.problems.filter((p) => p.kind === 'missing-operation');
    const unapplied = result.problems.filter((p) => p.kind === 'unapplied-correction');
    if (missing.length > 0) {
      lines.push('  Operations in spec/operations.yaml that the new document lacks:');
      lines.push(...missing.map((p) => `    - ${p.message}`));
    }
    if (unapplied.length > 0) {
      lines.push('  Corrections in spec/overlay.yaml that no longer apply:');
      lines.push(...unapplied.map((p) => `    - ${p.message}`));
    }
    lines.push('', `Upstream changes, for reference: ${counts(result.upstreamChanges)}.`);
    if (options.verbose) lines.push(formatReport(result.upstreamChanges, { verbose: true }));
    else lines.push('(--verbose lists them)');
    return lines.join('\n');
  }
  if (result.changes.length === 0) {
    lines.push('The curated spec does not change: the packages need no release.');
  } else {
    lines.push(`Curated spec changes (what the packages expose): ${counts(result.changes)}.`, '');
    lines.push(formatReport(result.changes, { verbose: options.verbose ?? false }), '');
    if (result.facade) lines.push(...facadeLines(result.facade), '');
    lines.push(`Changesets: ${result.bumps.map((b) => `${b.name} ${b.bump} (${b.file})`).join(', ')}`);
  }
  if (result.unselected.length > 0) {
    const names = result.unselected.map((o) => `${o.operationId ?? '?'} (${o.method} ${o.path})`).join(', ');
    lines.push(
      `Upstream also added operations the packages do not include (add them to spec/operations.yaml to expose them): ${names}`,
    );
  }
  lines.push(...result.notes.map((n) => `Note: ${n}`));
  if (options.check) {
    lines.push('', 'Nothing written (--check).');
  } else if (result.written.length > 0) {
    lines.push('', 'Wrote:', ...result.written.map((f) => `  ${f}`));
    lines.push(
      '',
      'Next: review the diff, run `pnpm build && pnpm test`, then commit:',
      `  git add ${result.written.join(' ')}`,
      `  git commit -m "spec: update upstream People document to ${result.to}"`,
    );
  }
  return lines.join('\n');
}
