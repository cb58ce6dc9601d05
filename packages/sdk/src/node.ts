// The package's entry in Node (package.json export condition `node`): the same API as index.ts, with clients
// created without a `fetch` option sending through node:http instead of fetch (see node-http.ts for why). Bun,
// Deno, browsers and bundles for them use index.ts and fetch.
import { nodeExchange } from './node-http.js';
import { useNativeExchange } from './transport.js';

useNativeExchange(nodeExchange, fetchGoesThroughProxy);

/**
 * True when `fetch` may have been set up to reach the network another way than node:http would: proxy variables
 * in the environment (Node's `NODE_USE_ENV_PROXY`, or undici's `EnvHttpProxyAgent` reading `HTTP(S)_PROXY`), or an
 * undici global dispatcher other than the default `Agent` (`setGlobalDispatcher(new ProxyAgent(...))`). Such
 * clients keep `fetch`, so that choosing node:http never changes where requests go.
 */
function fetchGoesThroughProxy(): boolean {
  const env = process.env;
  if (env.NODE_USE_ENV_PROXY || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy) {
    return true;
  }
  const dispatcher = (globalThis as Record<symbol, unknown>)[Symbol.for('undici.globalDispatcher.1')];
  return dispatcher !== undefined && (dispatcher as object).constructor?.name !== 'Agent';
}

export * from './index.js';
