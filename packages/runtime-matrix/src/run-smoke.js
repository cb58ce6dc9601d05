// Entry point for Node, Bun and Deno: imports the BUILT facade by its package name, runs the smoke scenario
// against the Prism origin given as the first argument, and prints the result as one JSON line.
import * as sdk from '@docspace-people/sdk';
import { runSmoke } from './smoke-scenario.js';

const g = /** @type {any} */ (globalThis);
const baseUrl = g.Deno ? g.Deno.args[0] : g.process.argv[2];
const result = await runSmoke(sdk, baseUrl);
// Which of the package's entries this runtime resolved: `node.js` (node:http) in Node, `index.js` (fetch) elsewhere.
const entry = import.meta.resolve('@docspace-people/sdk').split('/').at(-1);
console.log(JSON.stringify({ ...result, entry }));
