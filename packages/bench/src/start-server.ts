import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** A running loopback server process. */
export interface LoopbackServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Writes seen, most in flight and 429s sent since the last call (then resets them). */
  stats(): Promise<{ writes: number; maxWritesInFlight: number; rateLimited: number }>;
  /** Stops the process and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts loopback-server.ts in its own Node process on a free 127.0.0.1 port. */
export async function startServer(
  options: { latencyMs?: number; writeLimit?: number } = {},
): Promise<LoopbackServer> {
  const script = fileURLToPath(new URL('./loopback-server.ts', import.meta.url));
  const args = ['--import', require.resolve('tsx'), script];
  if (options.latencyMs !== undefined)
    args.push(String(options.latencyMs), String(options.writeLimit ?? 1e9));
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
  const url = `http://127.0.0.1:${Number.parseInt(chunk.toString('utf8'), 10)}`;
  return {
    url,
    stats: async () => (await fetch(`${url}/__stats`)).json(),
    stop: async () => {
      const exited = once(child, 'exit');
      child.stdin.end();
      await exited;
    },
  };
}
