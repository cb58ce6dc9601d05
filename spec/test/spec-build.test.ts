import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  buildCuratedSpec,
  loadOverlay,
  loadPinnedUpstream,
  loadSelection,
  SpecBuildError,
  serializeSpec,
} from '../../scripts/spec/build.js';
import { curatedFile, repoRoot, upstreamDir } from '../../scripts/spec/paths.js';

const run = promisify(execFile);
const upstream = () => loadPinnedUpstream().doc;

describe('spec:build', () => {
  it('reproduces the committed spec/openapi.json byte for byte', () => {
    expect(serializeSpec(buildCuratedSpec(upstream()).spec)).toBe(readFileSync(curatedFile, 'utf8'));
  });

  it('is deterministic: two builds serialize identically and the input is left untouched', () => {
    const doc = upstream();
    const before = JSON.stringify(doc);
    const first = serializeSpec(buildCuratedSpec(doc).spec);
    const second = serializeSpec(buildCuratedSpec(doc).spec);
    expect(second).toBe(first);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('`pnpm spec:build --check` passes on the committed spec', async () => {
    const { stdout } = await run('pnpm', ['-s', 'spec:check'], { cwd: repoRoot });
    expect(stdout).toContain('up to date');
  });

  it('fails loudly, naming the correction, when a correction target vanished upstream', () => {
    const doc = upstream() as any;
    // As in the v3.6 document: the photo upload's multipart body had no `File` field.
    delete doc.paths['/api/2.0/people/{userid}/photo'].post.requestBody.content['multipart/form-data'].schema
      .properties.File;
    expect(() => buildCuratedSpec(doc)).toThrow(SpecBuildError);
    try {
      buildCuratedSpec(doc);
    } catch (error) {
      expect((error as SpecBuildError).problems.join('\n')).toMatch(
        /correction #\d+ "The photo upload's multipart field is `File`.*" no longer applies: its target .*File matches nothing upstream/,
      );
    }
  });

  it('reports vanished corrections instead of throwing when asked to (spec:update uses this)', () => {
    const overlay = loadOverlay();
    overlay.actions.push({
      target: '$.components.schemas.NoSuchSchema',
      description: 'gone',
      update: { a: 1 },
    });
    const { unapplied } = buildCuratedSpec(upstream(), { overlay, allowUnapplied: true });
    expect(unapplied).toEqual([
      { index: overlay.actions.length - 1, target: '$.components.schemas.NoSuchSchema', description: 'gone' },
    ]);
  });

  it('fails when a selected operation does not exist upstream', () => {
    const selection = { ...loadSelection(), Extra: ['noSuchOperation'] };
    expect(() => buildCuratedSpec(upstream(), { selection })).toThrow(
      /operation noSuchOperation .* does not exist upstream/,
    );
  });

  it('refuses a pinned upstream copy whose sha256 differs from source.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spec-pin-'));
    cpSync(upstreamDir, dir, { recursive: true });
    const file = join(dir, 'people_2.0.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"3.7.0"', '"3.7.1"'));
    expect(() => loadPinnedUpstream(dir)).toThrow(/has sha256 [0-9a-f]{64}, but source.json pins b1042bda/);
  });

  it('keeps exactly the selected operations, tagged by their group', () => {
    const { spec } = buildCuratedSpec(upstream());
    const tagged: Record<string, string[]> = {};
    for (const item of Object.values<any>(spec.paths)) {
      for (const operation of Object.values<any>(item)) {
        const tag: string = operation.tags[0];
        tagged[tag] = [...(tagged[tag] ?? []), operation.operationId];
      }
    }
    const selection = loadSelection();
    for (const [tag, ids] of Object.entries(selection)) expect(tagged[tag]?.sort()).toEqual([...ids].sort());
    expect(Object.keys(tagged).sort()).toEqual(Object.keys(selection).sort());
  });

  it('keeps no component that nothing references', () => {
    const { spec } = buildCuratedSpec(upstream());
    const text = JSON.stringify(spec.paths) + JSON.stringify(spec.components);
    for (const [section, entries] of Object.entries<any>(spec.components)) {
      if (section === 'securitySchemes') continue;
      for (const name of Object.keys(entries)) expect(text).toContain(`"#/components/${section}/${name}"`);
    }
  });
});
