/**
 * The vitest example of packages/testing/README.md ("Test your code against a fake portal"), run as written: the
 * code block is copied into `.tmp/` next to this package's node_modules and imported here, so its `it` blocks
 * become tests of this file.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const readme = readFileSync(fileURLToPath(new URL('../../testing/README.md', import.meta.url)), 'utf8');
const section = readme.split('## Test your code against a fake portal')[1] ?? '';
const example = /```ts\n([\s\S]*?)```/.exec(section)?.[1] ?? '';

it('the README of @docspace-people/testing has the vitest example', () => {
  expect(example).toContain('startSamplePortal()');
  expect(example.match(/^it\(/gm)?.length).toBe(2);
});

const dir = fileURLToPath(new URL('../.tmp/', import.meta.url));
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}testing-readme-example.ts`, example);
await import(`${dir}testing-readme-example.ts`);
