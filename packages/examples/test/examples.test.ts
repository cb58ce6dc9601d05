import { describe, expect, inject, it } from 'vitest';
import { allExamples } from '../src/all-examples.js';
import { demo } from '../src/demo.js';
import { type Example, runExample, targetFor } from '../src/support/index.js';

/** Runs an example in-process against the Prism mock of the test run and returns its result and output. */
async function runOnPrism(example: Example) {
  const lines: string[] = [];
  const result = await runExample(example, targetFor('mock', inject('prismUrl'), 'sk-test'), (line) => {
    lines.push(line);
  });
  return { result, lines };
}

const stepCounts: Record<string, number> = {
  'manage-users': 4,
  'manage-user-photo': 6,
  'update-user-role': 6,
  'photos-tour': 6,
};

describe('each example against the curated spec (Prism)', () => {
  it.each(allExamples.map((example) => [example.name, example] as const))(
    '%s runs every step without failure',
    async (name, example) => {
      const { result, lines } = await runOnPrism(example);
      expect(result.error).toBeUndefined();
      expect(result).toMatchObject({ name, ok: true, steps: stepCounts[name] });
      expect(lines).toContain(`   ok: ${name} (${stepCounts[name]} steps)`);
    },
  );

  it.each(allExamples.map((example) => [example.name, example] as const))(
    '%s numbers its steps 1..n and shows a result under each',
    async (_, example) => {
      const { result, lines } = await runOnPrism(example);
      const numbered = lines
        .filter((line) => /^ {2}\d+\. /.test(line))
        .map((line) => Number.parseInt(line, 10));
      expect(numbered).toEqual(Array.from({ length: result.steps }, (__, i) => i + 1));
      expect(lines.filter((line) => line.startsWith('     -> ')).length).toBeGreaterThanOrEqual(result.steps);
    },
  );

  it('manage-users terminates before it deletes', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'manage-users')!);
    const terminate = lines.findIndex((line) => line.includes('PUT /people/status/Terminated'));
    const remove = lines.findIndex((line) => line.includes('DELETE /people/{id}'));
    expect(terminate).toBeGreaterThan(0);
    expect(remove).toBeGreaterThan(terminate);
  });

  it("manage-user-photo shows that another user's photo is refused with 403", async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'manage-user-photo')!);
    expect(lines).toContainEqual(expect.stringMatching(/-> refused: 403 DELETE .*\/photo: Access denied/));
  });

  it("update-user-role shows that the tutorial's role field is refused and uses the type endpoint", async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'update-user-role')!);
    expect(lines).toContainEqual(expect.stringContaining('refused before sending: patch.role'));
    expect(lines).toContainEqual(expect.stringContaining('PUT /people/type/RoomAdmin'));
    expect(lines).toContainEqual(expect.stringContaining('progress: 40% (Running)'));
  });

  it('photos-tour crops the temporary file the upload returned', async () => {
    const { lines } = await runOnPrism(allExamples.find((e) => e.name === 'photos-tour')!);
    expect(lines).toContain('     -> temporary file: tmp_3f2a8d1e6b7c4e219a5d0c8e4b1f7a26.png');
    expect(lines).toContainEqual(expect.stringMatching(/-> retina \(360x360\): .*360-360\.png$/));
  });

  it('a failing step is reported with its error and the run is marked failed', async () => {
    const failing: Example = {
      name: 'failing',
      title: 'fails at step 2',
      async run({ step }) {
        await step('first', async () => 1);
        await step('second', async () => {
          throw new TypeError('boom');
        });
      },
    };
    const { result, lines } = await runOnPrism(failing);
    expect(result).toMatchObject({ ok: false, steps: 2, error: 'TypeError: boom' });
    expect(lines).toContain('     FAILED: TypeError: boom');
  });
});

describe('the demo', () => {
  it('runs every example in sequence and prints a summary', async () => {
    const lines: string[] = [];
    const results = await demo({ DOCSPACE_PRISM_URL: inject('prismUrl') }, (line) => lines.push(line));
    expect(results.map((r) => [r.name, r.ok])).toEqual(allExamples.map((e) => [e.name, true]));
    expect(lines).toContain('4 of 4 examples passed.');
    const summary = lines.slice(lines.indexOf('Summary') + 1, -1);
    expect(summary.map((line) => line.trim().split(/\s+/).slice(0, 2))).toEqual(
      allExamples.map((e) => ['ok', e.name]),
    );
  });

  it('keeps going after a failed example and counts it in the summary', async () => {
    const broken: Example = {
      name: 'broken',
      title: 'always fails',
      run: async () => {
        throw new Error('nope');
      },
    };
    const lines: string[] = [];
    const results = await demo({ DOCSPACE_PRISM_URL: inject('prismUrl') }, (line) => lines.push(line), [
      broken,
      allExamples[0]!,
    ]);
    expect(results.map((r) => r.ok)).toEqual([false, true]);
    expect(lines).toContain('1 of 2 examples passed.');
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}FAILED broken .*Error: nope/));
  });
});
