import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute paths of the files the spec build reads and writes. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const specDir = join(repoRoot, 'spec');
export const upstreamDir = join(specDir, 'upstream');
export const sourceFile = join(upstreamDir, 'source.json');
export const operationsFile = join(specDir, 'operations.yaml');
export const overlayFile = join(specDir, 'overlay.yaml');
export const curatedFile = join(specDir, 'openapi.json');
