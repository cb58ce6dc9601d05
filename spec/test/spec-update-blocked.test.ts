import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../scripts/spec/paths.js';
import { formatUpdateReport } from '../../scripts/spec-update/format-update-report.js';
import { ProvenanceError } from '../../scripts/spec-update/provenance.js';
import { updateSpec } from '../../scripts/spec-update/update-spec.js';
import {
  curatedFrom20260203,
  currentSelectionWithout,
  FACADE,
  fixtureFile,
  makeRepo,
  mustNotGenerate,
  PROVENANCE_372,
  repoAt20260203,
  selectionFor20260203,
} from './spec-update-support.js';

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
        facade: FACADE,
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
        facade: FACADE,
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
      const result = await updateSpec({
        root: repo.root,
        facade: FACADE,
        source: fixtureFile('3.7.2'),
        check: true,
      });
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
          facade: FACADE,
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
