import type { BumpLevel, Change, ChangeKind } from '../spec-diff/index.js';
import { operationLabel } from '../spec-diff/operation-finding.js';
import { describeAffects } from '../spec-diff/report.js';
import type { FacadeUsage } from './facade.js';
import { displayNames, type FacadeImpact } from './facade-impact.js';

/** The generated client, which takes the spec change as it is. */
export const CLIENT_PACKAGE = '@docspace-people/client';
/** The facade, built on the client with its own hand-written API. */
export const SDK_PACKAGE = '@docspace-people/sdk';

/**
 * The semver bump for a change of `kind` to a package at `version`. Before 1.0 a breaking change bumps the minor
 * (0.1.0 -> 0.2.0: `^0.1.0` does not take it), features and fixes bump the patch. From 1.0 on: major, minor, patch.
 */
export function bumpFor(kind: ChangeKind, version: string): BumpLevel {
  const major = Number.parseInt(version.split('.')[0] ?? '0', 10);
  if (major === 0) return kind === 'breaking' ? 'minor' : 'patch';
  return kind === 'breaking' ? 'major' : kind === 'feature' ? 'minor' : 'patch';
}

/** Where a change is, as a consumer reads it: the operation, or the schema and the operations using it. */
function where(change: Change): string {
  const { operation, schema } = change.location;
  if (operation) return `\`${operationLabel(operation)}\``;
  const used =
    change.affects && change.affects.length > 0 ? ` (used by ${describeAffects(change.affects, 3)})` : '';
  return `\`${schema ?? '?'}\`${used}`;
}

/** One bullet per operation or schema (or other `label`), with its changes nested under it. */
function bullets(changes: readonly Change[], label: (change: Change) => string = where): string[] {
  const groups = new Map<string, string[]>();
  for (const change of changes)
    groups.set(label(change), [...(groups.get(label(change)) ?? []), change.message]);
  return [...groups].flatMap(([label, messages]) =>
    messages.length === 1
      ? [`- ${label}: ${messages[0]}`]
      : [`- ${label}:`, ...messages.map((m) => `  - ${m}`)],
  );
}

/** What the changeset says about the upstream document it came from. */
export interface ChangesetContext {
  /** Upstream before, e.g. `3.6.0 (0fc92e44c2)`. */
  readonly from: string;
  /** Upstream after, e.g. `3.7.0 (v3.7.2-server, ed2994e74f)`. */
  readonly to: string;
}

const FIX_NOUNS: Readonly<Record<string, string>> = {
  'description-changed': 'descriptions',
  'example-changed': 'examples',
  'error-response-added': 'newly documented error responses',
  'error-response-removed': 'error responses no longer documented',
  'response-header-added': 'newly documented response headers',
  'response-header-removed': 'response headers no longer documented',
  'constraint-changed': 'documented limits',
  'format-changed': 'formats',
  'default-changed': 'defaults',
};

function fixSummary(fixes: readonly Change[]): string[] {
  if (fixes.length === 0) return [];
  const perCode = new Map<string, number>();
  for (const change of fixes) perCode.set(change.code, (perCode.get(change.code) ?? 0) + 1);
  const counts = [...perCode]
    .sort(([, a], [, b]) => b - a)
    .map(([code, n]) => `${FIX_NOUNS[code] ?? code} (${n})`);
  return ['', `Documentation only, no code change needed: ${counts.join(', ')}.`];
}

function frontMatter(pkg: string, bump: BumpLevel): string[] {
  return ['---', `"${pkg}": ${bump}`, '---', ''];
}

/** The client's changeset: every breaking change and feature, one actionable line each; fixes counted. */
export function clientChangeset(
  changes: readonly Change[],
  bump: BumpLevel,
  context: ChangesetContext,
): string {
  const breaking = changes.filter((c) => c.kind === 'breaking');
  const features = changes.filter((c) => c.kind === 'feature');
  const lines = [
    ...frontMatter(CLIENT_PACKAGE, bump),
    `Regenerated from the upstream DocSpace People API document ${context.to}; previously ${context.from}.`,
  ];
  if (breaking.length > 0) {
    lines.push(
      '',
      `Breaking (${breaking.length}): update your code before upgrading.`,
      '',
      ...bullets(breaking),
    );
  }
  if (features.length > 0) lines.push('', `New (${features.length}):`, '', ...bullets(features));
  lines.push(...fixSummary(changes.filter((c) => c.kind === 'fix')));
  return `${lines.join('\n')}\n`;
}

/**
 * The facade's changeset. Its bump comes from the changes under the operations and schemas the facade uses
 * (found from its code, see facade.ts): a breaking change there breaks the facade (its functions send or read
 * what changed), additions there are a patch. When nothing it uses changed, a patch that only moves it onto the
 * new client (written when the client's change is breaking, so its new version leaves the facade's `^` range).
 */
export function sdkChangeset(
  changes: readonly Change[],
  impact: FacadeImpact,
  usage: FacadeUsage,
  bump: BumpLevel,
  context: ChangesetContext,
): string {
  const count = (kind: ChangeKind): number => changes.filter((c) => c.kind === kind).length;
  const built =
    `Built on ${CLIENT_PACKAGE} regenerated from the DocSpace People API document ${context.to}; previously ` +
    `${context.from}.`;
  const clientOnly =
    `The client's changelog lists ${count('breaking')} breaking and ${count('feature')} new items in the ` +
    'generated types';
  if (impact.changes.length === 0) {
    const lines = [
      ...frontMatter(SDK_PACKAGE, bump),
      `${built} No operation or schema the facade uses changed, so its functions send and return what they did. ` +
        `${clientOnly}: they matter only if you also use the client directly.`,
    ];
    return `${lines.join('\n')}\n`;
  }
  const functionsOf = new Map(impact.changes.map((c) => [c.change, c.functions]));
  const label = (change: Change) =>
    `${where(change)} in ${displayNames(functionsOf.get(change) ?? [], usage).join(', ')}`;
  const under = (kind: ChangeKind) =>
    impact.changes.filter((c) => c.change.kind === kind).map((c) => c.change);
  const breaking = under('breaking');
  const features = under('feature');
  const touched = displayNames(impact.functions, usage);
  const lines = [
    ...frontMatter(SDK_PACKAGE, bump),
    `${built} The API changed under ${touched.length} facade functions: ${touched.join(', ')}.`,
  ];
  if (breaking.length > 0) {
    lines.push(
      '',
      `Breaking for the facade (${breaking.length}): the server's contract changed under these functions; check ` +
        'how your code uses their results and inputs before upgrading.',
      '',
      ...bullets(breaking, label),
    );
  }
  if (features.length > 0)
    lines.push('', `New under the facade (${features.length}):`, '', ...bullets(features, label));
  lines.push(...fixSummary(under('fix')));
  lines.push('', `${clientOnly} (all operations, not only the facade's).`);
  return `${lines.join('\n')}\n`;
}
