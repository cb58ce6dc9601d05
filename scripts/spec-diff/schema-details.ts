import { isDeepStrictEqual } from 'node:util';
import type { JsonObject } from './document.js';
import type { SchemaDiffContext, SchemaPosition } from './schema-diff.js';
import { describeTypes, shapeOf, typeRelation, valueInBoth } from './shape.js';
import type { ChangeCode } from './types.js';

const CONSTRAINTS = [
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'multipleOf',
] as const;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? 'nothing' : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Descriptions, examples, defaults, formats, constraints: documentation-level and validation details. */
export function diffAnnotations(
  ctx: SchemaDiffContext,
  before: JsonObject,
  after: JsonObject,
  at: SchemaPosition,
): void {
  const pointer = at.afterPointer;
  const field = at.field;
  const simple: ReadonlyArray<[string, ChangeCode, string]> = [
    ['description', 'description-changed', `The description of \`${field}\` changed.`],
    ['example', 'example-changed', `The example of \`${field}\` changed.`],
    [
      'default',
      'default-changed',
      `The default of \`${field}\` changed; callers who omit it get the new default.`,
    ],
    ['deprecated', 'deprecated-changed', `\`${field}\` changed its deprecation mark.`],
    ['format', 'format-changed', `The format of \`${field}\` changed.`],
  ];
  for (const [keyword, code, message] of simple) {
    if (isDeepStrictEqual(before[keyword], after[keyword])) continue;
    ctx.report({ code, pointer, field, message, before: before[keyword], after: after[keyword] });
  }
  for (const keyword of CONSTRAINTS) {
    if (isDeepStrictEqual(before[keyword], after[keyword])) continue;
    const message = `\`${field}\`: ${keyword} ${show(before[keyword])} -> ${show(after[keyword])}.`;
    ctx.report({
      code: 'constraint-changed',
      pointer,
      field,
      message,
      before: before[keyword],
      after: after[keyword],
    });
  }
}

/** Types, nullability, enum values and generated enum member names. */
export function diffShape(
  ctx: SchemaDiffContext,
  before: JsonObject,
  after: JsonObject,
  at: SchemaPosition,
): void {
  const b = shapeOf(ctx.before, before);
  const a = shapeOf(ctx.after, after);
  const field = at.field;
  const pointer = at.afterPointer;
  const relation = typeRelation(b, a);
  if (relation !== 'same') {
    const from = describeTypes(b);
    const to = describeTypes(a);
    const sends = ctx.direction !== 'response';
    const reads = ctx.direction !== 'request';
    const messages = {
      changed: `\`${field}\` changed type from ${from} to ${to}: update code that ${sends && reads ? 'sends or reads' : sends ? 'sends' : 'reads'} it.`,
      narrowed: sends
        ? `\`${field}\` now only accepts ${to} (was ${from}): values outside it no longer type-check.`
        : `\`${field}\` is now typed more precisely as ${to} (was ${from}).`,
      widened: reads
        ? `\`${field}\` may now be ${to} (was ${from}): handle the new possibilities where you read it.`
        : `\`${field}\` now also accepts ${to} (was ${from}).`,
    } as const;
    const code =
      relation === 'changed' ? 'type-changed' : relation === 'narrowed' ? 'type-narrowed' : 'type-widened';
    ctx.report({ code, pointer, field, message: messages[relation], before: from, after: to });
  }
  if (b.values && a.values) {
    for (const [key, value] of b.values) {
      if (a.values.has(key) || !valueInBoth(value, b, a)) continue;
      ctx.report({
        code: 'enum-value-removed',
        pointer: at.beforePointer,
        field,
        message: `\`${field}\` no longer has the value ${key}: stop ${ctx.direction === 'response' ? 'expecting' : 'sending'} it.`,
        before: value,
      });
    }
    for (const [key, value] of a.values) {
      if (b.values.has(key) || !valueInBoth(value, b, a)) continue;
      ctx.report({
        code: 'enum-value-added',
        pointer,
        field,
        message: `\`${field}\` has a new value ${key}${ctx.direction === 'request' ? '' : ': handle it where you read this field'}.`,
        after: value,
      });
    }
  } else if (relation === 'same' && b.values && !a.values) {
    const message = `\`${field}\` is no longer limited to a fixed set of values${ctx.direction === 'request' ? '' : ': handle any value where you read it'}.`;
    ctx.report({ code: 'type-widened', pointer, field, message, before: 'enum', after: describeTypes(a) });
  } else if (relation === 'same' && !b.values && a.values) {
    const values = [...a.values.keys()].join(', ');
    const message = `\`${field}\` is now limited to ${values}.`;
    ctx.report({ code: 'type-narrowed', pointer, field, message, before: describeTypes(b), after: 'enum' });
  }
  for (const [key, name] of b.names) {
    const now = a.names.get(key);
    if (now === undefined || now === name) continue;
    ctx.report({
      code: 'generated-name-changed',
      pointer,
      field,
      message: `The generated enum member for ${key} in \`${field}\` is renamed from ${name} to ${now}: rename its uses.`,
      before: name,
      after: now,
    });
  }
}
