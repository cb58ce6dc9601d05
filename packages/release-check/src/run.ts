import { execFile } from 'node:child_process';

/** Options of {@link run}. */
export interface RunOptions {
  /** Working directory of the command. */
  cwd: string;
  /** Extra environment variables (added to a copy of `process.env`). */
  env?: Record<string, string>;
  /** Resolve instead of rejecting when the command exits with a non-zero code. */
  allowFailure?: boolean;
}

/** What a finished command printed, and its exit code. */
export interface RunResult {
  /** Everything written to stdout. */
  stdout: string;
  /** Everything written to stderr. */
  stderr: string;
  /** The exit code (0 on success). */
  code: number;
}

/**
 * Runs a command without a shell and collects its output. Rejects with the command, its exit code and its output
 * when it fails, unless `allowFailure` is set.
 */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const env = {
    ...inheritedEnv(),
    SCARF_ANALYTICS: 'false',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    ...options.env,
  };
  return new Promise((resolvePromise, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        if (code !== 0 && !options.allowFailure) {
          const output = `${stdout}\n${stderr}`.trim().slice(-4000);
          reject(
            new Error(
              `\`${[command, ...args].join(' ')}\` in ${options.cwd} exited with ${code}:\n${output}`,
            ),
          );
          return;
        }
        resolvePromise({ stdout, stderr, code });
      },
    );
  });
}

/**
 * This process's environment without the `npm_*` variables a package manager sets for scripts (`npm_config_*`,
 * `npm_package_*`...), so that npm and pnpm started here read only their own configuration.
 */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !/^npm_/i.test(key)) env[key] = value;
  }
  return env;
}
