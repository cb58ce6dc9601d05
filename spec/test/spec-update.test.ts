import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildCuratedSpec,
  loadOverlay,
  loadPinnedUpstream,
  loadSelection,
  serializeSpec,
} from '../../scripts/spec/build.js';
import { repoRoot } from '../../scripts/spec/paths.js';
import { bumpFor } from '../../scripts/spec-update/changeset.js';
import { formatUpdateReport } from '../../scripts/spec-update/format-update-report.js';
import type { GenerateClient } from '../../scripts/spec-update/generate-client.js';
import { ProvenanceError } from '../../scripts/spec-update/provenance.js';
import { provenanceFromUrl, UpstreamReadError } from '../../scripts/spec-update/read-upstream.js';
import { type UpdateResult, updateSpec } from '../../scripts/spec-update/update-spec.js';
import {
  curatedFrom20260203,
  currentSelection,
  fixtureFile,
  fixtureProvenance,
  makeRepo,
  readFixture,
  selectionFor20260203,
  type TempRepo,
} from './spec-update-support.js';

const V372 = fixtureProvenance('3.7.2');
const PROVENANCE_372 = { commit: V372.commit, tag: V372.tag ?? '', date: V372.date };

/** Generates the client's types from root/spec/openapi.json with openapi-typescript, as `pnpm generate` does. */
const generateClient: GenerateClient = async (root) => {
  const spec = readFileSync(join(root, 'spec', 'openapi.json'), 'utf8');
  const ast = await openapiTS(JSON.parse(spec), { enum: true, exportType: true, alphabetize: false });
  mkdirSync(join(root, 'packages', 'client', 'src', 'generated'), { recursive: true });
  writeFileSync(
    join(root, 'packages', 'client', 'src', 'generated', 'schema.gen.ts'),
    COMMENT_HEADER + astToString(ast),
  );
  writeFileSync(join(root, 'packages', 'client', 'openapi.json'), spec);
  return ['packages/client/src/generated/schema.gen.ts', 'packages/client/openapi.json'];
};

const mustNotGenerate: GenerateClient = async () => {
  throw new Error('the client must not be regenerated here');
};

/** A repository pinned to the 2026-02-03 document, its curated spec built with the corrections that applied then. */
const repoAt20260203 = (clientVersion?: string): TempRepo =>
  makeRepo({
    pinned: '2026-02-03',
    curated: curatedFrom20260203().spec,
    ...(clientVersion ? { clientVersion } : {}),
  });

