import { deref, isObject } from './document.js';

/** The set of JSON types a schema admits plus, when it is an enum, the exact values and their generated names. */
export interface Shape {
  /** JSON types (`string`, `integer`, `number`, `boolean`, `object`, `array`, `null`); undefined = anything. */
  readonly types: ReadonlySet<string> | undefined;
  /** Enum values keyed by their JSON text; undefined when the schema is not a closed enum. */
  readonly values: ReadonlyMap<string, unknown> | undefined;
  /** `x-enum-varnames` (names used for generated enum members) keyed by the value's JSON text. */
  readonly names: ReadonlyMap<string, string>;
}

const ANY: Shape = { types: undefined, values: undefined, names: new Map() };

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function union(shapes: readonly Shape[]): Shape {
  const types = new Set<string>();
  const values = new Map<string, unknown>();
  const names = new Map<string, string>();
  let open = false;
  let closed = true;
  for (const shape of shapes) {
    if (shape.types === undefined) open = true;
    else for (const t of shape.types) types.add(t);
    if (shape.values === undefined) closed = false;
    else for (const [k, v] of shape.values) values.set(k, v);
    for (const [k, v] of shape.names) names.set(k, v);
  }
  return { types: open ? undefined : types, values: closed ? values : undefined, names };
}

/** Computes the shape of a schema (following `$ref`s, unions and `nullable`). */
export function shapeOf(doc: unknown, node: unknown, depth = 0): Shape {
  const schema = deref(doc, node);
  if (!schema || depth > 16) return ANY;
  const alternatives = Array.isArray(schema.oneOf)
    ? schema.oneOf
    : Array.isArray(schema.anyOf)
      ? schema.anyOf
      : undefined;
  let shape: Shape;
  if (alternatives) {
    shape = union(alternatives.map((alt) => shapeOf(doc, alt, depth + 1)));
  } else if (Array.isArray(schema.allOf)) {
    const typed = schema.allOf.map((m) => shapeOf(doc, m, depth + 1)).filter((s) => s.types !== undefined);
    shape = typed[0] ?? { ...ANY, types: new Set(['object']) };
  } else {
    const values = Array.isArray(schema.enum)
      ? new Map(schema.enum.map((v) => [JSON.stringify(v), v]))
      : undefined;
    const names = new Map<string, string>();
    const varnames = schema['x-enum-varnames'];
    if (Array.isArray(schema.enum) && Array.isArray(varnames)) {
      schema.enum.forEach((v, i) => {
        if (typeof varnames[i] === 'string') names.set(JSON.stringify(v), varnames[i]);
      });
    }
    let types: Set<string> | undefined;
    if (typeof schema.type === 'string') types = new Set([schema.type]);
    else if (values) types = new Set([...values.values()].map(jsonType));
    else if (isObject(schema.properties) || isObject(schema.additionalProperties))
      types = new Set(['object']);
    else if (schema.items !== undefined) types = new Set(['array']);
    shape = { types, values, names };
  }
  if (schema.nullable === true && shape.types !== undefined) {
    shape = { ...shape, types: new Set([...shape.types, 'null']) };
  }
  return shape;
}

function covers(types: ReadonlySet<string> | undefined, t: string): boolean {
  if (types === undefined) return true;
  return types.has(t) || (t === 'integer' && types.has('number'));
}

function subset(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
  if (b === undefined) return true;
  if (a === undefined) return false;
  return [...a].every((t) => covers(b, t));
}

/** How the set of admitted types moved: same, fewer (narrowed), more (widened) or otherwise (changed). */
export type Relation = 'same' | 'narrowed' | 'widened' | 'changed';

/** Compares the type sets of two shapes. */
export function typeRelation(before: Shape, after: Shape): Relation {
  const inBefore = subset(after.types, before.types);
  const inAfter = subset(before.types, after.types);
  if (inBefore && inAfter) return 'same';
  if (inBefore) return 'narrowed';
  if (inAfter) return 'widened';
  return 'changed';
}

/** A readable type such as `string | null`, or `any`. */
export function describeTypes(shape: Shape): string {
  if (shape.types === undefined) return 'any';
  return [...shape.types]
    .sort((a, b) => (a === 'null' ? 1 : b === 'null' ? -1 : a.localeCompare(b)))
    .join(' | ');
}

/** True when the value's JSON type is admitted by both shapes (so comparing it as an enum value makes sense). */
export function valueInBoth(value: unknown, before: Shape, after: Shape): boolean {
  const t = jsonType(value);
  return covers(before.types, t) && covers(after.types, t);
}
