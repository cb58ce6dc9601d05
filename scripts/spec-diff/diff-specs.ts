import { classify } from './classify.js';
import { componentSchemas, pointer } from './document.js';
import { diffOperations } from './operation-diff.js';
import type { OperationFinding } from './operation-finding.js';
import { diffSchema, type SchemaDiffContext, type SchemaFinding } from './schema-diff.js';
import type { Change, ChangeKind } from './types.js';
import { combinedUsage, schemaUsage } from './usage.js';

const ORDER: Readonly<Record<ChangeKind, number>> = { breaking: 0, feature: 1, fix: 2 };

function fromOperation(finding: OperationFinding): Change {
  const { code, operation, pointer: at, field, direction, message, before, after } = finding;
  return {
    kind: classify(code, direction),
    code,
    location: { operation, pointer: at, ...(field === undefined ? {} : { field }) },
    ...(direction === undefined ? {} : { direction }),
    message,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
  };
}

function sortKey(change: Change): string {
  const where = change.location.operation
    ? `${change.location.operation.path} ${change.location.operation.method}`
    : `~${change.location.schema ?? ''}`;
  return `${ORDER[change.kind]} ${where} ${change.location.field ?? ''} ${change.code} ${change.location.pointer}`;
}

/**
 * Compares two OpenAPI 3.0 documents and classifies every difference for consumers of the code generated
 * from them. `$ref`s are resolved within each document; each component schema is compared once and its
 * changes list the operations that use it. Renamed operationIds and component schemas are reported as renames
 * (a generated name changed) rather than as unrelated removals and additions. Pure: reads its inputs only.
 */
export function diffSpecs(before: unknown, after: unknown): Change[] {
  const beforeSchemas = componentSchemas(before);
  const afterSchemas = componentSchemas(after);
  const beforeNames = new Set(Object.keys(beforeSchemas));
  const afterNames = new Set(Object.keys(afterSchemas));
  const refSwitches = new Map<string, Set<string>>();
  const shared = { before, after, beforeNames, afterNames, refSwitches };
  const changes: Change[] = diffOperations(shared).map(fromOperation);

  const beforeUsage = schemaUsage(before);
  const afterUsage = schemaUsage(after);
  const compareComponent = (oldName: string, newName: string): void => {
    const { direction, affects } = combinedUsage(newName, afterUsage, beforeUsage);
    const { affects: oldAffects } = combinedUsage(oldName, beforeUsage);
    const all =
      oldName === newName
        ? affects
        : [
            ...affects,
            ...oldAffects.filter((o) => !affects.some((a) => a.method === o.method && a.path === o.path)),
          ];
    const report = (finding: SchemaFinding): void => {
      const { code, pointer: at, field, message, before: was, after: now } = finding;
      changes.push({
        kind: classify(code, direction),
        code,
        location: { schema: newName, pointer: at, field },
        direction,
        affects: all,
        message,
        ...(was === undefined ? {} : { before: was }),
        ...(now === undefined ? {} : { after: now }),
      });
    };
    const ctx: SchemaDiffContext = { ...shared, direction, report };
    diffSchema(ctx, beforeSchemas[oldName], afterSchemas[newName], {
      beforePointer: pointer('components', 'schemas', oldName),
      afterPointer: pointer('components', 'schemas', newName),
      field: newName,
    });
  };
  for (const name of [...beforeNames].filter((n) => afterNames.has(n)).sort()) compareComponent(name, name);

  // Renames: a vanished schema whose references now point to a schema that did not exist before.
  const renamed = new Map<string, string>();
  for (let progress = true; progress; ) {
    progress = false;
    for (const [oldName, targets] of [...refSwitches].sort(([a], [b]) => a.localeCompare(b))) {
      if (afterNames.has(oldName) || renamed.has(oldName)) continue;
      const newName = [...targets]
        .sort()
        .find((t) => !beforeNames.has(t) && ![...renamed.values()].includes(t));
      if (newName === undefined) continue;
      renamed.set(oldName, newName);
      const { direction, affects } = combinedUsage(newName, afterUsage);
      changes.push({
        kind: classify('schema-renamed', direction),
        code: 'schema-renamed',
        location: { schema: newName, pointer: pointer('components', 'schemas', newName), field: newName },
        direction,
        affects,
        message: `The schema ${oldName} is now named ${newName}: rename uses of components["schemas"]["${oldName}"].`,
        before: oldName,
        after: newName,
      });
      compareComponent(oldName, newName);
      progress = true;
    }
  }
  const renameTargets = new Set(renamed.values());
  for (const name of [...beforeNames].sort()) {
    if (afterNames.has(name) || renamed.has(name)) continue;
    const { direction, affects } = combinedUsage(name, beforeUsage);
    changes.push({
      kind: classify('schema-removed', direction),
      code: 'schema-removed',
      location: { schema: name, pointer: pointer('components', 'schemas', name), field: name },
      direction,
      affects,
      message: `The schema ${name} was removed: code that names components["schemas"]["${name}"] no longer type-checks.`,
    });
  }
  for (const name of [...afterNames].sort()) {
    if (beforeNames.has(name) || renameTargets.has(name)) continue;
    const { direction, affects } = combinedUsage(name, afterUsage);
    changes.push({
      kind: classify('schema-added', direction),
      code: 'schema-added',
      location: { schema: name, pointer: pointer('components', 'schemas', name), field: name },
      direction,
      affects,
      message: `New schema ${name}.`,
    });
  }
  return changes.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}