describe('pnpm spec:update from the 2026-02-03 document to 3.7.2', () => {
  let repo: TempRepo;
  let result: UpdateResult;
  beforeAll(async () => {
    repo = repoAt20260203();
    result = await updateSpec({
      root: repo.root,
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

  it('writes a patch changeset for the sdk, which is built on the client', () => {
    const sdk = result.bumps[1];
    expect(sdk?.name).toBe('@docspace-people/sdk');
    const text = repo.read(sdk?.file ?? '');
    expect(text.startsWith('---\n"@docspace-people/sdk": patch\n---\n')).toBe(true);
    expect(text).toContain("The facade's own API is unchanged");
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

describe('pnpm spec:update --check', () => {
  it('reports the classified changes and the changesets it would write, and writes nothing', async () => {
    const repo = repoAt20260203();
    try {
      const before = repo.snapshot();
      const result = await updateSpec({
        root: repo.root,
        source: fixtureFile('3.7.2'),
        provenance: PROVENANCE_372,
        check: true,
        generate: mustNotGenerate,
      });
      expect(repo.snapshot()).toEqual(before);
      expect(result.written).toEqual([]);
      expect(result.bumps.map((b) => `${b.name} ${b.bump}`)).toEqual([
        '@docspace-people/client minor',
        '@docspace-people/sdk patch',
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
      const result = await updateSpec({ root: repo.root, source: fixtureFile('3.7.2'), check: true });
      expect(result.notes).toEqual([
        'writing would fail: pass --commit <sha>: the upstream commit the document comes from',
      ]);
    } finally {
      repo.dispose();
    }
  });
});

describe('what blocks an update is reported, never skipped', () => {
  it('lists a correction whose target upstream removed, and writes nothing', async () => {
    // A correction written against 2026-02-03 for a request field that 3.7.2 no longer has.
    const correction = {
      target: '$.components.schemas.MemberRequestDto.properties.title',
      description: 'The job title is at most 255 characters.',
      update: { maxLength: 255 },
    };
    const repo = makeRepo({
      pinned: '2026-02-03',
      curated: curatedFrom20260203().spec,
      extraCorrections: [correction],
    });
    try {
      const before = repo.snapshot();
      const result = await updateSpec({
        root: repo.root,
        source: fixtureFile('3.7.2'),
        provenance: PROVENANCE_372,
        generate: mustNotGenerate,
      });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual({
        kind: 'unapplied-correction',
        message: expect.stringMatching(
          /^correction #\d+ "The job title is at most 255 characters\." no longer applies: its target \$\.components\.schemas\.MemberRequestDto\.properties\.title matches nothing in the new document; fix or remove it in spec\/overlay\.yaml\.$/,
        ),
      });
      expect(result.written).toEqual([]);
      expect(repo.snapshot()).toEqual(before);
    } finally {
      repo.dispose();
    }
  });

  it('lists a correction whose target vanished, and writes nothing', async () => {
    // Pinned to 3.7.2, going back to 2026-02-03: the correction of the photo upload's `File` field has no target.
    const selection = selectionFor20260203();
    const repo = makeRepo({ pinned: '3.7.2', selection: currentSelectionWithout(selection) });
    try {
      const before = repo.snapshot();
      const result = await updateSpec({
        root: repo.root,
        source: fixtureFile('2026-02-03'),
        provenance: { commit: '0fc92e44c2', date: '2026-02-03' },
        generate: mustNotGenerate,
      });
      expect(result.ok).toBe(false);
      expect(result.problems.map((p) => p.kind)).not.toContain('missing-operation');
      const unapplied = result.problems
        .filter((p) => p.kind === 'unapplied-correction')
        .map((p) => p.message);
      expect(unapplied).toContainEqual(
        expect.stringContaining('properties.File matches nothing in the new document'),
      );
      expect(repo.snapshot()).toEqual(before);
      expect(formatUpdateReport(result)).toContain('Corrections in spec/overlay.yaml that no longer apply:');
    } finally {
      repo.dispose();
    }
  });

  it('names a selected operation that upstream renamed, with its new name', async () => {
    const repo = makeRepo({
      pinned: '2026-02-03',
      selection: selectionFor20260203(),
      curated: curatedFrom20260203().spec,
    });
    try {
      const result = await updateSpec({ root: repo.root, source: fixtureFile('3.7.2'), check: true });
      expect(result.ok).toBe(false);
      expect(result.problems).toContainEqual({
        kind: 'missing-operation',
        message:
          'operation starUserTypetUpdate (spec/operations.yaml): upstream renamed it to startUserTypeUpdate (POST /api/2.0/people/type): rename it in spec/operations.yaml.',
      });
    } finally {
      repo.dispose();
    }
  });

  it('exits non-zero from the command line and prints the corrections to fix', async () => {
    const repo = makeRepo({ pinned: '3.7.2', selection: currentSelectionWithout(selectionFor20260203()) });
    try {
      const run = promisify(execFile)(
        join(repoRoot, 'node_modules', '.bin', 'tsx'),
        ['scripts/spec-update.ts', fixtureFile('2026-02-03'), '--check', '--root', repo.root],
        { cwd: repoRoot },
      );
      const failure = await run.then(
        () => undefined,
        (error: { code: number; stdout: string }) => error,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toContain('Corrections in spec/overlay.yaml that no longer apply:');
      expect(failure?.stdout).toContain('properties.File');
    } finally {
      repo.dispose();
    }
  });

  it('refuses to pin without the upstream commit, writing nothing', async () => {
    const repo = repoAt20260203();
    try {
      const before = repo.snapshot();
      await expect(
        updateSpec({
          root: repo.root,
          source: fixtureFile('3.7.2'),
          provenance: { date: '2026-06-30' },
          generate: mustNotGenerate,
        }),
      ).rejects.toThrow(ProvenanceError);
      expect(repo.snapshot()).toEqual(before);
    } finally {
      repo.dispose();
    }
  });
});

describe('reading the new document', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/people_2.0.json') response.end(readFileSync(fixtureFile('3.7.2')));
      else if (request.url === '/not-openapi.json') response.end('{"swagger": "2.0"}');
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches an http URL and records it', async () => {
    const repo = repoAt20260203();
    try {
      const result = await updateSpec({
        root: repo.root,
        source: `${base}/people_2.0.json`,
        provenance: PROVENANCE_372,
        generate: async () => [],
      });
      expect(result.ok).toBe(true);
      expect(JSON.parse(repo.read('spec/upstream/source.json'))).toMatchObject({
        url: `${base}/people_2.0.json`,
        sha256: V372.sha256,
      });
    } finally {
      repo.dispose();
    }
  });

  it.each([
    ['a URL answering 404', '/missing.json', 'answered HTTP 404'],
    ['a document that is not OpenAPI 3.0', '/not-openapi.json', 'is not an OpenAPI 3.0 document'],
  ])('rejects %s', async (_name, path, message) => {
    const repo = repoAt20260203();
    try {
      const update = updateSpec({ root: repo.root, source: `${base}${path}`, check: true });
      await expect(update).rejects.toThrow(UpstreamReadError);
      await expect(update).rejects.toThrow(message);
    } finally {
      repo.dispose();
    }
  });

  it.each([
    [
      'https://raw.githubusercontent.com/ONLYOFFICE/DocSpace-server/ed2994e74f9de78af63e73f425b060345a262536/common/x/people_2.0.json',
      {
        repository: 'https://github.com/ONLYOFFICE/DocSpace-server',
        commit: 'ed2994e74f9de78af63e73f425b060345a262536',
        path: 'common/x/people_2.0.json',
      },
    ],
    [
      'https://github.com/ONLYOFFICE/DocSpace-server/raw/v3.7.2-server/common/x/people_2.0.json',
      {
        repository: 'https://github.com/ONLYOFFICE/DocSpace-server',
        tag: 'v3.7.2-server',
        path: 'common/x/people_2.0.json',
      },
    ],
    ['https://example.com/people_2.0.json', {}],
  ])('reads the provenance a URL carries: %s', (url, expected) => {
    expect(provenanceFromUrl(url)).toEqual(expected);
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

/** The repository's selection minus the operations the other selection lacks (so only corrections can fail). */
function currentSelectionWithout(other: Record<string, string[]>) {
  const keep = new Set(Object.values(other).flat());
  return Object.fromEntries(
    Object.entries(currentSelection()).map(([tag, ids]) => [tag, ids.filter((id) => keep.has(id))]),
  );
}
