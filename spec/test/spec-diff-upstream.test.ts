import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCuratedSpec } from '../../scripts/spec/build.js';
import { type Change, diffSpecs, summarize } from '../../scripts/spec-diff/index.js';
import {
  curatedFrom20260203,
  fixtureFile,
  fixtureProvenance,
  readFixture,
  type UpstreamVersion,
} from './spec-update-support.js';

const PHOTO = '/api/2.0/people/{userid}/photo';

/** The changes at an operation (by path and method) or in a component schema, as [kind, code, field]. */
function at(changes: readonly Change[], where: { path: string; method: string } | { schema: string }) {
  return changes
    .filter((c) =>
      'schema' in where
        ? c.location.schema === where.schema
        : c.location.operation?.path === where.path && c.location.operation.method === where.method,
    )
    .map((c) => [c.kind, c.code, c.location.field ?? '']);
}

it.each<UpstreamVersion>(['2026-02-03', '3.7.2'])(
  'the %s fixture is the recorded upstream file',
  (version) => {
    const sha256 = createHash('sha256')
      .update(readFileSync(fixtureFile(version)))
      .digest('hex');
    expect(sha256).toBe(fixtureProvenance(version).sha256);
  },
);

// The same real changes must show in the raw upstream documents and in the curated specs built from them.
const pairs: Array<[string, () => { before: unknown; after: unknown }]> = [
  ['the upstream documents', () => ({ before: readFixture('2026-02-03'), after: readFixture('3.7.2') })],
  [
    'the curated specs',
    () => ({ before: curatedFrom20260203().spec, after: buildCuratedSpec(readFixture('3.7.2')).spec }),
  ],
];

describe.each(pairs)('2026-02-03 -> 3.7.2, diffing %s', (_name, load) => {
  const { before, after } = load();
  const changes = diffSpecs(before, after);

  it.each([
    ['MemberRequestDto', 'title'],
    ['MemberRequestDto', 'sex'],
    ['MemberRequestDto', 'birthday'],
    ['MemberRequestDto', 'worksfrom'],
    ['UpdateMemberRequestDto', 'title'],
    ['UpdateMemberRequestDto', 'sex'],
    ['UpdateMemberRequestDto', 'birthday'],
    ['UpdateMemberRequestDto', 'worksfrom'],
  ])('finds the request field %s.%s removed (breaking)', (schema, field) => {
    expect(at(changes, { schema })).toContainEqual([
      'breaking',
      'request-field-removed',
      `${schema}.${field}`,
    ]);
  });

  it('finds EmployeeDto.title no longer returned (breaking), naming operations that return it', () => {
    expect(at(changes, { schema: 'EmployeeDto' })).toContainEqual([
      'breaking',
      'response-field-removed',
      'EmployeeDto.title',
    ]);
    const change = changes.find((c) => c.location.field === 'EmployeeDto.title');
    expect(change?.affects?.map((a) => a.operationId)).toContain('getProfileByUserId');
  });

  it('finds the photo upload body changed: formCollection gone, File now required, Autosave new', () => {
    const photo = at(changes, { path: PHOTO, method: 'POST' });
    expect(photo).toContainEqual(['breaking', 'request-field-removed', 'requestBody.formCollection']);
    expect(photo).toContainEqual(['feature', 'optional-field-added', 'requestBody.Autosave']);
    // Upstream, File is a new required field; in the curated 2026-02-03 spec our overlay had already declared it.
    const file = photo
      .filter(([, , field]) => field === 'requestBody.File')
      .map(([kind, code]) => `${kind} ${code}`);
    expect(file).toContainEqual(
      expect.stringMatching(/^breaking request-field-(added-required|became-required)$/),
    );
  });

  it('finds the operationId starUserTypetUpdate renamed to startUserTypeUpdate, not a removal and an addition', () => {
    const typeOps = changes.filter((c) => c.location.operation?.path === '/api/2.0/people/type');
    const renamed = typeOps.filter((c) => c.code === 'operationId-renamed');
    expect(renamed.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['breaking', 'starUserTypetUpdate', 'startUserTypeUpdate'],
    ]);
    expect(typeOps.filter((c) => c.code === 'operation-removed' || c.code === 'operation-added')).toEqual([]);
  });

  it('finds GET /people/exists added (feature)', () => {
    expect(at(changes, { path: '/api/2.0/people/exists', method: 'GET' })).toContainEqual([
      'feature',
      'operation-added',
      '',
    ]);
  });

  it('classifies the whole update as breaking', () => {
    expect(summarize(changes).kind).toBe('breaking');
  });
});

it('the upstream File field of the photo upload is new and required in 3.7.2', () => {
  const changes = diffSpecs(readFixture('2026-02-03'), readFixture('3.7.2'));
  expect(at(changes, { path: PHOTO, method: 'POST' })).toContainEqual([
    'breaking',
    'request-field-added-required',
    'requestBody.File',
  ]);
});

it('the curated 2026-02-03 spec leaves out the corrections that only fit 3.7 and lists them', () => {
  const targets = curatedFrom20260203().unapplied.map((a) => a.target);
  expect(targets).toContainEqual(expect.stringContaining('properties.File'));
});
