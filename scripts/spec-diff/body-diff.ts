import { isDeepStrictEqual } from 'node:util';
import { childPointer, deref, isObject, type JsonObject, type OperationEntry } from './document.js';
import { type OperationDiffContext, operationLabel, type Push } from './operation-finding.js';
import { diffSchema, type SchemaDiffContext, type SchemaFinding } from './schema-diff.js';
import type { ChangeCode, Direction } from './types.js';
import { operationRef } from './usage.js';

function isSuccess(status: string): boolean {
  return /^2/.test(status);
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

/** The request body: added, removed, made required or optional, its media types and schemas. */
export function diffRequestBody(
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

/** Responses per status code: added, removed, their headers, media types and schemas (callers read them). */
export function diffResponses(
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
