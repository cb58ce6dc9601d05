import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { repoRoot } from '../../scripts/spec/paths.js';

const run = promisify(execFile);

it('the curated spec passes Redocly CLI lint (recommended rules, redocly.yaml) with no error or warning', async () => {
  const env = {
    ...process.env,
    REDOCLY_TELEMETRY: 'off',
    REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
    NO_COLOR: '1',
  };
  const { stdout, stderr } = await run(
    'pnpm',
    ['exec', 'redocly', 'lint', 'spec/openapi.json', '--format=stylish'],
    {
      cwd: repoRoot,
      env,
    },
  ).catch((error) => {
    throw new Error(`redocly lint failed:\n${error.stdout}\n${error.stderr}`);
  });
  const output = stdout + stderr;
  expect(output).toContain('Your API description is valid');
  // Stylish lines look like `  12:5  warning  rule-name  message`.
  expect(output).not.toMatch(/^\s*\d+:\d+\s+(warning|error)\b/m);
});
