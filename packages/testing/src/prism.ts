import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

const require = createRequire(import.meta.url);

/** Options for {@link startPrism}. */
export interface StartPrismOptions {
  /** OpenAPI document to serve. Defaults to the curated spec shipped by `@docspace-people/client`. */
  spec?: string;
  /** Port on 127.0.0.1; a free one is picked when omitted. */
  port?: number;
  /** Return generated (`dynamic`) instead of example (`static`) responses. Default `false`. */
  dynamic?: boolean;
  /** Give up when Prism has not answered after this many milliseconds. Default 60000 (a loaded 2-core CI machine can take 20 s). */
  startTimeoutMs?: number;
  /** Receives Prism's output lines; silent when omitted. */
  log?: (line: string) => void;
}

/** A running Prism mock server. */
export interface PrismServer {
  /** Origin of the mock, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  /** The port it listens on (127.0.0.1). */
  readonly port: number;
  /** Process id of the Prism server. */
  readonly pid: number;
  /** Stops Prism and waits for its process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/** Path of the curated OpenAPI document shipped in `@docspace-people/client`. */
export function curatedSpecPath(): string {
  return require.resolve('@docspace-people/client/openapi.json');
}

/** Prism's entry point; Prism is an optional peer dependency, so a missing one gets an error that says what to install. */
function prismBin(): string {
  let manifest: string;
  try {
    manifest = require.resolve('@stoplight/prism-cli/package.json');
  } catch {
    throw new Error(
      'startPrism() needs @stoplight/prism-cli, an optional peer dependency of @docspace-people/testing: install it next to it (npm i -D @stoplight/prism-cli@5.14.2; 5.15+ needs Node 22)',
    );
  }
  return join(dirname(manifest), 'dist', 'index.js');
}

const watchdog = fileURLToPath(new URL('./watchdog.cjs', import.meta.url));

/**
 * Starts Prism on the curated spec on a free loopback port and resolves once it answers HTTP.
 * Prism runs with a watchdog: it exits by itself when the process that started it goes away,
 * so no mock outlives the run that started it, even when that run is killed.
 */
export async function startPrism(options: StartPrismOptions = {}): Promise<PrismServer> {
  const spec = options.spec ?? curatedSpecPath();
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  let lastError: unknown;
  // A port picked as free can be taken before Prism binds it: try a few.
  for (let attempt = 0; attempt < 3 && Date.now() < deadline; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(spec, port, deadline, options);
    } catch (error) {
      lastError = error;
      if (options.port !== undefined) break;
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError));
}

async function launch(
  spec: string,
  port: number,
  deadline: number,
  options: StartPrismOptions,
): Promise<PrismServer> {
  const args = [prismBin(), 'mock', spec, '--host', '127.0.0.1', '--port', String(port)];
  if (options.dynamic) args.push('--dynamic');
  const child = spawn(process.execPath, ['--require', watchdog, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, SCARF_ANALYTICS: 'false', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const output: string[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      output.push(line);
      if (output.length > 50) output.shift();
      options.log?.(line);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child, exited);
  try {
    await waitUntilAnswering(url, deadline, exited);
  } catch (error) {
    await stop();
    const tail = output.slice(-15).join('\n');
    throw new Error(`Prism did not start on ${url}: ${(error as Error).message}\n${tail}`);
  }
  return { url, port, pid: child.pid ?? -1, stop };
}

async function waitUntilAnswering(url: string, deadline: number, exited: Promise<number | null>) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (Date.now() < deadline) {
    if (gone) throw new Error('the Prism process exited');
    try {
      // Any HTTP answer (even 404 for an unknown route) means Prism is listening.
      const response = await fetch(`${url}/__prism_ready__`, { signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error('timed out waiting for it to answer');
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
