import { mostSevere } from './classify.js';
import type { Change, ChangeKind } from './types.js';

/** Counts of changes per kind and the most severe kind found. */
export interface Summary {
  /** Number of breaking changes. */
  readonly breaking: number;
  /** Number of features. */
  readonly feature: number;
  /** Number of fixes. */
  readonly fix: number;
  /** The most severe kind present; undefined when there is no change at all. */
  readonly kind: ChangeKind | undefined;
}

/** A semver bump level as changesets spells it. */
export type BumpLevel = 'major' | 'minor' | 'patch';

/** The most severe kind among `changes`, or undefined for none. */
export function overallKind(changes: readonly Change[]): ChangeKind | undefined {
  return changes.reduce<ChangeKind | undefined>(
    (acc, c) => (acc ? mostSevere(acc, c.kind) : c.kind),
    undefined,
  );
}

/** Counts changes per kind. */
export function summarize(changes: readonly Change[]): Summary {
  const count = (kind: ChangeKind): number => changes.filter((c) => c.kind === kind).length;
  return {
    breaking: count('breaking'),
    feature: count('feature'),
    fix: count('fix'),
    kind: overallKind(changes),
  };
}
