// The package's entry in Node (package.json export condition `node`): the same API as index.ts, with clients
// created without a `fetch` option sending through node:http instead of fetch (see node-http.ts for why). Bun,
// Deno, browsers and bundles for them use index.ts and fetch.
import { nodeExchange } from './node-http.js';
import { useNativeExchange } from './transport.js';

useNativeExchange(nodeExchange);

export * from './index.js';
