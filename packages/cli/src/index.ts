// The programmatic API of @docspace-people/cli (the `docspace-people` command is dist/bin.js).
export { mainHelp, runCli } from './cli.js';
export { type CsvRecord, csvField, csvLine, parseCsv } from './csv.js';
export { type CliIO, ExitCode, UsageError } from './io.js';
export { ReportFile, type ReportFormat, type ReportRecord } from './report.js';
export { readTargets, type TargetRow } from './targets-file.js';
export { type ImportType, importTypes, readUsers, type UserRow } from './users-file.js';
