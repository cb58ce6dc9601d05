import { isDeepStrictEqual } from 'node:util';
import { childPointer, deref, type JsonObject, type OperationEntry, parameterKey } from './document.js';
import type { OperationDiffContext, Push } from './operation-finding.js';
import { diffSchema, type SchemaDiffContext, type SchemaFinding } from './schema-diff.js';

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

/** Parameters removed, added, made required or optional, and their schemas (callers send them). */
export function diffParameters(
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
