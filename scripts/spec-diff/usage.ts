import {
  componentSchemas,
  deref,
  isObject,
  listOperations,
  type OperationEntry,
  schemaRefName,
} from './document.js';
import type { Direction, OperationRef } from './types.js';

/** Which operations use a component schema, and in which direction. */
export interface SchemaUsage {
  /** Operations that send the schema (parameters, request bodies). */
  readonly request: Map<string, OperationRef>;
  /** Operations that receive the schema (responses). */
  readonly response: Map<string, OperationRef>;
}

/** The operation as a report names it. */
export function operationRef(entry: OperationEntry): OperationRef {
  return {
    method: entry.method.toUpperCase(),
    path: entry.path,
    ...(entry.operationId === undefined ? {} : { operationId: entry.operationId }),
  };
}

/** Collects the component schema names referenced anywhere inside `node` (not following them). */
function directRefs(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) directRefs(item, into);
    return;
  }
  if (!isObject(node)) return;
  const name = schemaRefName(node);
  if (name !== undefined) into.add(name);
  for (const value of Object.values(node)) directRefs(value, into);
}

/** Expands a set of schema names to everything they reach through other component schemas. */
export function closure(doc: unknown, roots: Set<string>): Set<string> {
  const schemas = componentSchemas(doc);
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const next = new Set<string>();
    directRefs(schemas[name], next);
    queue.push(...next);
  }
  return seen;
}

/** What an operation sends: its parameters and request body, with `$ref`ed parameters and bodies resolved. */
function requestParts(doc: unknown, entry: OperationEntry): unknown[] {
  return [...entry.parameters.map((p) => deref(doc, p)), deref(doc, entry.operation.requestBody)];
}

/** What an operation receives: its responses, with `$ref`ed responses resolved. */
function responseParts(doc: unknown, entry: OperationEntry): unknown[] {
  const responses = isObject(entry.operation.responses) ? entry.operation.responses : {};
  return Object.values(responses).map((r) => deref(doc, r));
}

/** Computes, for every component schema, the operations that use it per direction (transitively). */
export function schemaUsage(doc: unknown): Map<string, SchemaUsage> {
  const usage = new Map<string, SchemaUsage>();
  const entryFor = (name: string): SchemaUsage => {
    let found = usage.get(name);
    if (!found) {
      found = { request: new Map(), response: new Map() };
      usage.set(name, found);
    }
    return found;
  };
  for (const [key, entry] of listOperations(doc)) {
    const ref = operationRef(entry);
    for (const [direction, parts] of [
      ['request', requestParts(doc, entry)],
      ['response', responseParts(doc, entry)],
    ] as const) {
      const roots = new Set<string>();
      directRefs(parts, roots);
      for (const name of closure(doc, roots)) entryFor(name)[direction].set(key, ref);
    }
  }
  return usage;
}

/** Merges the usage of one schema in the old and new documents into a direction and a list of operations. */
export function combinedUsage(
  name: string,
  ...usages: ReadonlyArray<Map<string, SchemaUsage>>
): { direction: Direction; affects: OperationRef[] } {
  const request = new Map<string, OperationRef>();
  const response = new Map<string, OperationRef>();
  for (const usage of usages) {
    const found = usage.get(name);
    if (!found) continue;
    for (const [key, ref] of found.request) if (!request.has(key)) request.set(key, ref);
    for (const [key, ref] of found.response) if (!response.has(key)) response.set(key, ref);
  }
  const direction: Direction =
    request.size > 0 && response.size === 0
      ? 'request'
      : response.size > 0 && request.size === 0
        ? 'response'
        : 'both';
  const all = new Map([...request, ...response]);
  const order = (ref: OperationRef): string => `${ref.path} ${ref.method}`;
  const affects = [...all.values()].sort((a, b) => order(a).localeCompare(order(b)));
  return { direction, affects };
}
