import type { ChangeCode, ChangeKind, Direction } from './types.js';

/** A rule: one kind, or one kind per direction when it matters whether callers send or receive the data. */
export type Rule = ChangeKind | { readonly request: ChangeKind; readonly response: ChangeKind };

/**
 * The classification rules, one per change code. Breaking: something callers relied on is gone or stricter
 * (they must change code); feature: something new they may use; fix: documentation-level corrections.
 * Direction matters for schemas: a narrower type breaks callers who send it but not callers who read it.
 */
export const RULES: Readonly<Record<ChangeCode, Rule>> = {
  'operation-removed': 'breaking',
  'operation-added': 'feature',
  'operationId-renamed': 'breaking',
  'operation-deprecated': 'fix',
  'tags-changed': 'fix',
  'security-changed': 'fix',
  'parameter-removed': 'breaking',
  'parameter-added': 'feature',
  'parameter-added-required': 'breaking',
  'parameter-became-required': 'breaking',
  'parameter-became-optional': 'feature',
  'request-body-added': 'feature',
  'request-body-removed': 'breaking',
  'request-body-became-required': 'breaking',
  'request-body-became-optional': 'feature',
  'request-body-changed': 'breaking',
  'request-media-type-added': 'feature',
  'success-response-removed': 'breaking',
  'success-response-added': 'feature',
  'error-response-removed': 'fix',
  'error-response-added': 'fix',
  'response-body-changed': 'breaking',
  'response-media-type-added': 'feature',
  'response-header-removed': 'fix',
  'response-header-added': 'fix',
  'request-field-removed': 'breaking',
  'response-field-removed': 'breaking',
  'request-field-added-required': 'breaking',
  'optional-field-added': 'feature',
  'response-field-added': 'feature',
  'request-field-became-required': 'breaking',
  'request-field-became-optional': 'feature',
  'response-field-became-optional': 'breaking',
  'response-field-became-required': 'fix',
  'type-changed': 'breaking',
  'type-narrowed': { request: 'breaking', response: 'fix' },
  'type-widened': { request: 'feature', response: 'breaking' },
  'enum-value-removed': 'breaking',
  'enum-value-added': 'feature',
  'generated-name-changed': 'breaking',
  'schema-removed': 'breaking',
  'schema-added': 'feature',
  'schema-renamed': 'breaking',
  'constraint-changed': 'fix',
  'format-changed': 'fix',
  'default-changed': 'fix',
  'deprecated-changed': 'fix',
  'description-changed': 'fix',
  'example-changed': 'fix',
};

const SEVERITY: Readonly<Record<ChangeKind, number>> = { breaking: 2, feature: 1, fix: 0 };

/** The more severe of two kinds. */
export function mostSevere(a: ChangeKind, b: ChangeKind): ChangeKind {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** The kind of a change with `code` found where data flows in `direction` (`both` takes the more severe). */
export function classify(code: ChangeCode, direction: Direction = 'both'): ChangeKind {
  const rule = RULES[code];
  if (typeof rule === 'string') return rule;
  if (direction === 'both') return mostSevere(rule.request, rule.response);
  return rule[direction];
}
