/** Classified differences between two OpenAPI 3.0 documents (see spec/UPDATING.md). */
export { classify, RULES } from './classify.js';
export { diffSpecs } from './diff-specs.js';
export { formatReport, type ReportOptions } from './report.js';
export { type BumpLevel, overallKind, type Summary, summarize } from './summary.js';
export type { Change, ChangeCode, ChangeKind, ChangeLocation, Direction, OperationRef } from './types.js';
