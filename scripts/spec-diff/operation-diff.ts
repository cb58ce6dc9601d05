import { isDeepStrictEqual } from 'node:util';
import {
  childPointer,
  deref,
  isObject,
  type JsonObject,
  listOperations,
  type OperationEntry,
  parameterKey,
} from './document.js';
import { diffSchema, type SchemaDiffContext, type SchemaFinding } from './schema-diff.js';
import type { ChangeCode, Direction, OperationRef } from './types.js';
import { operationRef } from './usage.js';

/** A finding at operation level, before classification. */
export interface OperationFinding {
  /** The rule that matched. */
  readonly code: ChangeCode;
  /** The operation (as named in the new document, or the old one if it is gone). */
  readonly operation: OperationRef;
  /** Pointer to the changed node. */
  readonly pointer: string;
  /** Readable field path, when the change is inside the operation. */
  readonly field?: string;
  /** Request or response, for schema changes. */
  readonly direction?: Direction;
  /** Actionable sentence. */
  readonly message: string;
  /** Old value. */
  readonly before?: unknown;
  /** New value. */
  readonly after?: unknown;
}

/** Shared state for the operation walk (the documents, names and rename bookkeeping of the schema walk). */
export type OperationDiffContext = Omit<SchemaDiffContext, 'direction' | 'report'>;

/** A readable label: `POST /path (operationId)`. */
export function operationLabel(ref: OperationRef): string {
  return `${ref.method} ${ref.path}${ref.operationId ? ` (${ref.operationId})` : ''}`;
}

function isSuccess(status: string): boolean {
  return /^2/.test(status);
}

/** Compares the operations of two documents: presence, names, parameters, bodies and responses. */
export function diffOperations(ctx: OperationDiffContext): OperationFinding[] {
  const findings: OperationFinding[] = [];
  const before = listOperations(ctx.before);
  const after = listOperations(ctx.after);
  const afterById = new Map([...after.values()].filter((e) => e.operationId).map((e) => [e.operationId, e]));
  for (const [key, entry] of before) {
    if (after.has(key)) continue;
    const moved = entry.operationId ? afterById.get(entry.operationId) : undefined;
    const ref = operationRef(entry);
    findings.push({
      code: 'operation-removed',
      operation: ref,
      pointer: entry.pointer,
      message: moved
        ? `The operation moved to ${moved.method.toUpperCase()} ${moved.path}: update calls to use the new path.`
        : 'The operation was removed: stop calling it.',
    });
  }
  for (const [key, entry] of after) {
    if (before.has(key)) continue;
    const ref = operationRef(entry);
    findings.push({
      code: 'operation-added',
      operation: ref,
      pointer: entry.pointer,
      message: `New operation${typeof entry.operation.summary === 'string' ? `: ${entry.operation.summary}` : ''}.`,
    });
  }
  for (const [key, old] of before) {
    const now = after.get(key);
    if (now) diffOperation(ctx, old, now, findings);
  }
  return findings;
}

