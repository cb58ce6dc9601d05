import { classify } from './classify.js';
import { childPointer, deref, isObject, type JsonObject, schemaRefName } from './document.js';
import { diffAnnotations, diffShape } from './schema-details.js';
import type { ChangeCode, Direction } from './types.js';

/** A change found inside a schema, before the caller adds its location (operation or component). */
export interface SchemaFinding {
  /** The rule that matched. */
  readonly code: ChangeCode;
  /** Pointer in the new document (the old one for removals). */
  readonly pointer: string;
  /** Readable field path. */
  readonly field: string;
  /** Actionable sentence. */
  readonly message: string;
  /** Old value. */
  readonly before?: unknown;
  /** New value. */
  readonly after?: unknown;
}

/** Where the walk is: pointers into both documents and the readable field path. */
export interface SchemaPosition {
  /** Pointer into the old document. */
  readonly beforePointer: string;
  /** Pointer into the new document. */
  readonly afterPointer: string;
  /** Readable field path. */
  readonly field: string;
}

/** What the schema walk needs to know and where it reports. */
export interface SchemaDiffContext {
  /** The old document. */
  readonly before: unknown;
  /** The new document. */
  readonly after: unknown;
  /** Whether the schema is sent, received, or both. */
  readonly direction: Direction;
  /** Component schema names of the old document. */
  readonly beforeNames: ReadonlySet<string>;
  /** Component schema names of the new document. */
  readonly afterNames: ReadonlySet<string>;
  /** Collects `$ref` switches (old name -> new names) seen at the same place, for rename detection. */
  readonly refSwitches: Map<string, Set<string>>;
  /** Receives each finding. */
  readonly report: (finding: SchemaFinding) => void;
}

/** Picks the request or response flavour of a code; for `both`, the more severe one. */
function pick(request: ChangeCode, response: ChangeCode, direction: Direction): ChangeCode {
  if (direction === 'request') return request;
  if (direction === 'response') return response;
  const order = { breaking: 2, feature: 1, fix: 0 } as const;
  return order[classify(response, 'response')] > order[classify(request, 'request')] ? response : request;
}

function requiredSet(schema: JsonObject): Set<string> {
  return new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
}

function child(at: SchemaPosition, segments: readonly string[], field: string): SchemaPosition {
  return {
    beforePointer: childPointer(at.beforePointer, ...segments),
    afterPointer: childPointer(at.afterPointer, ...segments),
    field,
  };
}

/**
 * Compares two schemas found at the same place. `$ref`s to a component with the same name are not followed
 * (each component schema is compared once, on its own); other `$ref`s are followed, guarding against cycles.
 */
export function diffSchema(
  ctx: SchemaDiffContext,
  beforeNode: unknown,
  afterNode: unknown,
  at: SchemaPosition,
  visiting: ReadonlySet<string> = new Set(),
): void {
  const beforeName = schemaRefName(beforeNode);
  const afterName = schemaRefName(afterNode);
  if (beforeName !== undefined && beforeName === afterName) return;
  if (beforeName !== undefined && afterName !== undefined) {
    const targets = ctx.refSwitches.get(beforeName) ?? new Set<string>();
    targets.add(afterName);
    ctx.refSwitches.set(beforeName, targets);
    // A component that vanished replaced by one that appeared: a rename, compared once at component level.
    if (!ctx.afterNames.has(beforeName) && !ctx.beforeNames.has(afterName)) return;
  }
  const guard = `${beforeName ?? at.beforePointer}|${afterName ?? at.afterPointer}`;
  if (visiting.has(guard)) return;
  const inner = new Set(visiting).add(guard);
  const before = deref(ctx.before, beforeNode);
  const after = deref(ctx.after, afterNode);
  if (!before || !after) return;

  diffAnnotations(ctx, before, after, at);
  diffShape(ctx, before, after, at);
  diffProperties(ctx, before, after, at, inner);
  if (before.items !== undefined && after.items !== undefined) {
    diffSchema(ctx, before.items, after.items, child(at, ['items'], `${at.field}[]`), inner);
  }
  if (isObject(before.additionalProperties) && isObject(after.additionalProperties)) {
    const next = child(at, ['additionalProperties'], `${at.field}{}`);
    diffSchema(ctx, before.additionalProperties, after.additionalProperties, next, inner);
  }
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const b = before[keyword];
    const a = after[keyword];
    if (!Array.isArray(b) || !Array.isArray(a)) continue;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const field = keyword === 'allOf' ? at.field : `${at.field}<${keyword} ${i}>`;
      diffSchema(ctx, b[i], a[i], child(at, [keyword, String(i)], field), inner);
    }
  }
}

/** Properties removed, added, made required or optional; then each common property in depth. */
function diffProperties(
  ctx: SchemaDiffContext,
  before: JsonObject,
  after: JsonObject,
  at: SchemaPosition,
  visiting: ReadonlySet<string>,
): void {
  const b = isObject(before.properties) ? before.properties : {};
  const a = isObject(after.properties) ? after.properties : {};
  const bRequired = requiredSet(before);
  const aRequired = requiredSet(after);
  const d = ctx.direction;
  for (const name of Object.keys(b)) {
    if (name in a) continue;
    const field = `${at.field}.${name}`;
    const code = pick('request-field-removed', 'response-field-removed', d);
    const message =
      d === 'request'
        ? `\`${field}\` was removed from the request: stop setting it (code that sets it no longer type-checks).`
        : d === 'response'
          ? `\`${field}\` is no longer returned: stop reading it.`
          : `\`${field}\` was removed: stop setting and reading it.`;
    ctx.report({ code, pointer: childPointer(at.beforePointer, 'properties', name), field, message });
  }
  for (const name of Object.keys(a)) {
    if (name in b) continue;
    const field = `${at.field}.${name}`;
    const required = aRequired.has(name);
    const code = required
      ? pick('request-field-added-required', 'response-field-added', d)
      : pick('optional-field-added', 'response-field-added', d);
    const message =
      code === 'request-field-added-required'
        ? `\`${field}\` is new and required: every request must now set it.`
        : code === 'optional-field-added'
          ? `\`${field}\` is a new optional field you may set.`
          : `\`${field}\` is a new field in responses.`;
    ctx.report({ code, pointer: childPointer(at.afterPointer, 'properties', name), field, message });
  }
  for (const name of Object.keys(b)) {
    if (!(name in a)) continue;
    const field = `${at.field}.${name}`;
    const next = child(at, ['properties', name], field);
    if (bRequired.has(name) && !aRequired.has(name)) {
      const code = pick('request-field-became-optional', 'response-field-became-optional', d);
      const message =
        code === 'request-field-became-optional'
          ? `\`${field}\` is now optional: you may leave it out.`
          : `\`${field}\` may now be missing from responses: check for undefined where you read it.`;
      ctx.report({ code, pointer: next.afterPointer, field, message });
    } else if (!bRequired.has(name) && aRequired.has(name)) {
      const code = pick('request-field-became-required', 'response-field-became-required', d);
      const message =
        code === 'request-field-became-required'
          ? `\`${field}\` is now required: every request must set it.`
          : `\`${field}\` is now always present in responses.`;
      ctx.report({ code, pointer: next.afterPointer, field, message });
    }
    diffSchema(ctx, b[name], a[name], next, visiting);
  }
}
