import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Json = Record<string, any>;

/** The curated spec as shipped by the built package. */
export const spec: Json = JSON.parse(
  readFileSync(require.resolve('@docspace-people/client/openapi.json'), 'utf8'),
);

/** Every operationId of the curated spec. */
export function operationIds(): string[] {
  const ids: string[] = [];
  for (const item of Object.values<Json>(spec.paths)) {
    for (const operation of Object.values<Json>(item)) ids.push(operation.operationId);
  }
  return ids.sort();
}

/** The value of a named component example, e.g. `example('Person')`. */
export function example(name: string): unknown {
  const found = spec.components.examples[name];
  if (!found) throw new Error(`no example ${name} in the curated spec`);
  return found.value;
}

/** The example Prism serves first for an operation's 200 response (the first one listed). */
export function firstSuccessExample(operationId: string): unknown {
  for (const item of Object.values<Json>(spec.paths)) {
    for (const operation of Object.values<Json>(item)) {
      if (operation.operationId !== operationId) continue;
      const examples = operation.responses['200'].content['application/json'].examples;
      const ref: string = (Object.values(examples)[0] as Json).$ref;
      return example(ref.split('/').pop() as string);
    }
  }
  throw new Error(`no operation ${operationId}`);
}
