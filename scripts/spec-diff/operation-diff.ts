import { isDeepStrictEqual } from 'node:util';
import { diffRequestBody, diffResponses } from './body-diff.js';
import { childPointer, listOperations, type OperationEntry } from './document.js';
import {
  type OperationDiffContext,
  type OperationFinding,
  operationLabel,
  type Push,
} from './operation-finding.js';
import { diffParameters } from './parameter-diff.js';
import type { SchemaFinding } from './schema-diff.js';
import type { Direction } from './types.js';
import { operationRef } from './usage.js';

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
  const push: Push = (finding) => {
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