function diffOperation(
  ctx: OperationDiffContext,
  old: OperationEntry,
  now: OperationEntry,
  out: OperationFinding[],
): void {
  const operation = operationRef(now);
  const push = (finding: Omit<OperationFinding, 'operation'>): void => {
    out.push({ operation, ...finding });
  };
  const schemaReporter =
    (direction: Direction) =>
    (finding: SchemaFinding): void => {
      push({ ...finding, direction });
    };
  if (old.operationId !== now.operationId) {
    push({
      code: 'operationId-renamed',
      pointer: childPointer(now.pointer, 'operationId'),
      message: `operationId ${old.operationId ?? '(none)'} is now ${now.operationId ?? '(none)'}; rename uses of operations["${old.operationId ?? ''}"] in your code.`,
      before: old.operationId,
      after: now.operationId,
    });
  }
  for (const keyword of ['summary', 'description'] as const) {
    if (old.operation[keyword] === now.operation[keyword]) continue;
    push({
      code: 'description-changed',
      pointer: childPointer(now.pointer, keyword),
      field: keyword,
      message: `The ${keyword} of ${operationLabel(operation)} changed.`,
      before: old.operation[keyword],
      after: now.operation[keyword],
    });
  }
  if (old.operation.deprecated !== true && now.operation.deprecated === true) {
    push({
      code: 'operation-deprecated',
      pointer: childPointer(now.pointer, 'deprecated'),
      message: `${operationLabel(operation)} is deprecated: plan to move off it.`,
    });
  }
  for (const [keyword, code] of [
    ['tags', 'tags-changed'],
    ['security', 'security-changed'],
  ] as const) {
    if (isDeepStrictEqual(old.operation[keyword], now.operation[keyword])) continue;
    push({
      code,
      pointer: childPointer(now.pointer, keyword),
      field: keyword,
      message: `The ${keyword} of ${operationLabel(operation)} changed.`,
      before: old.operation[keyword],
      after: now.operation[keyword],
    });
  }
  diffParameters(ctx, old, now, push, schemaReporter('request'));
  diffRequestBody(ctx, old, now, push, schemaReporter('request'));
  diffResponses(ctx, old, now, push, schemaReporter('response'));
}

type Push = (finding: Omit<OperationFinding, 'operation'>) => void;

function parametersByKey(
  doc: unknown,
  entry: OperationEntry,
): Map<string, { node: JsonObject; pointer: string }> {
  const result = new Map<string, { node: JsonObject; pointer: string }>();
  const own = Array.isArray(entry.operation.parameters) ? entry.operation.parameters : [];
  for (const parameter of entry.parameters) {
    const node = deref(doc, parameter);
    if (!node) continue;
    const index = own.indexOf(parameter);
    const pointer = index >= 0 ? childPointer(entry.pointer, 'parameters', String(index)) : entry.pointer;
    result.set(parameterKey(node), { node, pointer });
  }
  return result;
}

function diffParameters(
  ctx: OperationDiffContext,
  old: OperationEntry,
  now: OperationEntry,
  push: Push,
  report: (finding: SchemaFinding) => void,
): void {
  const b = parametersByKey(ctx.before, old);
  const a = parametersByKey(ctx.after, now);
  for (const [key, { node, pointer }] of b) {
    if (a.has(key)) continue;
    const field = `${String(node.in)}.${String(node.name)}`;
    push({
      code: 'parameter-removed',
      pointer,
      field,
      message: `The ${node.in} parameter \`${node.name}\` was removed: stop passing it.`,
    });
  }
  for (const [key, { node, pointer }] of a) {
    if (b.has(key)) continue;
    const field = `${String(node.in)}.${String(node.name)}`;
    const required = node.required === true;
    push({
      code: required ? 'parameter-added-required' : 'parameter-added',
      pointer,
      field,
      message: required
        ? `The ${node.in} parameter \`${node.name}\` is new and required: every call must pass it.`
        : `New optional ${node.in} parameter \`${node.name}\`.`,
    });
  }
  for (const [key, { node: oldNode, pointer: oldPointer }] of b) {
    const found = a.get(key);
    if (!found) continue;
    const { node: newNode, pointer } = found;
    const field = `${String(newNode.in)}.${String(newNode.name)}`;
    if (oldNode.required !== true && newNode.required === true) {
      push({
        code: 'parameter-became-required',
        pointer,
        field,
        message: `The ${newNode.in} parameter \`${newNode.name}\` is now required: every call must pass it.`,
      });
    } else if (oldNode.required === true && newNode.required !== true) {
      push({
        code: 'parameter-became-optional',
        pointer,
        field,
        message: `The ${newNode.in} parameter \`${newNode.name}\` is now optional.`,
      });
    }
    for (const [keyword, code] of [
      ['description', 'description-changed'],
      ['example', 'example-changed'],
      ['deprecated', 'deprecated-changed'],
    ] as const) {
      if (isDeepStrictEqual(oldNode[keyword], newNode[keyword])) continue;
      push({
        code,
        pointer,
        field,
        message: `The ${keyword} of the ${newNode.in} parameter \`${newNode.name}\` changed.`,
        before: oldNode[keyword],
        after: newNode[keyword],
      });
    }
    const sctx: SchemaDiffContext = { ...ctx, direction: 'request', report };
    diffSchema(sctx, oldNode.schema, newNode.schema, {
      beforePointer: childPointer(oldPointer, 'schema'),
      afterPointer: childPointer(pointer, 'schema'),
      field,
    });
  }
}

