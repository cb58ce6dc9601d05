import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCuratedSpec,
  loadOverlay,
  loadPinnedUpstream,
  loadSelection,
  serializeSpec,
} from '../../scripts/spec/build.js';
import { bumpFor } from '../../scripts/spec-update/changeset.js';
import { formatUpdateReport } from '../../scripts/spec-update/format-update-report.js';
import { type UpdateResult, updateSpec } from '../../scripts/spec-update/update-spec.js';
import {
  FACADE,
  fixtureFile,
  generateClient,
  makeRepo,
  mustNotGenerate,
  PROVENANCE_372,
  readFixture,
  repoAt20260203,
  type TempRepo,
  V372,
} from './spec-update-support.js';

describe('pnpm spec:update from the 2026-02-03 document to 3.7.2', () => {
  let repo: TempRepo;
  let result: UpdateResult;
  beforeAll(async () => {
    repo = repoAt20260203();
    result = await updateSpec({
      root: repo.root,
      facade: FACADE,
      source: fixtureFile('3.7.2'),
      provenance: PROVENANCE_372,
      generate: generateClient,
    });
  });
  afterAll(() => repo.dispose());

  it('succeeds', () => {
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('pins the new document byte for byte, with its provenance and hash', () => {
    expect(readFileSync(join(repo.root, 'spec/upstream/people_2.0.json'))).toEqual(
      readFileSync(fixtureFile('3.7.2')),
    );
    expect(JSON.parse(repo.read('spec/upstream/source.json'))).toMatchObject({
      repository: 'https://github.com/ONLYOFFICE/DocSpace-server',
      tag: 'v3.7.2-server',
      commit: V372.commit,
      path: 'common/Tools/ASC.Api.Documentation/ASC.Api.Documentation/json/people_2.0.json',
      date: '2026-06-30',
      infoVersion: '3.7.0',
      file: 'people_2.0.json',
      sha256: V372.sha256,
    });
    expect(() => loadPinnedUpstream(join(repo.root, 'spec', 'upstream'))).not.toThrow();
  });

  it('rebuilds the curated spec exactly as spec:build would from the new pin', () => {
    const expected = buildCuratedSpec(readFixture('3.7.2'), {
      overlay: loadOverlay(join(repo.root, 'spec', 'overlay.yaml')),
      selection: loadSelection(join(repo.root, 'spec', 'operations.yaml')),
    }).spec;
    expect(repo.read('spec/openapi.json')).toBe(serializeSpec(expected));
  });

  it('regenerates the client: the renamed operation and the new one are in the generated types', () => {
    const generated = repo.read('packages/client/src/generated/schema.gen.ts');
    expect(generated).toContain('startUserTypeUpdate');
    expect(generated).not.toContain('starUserTypetUpdate');
    expect(generated).toContain('"/api/2.0/people/exists"');
  });

  it('reports the real changes, classified', () => {
    const found = result.changes.map(
      (c) => `${c.kind} ${c.code} ${c.location.field ?? c.location.operation?.path}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'breaking request-field-removed MemberRequestDto.title',
        'breaking request-field-removed UpdateMemberRequestDto.worksfrom',
        'breaking response-field-removed EmployeeDto.title',
        'breaking request-field-removed requestBody.formCollection',
        'breaking operationId-renamed /api/2.0/people/type',
        'feature operation-added /api/2.0/people/exists',
      ]),
    );
  });

  it('names the operations upstream added that the packages do not select', () => {
    expect(result.unselected.map((o) => o.operationId)).toEqual(['changeUserEmail']);
    expect(formatUpdateReport(result)).toContain(
      'Upstream also added operations the packages do not include (add them to spec/operations.yaml to expose them): changeUserEmail (PUT /api/2.0/people/{userid}/email)',
    );
  });

  it('writes a changeset for the client with a minor bump (breaking before 1.0) and actionable lines', () => {
    const [client] = result.bumps;
    expect(client?.file).toMatch(/^\.changeset\/people-api-3\.7\.0-b1042bda-client\.md$/);
    const text = repo.read(client?.file ?? '');
    expect(text.startsWith('---\n"@docspace-people/client": minor\n---\n')).toBe(true);
    expect(text).toContain(
      'Regenerated from the upstream DocSpace People API document 3.7.0 (v3.7.2-server, ed2994e74f); previously 3.6.0 (0fc92e44c2).',
    );
    expect(text).toContain('update your code before upgrading');
    expect(text).toContain('`MemberRequestDto.title` was removed from the request: stop setting it');
    expect(text).toContain('operationId starUserTypetUpdate is now startUserTypeUpdate');
    expect(text).toContain(
      '- `GET /api/2.0/people/exists (checkUserExistsByEmail)`: New operation: Check if a user exists by email.',
    );
  });

  it('finds the facade functions under the changes from the sdk code, and type-checks the facade', () => {
    expect(result.facade?.errors).toEqual([]);
    const touched = (text: string) =>
      result.facade?.impact.changes
        .filter((c) => c.change.message.includes(text))
        .flatMap((c) => c.functions);
    // The request-field changes reach only the functions that send those operations.
    expect(touched('`Culture.cultureName` is now required')).toEqual([
      'ds.people.setCulture',
      'peopleSetCulture',
      'setPersonCulture',
    ]);
    expect(touched('`requestBody.formCollection` was removed')).toEqual([
      'ds.photos.upload',
      'photosUpload',
      'uploadPhoto',
    ]);
    expect(touched('operationId starUserTypetUpdate is now startUserTypeUpdate')).toEqual([
      'downgradePerson',
      'ds.people.downgrade',
      'peopleDowngrade',
    ]);
    // A response schema every person mapper reads reaches every function returning a person.
    expect(touched('`EmployeeFullDto.sex` is no longer returned')).toEqual(
      expect.arrayContaining(['peopleGet', 'ds.people.get', 'peopleList', 'peopleTerminate']),
    );
    expect(touched('`EmployeeFullDto.sex` is no longer returned')).not.toContain('photosGet');
    const report = formatUpdateReport(result);
    expect(report).toContain(
      'Facade (@docspace-people/sdk): 21 breaking, 5 features, 425 fixes under 44 of its functions:',
    );
    expect(report).toContain('peopleSetCulture (ds.people.setCulture, setPersonCulture)');
    expect(report).toContain('The facade compiles against the new client.');
  });

  it('writes a minor changeset for the sdk (breaking under its functions) naming the functions touched', () => {
    const sdk = result.bumps[1];
    expect(sdk?.name).toBe('@docspace-people/sdk');
    const text = repo.read(sdk?.file ?? '');
    expect(text.startsWith('---\n"@docspace-people/sdk": minor\n---\n')).toBe(true);
    expect(text).not.toContain('unchanged');
    expect(text).toContain('The API changed under 44 facade functions:');
    expect(text).toContain('Breaking for the facade (21)');
    expect(text).toContain(
      '- `Culture` (used by updateMemberCulture) in `peopleSetCulture` (`ds.people.setCulture`, `setPersonCulture`):',
    );
    expect(text).toContain(
      '- `POST /api/2.0/people/type (startUserTypeUpdate)` in `peopleDowngrade` (`ds.people.downgrade`, `downgradePerson`): operationId starUserTypetUpdate is now startUserTypeUpdate',
    );
    expect(text).toContain(
      '- `GET /api/2.0/people/exists (checkUserExistsByEmail)` in `peopleExists` (`ds.people.exists`, `personExists`): New operation',
    );
  });

  it('lists every file it wrote and the commands to commit them', () => {
    expect([...result.written].sort()).toEqual(
      [
        'spec/upstream/people_2.0.json',
        'spec/upstream/source.json',
        'spec/openapi.json',
        '.changeset/people-api-3.7.0-b1042bda-client.md',
        '.changeset/people-api-3.7.0-b1042bda-sdk.md',
        'packages/client/src/generated/schema.gen.ts',
        'packages/client/openapi.json',
      ].sort(),
    );
    const report = formatUpdateReport(result);
    expect(report).toContain(`git add ${result.written.join(' ')}`);
  });

  it('finds nothing more to do when run again with the same document', async () => {
    const again = await updateSpec({
      root: repo.root,
      facade: FACADE,
      source: fixtureFile('3.7.2'),
      provenance: PROVENANCE_372,
      check: true,
      generate: mustNotGenerate,
    });
    expect(again.changes).toEqual([]);
    expect(again.bumps).toEqual([]);
    expect(formatUpdateReport(again, { check: true })).toContain('The curated spec does not change');
  });
});

describe('a documentation-only upstream change', () => {
  it('bumps the client by a patch and leaves the sdk alone', async () => {
    const repo = makeRepo({ pinned: '3.7.2' });
    try {
      const doc = readFixture('3.7.2') as { paths: Record<string, Record<string, { description?: string }>> };
      const self = doc.paths['/api/2.0/people/@self']?.get;
      if (self) self.description = 'Returns the profile of the user who makes the request.';
      const source = join(repo.root, 'people_2.0.json');
      writeFileSync(source, JSON.stringify(doc));
      const result = await updateSpec({
        root: repo.root,
        facade: FACADE,
        source,
        provenance: { commit: 'f'.repeat(40), date: '2026-07-01' },
        generate: async () => [],
      });
      expect(result.changes.map((c) => `${c.kind} ${c.code} ${c.location.operation?.operationId}`)).toEqual([
        'fix description-changed getSelfProfile',
      ]);
      expect(result.bumps.map((b) => `${b.name} ${b.bump}`)).toEqual(['@docspace-people/client patch']);
      expect(repo.read(result.bumps[0]?.file ?? '')).toContain(
        'Documentation only, no code change needed: descriptions (1).',
      );
    } finally {
      repo.dispose();
    }
  });
});

/**
 * A repository pinned to 3.7.2 and a copy of the 3.7.2 document changed by `mutate`, written next to it; `test`
 * runs with the repository and the copy's path, then the repository is removed.
 */
async function withMutated(
  mutate: (doc: Json) => void,
  test: (repo: TempRepo, source: string) => Promise<void>,
) {
  const repo = makeRepo({ pinned: '3.7.2' });
  try {
    const doc = readFixture('3.7.2') as Json;
    mutate(doc);
    const source = join(repo.root, 'people_2.0.json');
    writeFileSync(source, JSON.stringify(doc));
    await test(repo, source);
  } finally {
    repo.dispose();
  }
}

type Json = Record<string, any>;

describe('a breaking change outside the facade', () => {
  it('gives the sdk a patch saying, as computed, that nothing it uses changed', async () => {
    const renameFilterBy = (doc: Json) => {
      const filterBy = doc.paths['/api/2.0/people'].get.parameters.find((p: Json) => p.name === 'filterBy');
      filterBy.name = 'filter';
    };
    await withMutated(renameFilterBy, async (repo, source) => {
      const result = await updateSpec({ root: repo.root, facade: FACADE, source, check: true });
      expect(
        result.changes.filter((c) => c.kind === 'breaking').map((c) => c.location.operation?.operationId),
      ).toEqual(['getAllProfiles']);
      expect(result.facade?.impact).toEqual({ changes: [], kind: undefined, functions: [] });
      expect(result.bumps.map((b) => `${b.name} ${b.bump}`)).toEqual([
        '@docspace-people/client minor',
        '@docspace-people/sdk patch',
      ]);
      expect(result.bumps[1]?.text).toContain(
        'No operation or schema the facade uses changed, so its functions send and return what they did.',
      );
    });
  });
});

describe('an upstream change that breaks the facade', () => {
  it('says the facade no longer compiles and lists the functions to fix with file:line', async () => {
    const renameDisplayName = (doc: Json) => {
      const employee = doc.components.schemas.EmployeeDto.properties;
      employee.fullName = employee.displayName;
      delete employee.displayName;
    };
    await withMutated(renameDisplayName, async (repo, source) => {
      // The command line (exit code 1) and the function, in parallel.
      const cli = promisify(execFile)(
        join(FACADE.root, 'node_modules', '.bin', 'tsx'),
        ['scripts/spec-update.ts', source, '--check', '--root', repo.root, '--facade', FACADE.root],
        { cwd: FACADE.root },
      ).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code: number; stdout: string }) => error,
      );
      const result = await updateSpec({ root: repo.root, facade: FACADE, source, check: true });
      expect(result.bumps.map((b) => `${b.name} ${b.bump}`)).toEqual([
        '@docspace-people/client minor',
        '@docspace-people/sdk minor',
      ]);
      expect(result.facade?.errors.map((e) => `${e.at.replace(/:\d+:\d+$/, '')} ${e.in}`)).toEqual([
        'packages/sdk/src/person.ts toPerson',
        'packages/sdk/src/person.ts toPersonSummary',
      ]);
      const report = formatUpdateReport(result, { check: true });
      expect(report).toMatch(
        /The facade no longer compiles against the new client \(2 errors\): fix .*peopleGet \(ds\.people\.get, getPerson\)/,
      );
      expect(report).toMatch(
        /packages\/sdk\/src\/person\.ts:\d+:\d+ in toPersonSummary \(used by peopleInvite, peopleSearch\): Property 'displayName' does not exist/,
      );
      const { code, stdout } = await cli;
      expect(code).toBe(1);
      expect(stdout).toContain('The facade no longer compiles against the new client (2 errors)');
    });
  });
});

describe('pnpm spec:update --check', () => {
  it('reports the classified changes and the changesets it would write, and writes nothing', async () => {
    const repo = repoAt20260203();
    try {
      const before = repo.snapshot();
      const result = await updateSpec({
        root: repo.root,
        facade: FACADE,
        source: fixtureFile('3.7.2'),
        provenance: PROVENANCE_372,
        check: true,
        generate: mustNotGenerate,
      });
      expect(repo.snapshot()).toEqual(before);
      expect(result.written).toEqual([]);
      expect(result.bumps.map((b) => `${b.name} ${b.bump}`)).toEqual([
        '@docspace-people/client minor',
        '@docspace-people/sdk minor',
      ]);
      const report = formatUpdateReport(result, { check: true });
      expect(report).toContain('Breaking changes: code using the packages must change');
      expect(report).toContain('Nothing written (--check).');
    } finally {
      repo.dispose();
    }
  });

  it('says which provenance flags writing would need', async () => {
    const repo = repoAt20260203();
    try {
      const result = await updateSpec({
        root: repo.root,
        facade: FACADE,
        source: fixtureFile('3.7.2'),
        check: true,
      });
      expect(result.notes).toEqual([
        'writing would fail: pass --commit <sha>: the upstream commit the document comes from',
      ]);
    } finally {
      repo.dispose();
    }
  });
});

describe('bumpFor (semver, minding 0.x)', () => {
  it.each([
    ['breaking', '0.1.0', 'minor'],
    ['feature', '0.1.0', 'patch'],
    ['fix', '0.1.0', 'patch'],
    ['breaking', '1.2.0', 'major'],
    ['feature', '1.2.0', 'minor'],
    ['fix', '1.2.0', 'patch'],
  ] as const)('a %s change to %s is a %s bump', (kind, version, bump) => {
    expect(bumpFor(kind, version)).toBe(bump);
  });
});
