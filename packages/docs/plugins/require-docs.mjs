// @ts-check
// A TypeDoc plugin: every exported symbol of the documented packages, and every member of their classes and
// interfaces, must have a doc comment; each one missing is a warning, and warnings fail `pnpm run docs`.
// TypeDoc's own `notDocumented` check is not used because it cannot leave out two groups that have no comment by
// design: the client's generated code (src/generated/, documented by the curated spec it is generated from and
// drift-checked by `pnpm generate:check`), and the `name` field an error class sets to its own name.
import { Converter, DeclarationReflection, ReflectionKind } from 'typedoc';

/** Kinds that need a comment (signatures carry the comment of functions, methods and accessors). */
const required =
  ReflectionKind.Class |
  ReflectionKind.Interface |
  ReflectionKind.Enum |
  ReflectionKind.EnumMember |
  ReflectionKind.TypeAlias |
  ReflectionKind.Variable |
  ReflectionKind.Function |
  ReflectionKind.Method |
  ReflectionKind.Property |
  ReflectionKind.Accessor;

/** @param {import('typedoc').Reflection} reflection */
function exempt(reflection) {
  for (let parent = reflection.parent; parent; parent = parent.parent) {
    // Members of anonymous object types (`inFlight: { reads; writes }`) and parameters' types.
    if (parent.kindOf(ReflectionKind.TypeLiteral | ReflectionKind.Parameter)) return true;
  }
  const file =
    reflection instanceof DeclarationReflection ? reflection.sources?.[0]?.fullFileName : undefined;
  if (file?.includes('/src/generated/')) return true;
  // `override readonly name = 'ApiError'` of an error class.
  return (
    reflection.name === 'name' &&
    reflection.kindOf(ReflectionKind.Property) &&
    reflection.parent?.kindOf(ReflectionKind.Class) === true &&
    reflection.parent.name.endsWith('Error')
  );
}

/** @param {import('typedoc').DeclarationReflection} reflection */
function documented(reflection) {
  if (reflection.hasComment()) return true;
  const signatures = [
    ...(reflection.signatures ?? []),
    ...(reflection.getSignature ? [reflection.getSignature] : []),
    ...(reflection.setSignature ? [reflection.setSignature] : []),
  ];
  return signatures.length > 0 && signatures.every((signature) => signature.hasComment());
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const reflection of context.project.getReflectionsByKind(required)) {
      if (!(reflection instanceof DeclarationReflection) || reflection.inheritedFrom || exempt(reflection))
        continue;
      if (documented(reflection)) continue;
      const source = reflection.sources?.[0];
      const where = source ? ` (${source.fileName}:${source.line})` : '';
      app.logger.warn(
        `${reflection.getFriendlyFullName()} (${ReflectionKind[reflection.kind]}) has no doc comment${where}`,
      );
    }
  });
}
