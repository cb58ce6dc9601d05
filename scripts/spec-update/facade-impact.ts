import type { Change, ChangeKind } from '../spec-diff/index.js';
import { closure } from '../spec-diff/usage.js';
import type { FacadeFunction, FacadeUsage } from './facade.js';

/** A change of the curated spec and the facade functions it is under. */
export interface FacadeChange {
  readonly change: Change;
  /** Facade functions whose operations or mapped schemas the change is in (methods forwarding to one are left out). */
  readonly functions: readonly string[];
}

/** What a spec change means for the facade. */
export interface FacadeImpact {
  /** The changes under at least one facade function. */
  readonly changes: readonly FacadeChange[];
  /** The most severe kind among them (undefined: the facade wraps nothing that changed). */
  readonly kind: ChangeKind | undefined;
  /** Every facade function touched, methods included, sorted. */
  readonly functions: readonly string[];
}

const SEVERITY: Readonly<Record<ChangeKind, number>> = { breaking: 3, feature: 2, fix: 1 };

/** `getPerson` and its method `ds.people.get` as one name, for Markdown: `` `getPerson` (`ds.people.get`) ``. */
export function displayNames(names: readonly string[], usage: FacadeUsage): string[] {
  const byName = new Map(usage.functions.map((f) => [f.name, f]));
  const shown = new Set(names);
  const methodsOf = new Map<string, string[]>();
  for (const name of names) {
    const target = byName.get(name)?.forwardsTo;
    if (target && shown.has(target)) methodsOf.set(target, [...(methodsOf.get(target) ?? []), name]);
  }
  return names
    .filter((name) => {
      const target = byName.get(name)?.forwardsTo;
      return !(target && shown.has(target));
    })
    .map((name) => {
      // ds.* first, then the other names of the same function (deprecated aliases).
      const methods = methodsOf
        .get(name)
        ?.sort((a, b) => Number(!a.startsWith('ds.')) - Number(!b.startsWith('ds.')));
      return methods ? `\`${name}\` (${methods.map((m) => `\`${m}\``).join(', ')})` : `\`${name}\``;
    });
}

/**
 * Which facade functions each change is under: a change of an operation the function sends (matched by method and
 * path, or operationId), a schema change reaching such an operation's request or response, or a change in a
 * schema the function's mappers name, or in any schema those reach through `$ref` (in the old or new document).
 */
export function facadeImpact(
  changes: readonly Change[],
  usage: FacadeUsage,
  documents: readonly unknown[],
): FacadeImpact {
  const operationKeys = new Map(
    usage.operations.map((o) => [o.operationId, [`${o.method} ${o.path}`, o.operationId]] as const),
  );
  const keysOf = (f: FacadeFunction) => new Set(f.operations.flatMap((id) => operationKeys.get(id) ?? [id]));
  const schemasOf = (f: FacadeFunction) => {
    const all = new Set<string>();
    for (const doc of documents) for (const name of closure(doc, new Set(f.schemas))) all.add(name);
    return all;
  };
  const functions = usage.functions.map((f) => ({ f, keys: keysOf(f), schemas: schemasOf(f) }));
  const result: FacadeChange[] = [];
  for (const change of changes) {
    const { operation, schema } = change.location;
    const touched = functions.filter(({ keys, schemas }) => {
      const ops = [...(operation ? [operation] : []), ...(change.affects ?? [])];
      if (ops.some((o) => keys.has(`${o.method} ${o.path}`) || (o.operationId && keys.has(o.operationId))))
        return true;
      return schema !== undefined && schemas.has(schema);
    });
    if (touched.length > 0) result.push({ change, functions: touched.map(({ f }) => f.name).sort() });
  }
  const kind = result.reduce<ChangeKind | undefined>(
    (worst, { change }) => (worst && SEVERITY[worst] >= SEVERITY[change.kind] ? worst : change.kind),
    undefined,
  );
  return {
    changes: result,
    kind,
    functions: [...new Set(result.flatMap((c) => c.functions))].sort(),
  };
}
