/** How a change affects consumers of the generated packages, from most to least severe. */
export type ChangeKind = 'breaking' | 'feature' | 'fix';

/** Which way the data flows where a change happens: what callers send, what they receive, or both. */
export type Direction = 'request' | 'response' | 'both';

/** Stable identifiers of every change the classifier can report (see spec/UPDATING.md for the table). */
export type ChangeCode =
  | 'operation-removed'
  | 'operation-added'
  | 'operationId-renamed'
  | 'operation-deprecated'
  | 'tags-changed'
  | 'security-changed'
  | 'parameter-removed'
  | 'parameter-added'
  | 'parameter-added-required'
  | 'parameter-became-required'
  | 'parameter-became-optional'
  | 'request-body-added'
  | 'request-body-removed'
  | 'request-body-became-required'
  | 'request-body-became-optional'
  | 'request-body-changed'
  | 'request-media-type-added'
  | 'success-response-removed'
  | 'success-response-added'
  | 'error-response-removed'
  | 'error-response-added'
  | 'response-body-changed'
  | 'response-media-type-added'
  | 'response-header-removed'
  | 'response-header-added'
  | 'request-field-removed'
  | 'response-field-removed'
  | 'request-field-added-required'
  | 'optional-field-added'
  | 'response-field-added'
  | 'request-field-became-required'
  | 'request-field-became-optional'
  | 'response-field-became-optional'
  | 'response-field-became-required'
  | 'type-changed'
  | 'type-narrowed'
  | 'type-widened'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'generated-name-changed'
  | 'schema-removed'
  | 'schema-added'
  | 'schema-renamed'
  | 'constraint-changed'
  | 'format-changed'
  | 'default-changed'
  | 'deprecated-changed'
  | 'description-changed'
  | 'example-changed';

/** An operation named the way a reader of the report knows it. */
export interface OperationRef {
  /** Upper-case HTTP method, e.g. `POST`. */
  readonly method: string;
  /** The path template, e.g. `/api/2.0/people/{userid}`. */
  readonly path: string;
  /** The operationId (in the document the change was found in), when it has one. */
  readonly operationId?: string;
}

/** Where a change is: an operation, a component schema, or both, plus an exact pointer. */
export interface ChangeLocation {
  /** The operation the change is in (operation-level changes and inline schemas). */
  readonly operation?: OperationRef;
  /** The component schema the change is in (changes inside `#/components/schemas`). */
  readonly schema?: string;
  /** JSON pointer to the changed node: in the new document, or in the old one for removals. */
  readonly pointer: string;
  /** A readable field path, e.g. `requestBody.File`, `query.count`, `EmployeeDto.title`. */
  readonly field?: string;
}

/** One classified difference between two OpenAPI documents. */
export interface Change {
  /** breaking, feature or fix (decides the version bump). */
  readonly kind: ChangeKind;
  /** Stable identifier of the rule that matched. */
  readonly code: ChangeCode;
  /** Where the change is. */
  readonly location: ChangeLocation;
  /** The data direction at that place, for schema changes. */
  readonly direction?: Direction;
  /** For component schema changes: the operations whose requests or responses use the schema. */
  readonly affects?: readonly OperationRef[];
  /** A sentence a consumer can act on. */
  readonly message: string;
  /** The old value, when one value changed (a name, an enum value, a description...). */
  readonly before?: unknown;
  /** The new value, when one value changed. */
  readonly after?: unknown;
}
