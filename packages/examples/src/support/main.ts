import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Example, runExample } from './steps.js';
import { openTarget } from './target.js';

/** True when the module at `moduleUrl` is the script node was started with (not imported). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/**
 * Runs one example as a program: opens the target (starting Prism unless a portal is configured), runs it,
 * closes the target, and sets the exit code (0 on success, 1 on failure).
 */
export async function runAsProgram(example: Example): Promise<void> {
  let close = async () => {};
  try {
    const opened = await openTarget();
    close = opened.close;
    const result = await runExample(example, opened.target, console.log);
    process.exitCode = result.ok ? 0 : 1;
  } catch (error) {
    console.error(`Could not run ${example.name}: ${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await close();
  }
}
