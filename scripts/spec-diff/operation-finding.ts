import type { SchemaDiffContext } from './schema-diff.js';
import type { ChangeCode, Direction, OperationRef } from './types.js';

/** A finding at operation level, before classification. */
export interface OperationFinding {
  /** The rule that matched. */
  readonly code: ChangeCode;
  /** The operation (as named in the new document, or the old one if it is gone). */
  readonly operation: OperationRef;
  /** Pointer to the changed node. */
  readonly pointer: string;
  /** Readable field path, when the change is inside the operation. */
  readonly field?: string;
  /** Request or response, for schema changes. */
  readonly direction?: Direction;
  /** Actionable sentence. */
  readonly message: string;
  /** Old value. */
  readonly before?: unknown;
  /** New value. */
  readonly after?: unknown;
}

/** Shared state for the operation walk (the documents, names and rename bookkeeping of the schema walk). */
export type OperationDiffContext = Omit<SchemaDiffContext, 'direction' | 'report'>;

/** A readable label: `POST /path (operationId)`. */
export function operationLabel(ref: OperationRef): string {
  return `${ref.method} ${ref.path}${ref.operationId ? ` (${ref.operationId})` : ''}`;
}

/** Receives the findings of one operation (the caller adds the operation). */
export type Push = (finding: Omit<OperationFinding, 'operation'>) => void;
