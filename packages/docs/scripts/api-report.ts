/**
 * `pnpm api:report` / `pnpm api:check`: the public API report of each published package (api-extractor's
 * `.api.md`), written to `packages/<name>/api/` from the built declarations (`dist/*.d.ts`). One report per entry
 * point: `testing.api.md`, `testing-vitest-prism.api.md`, ... With `--check`, writes nothing and fails when a
 * committed report differs from the current API, printing the command that fixes it.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
} from '@microsoft/api-extractor';

const root = resolve(import.meta.dirname, '../../..');
const check = process.argv.includes('--check');

/** The folders (under packages/) of the published packages. */
const reportedPackages = ['client', 'sdk', 'cli', 'testing'];

/**
 * A package's entry points (subpath -> built declaration file), read from the `types` of its package.json
 * `exports`: a new entry point gets its report without a change here.
 */
function entryPointsOf(folder: string): [subpath: string, dts: string][] {
  const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types?: string }>;
  };
  return Object.entries(manifest.exports).flatMap(([subpath, target]) =>
    typeof target === 'object' && target.types ? [[subpath, target.types.replace(/^\.\//, '')]] : [],
  );
}

/** The report's file name (without `.api.md`) for a package folder and subpath. */
function reportName(folder: string, subpath: string): string {
  return subpath === '.' ? folder : `${folder}-${subpath.slice(2)}`;
}

/** Prepares api-extractor's configuration for one entry point. */
function configure(folder: string, subpath: string, dts: string): ExtractorConfig {
  const projectFolder = join(root, 'packages', folder);
  if (!existsSync(join(projectFolder, dts))) {
    throw new Error(`packages/${folder}/${dts} is missing: run pnpm build first (pnpm api:report builds).`);
  }
  const name = reportName(folder, subpath);
  const temp = join(projectFolder, '.tmp', 'api');
  return ExtractorConfig.prepare({
    configObject: {
      projectFolder,
      mainEntryPointFilePath: join(projectFolder, dts),
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2022', 'DOM', 'DOM.Iterable'],
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            strict: true,
            skipLibCheck: true,
            types: ['node'],
          },
          include: ['dist/**/*.d.ts'],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: `${name}.api.md`,
        reportFolder: temp,
        reportTempFolder: temp,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        // No @public/@beta tags here: every export is public.
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
      },
    },
    configObjectFullPath: join(projectFolder, 'api-extractor.json'),
    packageJsonFullPath: join(projectFolder, 'package.json'),
  });
}

/** Runs api-extractor on one entry point (sharing one TypeScript program); returns the report text. */
function report(config: ExtractorConfig, compilerState: CompilerState): string {
  const projectFolder = config.projectFolder;
  const temp = config.reportTempFolder;
  const problems: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    compilerState,
    messageCallback: (message: ExtractorMessage) => {
      if (message.logLevel === 'error') problems.push(message.formatMessageWithLocation(projectFolder));
      message.handled = true;
    },
  });
  if (!result.succeeded && problems.length > 0) throw new Error(problems.join('\n'));
  const text = readFileSync(join(temp, config.reportConfigs[0]?.fileName ?? ''), 'utf8');
  rmSync(temp, { recursive: true, force: true });
  return text;
}

const entries = reportedPackages.flatMap((folder) =>
  entryPointsOf(folder).map(([subpath, dts]) => ({
    folder,
    subpath,
    config: configure(folder, subpath, dts),
  })),
);
// One TypeScript program for every entry point: creating it is most of api-extractor's time.
const [first] = entries;
if (!first) throw new Error('no entry points to report');
const compilerState = CompilerState.create(first.config, {
  additionalEntryPoints: entries.map((entry) => entry.config.mainEntryPointFilePath),
});
const stale: string[] = [];
for (const { folder, subpath, config } of entries) {
  const file = join(root, 'packages', folder, 'api', `${reportName(folder, subpath)}.api.md`);
  const text = report(config, compilerState);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (committed === text) continue;
  stale.push(relative(root, file));
  if (!check) {
    mkdirSync(join(root, 'packages', folder, 'api'), { recursive: true });
    writeFileSync(file, text);
  }
}
if (check && stale.length > 0) {
  console.error(
    `The public API differs from its committed report:\n${stale.map((f) => `  - ${f}`).join('\n')}`,
  );
  console.error('Fix: pnpm api:report, review the diff, add a changeset for each package, then commit.');
  process.exit(1);
}
console.log(
  check
    ? 'API reports are up to date.'
    : stale.length > 0
      ? `Updated:\n${stale.map((f) => `  - ${f}`).join('\n')}`
      : 'API reports were already up to date.',
);