function contentOf(node: JsonObject | undefined): JsonObject {
  return node && isObject(node.content) ? node.content : {};
}

function diffContent(
  ctx: OperationDiffContext,
  direction: Direction,
  before: JsonObject,
  after: JsonObject,
  where: { beforePointer: string; afterPointer: string; field: string; label: string },
  push: Push,
  report: (finding: SchemaFinding) => void,
): void {
  const b = contentOf(before);
  const a = contentOf(after);
  const removedCode: ChangeCode = direction === 'request' ? 'request-body-changed' : 'response-body-changed';
  const addedCode: ChangeCode =
    direction === 'request' ? 'request-media-type-added' : 'response-media-type-added';
  const added = Object.keys(a).filter((m) => !(m in b));
  for (const media of Object.keys(b)) {
    if (media in a) continue;
    const instead = added.length > 0 ? ` (now ${added.join(', ')})` : '';
    push({
      code: removedCode,
      pointer: childPointer(where.beforePointer, 'content', media),
      field: where.field,
      direction,
      message:
        direction === 'request'
          ? `${where.label} no longer accepts ${media}${instead}: change how you send it.`
          : `${where.label} no longer returns ${media}${instead}: change how you read it.`,
    });
  }
  for (const media of added) {
    push({
      code: addedCode,
      pointer: childPointer(where.afterPointer, 'content', media),
      field: where.field,
      direction,
      message: `${where.label} now also ${direction === 'request' ? 'accepts' : 'returns'} ${media}.`,
    });
  }
  const common = Object.keys(b).filter((m) => m in a);
  for (const media of common) {
    const bm = isObject(b[media]) ? b[media] : {};
    const am = isObject(a[media]) ? a[media] : {};
    const field = common.length > 1 ? `${where.field}(${media})` : where.field;
    const beforePointer = childPointer(where.beforePointer, 'content', media);
    const afterPointer = childPointer(where.afterPointer, 'content', media);
    for (const keyword of ['example', 'examples'] as const) {
      if (isDeepStrictEqual(bm[keyword], am[keyword])) continue;
      push({
        code: 'example-changed',
        pointer: childPointer(afterPointer, keyword),
        field,
        direction,
        message: `The example of ${where.label} changed.`,
      });
    }
    const sctx: SchemaDiffContext = { ...ctx, direction, report };
    diffSchema(sctx, bm.schema, am.schema, {
      beforePointer: childPointer(beforePointer, 'schema'),
      afterPointer: childPointer(afterPointer, 'schema'),
      field,
    });
  }
}

