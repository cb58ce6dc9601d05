import type { Target } from './target.js';

/** Writes one line of output. */
export type Write = (line: string) => void;

/** What every example receives: the target and a way to print numbered steps. */
export interface ExampleContext extends Target {
  /**
   * Runs one numbered step: prints `N. title`, runs `action`, prints the lines `describe` returns for its
   * result. A failure is printed and rethrown, so the example stops.
   */
  step<T>(title: string, action: () => Promise<T>, describe?: (result: T) => string | string[]): Promise<T>;
  /** Prints an indented explanation under the current step. */
  note(text: string): void;
}

/** An example: a name, the tutorial it corrects, and its body. */
export interface Example {
  /** Short name, e.g. `manage-users` (also the file name). */
  name: string;
  /** One line: what it shows. */
  title: string;
  /** The body; throws on failure. */
  run(context: ExampleContext): Promise<void>;
}

/** How an example run went. */
export interface ExampleResult {
  /** The example's name. */
  name: string;
  /** True when every step succeeded. */
  ok: boolean;
  /** Steps started. */
  steps: number;
  /** The error message of the failed step. */
  error?: string;
  /** The error's class name (`ConnectionError`, `NotFoundError`, ...) when a step failed. */
  errorName?: string | undefined;
  /** Wall time in ms. */
  ms: number;
}

/** Runs an example on a target, printing a header, numbered steps and a result line. Never throws. */
export async function runExample(example: Example, target: Target, write: Write): Promise<ExampleResult> {
  const started = Date.now();
  let steps = 0;
  const context: ExampleContext = {
    ...target,
    note: (text) => write(`     ${text}`),
    async step(title, action, describe) {
      steps++;
      write(`  ${steps}. ${title}`);
      const result = await action();
      const lines = describe?.(result) ?? [];
      for (const line of Array.isArray(lines) ? lines : [lines]) write(`     -> ${line}`);
      return result;
    },
  };
  write('');
  write(`== ${example.name}: ${example.title}`);
  try {
    await example.run(context);
    write(`   ok: ${example.name} (${steps} steps)`);
    return { name: example.name, ok: true, steps, ms: Date.now() - started };
  } catch (error) {
    const message = describeError(error);
    write(`     FAILED: ${message}`);
    const errorName = error instanceof Error ? error.name : undefined;
    return { name: example.name, ok: false, steps, error: message, errorName, ms: Date.now() - started };
  }
}

/** `Name: message` of an error (the SDK's errors never contain the token). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
