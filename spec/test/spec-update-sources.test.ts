import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceFromUrl, UpstreamReadError } from '../../scripts/spec-update/read-upstream.js';
import { updateSpec } from '../../scripts/spec-update/update-spec.js';
import { FACADE, fixtureFile, PROVENANCE_372, repoAt20260203, V372 } from './spec-update-support.js';

describe('reading the new document', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/people_2.0.json') response.end(readFileSync(fixtureFile('3.7.2')));
      else if (request.url === '/not-openapi.json') response.end('{"swagger": "2.0"}');
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches an http URL and records it', async () => {
    const repo = repoAt20260203();
    try {
      const result = await updateSpec({
        root: repo.root,
        facade: FACADE,
        source: `${base}/people_2.0.json`,
        provenance: PROVENANCE_372,
        generate: async () => [],
      });
      expect(result.ok).toBe(true);
      expect(JSON.parse(repo.read('spec/upstream/source.json'))).toMatchObject({
        url: `${base}/people_2.0.json`,
        sha256: V372.sha256,
      });
    } finally {
      repo.dispose();
    }
  });

  it.each([
    ['a URL answering 404', '/missing.json', 'answered HTTP 404'],
    ['a document that is not OpenAPI 3.0', '/not-openapi.json', 'is not an OpenAPI 3.0 document'],
  ])('rejects %s', async (_name, path, message) => {
    const repo = repoAt20260203();
    try {
      const update = updateSpec({ root: repo.root, facade: FACADE, source: `${base}${path}`, check: true });
      await expect(update).rejects.toThrow(UpstreamReadError);
      await expect(update).rejects.toThrow(message);
    } finally {
      repo.dispose();
    }
  });

  it.each([
    [
      'https://raw.githubusercontent.com/ONLYOFFICE/DocSpace-server/ed2994e74f9de78af63e73f425b060345a262536/common/x/people_2.0.json',
      {
        repository: 'https://github.com/ONLYOFFICE/DocSpace-server',
        commit: 'ed2994e74f9de78af63e73f425b060345a262536',
        path: 'common/x/people_2.0.json',
      },
    ],
    [
      'https://github.com/ONLYOFFICE/DocSpace-server/raw/v3.7.2-server/common/x/people_2.0.json',
      {
        repository: 'https://github.com/ONLYOFFICE/DocSpace-server',
        tag: 'v3.7.2-server',
        path: 'common/x/people_2.0.json',
      },
    ],
    ['https://example.com/people_2.0.json', {}],
  ])('reads the provenance a URL carries: %s', (url, expected) => {
    expect(provenanceFromUrl(url)).toEqual(expected);
  });
});
