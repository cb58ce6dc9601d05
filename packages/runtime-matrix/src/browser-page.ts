import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The page: imports the facade's ESM bundle and the scenario, runs it and exposes the result. */
const page = (prismUrl: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>runtime matrix</title></head><body>
<script type="module">
import * as sdk from '/sdk.js';
import { runSmoke } from '/smoke-scenario.js';
window.smoke = runSmoke(sdk, ${JSON.stringify(prismUrl)});
</script></body></html>`;

/**
 * One ESM file of the built facade and its dependencies, as a browser app would ship it: esbuild resolves the
 * package by name with the browser's export conditions (not Node's, which select the node:http entry).
 */
export async function bundleFacade(): Promise<string> {
  const result = await build({
    stdin: { contents: "export * from '@docspace-people/sdk';", resolveDir: here, loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output');
  return file.text;
}

/** A running page server on 127.0.0.1. */
export interface PageServer {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Stops the server. */
  stop(): Promise<void>;
}

/** Serves the test page, the facade bundle and the scenario on a free 127.0.0.1 port. */
export async function servePage(prismUrl: string): Promise<PageServer> {
  const scenario = await readFile(new URL('./smoke-scenario.js', import.meta.url), 'utf8');
  const files: Record<string, [string, string]> = {
    '/': ['text/html', page(prismUrl)],
    '/sdk.js': ['text/javascript', await bundleFacade()],
    '/smoke-scenario.js': ['text/javascript', scenario],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
