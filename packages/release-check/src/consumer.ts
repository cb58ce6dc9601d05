import { lstatSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type RunResult, run } from './run.js';

/** A project outside the workspace that installs packages from one registry with plain npm. */
export interface ConsumerProject {
  /** Its folder. */
  dir: string;
  /** Runs `npm install <specs...>` against the registry, with no user or global npm configuration. */
  install(...specs: string[]): Promise<RunResult>;
  /** Runs `node <file>` in the project (the file is written first), with extra environment variables. */
  node(file: string, source: string, env?: Record<string, string>): Promise<RunResult>;
}

/** Creates an empty consumer project in `dir` whose only npm configuration points at `registryUrl`. */
export function createConsumer(dir: string, registryUrl: string): ConsumerProject {
  writeFileSync(
    join(dir, 'package.json'),
    `${JSON.stringify({ name: 'release-consumer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
  );
  writeFileSync(join(dir, '.npmrc'), `registry=${registryUrl}\n`);
  writeFileSync(join(dir, 'empty.npmrc'), '');
  const npmEnv = {
    npm_config_userconfig: join(dir, '.npmrc'),
    npm_config_globalconfig: join(dir, 'empty.npmrc'),
    npm_config_cache: join(dir, '.npm-cache'),
    npm_config_registry: registryUrl,
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  return {
    dir,
    install: (...specs) => run('npm', ['install', '--save-exact', ...specs], { cwd: dir, env: npmEnv }),
    node: (file, source, env = {}) => {
      writeFileSync(join(dir, file), source);
      return run(process.execPath, [file], { cwd: dir, env });
    },
  };
}

/** One way the workspace could leak into an installed consumer. */
export interface Leak {
  /** Path relative to the consumer. */
  path: string;
  /** What is wrong. */
  problem: string;
}

const LOCAL_SPECIFIER = /^(workspace|catalog|file|link|portal):/;

/** Walks a folder without following symbolic links, yielding every path. */
function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    yield path;
    if (entry.isDirectory()) yield* walk(path);
  }
}

/**
 * Everything in the consumer's `node_modules` and lockfile that points back at the workspace or at anything but
 * the registry: links leaving the project, local dependency specifiers (`workspace:`, `file:`, `link:`...) in
 * installed manifests, lockfile entries not resolved from `registryUrl`, and files that mention `forbiddenPaths`.
 */
export function findLeaks(
  consumerDir: string,
  registryUrl: string,
  forbiddenPaths: readonly string[],
): Leak[] {
  const leaks: Leak[] = [];
  const root = realpathSync(consumerDir);
  for (const path of walk(join(consumerDir, 'node_modules'))) {
    const at = relative(consumerDir, path);
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) {
      const target = realpathSync(path);
      if (!target.startsWith(`${root}/`))
        leaks.push({ path: at, problem: `links outside the project to ${target}` });
      continue;
    }
    if (!stat.isFile()) continue;
    const text = readFileSync(path, 'utf8');
    for (const forbidden of forbiddenPaths) {
      if (text.includes(forbidden)) leaks.push({ path: at, problem: `mentions ${forbidden}` });
    }
    if (!path.endsWith('/package.json')) continue;
    const manifest = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
      for (const [name, spec] of Object.entries(manifest[field] ?? {})) {
        if (LOCAL_SPECIFIER.test(spec)) leaks.push({ path: at, problem: `${field}.${name} is ${spec}` });
      }
    }
  }
  const lock = JSON.parse(readFileSync(join(consumerDir, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { resolved?: string; link?: boolean }>;
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '') continue;
    if (entry.link) leaks.push({ path, problem: 'is a link in package-lock.json' });
    else if (!entry.resolved?.startsWith(registryUrl)) {
      leaks.push({ path, problem: `resolved from ${entry.resolved ?? 'nowhere'} in package-lock.json` });
    }
  }
  return leaks;
}
