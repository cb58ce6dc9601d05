import { createRequire } from 'node:module';
import { exportCommand, exportHelp } from './commands/export.js';
import { importCommand, importHelp } from './commands/import.js';
import { offboardCommand, offboardHelp } from './commands/offboard.js';
import { type CliIO, ExitCode, FileError, terminalSafe, UsageError } from './io.js';
import { reasonOf } from './outcome-errors.js';
import { applyCommand, applyHelp } from './sync/apply-command.js';
import { DesiredFileError } from './sync/desired.js';
import { planCommand, planHelp } from './sync/plan-command.js';

/** `docspace-people --help`. */
export const mainHelp = `Usage: docspace-people <command> [options]

Bulk onboarding, offboarding and directory sync for ONLYOFFICE DocSpace, on @docspace-people/sdk.

Commands:
  import <users.csv>      create the users of a CSV file (firstName,lastName,email[,type]); resumable
  offboard <file>         terminate, then delete, the people listed by id or e-mail; resumable
  export                  write every matching person as CSV or JSON, streamed page by page
  plan <desired.csv|json> show what would bring the portal to a desired directory (--out plan.json)
  apply <plan.json>       do what a plan says, refusing drifted items; resumable; writes an undo plan

Run "docspace-people <command> --help" for a command's options.
Connection: --url/--token or the environment variables DOCSPACE_URL and DOCSPACE_TOKEN.

Options:
  -h, --help      show this help
  -v, --version   show the version`;

const commands: Record<string, { run: (args: string[], io: CliIO) => Promise<number>; help: string }> = {
  import: { run: importCommand, help: importHelp },
  offboard: { run: offboardCommand, help: offboardHelp },
  export: { run: exportCommand, help: exportHelp },
  plan: { run: planCommand, help: planHelp },
  apply: { run: applyCommand, help: applyHelp },
};

/**
 * Runs the CLI with the arguments after the program name and returns the exit status: 0 when everything
 * succeeded, 1 when a row or the run failed, 2 for a usage error (nothing was sent) or a file that cannot be
 * read or written.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    const topic = name === 'help' && rest[0] ? commands[rest[0]]?.help : undefined;
    io.stdout.write(`${topic ?? mainHelp}\n`);
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '-v' || name === '--version') {
    const pkg = createRequire(import.meta.url)('../package.json') as { version: string };
    io.stdout.write(`${pkg.version}\n`);
    return ExitCode.ok;
  }
  const command = commands[name];
  if (!command) {
    io.stderr.write(`docspace-people: unknown command "${terminalSafe(name)}"\n\n${mainHelp}\n`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof FileError) {
      io.stderr.write(`docspace-people ${name}: ${terminalSafe(error.message)}\n`);
      return ExitCode.usage;
    }
    if (error instanceof DesiredFileError) {
      // One line per problem; each line is made terminal-safe on its own (cell values cannot add lines).
      io.stderr.write(`docspace-people ${name}: ${error.lines.map(terminalSafe).join('\n')}\n`);
      return ExitCode.usage;
    }
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(
        `docspace-people ${name}: ${terminalSafe((error as Error).message)}\nRun "docspace-people ${name} --help" for usage.\n`,
      );
      return ExitCode.usage;
    }
    io.stderr.write(`docspace-people ${name}: ${terminalSafe(reasonOf(error))}\n`);
    return ExitCode.failed;
  }
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
