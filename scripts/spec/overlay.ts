import { JSONPath } from 'jsonpath-plus';

/** One action of an OpenAPI Overlay 1.0 document. */
export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
}

/** An OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0). */
export interface Overlay {
  overlay: string;
  info: { title: string; version: string };
  actions: OverlayAction[];
}

/** An overlay action whose target matched nothing in the document it was applied to. */
export interface UnappliedAction {
  index: number;
  target: string;
  description: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Merges `update` into `target` the way Overlay 1.0 describes: objects merge recursively, arrays are
 * appended to (without repeating a primitive already present), anything else is replaced.
 */
export function mergeInto(target: Json, update: Json): void {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (isObject(current) && isObject(value)) mergeInto(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) appendAll(current, value);
    else target[key] = structuredClone(value);
  }
}

function appendAll(target: unknown[], values: unknown[]): void {
  for (const value of values) {
    if (isObject(value) || Array.isArray(value) || !target.includes(value))
      target.push(structuredClone(value));
  }
}

/**
 * Applies an overlay's actions in order to `doc` (mutated). Every action must match at least one node:
 * the ones that match nothing are returned, so a correction that no longer applies is never silently lost.
 */
export function applyOverlay(doc: Json, overlay: Overlay): UnappliedAction[] {
  if (!overlay || typeof overlay.overlay !== 'string' || !Array.isArray(overlay.actions)) {
    throw new Error('not an OpenAPI Overlay document: it needs `overlay` (version) and `actions`');
  }
  const unapplied: UnappliedAction[] = [];
  overlay.actions.forEach((action, index) => {
    const matches = JSONPath({ path: action.target, json: doc, resultType: 'all' }) as Array<{
      value: unknown;
      parent: unknown;
      parentProperty: string | number;
    }>;
    if (matches.length === 0) {
      unapplied.push({ index, target: action.target, description: action.description ?? '(no description)' });
      return;
    }
    if (action.remove) {
      // Remove from the end so array indexes of the remaining matches stay valid.
      for (const match of [...matches].reverse()) {
        if (Array.isArray(match.parent)) match.parent.splice(Number(match.parentProperty), 1);
        else if (isObject(match.parent)) delete match.parent[String(match.parentProperty)];
      }
      return;
    }
    for (const match of matches) {
      if (Array.isArray(match.value)) {
        appendAll(match.value, Array.isArray(action.update) ? action.update : [action.update]);
      } else if (isObject(match.value) && isObject(action.update)) {
        mergeInto(match.value, action.update);
      } else {
        throw new Error(`overlay action #${index} (${action.target}): can only update objects and arrays`);
      }
    }
  });
  return unapplied;
}
