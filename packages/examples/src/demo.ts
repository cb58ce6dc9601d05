/**
 * `pnpm demo`: runs every example in sequence and prints a summary. By default against a stateful fake portal
 * (from `@docspace-people/testing`) that it starts, seeds and stops; `pnpm demo --prism` against a Prism mock of
 * the curated spec (a contract run); against your portal when DOCSPACE_URL and DOCSPACE_TOKEN are set.
 * Exits with 1 when any example failed.
 */
import { allExamples } from './all-examples.js';
import { type ExampleResult, isMain, openTarget, runExample, type TargetEnv } from './support/index.js';

/** Runs the given examples against the target the environment and `args` (`--prism`) choose; returns every result. */
export async function demo(
  env: TargetEnv = process.env,
  write: (line: string) => void = console.log,
  examples = allExamples,
  args: readonly string[] = process.argv.slice(2),
): Promise<ExampleResult[]> {
  write('DocSpace People SDK demo: the vendor tutorials, corrected, on @docspace-people/sdk');
  const opened = await openTarget(env, write, args);
  const results: ExampleResult[] = [];
  let stopped: string | undefined;
  try {
    for (const example of examples) {
      const result = await runExample(example, opened.target, write);
      results.push(result);
      // An unreachable portal or a refused token fails every example the same way: say so once and stop,
      // instead of retrying the same connection for each of them.
      stopped = result.ok ? undefined : UNUSABLE_TARGET[result.errorName ?? ''];
      if (stopped) break;
    }
  } finally {
    await opened.close();
  }
  const width = Math.max(...results.map((result) => result.name.length));
  write('');
  write('Summary');
  for (const result of results) {
    const mark = result.ok ? 'ok    ' : 'FAILED';
    const detail = result.ok ? `${result.steps} steps` : `step ${result.steps}: ${result.error}`;
    write(`  ${mark} ${result.name.padEnd(width)}  ${detail}  (${(result.ms / 1000).toFixed(1)}s)`);
  }
  const passed = results.filter((result) => result.ok).length;
  const notRun = examples.length - results.length;
  if (stopped) write(`Stopped: ${stopped}; the other ${notRun} example(s) were not run.`);
  write(`${passed} of ${examples.length} examples passed.`);
  return results;
}

/** Failures that every later example would repeat, with what they mean. */
const UNUSABLE_TARGET: Record<string, string> = {
  ConnectionError: 'the portal cannot be reached (check DOCSPACE_URL)',
  TimeoutError: 'the portal does not answer in time (check DOCSPACE_URL)',
  AuthenticationError: 'the portal refuses the token (check DOCSPACE_TOKEN)',
};

if (isMain(import.meta.url)) {
  try {
    const results = await demo();
    process.exitCode = results.every((result) => result.ok) ? 0 : 1;
  } catch (error) {
    console.error(`Demo failed: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}
