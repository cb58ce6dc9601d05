/** A JSON object as found in an OpenAPI document. */
export type JsonObject = Record<string, unknown>;

/** True for plain JSON objects (not arrays, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The HTTP methods an OpenAPI 3.0 path item can hold, in report order. */
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const SCHEMA_REF = '#/components/schemas/';

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** Builds a JSON pointer (`#/a/b`) from raw segments. */
export function pointer(...segments: readonly string[]): string {
  return `#/${segments.map(escapePointer).join('/')}`;
}

/** Appends raw segments to an existing pointer. */
export function childPointer(base: string, ...segments: readonly string[]): string {
  return `${base}/${segments.map(escapePointer).join('/')}`;
}

/** The component schema name a `$ref` points to, or undefined for other references. */
export function schemaRefName(node: unknown): string | undefined {
  if (!isObject(node) || typeof node.$ref !== 'string') return undefined;
  return node.$ref.startsWith(SCHEMA_REF)
    ? decodeURIComponent(node.$ref.slice(SCHEMA_REF.length))
    : undefined;
}

/** Follows a local `$ref` (`#/...`) inside `doc`; undefined when it points nowhere. */
export function lookupRef(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Resolves a node that may be a `$ref` (also chains of them) to the object it points to. */
export function deref(doc: unknown, node: unknown): JsonObject | undefined {
  let current = node;
  for (let hops = 0; hops < 32 && isObject(current) && typeof current.$ref === 'string'; hops++) {
    current = lookupRef(doc, current.$ref);
  }
  return isObject(current) ? current : undefined;
}

/** The component schemas of a document (empty when it has none). */
export function componentSchemas(doc: unknown): JsonObject {
  const components = isObject(doc) ? doc.components : undefined;
  const schemas = isObject(components) ? components.schemas : undefined;
  return isObject(schemas) ? schemas : {};
}

/** One operation of a document, with its path-level parameters merged in. */
export interface OperationEntry {
  /** Lower-case method as in the document. */
  readonly method: string;
  /** Path template. */
  readonly path: string;
  /** The operationId, if any. */
  readonly operationId?: string;
  /** The operation object. */
  readonly operation: JsonObject;
  /** Path-level and operation-level parameters (operation-level wins), not dereferenced. */
  readonly parameters: readonly unknown[];
  /** Pointer to the operation object. */
  readonly pointer: string;
}

/** Lists every operation of a document, keyed by `METHOD path`. */
export function listOperations(doc: unknown): Map<string, OperationEntry> {
  const result = new Map<string, OperationEntry>();
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const own = Array.isArray(operation.parameters) ? operation.parameters : [];
      const byKey = new Map<string, unknown>();
      for (const parameter of [...shared, ...own]) {
        const resolved = deref(doc, parameter);
        byKey.set(resolved ? parameterKey(resolved) : String(byKey.size), parameter);
      }
      const operationId = typeof operation.operationId === 'string' ? operation.operationId : undefined;
      result.set(operationKey(method, path), {
        method,
        path,
        ...(operationId === undefined ? {} : { operationId }),
        operation,
        parameters: [...byKey.values()],
        pointer: pointer('paths', path, method),
      });
    }
  }
  return result;
}

/** The key of an operation: `GET /path`. */
export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** The key of a parameter: `in:name` (header names compare case-insensitively). */
export function parameterKey(parameter: JsonObject): string {
  const where = String(parameter.in);
  const name = String(parameter.name);
  return `${where}:${where === 'header' ? name.toLowerCase() : name}`;
}
