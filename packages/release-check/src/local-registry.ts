import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '@docspace-people/testing';
import { run } from './run.js';

const verdaccioBin = resolve(import.meta.dirname, '../node_modules/verdaccio/bin/verdaccio');
const exitWithParent = resolve(import.meta.dirname, 'exit-with-parent.cjs');

/** A running local npm registry (Verdaccio) on 127.0.0.1. */
export interface LocalRegistry {
  /** The registry URL, e.g. `http://127.0.0.1:41234/`, with a trailing slash as npm writes it. */
  url: string;
  /**
   * Environment for a publishing command (npm, pnpm, changesets): this registry as the only registry, the
   * publisher's token in a user config of its own, no global config, a cache of its own.
   */
  publisherEnv: Record<string, string>;
  /** The registry's document for a package (`versions`, `dist-tags`...), as npm reads it. */
  packument(name: string): Promise<Record<string, unknown>>;
  /** Publishes a tarball with plain npm. */
  publish(tarball: string): Promise<void>;
  /** Stops the registry and waits for its process to exit. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The Verdaccio configuration: packages stored under `dir`, no uplinks (nothing is fetched from the internet, so
 * every package a consumer installs must have been published here), anyone may read, a logged-in user may publish.
 */
function verdaccioConfig(dir: string): string {
  return [
    `storage: ${JSON.stringify(join(dir, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(dir, 'htpasswd'))}`,
    '    max_users: 10',
    'uplinks: {}',
    'packages:',
    "  '**':",
    '    access: $all',
    '    publish: $authenticated',
    'server:',
    '  keepAliveTimeout: 0',
    'logs: { type: stdout, format: json, level: warn }',
    'publish:',
    '  allow_offline: true',
    '',
  ].join('\n');
}

/** Waits until the registry answers its ping endpoint, or fails with what it printed. */
async function waitUntilUp(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Verdaccio exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(new URL('-/ping', url));
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  throw new Error(`Verdaccio did not answer on ${url} within ${timeoutMs} ms:\n${output()}`);
}

/** Adds a user through the registry's API (as `npm adduser` does) and returns its token. */
async function addUser(url: string, name: string, password: string): Promise<string> {
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`Could not add user ${name}: HTTP ${response.status}`);
  return body.token;
}

/**
 * Starts Verdaccio on a free 127.0.0.1 port with its storage, config and publisher credentials in `dir`.
 * The registry exits by itself if this process goes away.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const configFile = join(dir, 'config.yaml');
  writeFileSync(configFile, verdaccioConfig(dir));
  const child = spawn(
    process.execPath,
    ['--require', exitWithParent, verdaccioBin, '--config', configFile, '--listen', `127.0.0.1:${port}`],
    { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output = (output + chunk).slice(-8000);
  });
  child.stderr?.on('data', (chunk) => {
    output = (output + chunk).slice(-8000);
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    await waitUntilUp(url, child, () => output, 30_000);
    const token = await addUser(url, 'release-rehearsal', `rehearsal-${port}-${Date.now()}`);
    const publisherEnv = {
      npm_config_registry: url,
      npm_config_userconfig: join(dir, 'publisher.npmrc'),
      npm_config_globalconfig: join(dir, 'empty.npmrc'),
      npm_config_cache: join(dir, 'npm-cache'),
    };
    writeFileSync(
      publisherEnv.npm_config_userconfig,
      `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`,
    );
    writeFileSync(publisherEnv.npm_config_globalconfig, '');
    return {
      url,
      publisherEnv,
      stop,
      async packument(name) {
        const response = await fetch(new URL(name.replace('/', '%2f'), url));
        if (!response.ok) throw new Error(`${name}: HTTP ${response.status} from the local registry`);
        return (await response.json()) as Record<string, unknown>;
      },
      async publish(tarball) {
        await run('npm', ['publish', tarball, '--access', 'public'], { cwd: dir, env: publisherEnv });
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