function diffRequestBody(
  ctx: OperationDiffContext,
  old: OperationEntry,
  now: OperationEntry,
  push: Push,
  report: (finding: SchemaFinding) => void,
): void {
  const b = deref(ctx.before, old.operation.requestBody);
  const a = deref(ctx.after, now.operation.requestBody);
  const pointer = childPointer(now.pointer, 'requestBody');
  const label = `The request body of ${operationLabel(operationRef(now))}`;
  if (!b && !a) return;
  if (b && !a) {
    push({
      code: 'request-body-removed',
      pointer: childPointer(old.pointer, 'requestBody'),
      field: 'requestBody',
      message: `${label} was removed: stop sending one.`,
    });
    return;
  }
  if (!b && a) {
    const required = a.required === true;
    push({
      code: required ? 'request-body-became-required' : 'request-body-added',
      pointer,
      field: 'requestBody',
      message: required
        ? `${label} is new and required: every call must send one.`
        : `${label} is new and optional.`,
    });
    return;
  }
  if (!b || !a) return;
  if (b.required !== true && a.required === true) {
    push({
      code: 'request-body-became-required',
      pointer,
      field: 'requestBody',
      message: `${label} is now required: every call must send one.`,
    });
  } else if (b.required === true && a.required !== true) {
    push({
      code: 'request-body-became-optional',
      pointer,
      field: 'requestBody',
      message: `${label} is now optional.`,
    });
  }
  if (b.description !== a.description) {
    push({
      code: 'description-changed',
      pointer,
      field: 'requestBody',
      message: `The description of ${label.toLowerCase()} changed.`,
      before: b.description,
      after: a.description,
    });
  }
  const where = {
    beforePointer: childPointer(old.pointer, 'requestBody'),
    afterPointer: pointer,
    field: 'requestBody',
    label,
  };
  diffContent(ctx, 'request', b, a, where, push, report);
}

function diffResponses(
  ctx: OperationDiffContext,
  old: OperationEntry,
  now: OperationEntry,
  push: Push,
  report: (finding: SchemaFinding) => void,
): void {
  const b = isObject(old.operation.responses) ? old.operation.responses : {};
  const a = isObject(now.operation.responses) ? now.operation.responses : {};
  const label = operationLabel(operationRef(now));
  for (const status of Object.keys(b)) {
    if (status in a) continue;
    const success = isSuccess(status);
    push({
      code: success ? 'success-response-removed' : 'error-response-removed',
      pointer: childPointer(old.pointer, 'responses', status),
      field: `response ${status}`,
      message: success
        ? `${label} no longer answers ${status}: update code that handles it.`
        : `${label} no longer documents a ${status} response.`,
    });
  }
  for (const status of Object.keys(a)) {
    if (status in b) continue;
    const success = isSuccess(status);
    push({
      code: success ? 'success-response-added' : 'error-response-added',
      pointer: childPointer(now.pointer, 'responses', status),
      field: `response ${status}`,
      message: success
        ? `${label} may now answer ${status}.`
        : `${label} now documents a ${status} response.`,
    });
  }
  for (const status of Object.keys(b)) {
    if (!(status in a)) continue;
    const br = deref(ctx.before, b[status]) ?? {};
    const ar = deref(ctx.after, a[status]) ?? {};
    const field = `response ${status}`;
    const beforePointer = childPointer(old.pointer, 'responses', status);
    const afterPointer = childPointer(now.pointer, 'responses', status);
    if (br.description !== ar.description) {
      push({
        code: 'description-changed',
        pointer: afterPointer,
        field,
        message: `The description of the ${status} response of ${label} changed.`,
        before: br.description,
        after: ar.description,
      });
    }
    const bh = isObject(br.headers) ? br.headers : {};
    const ah = isObject(ar.headers) ? ar.headers : {};
    for (const header of Object.keys(bh)) {
      if (header in ah) continue;
      push({
        code: 'response-header-removed',
        pointer: childPointer(beforePointer, 'headers', header),
        field: `${field} header ${header}`,
        message: `The ${status} response of ${label} no longer documents the header ${header}.`,
      });
    }
    for (const header of Object.keys(ah)) {
      if (header in bh) continue;
      push({
        code: 'response-header-added',
        pointer: childPointer(afterPointer, 'headers', header),
        field: `${field} header ${header}`,
        message: `The ${status} response of ${label} now documents the header ${header}.`,
      });
    }
    const where = { beforePointer, afterPointer, field, label: `The ${status} response of ${label}` };
    diffContent(ctx, 'response', br, ar, where, push, report);
  }
}
